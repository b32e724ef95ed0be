package clauses

import "testing"

func TestAlignTables(t *testing.T) {
	body := "Avdrag enligt tabellen.\n| Tillgänglighet | Avdrag |\n| Under 99,9 % | 5 % |\n| Under 99 % | 10 % |\nSista raden."
	want := "Avdrag enligt tabellen.\nTillgänglighet │ Avdrag\nUnder 99,9 %   │ 5 %\nUnder 99 %     │ 10 %\nSista raden."
	if got := alignTables(body, 80); got != want {
		t.Errorf("alignTables:\n%s\nwant\n%s", got, want)
	}
	// Too wide for the viewer: left to wrap as it is.
	if got := alignTables(body, 20); got != body {
		t.Errorf("a table wider than the viewer changed: %q", got)
	}
}

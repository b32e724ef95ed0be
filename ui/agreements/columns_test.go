package agreements

import (
	"strings"
	"testing"

	"avtal/assets"
)

// Columns give way by priority: the status and the cancel-by date show at
// every width, the kind as soon as there is room for it, and a cut title
// always ends in "…".
func TestColumnsShrinkByPriority(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		width           int
		kind, periodEnd bool
	}{
		{60, false, false},
		{80, true, true},
		{100, true, true},
		{200, true, true},
	} {
		p := newPane(t, sample, tt.width, 20)
		header := p.m.header()
		for _, col := range []string{"Status", "Cancel by", "Agreement"} {
			if !strings.Contains(header, col) {
				t.Errorf("at %d columns the header lacks %q: %q", tt.width, col, header)
			}
		}
		if strings.Contains(header, "Kind") != tt.kind || strings.Contains(header, "Period end") != tt.periodEnd {
			t.Errorf("at %d columns: kind %v, period end %v in %q", tt.width, tt.kind, tt.periodEnd, header)
		}
		c := p.m.columns()
		for _, a := range sample {
			if len([]rune(a.Title)) > c.title && !strings.Contains(p.view(), "…") {
				t.Errorf("at %d columns a title longer than %d is cut without …", tt.width, c.title)
			}
		}
		if !strings.Contains(p.view(), " active ") {
			t.Errorf("at %d columns the status is not shown:\n%s", tt.width, p.view())
		}
	}
}

// After the window grows, the rows above the selection come back into
// view instead of an empty box below it.
func TestResizeReanchorsTheList(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	p := newPane(t, sample, 60, 15)
	p.keys("G")
	if strings.Contains(p.view(), "Centuri AB") {
		t.Fatalf("at 60x15 with the last row selected the first should be scrolled away:\n%s", p.view())
	}
	p.m.SetSize(120, 40)
	if v := p.view(); !strings.Contains(v, "Centuri AB") || !strings.Contains(v, "› SuperOffi") {
		t.Errorf("after growing, every row should show with the last selected:\n%s", v)
	}
}

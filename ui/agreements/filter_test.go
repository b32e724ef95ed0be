package agreements

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"avtal/assets"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// / filters the list as you type on supplier, title, id, kind and status;
// enter keeps the filter, esc drops it and shows the whole register.
func TestFilterAsYouType(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	p := newPane(t, sample, 100, 24)
	p.keys("/")
	if !p.m.Capturing() {
		t.Fatal("/ should open the filter, taking every key")
	}
	p.typeText("inera")
	v := ansi.Strip(p.view())
	if !strings.Contains(v, "1 of 4 matching “inera”") || strings.Contains(v, "Centuri") {
		t.Fatalf("typing inera should leave Inera's four agreements:\n%s", v)
	}
	p.keys("enter", "j")
	if p.m.Capturing() || !strings.Contains(ansi.Strip(p.view()), "2 of 4 matching") {
		t.Errorf("enter should keep the filter and give the keys back to the list:\n%s", p.view())
	}
	if !p.m.BelowTop() {
		t.Error("with a filter set, esc must reach the pane (drop the filter) before it drops the scope")
	}
	p.keys("/")
	p.typeText(" dpa") // a kind, and every word must match
	if v := ansi.Strip(p.view()); !strings.Contains(v, "1 of 1 matching “inera dpa”") || !strings.Contains(v, "Inera Personuppgifts") {
		t.Errorf("inera dpa should leave the DPA alone:\n%s", v)
	}
	p.keys("esc")
	if v := ansi.Strip(p.view()); p.m.list.Filter.Active() || !strings.Contains(v, "1 of 8") {
		t.Errorf("esc should drop the filter:\n%s", v)
	}
}

// A kind's name in the session's language finds it: "ramavtal" is the
// framework in Swedish.
func TestFilterOnTranslatedKind(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	st := tuitest.Store(t, sample)
	p := &pane{t: t, m: New(tuitest.Session(st, i18n.SV)), st: st, h: 24}
	p.m.SetSize(100, 24)
	p.run(p.m.Init())
	p.keys("/")
	p.typeText("ramavtal")
	if v := ansi.Strip(p.view()); !strings.Contains(v, "1 av 1 som matchar ”ramavtal”") || !strings.Contains(v, "Inera Kundavtal 2") {
		t.Errorf("ramavtal should find the framework:\n%s", v)
	}
}

// s sorts a list the window holds whole by supplier, title, status, period
// end and cancel-by, keeping the agreement selected; a click selects the
// row under the pointer.
func TestSortAndClick(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	p := newPane(t, sample, 100, 24)
	suppliers := func() []string {
		var names []string
		for _, r := range p.m.rows {
			names = append(names, r.Agreement.Supplier.Name)
		}
		return names
	}
	own := strings.Join(suppliers(), ",")
	keep := p.m.selectedID()
	p.keys("s")
	sorted := suppliers()
	for i := 1; i < len(sorted); i++ {
		if strings.ToLower(sorted[i-1]) > strings.ToLower(sorted[i]) {
			t.Fatalf("s should sort by supplier: %q", sorted)
		}
	}
	if p.m.selectedID() != keep {
		t.Errorf("sorting moved the cursor from %s to %s", keep, p.m.selectedID())
	}
	for range 5 {
		p.keys("s")
	}
	if got := strings.Join(suppliers(), ","); got != own {
		t.Errorf("s cycles back to the register's order:\n%s\nwant\n%s", got, own)
	}

	// The third row of the list is drawn on line 4 of the pane: the
	// frame's edge and the header are above the first.
	p.view() // a click finds the row where the list was last drawn
	p.run(p.m.Click(6, 4))
	if p.m.selectedID() != p.m.rows[2].Agreement.ID {
		t.Errorf("a click on the third row selected %s", p.m.selectedID())
	}

}

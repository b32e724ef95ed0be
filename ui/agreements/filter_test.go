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
	if v := ansi.Strip(p.view()); p.m.filter.Active() || !strings.Contains(v, "1 of 8") {
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

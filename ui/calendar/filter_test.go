package calendar

import (
	"strings"
	"testing"

	"avtal/ui/i18n"
)

func TestFilterKeepsTheMatchingDeadlines(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("/")
	if !p.m.Capturing() || p.m.focus != agendaFocus {
		t.Fatalf("/ in the grid: capturing %v, focus %d; want the field open in the agenda", p.m.Capturing(), p.m.focus)
	}
	p.keys("pureserv")
	p.shows("/ pureserv", "Missed and overdue (1)", "! 2026-07-31")
	if v := p.view(); strings.Contains(v, "2026-09-30") || strings.Contains(v, "Indexation") {
		t.Errorf("Centuri's deadlines are not hidden:\n%s", v)
	}
	p.keys("enter")
	if p.m.Capturing() || !p.m.BelowTop() {
		t.Fatalf("enter: capturing %v, below top %v", p.m.Capturing(), p.m.BelowTop())
	}
	p.shows("matching “pureserv”")
	// The selection is on the first matching deadline, and d acts on it.
	d := p.m.selected()
	if d == nil || d.AgreementID != "pureservice" {
		t.Fatalf("selected %+v, want a Pureservice deadline", d)
	}
	p.keys("k", "d")
	p.shows("Mark done: Termination notice · Pureservice")
	p.keys("esc")
	if p.m.form != nil {
		p.keys("y")
	}

	// esc drops the filter and stays in the agenda; esc again goes back to the grid.
	p.keys("esc")
	if p.m.agendaList.Filter.Active() || p.m.focus != agendaFocus {
		t.Fatalf("esc: filter %q, focus %d; want the filter dropped in the agenda", p.m.agendaList.Filter.Query(), p.m.focus)
	}
	p.shows("Missed and overdue (2)", "2026-09-30")
	p.keys("esc")
	if p.m.focus != gridFocus || p.m.BelowTop() {
		t.Errorf("second esc: focus %d, below top %v", p.m.focus, p.m.BelowTop())
	}

	// Accents and case do not matter: Centuri's and the framework's five
	// years of indexations; nothing matching says so in the header.
	p.keys("/", "INDEXÅTION")
	p.shows("From Tu 24 November 2026 · 10 matching “INDEXÅTION”", "2031-09-01 +1742d Indexation")
	p.keys(" nowhere")
	p.shows("· 0 matching “INDEXÅTION nowhere”", "No more deadlines up to")
	p.keys("esc")
	if p.m.agendaList.Filter.Active() || p.m.Capturing() {
		t.Error("esc while typing keeps the filter")
	}
}

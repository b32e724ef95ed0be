package calendar

import (
	"context"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// englishWords are what the engine's English periods and sentences are
// made of. None of them may reach a Swedish screen.
var englishWords = []string{"month", "week", "business day", " days", "year", "before", " after ", "renewal", " ends ", "from start", "set for"}

// TestSwedishDetailsAreSwedish opens the explanation of every deadline in
// the Swedish agenda of the sample register, with a downtime recorded so an
// event window is among them, and finds no English word in it. A rule's own
// title is the register's free text, in the language it was written in, so
// it is left out of the check.
func TestSwedishDetailsAreSwedish(t *testing.T) {
	st := tuitest.SampleStore(t)
	if _, err := st.RecordEvent(context.Background(), "pureservice", deadlines.Event{Name: "downtime", Date: day("2026-12-02")}); err != nil {
		t.Fatal(err)
	}
	p := &pane{t: t, c: tuitest.Session(st, i18n.SV)}
	p.m = New(p.c)
	p.m.SetSize(120, 40)
	p.run(p.m.Init())
	p.keys("enter", "g") // into the agenda, at its top
	opened, seen := 0, map[string]bool{}
	for {
		p.keys("enter")
		if sel := p.m.selected(); p.m.focus == detailFocus && sel != nil {
			d := *sel // as the detail words it
			if err := deadlines.Word(&d, model.Swedish); err != nil {
				t.Fatal(err)
			}
			opened++
			seen[d.Explanation] = true
			v := p.view()
			if d.Title == deadlines.DefaultTitle(d.Kind) {
				if !strings.Contains(v, p.c.T("dl."+string(d.Kind))) || strings.Contains(v, d.Title) {
					t.Errorf("%s: the default title should show as the Swedish kind:\n%s", d.Key(), v)
				}
			} else {
				for _, l := range wrap(session.Sanitize(d.Title), p.m.layout.agendaInnerW) {
					v = strings.Replace(v, l, "", 1)
				}
			}
			for _, w := range englishWords {
				if strings.Contains(v, w) {
					t.Errorf("%s shows %q in Swedish:\n%s", d.Key(), w, v)
				}
			}
			p.keys("h")
		}
		sel := p.m.agendaList.Cursor()
		if p.keys("j"); p.m.agendaList.Cursor() == sel {
			break
		}
	}
	// Hand-written: Centuri's missed cancel-by, its first renewal's, and
	// Pureservice's claim window (2026-12-02 + 4 weeks = 2026-12-30).
	for _, want := range []string{
		"36 månader från start 2024-04-01 slutar 2027-03-31; 6 månader före = 2026-09-30",
		"förlängning 1 (12 månader) från 2027-04-01 slutar 2028-03-31; 6 månader före = 2027-09-30",
		"downtime 2026-12-02; 4 veckor efter = 2026-12-30",
	} {
		if !seen[want] {
			t.Errorf("no detail explained %q", want)
		}
	}
	if opened < 30 {
		t.Errorf("opened %d details; the sample's five years hold more", opened)
	}
}

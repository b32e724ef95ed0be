package sla

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/assets"
	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// pane is an SLA pane over a register, driven through Update with every
// command run to completion; it keeps the last status-bar message.
type pane struct {
	t      *testing.T
	m      *Model
	st     *store.Store
	status string
	failed error
}

func samplePane(t *testing.T, lang i18n.Lang, w, h int, readOnly bool) *pane {
	t.Helper()
	return newPane(t, tuitest.SampleStore(t), lang, w, h, readOnly)
}

func newPane(t *testing.T, st *store.Store, lang i18n.Lang, w, h int, readOnly bool) *pane {
	t.Helper()
	c := tuitest.Session(st, lang)
	c.SetAccess("", readOnly)
	p := &pane{t: t, m: New(c), st: st}
	p.m.SetSize(w, h)
	p.run(p.m.Init())
	return p
}

func (p *pane) run(cmd tea.Cmd) {
	p.t.Helper()
	tuitest.Drain(p.t, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case session.StatusMsg:
			p.status, p.failed = msg.Text, nil
		case session.ErrMsg:
			p.status, p.failed = "", msg.Err
		}
		return p.m.Update(msg)
	}, cmd)
}

func (p *pane) send(msg tea.Msg) {
	p.t.Helper()
	p.run(p.m.Update(msg))
}

// keys presses each key in turn: named keys (enter, tab, esc, ctrl+s,
// left, right) by name, anything else as typed text.
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEsc, "ctrl+s": tea.KeyCtrlS,
		"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown, "backspace": tea.KeyBackspace}
	for _, k := range keys {
		if kt, ok := named[k]; ok {
			p.send(tea.KeyMsg{Type: kt})
			continue
		}
		for _, r := range k {
			p.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

// shows fails unless the view holds every text.
func (p *pane) shows(texts ...string) {
	p.t.Helper()
	view := p.m.View()
	for _, s := range texts {
		if !strings.Contains(view, s) {
			p.t.Errorf("the view lacks %q:\n%s", s, view)
			return
		}
	}
}

// incidents returns what the register holds for id in 2026.
func (p *pane) incidents(id string) []model.Incident {
	p.t.Helper()
	list, err := p.st.Incidents(context.Background(), id, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		p.t.Fatal(err)
	}
	return list
}

// scope narrows the pane to one agreement, as the root does.
func (p *pane) scope(id string) { p.t.Helper(); p.send(session.ScopeMsg{ID: id, Title: id}) }

// addIncident fills the add form's start and end (and planned, excluded,
// reason when given) and saves.
func (p *pane) addIncident(start, end string, more ...string) {
	p.t.Helper()
	p.keys("a")
	p.keys(start, "tab", end)
	for _, v := range more {
		p.keys("tab", v)
	}
	p.keys("ctrl+s")
}

func TestAddingAnIncidentUpdatesTheCredit(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	// Unscoped, the pane offers the two agreements with SLA terms, in register order.
	p.shows("SLA · Centuri SaaS", "‹ November 2026 ›", "1 of 2 with SLA terms", "No incidents this month — press a to add one")
	p.keys("]")
	p.shows("SLA · Pureservice tjänsteavtal", "2 of 2", "Uptime 100.0000 %", "meets the 99.5 % target", "Nothing to claim this month")

	// 10:00–13:37 is 217 of November's 43 200 minutes: 42 983 / 43 200 =
	// 99.4977 %, below 99.5 → 25 % of the monthly fee 4 500 = 1 125; claim
	// within 4 weeks of 10 November = 8 December, 14 days after the 24th.
	p.addIncident("2026-11-10 10:00", "2026-11-10 13:37", "n", "n", "", "login fails")
	if p.failed != nil || p.status != "Incident saved." {
		t.Fatalf("status %q, error %v", p.status, p.failed)
	}
	p.shows("Uptime 99.4977 %", "below the 99.5 % target", "217 of 43 200 min down",
		"Credit 1 125 SEK = 25 % of 4 500 SEK/month (tier below 99.5 %, cap 4 500)",
		"Claim by 2026-12-08 (act by 2026-12-08) — 14 days left",
		"2026-11-10 10:00–13:37", "3h 37m", "217 min", "login fails")
	if got := p.incidents("pureservice"); len(got) != 1 || got[0].Description != "login fails" || got[0].Start.Format(time.RFC3339) != "2026-11-10T10:00:00+01:00" {
		t.Errorf("stored %+v", got)
	}

	// A what-if fee of 10 000: 25 % = 2 500. Nothing is written.
	p.keys("f", "10000", "enter")
	p.shows("Credit 2 500 SEK = 25 % of 10 000 SEK/month (what-if fee, tier below 99.5 %, cap 10 000)")

	// Marking it planned: nothing counts any more.
	p.keys("p")
	p.shows("Uptime 100.0000 %", "planned", "Nothing to claim this month")
	if got := p.incidents("pureservice"); len(got) != 1 || !got[0].Planned {
		t.Errorf("after p: %+v, want it planned", got)
	}
}

func TestEditAndExclude(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("pureservice")
	p.addIncident("2026-11-10 10:00", "2026-11-10 13:37")
	// Edit the end to 18:00 (08:00 more): 480 minutes → 98.8889 %, 50 % of 4 500 = 2 250.
	p.keys("e", "tab")
	for range len("2026-11-10 13:37") {
		p.keys("backspace")
	}
	p.keys("2026-11-10 18:00", "ctrl+s")
	p.shows("Uptime 98.8889 %", "Credit 2 250 SEK = 50 %")

	// x asks for the reason; an empty one is refused, a given one excludes it.
	p.keys("x", "enter")
	p.shows("must be filled in")
	p.keys("customer's own network", "enter")
	p.shows("Uptime 100.0000 %", "excluded", "customer's own netwo…") // the note column, cut at 100 columns
	if got := p.incidents("pureservice"); len(got) != 1 || !got[0].Excluded || got[0].ExcludeReason != "customer's own network" || got[0].End.Hour() != 18 {
		t.Errorf("after exclude: %+v", got)
	}
	// x again counts it again.
	p.keys("x")
	p.shows("Uptime 98.8889 %")
}

func TestFormRefusesWhatIsWrong(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("pureservice")
	tests := []struct {
		name   string
		fields []string
		want   string
	}{
		{"end before start", []string{"2026-11-10 13:00", "2026-11-10 12:00"}, "2026-11-10 12:00 is not after the start 2026-11-10 13:00"},
		{"end equal to start", []string{"2026-11-10 13:00", "2026-11-10 13:00"}, "is not after the start"},
		{"a date that does not exist", []string{"2026-02-30 10:00", "2026-03-01 10:00"}, "2026-02-30T10:00 is not a date that exists"},
		{"an hour the clocks skip", []string{"2026-03-29 02:30", "2026-03-29 04:00"}, "the clocks skip"},
		{"excluded without a reason", []string{"2026-11-10 10:00", "2026-11-10 11:00", "n", "y"}, "say why the incident is excluded"},
		{"reported on a date that does not exist", []string{"2026-11-10 10:00", "2026-11-10 11:00", "n", "n", "", "", "2026-11-31"}, "not a date that exists"},
	}
	for _, tt := range tests {
		p.addIncident(tt.fields[0], tt.fields[1], tt.fields[2:]...)
		if !p.m.Capturing() {
			t.Errorf("%s: the form closed", tt.name)
		}
		p.shows(tt.want)
		p.keys("esc", "y") // y: throw away what was typed
	}
	if got := p.incidents("pureservice"); len(got) != 0 {
		t.Errorf("refused forms stored %+v", got)
	}
	if p.m.Capturing() {
		t.Error("esc left the form open")
	}
}

func TestViewerMayNotWrite(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	st := tuitest.Store(t, sample)
	if _, err := st.AddIncident(context.Background(), &model.Incident{AgreementID: "pureservice",
		Start: time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 10, 12, 37, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	p := newPane(t, st, i18n.EN, 100, 30, true)
	p.scope("pureservice")
	p.shows("Uptime 99.4977 %") // a viewer still sees and computes
	for _, k := range []string{"a", "e", "d", "p", "x"} {
		p.keys(k)
		if !errors.Is(p.failed, session.ErrReadOnly) || p.m.Capturing() {
			t.Errorf("%s: error %v, capturing %v; want refused as read-only", k, p.failed, p.m.Capturing())
		}
		p.failed = nil
	}
	if got := p.incidents("pureservice"); len(got) != 1 || got[0].Planned || got[0].Excluded {
		t.Errorf("a viewer changed the log: %+v", got)
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("pureservice")
	p.addIncident("2026-11-10 10:00", "2026-11-10 13:37")
	p.keys("d")
	p.shows("Delete the incident 2026-11-10 10:00–13:37? y deletes")
	p.keys("n")
	if p.status != "Nothing changed." || len(p.incidents("pureservice")) != 1 {
		t.Errorf("n: status %q, %d incidents; want it kept", p.status, len(p.incidents("pureservice")))
	}
	p.keys("d", "y")
	p.shows("No incidents this month — press a to add one", "Uptime 100.0000 %")
	if len(p.incidents("pureservice")) != 0 || p.status != "Incident deleted." {
		t.Errorf("y: status %q, %d incidents left", p.status, len(p.incidents("pureservice")))
	}
}

func TestMonthsAndTheirHistory(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("pureservice")
	// 2026-10-31 22:00 → 2026-11-01 02:00 counts 120 minutes in each month.
	// October in Stockholm has 31 × 1 440 + 60 (the hour that repeats) =
	// 44 700 minutes: 44 580 / 44 700 = 99.7315 %. November: 43 080 / 43 200 = 99.7222 %.
	p.addIncident("2026-10-31 22:00", "2026-11-01 02:00")
	p.shows("Uptime 99.7222 %", "120 of 43 200 min down", "2026-10-31 22:00–11-01 02:00")
	p.keys("left")
	p.shows("‹ October 2026 ›", "Uptime 99.7315 %", "120 of 44 700 min down")
	// August: 12 hours down = 720 of 44 640 → 98.3871 %, below 99.5.
	p.keys("h", "h")
	p.addIncident("2026-08-12 08:00", "2026-08-12 20:00")
	p.shows("‹ August 2026 ›", "Uptime 98.3871 %")
	// Back to this month: the history has August below the target, and
	// nothing else (October and November meet it).
	p.keys("t")
	p.shows("‹ November 2026 ›", "1 of 12 below target", "Aug")
	p.keys("l")
	p.shows("‹ December 2026 ›", "No incidents this month")
}

func TestCenturiIsDiscretionary(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("centuri-saas")
	p.shows("Service hours count: Mon–Fri 08:00–17:00, not Swedish public holidays (Swedish time, CET/CEST)",
		"No fixed credit: the supplier decides a reasonable price reduction")
	// 16:00–19:00 counts the hour to 17:00: 11 280 / 11 340 = 99.4709 %.
	p.addIncident("2026-11-10 16:00", "2026-11-10 19:00")
	p.shows("Uptime 99.4709 %", "below the 99.5 % target", "60 of 11 340 min down",
		"ask the supplier for a reasonable price reduction", "No claim deadline stated", "60 min")
}

func TestEmptyStates(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("cleura-volymavtal")
	p.shows("No SLA terms for this agreement —")
	p.keys("a")
	if p.m.Capturing() {
		t.Error("a opened a form for an agreement without SLA terms")
	}
	p.send(session.ScopeMsg{})
	p.shows("SLA · Centuri SaaS")

	none := newPane(t, tuitest.Store(t, nil), i18n.EN, 100, 30, false)
	none.shows("No agreement in the register states SLA terms")
}

func TestAnotherSessionsChangeIsShown(t *testing.T) {
	p := samplePane(t, i18n.EN, 100, 30, false)
	p.scope("pureservice")
	p.shows("Uptime 100.0000 %")
	if _, err := p.st.AddIncident(context.Background(), &model.Incident{AgreementID: "pureservice",
		Start: time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 10, 12, 37, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	p.send(session.ChangedMsg{AgreementID: "pureservice", Entity: "incident"})
	p.shows("Uptime 99.4977 %")
}

func TestSwedish(t *testing.T) {
	p := samplePane(t, i18n.SV, 100, 30, false)
	p.scope("pureservice")
	p.addIncident("2026-11-10 10:00", "2026-11-10 13:37", "n", "n")
	p.shows("‹ november 2026 ›", "Tillgänglighet 99,4977 %", "under målet 99,5 %", "Kreditering 1 125 SEK", "14 dagar kvar",
		"Begär kreditering inom 4 veckor efter nedtiden (punkt 4.3)")
}

// TestViewFitsEverySize draws the pane with incidents, an open form and an
// empty state over a grid of sizes, in both languages.
func TestViewFitsEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		p := samplePane(t, lang, 100, 30, false)
		p.keys("]")
		for i := range 12 {
			p.addIncident(fmt.Sprintf("2026-11-%02d 10:00", 2+i), fmt.Sprintf("2026-11-%02d 13:00", 2+i), "n", "n", "", strings.Repeat("a long description ", 8))
		}
		for w := 60; w <= 200; w += 7 {
			for h := 12; h <= 60; h += 4 {
				p.m.SetSize(w, h)
				checkFits(t, fmt.Sprintf("%s list", lang), p.m.View(), w, h)
				p.keys("a")
				checkFits(t, fmt.Sprintf("%s form", lang), p.m.View(), w, h)
				p.keys("esc")
			}
		}
		p.scope("cleura-volymavtal")
		for _, size := range [][2]int{{60, 12}, {80, 21}, {160, 42}} {
			p.m.SetSize(size[0], size[1])
			checkFits(t, "no terms", p.m.View(), size[0], size[1])
		}
	}
}

// checkFits fails unless view fills exactly w×h: no line wider, no more lines.
func checkFits(t *testing.T, what, view string, w, h int) {
	t.Helper()
	if got := lipgloss.Height(view); got != h {
		t.Errorf("%s at %dx%d: %d lines\n%s", what, w, h, got, view)
		return
	}
	for i, line := range strings.Split(view, "\n") {
		if got := lipgloss.Width(line); got > w {
			t.Errorf("%s at %dx%d: line %d is %d cells wide\n%s", what, w, h, i+1, got, view)
			return
		}
	}
}

// TestCapture logs the pane at 80x24 (the root leaves it 80x21) and at
// 160x45, for a reviewer: go test -v -run Capture ./ui/sla.
func TestCapture(t *testing.T) {
	p := samplePane(t, i18n.EN, 80, 21, false)
	p.keys("]")
	p.addIncident("2026-11-10 10:00", "2026-11-10 13:37", "n", "n", "", "login fails")
	p.addIncident("2026-11-03 22:00", "2026-11-04 02:00", "y", "n", "", "upgrade")
	for _, size := range [][2]int{{80, 21}, {140, 27}, {160, 42}} {
		p.m.SetSize(size[0], size[1])
		view := p.m.View()
		checkFits(t, "capture", view, size[0], size[1])
		t.Logf("%dx%d:\n%s", size[0], size[1], view)
	}
}

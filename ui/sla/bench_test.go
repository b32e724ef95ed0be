package sla

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// busyIncidents is the incident count of the busy month the benchmarks use.
const busyIncidents = 10000

// busyPane is a pane scoped to Pureservice with busyIncidents incidents in
// November 2026 — one minute down every four, 10 000 minutes in all —
// sized 80x21 as the root leaves it at 80x24.
func busyPane(b *testing.B) *pane {
	b.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		b.Fatal(err)
	}
	st := tuitest.Store(b, sample)
	ctx := context.Background()
	first := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range busyIncidents {
		start := first.Add(time.Duration(4*i) * time.Minute)
		if _, err := st.AddIncident(ctx, &model.Incident{AgreementID: "pureservice", Start: start, End: start.Add(time.Minute)}); err != nil {
			b.Fatal(err)
		}
	}
	p := &pane{m: New(tuitest.Session(st, i18n.EN)), st: st}
	p.m.SetSize(80, 21)
	run := func(cmd tea.Cmd) { tuitest.Drain(b, p.m.Update, cmd) }
	run(p.m.Init())
	run(p.m.Update(scopeTo("pureservice")))
	return p
}

// BenchmarkMonthSwitch is one ← or → between two months already computed:
// Update and View, which is all a keypress costs once a month is cached.
func BenchmarkMonthSwitch(b *testing.B) {
	p := busyPane(b)
	left, right := tea.KeyMsg{Type: tea.KeyLeft}, tea.KeyMsg{Type: tea.KeyRight}
	for _, k := range []tea.KeyMsg{left, right} { // compute October, then back to November
		tuitest.Drain(b, p.m.Update, p.m.Update(k))
		p.m.View()
	}
	keys := []tea.KeyMsg{left, right}
	i := 0
	for b.Loop() {
		if cmd := p.m.Update(keys[i%2]); cmd != nil {
			b.Fatal("a cached month asked for a computation")
		}
		p.m.View()
		i++
	}
}

// BenchmarkMonthCompute is the work behind a month not seen before: the
// store read of its year of incidents, the credit of the month and its
// 12-month history, then the first View (timeline and visible rows).
func BenchmarkMonthCompute(b *testing.B) {
	p := busyPane(b)
	for b.Loop() {
		p.m.cache = map[monthKey]*monthData{}
		tuitest.Drain(b, p.m.Update, p.m.compute())
		p.m.View()
	}
	if d := p.m.data(); d == nil || len(d.incidents) != busyIncidents || d.report.DowntimeMinutes != busyIncidents {
		b.Fatalf("the busy month was not computed: %+v", d)
	}
}

// scopeTo is the root's message narrowing every pane to one agreement.
func scopeTo(id string) tea.Msg { return session.ScopeMsg{ID: id, Title: id} }

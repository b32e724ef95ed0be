package sla

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// With more agreements with SLA terms than a page holds, [ and ] reach
// every one of them, a page at a time, and go round at both ends.
func TestChoicesPageThroughAll(t *testing.T) {
	const n = 2*maxChoices + 20 // 120: two full pages and a part
	var list []*model.Agreement
	for i := range n {
		list = append(list, &model.Agreement{ID: fmt.Sprintf("s%03d", i), Title: fmt.Sprintf("Service %03d", i),
			Kind: model.KindSLA, Status: model.StatusActive, Supplier: model.Party{Name: "Leverantör AB"},
			Term: model.Term{Indefinite: true},
			SLA:  &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.5}})
	}
	m := New(tuitest.Session(tuitest.Store(t, list), i18n.EN))
	m.SetSize(100, 27)
	run := func(cmd tea.Cmd) { tuitest.Drain(t, m.Update, cmd) }
	run(m.Init())
	press := func(k string, times int) {
		for range times {
			run(m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}))
		}
	}
	check := func(step string, pos int) {
		t.Helper()
		// Titles sort in number order, so the pos-th is Service pos-1.
		want := fmt.Sprintf("%d of %d with SLA terms", pos, n)
		if got := m.header(); !strings.Contains(got, want) {
			t.Errorf("%s: header %q, want %q", step, got, want)
		}
		if a := m.current(); a == nil || a.ID != fmt.Sprintf("s%03d", pos-1) {
			t.Errorf("%s: shows %v, want s%03d", step, a, pos-1)
		}
		if len(m.choices.rows) > maxChoices {
			t.Errorf("%s: %d agreements held, at most %d", step, len(m.choices.rows), maxChoices)
		}
	}
	check("start", 1)
	press("]", 60) // past the first page: 61st
	check("60 forward", 61)
	press("]", 59) // the last
	check("to the last", 120)
	press("]", 1) // round to the first
	check("round forward", 1)
	press("[", 1) // round back to the last
	check("round back", 120)
	press("[", 70) // back across a page: 50th
	check("70 back", 50)
}

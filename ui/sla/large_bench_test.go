package sla

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// BenchmarkKeysLarge presses keys in the SLA pane on the register of 10 000
// agreements (store/benchdb), a third of them with SLA terms, no agreement
// in scope: the next agreement (across a page of 50) and back, months, and
// moving in the incident list.
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	open := tuitest.Loaded(func() session.Pane { return New(c) })
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "next_agreement", Open: open, KeyAt: tuitest.BackAndForth(60, runes("]"), runes("["))},
		tuitest.KeyBench{Name: "month", Open: open, KeyAt: tuitest.BackAndForth(24, tea.KeyMsg{Type: tea.KeyLeft}, tea.KeyMsg{Type: tea.KeyRight})},
		tuitest.KeyBench{Name: "down", Open: open, KeyAt: tuitest.BackAndForth(10, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp})},
	)
}

package sla

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// BenchmarkKeysLarge presses keys in the SLA pane on the register of 10 000
// agreements (store/benchdb), a third of them with SLA terms, no agreement
// in scope, at 80x24 and 160x45 (the root leaves the pane three lines less).
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	next, prev := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("[")}
	left, right := tea.KeyMsg{Type: tea.KeyLeft}, tea.KeyMsg{Type: tea.KeyRight}
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	// Each pattern goes there and back, so any number of presses stays
	// among the agreements and months the pane can reach.
	patterns := []struct {
		name  string
		keyAt func(i int) tea.KeyMsg
	}{
		{"next_agreement", func(i int) tea.KeyMsg { return there(i, 60, next, prev) }}, // across a page of 50
		{"month", func(i int) tea.KeyMsg { return there(i, 24, left, right) }},
		{"down", func(i int) tea.KeyMsg { return there(i, 10, down, up) }},
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 21}, {"160x45", 160, 42}} {
		for _, p := range patterns {
			b.Run(size.name+"/"+p.name, func(b *testing.B) {
				m := New(c)
				m.SetSize(size.w, size.h)
				tuitest.Drain(b, m.Update, m.Init())
				m.View()
				tuitest.Keys(b, m.Update, m.View, p.keyAt)
			})
		}
	}
}

// there is `forth` for the first n presses of every 2n and `back` for the next n.
func there(i, n int, forth, back tea.KeyMsg) tea.KeyMsg {
	if i%(2*n) < n {
		return forth
	}
	return back
}

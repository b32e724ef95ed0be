package agreements

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// BenchmarkKeys presses keys in the register pane on the register of 10 000
// agreements (store/benchdb), at 80x24 and at 160x45 (the root leaves the
// pane three lines less).
func BenchmarkKeys(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	pgdown, pgup := tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgUp}
	top, bottom := tea.KeyMsg{Type: tea.KeyHome}, tea.KeyMsg{Type: tea.KeyEnd}
	// Each pattern goes there and back so that any number of presses
	// stays in the register: 3 000 rows down and up, 150 pages down and up.
	patterns := []struct {
		name  string
		keyAt func(i int) tea.KeyMsg
	}{
		{"down", func(i int) tea.KeyMsg { return pick(i, 3000, down, up) }},
		{"page_down", func(i int) tea.KeyMsg { return pick(i, 150, pgdown, pgup) }},
		{"bottom_top", func(i int) tea.KeyMsg { return pick(i, 1, bottom, top) }},
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

// pick is there for the first n presses of every 2n, back for the next n.
func pick(i, n int, there, back tea.KeyMsg) tea.KeyMsg {
	if i%(2*n) < n {
		return there
	}
	return back
}

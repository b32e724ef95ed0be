package agreements

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/common"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// BenchmarkKeys presses keys in the register pane on the register of 10 000
// agreements (store/benchdb): 3 000 rows down and up, 150 pages down and
// up, the last row and the first.
func BenchmarkKeys(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	open := tuitest.Loaded(func() common.Pane { return New(c) })
	key := func(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "down", Open: open, KeyAt: tuitest.BackAndForth(3000, key(tea.KeyDown), key(tea.KeyUp))},
		tuitest.KeyBench{Name: "page_down", Open: open, KeyAt: tuitest.BackAndForth(150, key(tea.KeyPgDown), key(tea.KeyPgUp))},
		tuitest.KeyBench{Name: "bottom_top", Open: open, KeyAt: tuitest.BackAndForth(1, key(tea.KeyEnd), key(tea.KeyHome))},
	)
}

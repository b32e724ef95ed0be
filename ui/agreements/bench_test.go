package agreements

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// BenchmarkKeys presses keys in the register pane on the register of 10 000
// agreements (store/benchdb): 3 000 rows down and up, 150 pages down and
// up, the last row and the first.
func BenchmarkKeys(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	open := tuitest.Loaded(func() session.Pane { return New(c) })
	key := func(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "down", Open: open, KeyAt: tuitest.BackAndForth(3000, key(tea.KeyDown), key(tea.KeyUp))},
		tuitest.KeyBench{Name: "page_down", Open: open, KeyAt: tuitest.BackAndForth(150, key(tea.KeyPgDown), key(tea.KeyPgUp))},
		tuitest.KeyBench{Name: "bottom_top", Open: open, KeyAt: tuitest.BackAndForth(1, key(tea.KeyEnd), key(tea.KeyHome))},
	)
}

// BenchmarkSortedKeys presses keys in the register pane sorted by
// cancel-by date on the register of 10 000 agreements: rows and pages
// down and up, the last row and the first, each page read from the
// store in that order; and "sort", s pressed over and over, each press
// reading the register around the selected agreement in the next order
// (settled-p95-ms is the whole sort, from the key to the sorted screen).
func BenchmarkSortedKeys(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	s := tuitest.Key("s")
	sorted := tuitest.Loaded(func() session.Pane { return New(c) }, s, s, s, s, s) // own order → cancel-by
	open := tuitest.Loaded(func() session.Pane { return New(c) }, tuitest.Key("pgdown"), tuitest.Key("pgdown"))
	key := func(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "down", Open: sorted, KeyAt: tuitest.BackAndForth(3000, key(tea.KeyDown), key(tea.KeyUp))},
		tuitest.KeyBench{Name: "page_down", Open: sorted, KeyAt: tuitest.BackAndForth(150, key(tea.KeyPgDown), key(tea.KeyPgUp))},
		tuitest.KeyBench{Name: "bottom_top", Open: sorted, KeyAt: tuitest.BackAndForth(1, key(tea.KeyEnd), key(tea.KeyHome))},
		tuitest.KeyBench{Name: "sort", Open: open, KeyAt: func(int) tea.KeyMsg { return s }},
	)
}

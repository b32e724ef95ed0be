package clauses

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/gen"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// searchWord is typed a letter at a time and erased again in the search
// benchmarks: every prefix from "lev" on is a search of its own.
const searchWord = "leverantör"

// BenchmarkKeysLarge presses keys in the Clauses pane on the register of a
// million clauses (store/benchdb): moving in the tree of every agreement
// and in one agreement's, typing a search letter by letter (the search
// runs as soon as the key is in: no pause for more typing), and moving
// among the hits.
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	scope := gen.ID(benchdb.Seed, 42)
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "tree_all", Open: largePane(c), KeyAt: tuitest.BackAndForth(2000, down, up)},
		tuitest.KeyBench{Name: "tree_one", Open: largePane(c, session.ScopeMsg{ID: scope, Title: scope}), KeyAt: tuitest.BackAndForth(60, down, up)},
		tuitest.KeyBench{Name: "search_letter", Open: largePane(c, searchKey), KeyAt: tuitest.TypeAndErase(searchWord)},
		tuitest.KeyBench{Name: "search_move", Open: largePane(c, append([]tea.Msg{searchKey}, typed(searchWord)...)...),
			KeyAt: tuitest.BackAndForth(40, down, up)},
	)
}

// searchKey opens the search field.
var searchKey = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}

// largePane opens Clauses panes over the large register that search as
// soon as a key is in, after the messages then.
func largePane(c *session.State, then ...tea.Msg) func(b *testing.B, w, h int) tuitest.Pane {
	return tuitest.Loaded(func() session.Pane {
		m := New(c)
		m.debounce = 0
		return m
	}, then...)
}

// typed is word typed a letter at a time.
func typed(word string) []tea.Msg {
	var keys []tea.Msg
	for _, r := range word {
		keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return keys
}

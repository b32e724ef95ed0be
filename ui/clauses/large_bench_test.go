package clauses

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/gen"
	"avtal/store/benchdb"
	"avtal/ui/common"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// searchWord is typed a letter at a time and erased again in the search
// benchmarks: every prefix from "lev" on is a search of its own.
const searchWord = "leverantör"

// largePane is a Clauses pane over the register of a million clauses
// (store/benchdb), w×h as the root leaves it, loaded; scope "" shows every
// agreement.
func largePane(b *testing.B, c *common.Common, w, h int, scope string) *Model {
	m := New(c)
	m.SetSize(w, h)
	tuitest.Drain(b, m.Update, m.Init())
	if scope != "" {
		tuitest.Drain(b, m.Update, m.Update(common.ScopeMsg{ID: scope, Title: scope}))
	}
	m.View()
	return m
}

// BenchmarkKeysLarge presses keys in the Clauses pane on the register of a
// million clauses, at 80x24 and 160x45: moving in the tree of every
// agreement and in one agreement's, typing a search letter by letter (the
// search runs as soon as the key is in: no pause for more typing), and
// moving among the hits.
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	scope := gen.ID(benchdb.Seed, 42)
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	back := tea.KeyMsg{Type: tea.KeyBackspace}
	word := []rune(searchWord)
	typing := func(i int) tea.KeyMsg {
		if j := i % (2 * len(word)); j < len(word) {
			return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{word[j]}}
		}
		return back
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 21}, {"160x45", 160, 42}} {
		b.Run(size.name+"/tree_all", func(b *testing.B) {
			m := largePane(b, c, size.w, size.h, "")
			tuitest.Keys(b, m.Update, m.View, func(i int) tea.KeyMsg { return upDown(i, 2000, down, up) })
		})
		b.Run(size.name+"/tree_one", func(b *testing.B) {
			m := largePane(b, c, size.w, size.h, scope)
			tuitest.Keys(b, m.Update, m.View, func(i int) tea.KeyMsg { return upDown(i, 60, down, up) })
		})
		b.Run(size.name+"/search_letter", func(b *testing.B) {
			m := largePane(b, c, size.w, size.h, "")
			m.debounce = 0
			tuitest.Drain(b, m.Update, m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}))
			tuitest.Keys(b, m.Update, m.View, typing)
		})
		b.Run(size.name+"/search_move", func(b *testing.B) {
			m := largePane(b, c, size.w, size.h, "")
			m.debounce = 0
			tuitest.Drain(b, m.Update, m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}))
			for _, r := range word {
				tuitest.Drain(b, m.Update, m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
			}
			tuitest.Keys(b, m.Update, m.View, func(i int) tea.KeyMsg { return upDown(i, 40, down, up) })
		})
	}
}

// upDown is `forth` for the first n presses of every 2n and `back` for the next n.
func upDown(i, n int, forth, back tea.KeyMsg) tea.KeyMsg {
	if i%(2*n) < n {
		return forth
	}
	return back
}

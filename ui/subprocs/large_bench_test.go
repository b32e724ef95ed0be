package subprocs

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// BenchmarkKeysLarge presses keys in the Sub-processors pane on the
// generated register of 10 000 agreements and 14 000 sub-processor entries
// drawn from a pool with a real portfolio's concentration (store/benchdb):
// moving in the overview of every agreement, in the portfolio, and in one
// agreement's register, and typing a filter over the portfolio.
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	uses, err := c.Store.SubUses(context.Background(), store.UseQuery{}, store.UseKey{}, 1)
	if err != nil || len(uses) == 0 {
		b.Fatalf("no agreement names a sub-processor: %v", err)
	}
	scoped := uses[0].Key.AgreementID
	pane := func() session.Pane { return New(c) }
	j, k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "overview", Open: tuitest.Loaded(pane), KeyAt: tuitest.BackAndForth(200, j, k)},
		tuitest.KeyBench{Name: "portfolio", Open: tuitest.Loaded(pane, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")}),
			KeyAt: tuitest.BackAndForth(60, j, k)},
		tuitest.KeyBench{Name: "register", Open: tuitest.Loaded(pane, session.ScopeMsg{ID: scoped, Title: scoped}),
			KeyAt: tuitest.BackAndForth(3, j, k)},
		tuitest.KeyBench{Name: "portfolio_filter", Open: tuitest.Loaded(pane, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")},
			tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}), KeyAt: tuitest.TypeAndErase("micro")},
	)
}

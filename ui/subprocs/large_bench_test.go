package subprocs

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/ui/common"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// BenchmarkKeysLarge presses keys in the Sub-processors pane on the
// generated register of 10 000 agreements and 14 000 sub-processor entries
// drawn from a pool with a real portfolio's concentration (store/benchdb),
// at 80x24 and 160x45: moving in the overview of every agreement, in the
// portfolio, and in one agreement's register.
func BenchmarkKeysLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	uses, err := c.Store.SubUses(context.Background(), store.UseQuery{}, store.UseKey{}, 1)
	if err != nil || len(uses) == 0 {
		b.Fatalf("no agreement names a sub-processor: %v", err)
	}
	scoped := uses[0].Key.AgreementID
	j, k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}
	views := []struct {
		name  string
		setup func(m *Model) tea.Cmd
		n     int // presses down before as many up
	}{
		{"overview", func(*Model) tea.Cmd { return nil }, 200},
		{"portfolio", func(m *Model) tea.Cmd { return m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")}) }, 60},
		{"register", func(m *Model) tea.Cmd { return m.Update(common.ScopeMsg{ID: scoped, Title: scoped}) }, 3},
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 21}, {"160x45", 160, 42}} {
		for _, v := range views {
			b.Run(size.name+"/"+v.name, func(b *testing.B) {
				m := New(c)
				m.SetSize(size.w, size.h)
				tuitest.Drain(b, m.Update, m.Init())
				tuitest.Drain(b, m.Update, v.setup(m))
				m.View()
				tuitest.Keys(b, m.Update, m.View, func(i int) tea.KeyMsg {
					if i%(2*v.n) < v.n {
						return j
					}
					return k
				})
			})
		}
	}
}

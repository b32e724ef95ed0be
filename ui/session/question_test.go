package session

import (
	"errors"
	"io"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/ui/i18n"
)

// y answers yes in both languages (j, for ja, would also be "down");
// anything else keeps things as they are. A viewer is refused before
// anything is asked.
func TestQuestion(t *testing.T) {
	wrote := func() tea.Msg { return "written" }
	key := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	for _, tt := range []struct {
		lang i18n.Lang
		yes  []string
		no   []tea.KeyMsg
		kept string
	}{
		{i18n.EN, []string{"y"}, []tea.KeyMsg{key("j"), key("n"), key("Y"), {Type: tea.KeyEsc}}, "Nothing changed."},
		{i18n.SV, []string{"y"}, []tea.KeyMsg{key("j"), key("n"), {Type: tea.KeyEnter}}, "Inget ändrat."},
	} {
		c := New(lipgloss.NewRenderer(io.Discard), nil, tt.lang, nil)
		for _, k := range tt.yes {
			q, cmd := c.Ask("Delete it?", wrote)
			if q == nil || cmd() != (StatusMsg{"Delete it?"}) {
				t.Fatalf("Ask = %v, %v", q, cmd)
			}
			if got := q.Answer(key(k)); got == nil || got() != "written" {
				t.Errorf("%s: %s does not write", tt.lang, k)
			}
		}
		for _, k := range tt.no {
			q, _ := c.Ask("Delete it?", wrote)
			if got := q.Answer(k)(); got != (StatusMsg{tt.kept}) {
				t.Errorf("%s: %s answers %v", tt.lang, k, got)
			}
		}
		c.SetAccess("", true)
		q, cmd := c.Ask("Delete it?", wrote)
		if msg, ok := cmd().(ErrMsg); q != nil || !ok || !errors.Is(msg.Err, ErrReadOnly) {
			t.Errorf("%s: a viewer is asked: %v, %v", tt.lang, q, cmd())
		}
	}
}

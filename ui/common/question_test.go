package common

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
)

func TestQuestion(t *testing.T) {
	c := New(nil, nil, i18n.EN, nil)
	wrote := func() tea.Msg { return "written" }
	q, cmd := c.Ask("Delete it? (y/n)", wrote)
	if q == nil || cmd() != (StatusMsg{"Delete it? (y/n)"}) {
		t.Fatalf("Ask = %v, %v", q, cmd)
	}
	for _, k := range []string{"y", "j"} {
		if got := q.Answer(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}); got == nil || got() != "written" {
			t.Errorf("%s does not write", k)
		}
	}
	for _, k := range []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("n")}, {Type: tea.KeyEsc}, {Type: tea.KeyRunes, Runes: []rune("Y")}} {
		if got := q.Answer(k)(); got != (StatusMsg{"Nothing changed."}) {
			t.Errorf("%s answers %v", k, got)
		}
	}
	c.ReadOnly = true
	q, cmd = c.Ask("Delete it? (y/n)", wrote)
	if msg, ok := cmd().(ErrMsg); q != nil || !ok || !errors.Is(msg.Err, ErrReadOnly) {
		t.Errorf("a viewer is asked: %v, %v", q, cmd())
	}
}

package form

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/tuitest"
)

// TestFormShowsRegisterTextSafely opens a form on values from a hostile
// register: the title, a pre-filled value and the messages show without
// escape sequences, and the value is saved as it was shown.
func TestFormShowsRegisterTextSafely(t *testing.T) {
	f := newForm()
	f = New(f.c, "Edit \x1b]0;kapad\x07Fientlig",
		Field{Key: "description", Label: "Description", Value: "Avbrott\x1b[2J\x1b[H i \u009b31minloggningen",
			Check: func(string) error { return errors.New("refused \x1b[5m") }})
	f.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	f.SetError("save failed: \x1b[31mlocked")
	view := f.View(80)
	if bad := tuitest.Unsafe(view); bad != "" {
		t.Errorf("the form shows %s:\n%s", bad, view)
	}
	for _, want := range []string{"Edit Fientlig", "Avbrott i 31minloggningen", "refused", "save failed: locked"} {
		if !strings.Contains(view, want) {
			t.Errorf("the form lacks %q:\n%s", want, view)
		}
	}
	if got := f.Values()["description"]; got != "Avbrott i 31minloggningen" {
		t.Errorf("the value saved would be %q", got)
	}
}

package common

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
)

// Question is the yes/no question a pane asks before a write that no key
// takes back (deleting something). y answers yes (and in Swedish j, for
// ja; not in English, where j moves down and must not delete); any other
// key keeps things as they are. While a pane has one open it is Capturing,
// so the next key is the answer and nothing else.
type Question struct {
	// Text is the question, for the pane to show where it applies.
	Text string
	yes  tea.Cmd
	keys []string // the keys that answer yes
	kept string
}

// Ask opens a question whose yes runs the write yes, and returns it with
// the command that puts it in the status bar. A session that may not write
// is refused before anything is asked: no question, and the refusal.
func (c *Common) Ask(text string, yes tea.Cmd) (*Question, tea.Cmd) {
	if err := c.CanWrite(); err != nil {
		return nil, Fail(err)
	}
	keys := []string{"y"}
	if c.Lang == i18n.SV {
		keys = append(keys, "j")
	}
	return &Question{Text: text, yes: yes, keys: keys, kept: c.T("question.kept")}, Status(text)
}

// Answer returns the write for a yes, and otherwise a status saying
// nothing changed.
func (q *Question) Answer(msg tea.KeyMsg) tea.Cmd {
	if slices.Contains(q.keys, msg.String()) {
		return q.yes
	}
	return Status(q.kept)
}

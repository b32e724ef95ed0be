package session

import (
	tea "github.com/charmbracelet/bubbletea"
)

// Question is the yes/no question a pane asks before a write that no key
// takes back (deleting something). y answers yes, in both languages (j,
// for ja, would also be "down" to a hand used to lists); any other key
// keeps things as they are. While a pane has one open it is Capturing,
// so the next key is the answer and nothing else.
type Question struct {
	// Text is the question, for the pane to show where it applies.
	Text string
	yes  tea.Cmd
	kept string
}

// Ask opens a question whose yes runs the write yes, and returns it with
// the command that puts it in the status bar. A session that may not write
// is refused before anything is asked: no question, and the refusal.
func (c *State) Ask(text string, yes tea.Cmd) (*Question, tea.Cmd) {
	if err := c.CanWrite(); err != nil {
		return nil, Fail(err)
	}
	return &Question{Text: text, yes: yes, kept: c.T("question.kept")}, Status(text)
}

// Answer returns the write for a yes, and otherwise a status saying
// nothing changed.
func (q *Question) Answer(msg tea.KeyMsg) tea.Cmd {
	if Yes(msg) {
		return q.yes
	}
	return Status(q.kept)
}

// Yes reports whether a key answers a yes/no question with yes: y, in
// both languages. Every question the workbench asks — a delete, throwing
// a form's text away, the backup before quitting — takes its answer here.
func Yes(msg tea.KeyMsg) bool { return msg.String() == "y" }

package common

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
)

// ErrReadOnly is what CanWrite's error matches (errors.Is) in a session
// that may not change the register.
var ErrReadOnly = errors.New("read-only session")

// readOnlyError carries the refusal in the session's language.
type readOnlyError struct{ text string }

func (e readOnlyError) Error() string        { return e.text }
func (e readOnlyError) Is(target error) bool { return target == ErrReadOnly }

// CanWrite returns nil when this session may change the register, and
// otherwise an error that says why, in the session's language. Panes call it
// before every write and show the error in the status bar.
func (c *Common) CanWrite() error {
	if c.ReadOnly {
		return readOnlyError{c.T("write.read_only")}
	}
	return nil
}

// Changed is what a pane's write command returns after a successful write:
// it tells the other sessions (through Notify) and hands msg back so this
// session's panes reload too. It runs inside a tea.Cmd.
func (c *Common) Changed(msg ChangedMsg) tea.Msg {
	if c.Notify != nil {
		c.Notify(msg)
	}
	return msg
}

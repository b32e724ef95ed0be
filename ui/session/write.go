package session

import (
	"errors"
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
func (c *State) CanWrite() error {
	if c.ReadOnly() {
		return readOnlyError{c.T("write.read_only")}
	}
	return nil
}

// access is one session's standing: a name for the status bar (the local
// user, or an SSH key's name and role) and whether it may only read.
type access struct {
	user     string
	readOnly bool
}

// SetAccess sets who is at the keyboard and whether they may write. The SSH
// server calls it again while the session runs when authorized_keys
// changes the key's role, so a demoted editor cannot write from that
// moment; it is safe to call from any goroutine.
func (c *State) SetAccess(user string, readOnly bool) {
	c.access.Store(&access{user: user, readOnly: readOnly})
}

// User names who is at the keyboard, "" when nobody was named.
func (c *State) User() string {
	if a := c.access.Load(); a != nil {
		return a.user
	}
	return ""
}

// ReadOnly reports a session (an SSH viewer) that may browse and compute
// but not write.
func (c *State) ReadOnly() bool {
	a := c.access.Load()
	return a != nil && a.readOnly
}

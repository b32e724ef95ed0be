package common

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
func (c *Common) CanWrite() error {
	if c.ReadOnly {
		return readOnlyError{c.T("write.read_only")}
	}
	return nil
}

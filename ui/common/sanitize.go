package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize makes text typed or imported by someone safe to show on anyone's
// terminal: escape sequences are removed (they could retitle a window,
// rewrite the screen or plant a link), and so are control characters other
// than newline and tab, and bytes that are not UTF-8. Panes run every piece
// of user-supplied text through it before display.
func Sanitize(s string) string {
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalid(s[i:]):
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvalid reports whether s starts with a byte that is not UTF-8 (as
// opposed to a genuine U+FFFD written by someone).
func isInvalid(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size <= 1
}

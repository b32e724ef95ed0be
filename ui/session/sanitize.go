package session

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"avtal/model/docread"
)

// Sanitize makes text typed or imported by someone safe to show on anyone's
// terminal: escape sequences are removed (they could retitle a window,
// rewrite the screen or plant a link), and so are control characters other
// than newline and tab, bytes that are not UTF-8, and the invisible
// characters import drops (docread.Invisible: bidi controls would shift a
// box's borders, zero-width characters hide what a text says). Panes run
// every piece of user-supplied text through it before display.
func Sanitize(s string) string {
	if Clean(s) {
		return s // most text: the CLI runs every line it writes through here
	}
	return strip(s)
}

// Clean reports whether s holds nothing Sanitize removes: valid UTF-8
// without control characters other than newline and tab, and without
// invisible characters. Escape sequences begin with a control character.
func Clean(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || r <= 0x9f || docread.Invisible(r) {
			return false
		}
		i += size
	}
	return true
}

// strip is Sanitize of text that needs it.
func strip(s string) string {
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalid(s[i:]):
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || docread.Invisible(r):
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

package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize removes terminal escape sequences and control characters (all
// but newline and tab) from text that came from a document or a user, so a
// contract or a visitor can never repaint or hijack anyone's terminal.
func Sanitize(s string) string {
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

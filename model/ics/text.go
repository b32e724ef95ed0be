package ics

import (
	"bufio"
	"strings"
	"unicode/utf8"
)

// text escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and
// comma get a backslash, every line break becomes \n. Other control
// characters are not allowed in TEXT and become spaces; invalid UTF-8
// becomes U+FFFD, since the format is UTF-8.
func text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\n':
			b.WriteString(`\n`)
		case c < ' ' && c != '\t' || c == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maxOctets is the longest a content line may be, not counting its CRLF.
const maxOctets = 75

// writer writes content lines, folded and ended with CRLF. The first
// error writing stays with the buffer and its Flush returns it.
type writer struct {
	b *bufio.Writer
}

// line writes "name:value" folded at 75 octets (RFC 5545 3.1): each
// continuation starts with a space, which counts toward its 75. A fold
// never splits a UTF-8 sequence, nor a backslash from the character it
// escapes, which some calendar programs mishandle.
func (w *writer) line(name, value string) {
	s := name + ":" + value
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if escapeOpen(s[:cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}

// escapeOpen reports whether s ends in the backslash of an escape, that is
// in an odd run of backslashes.
func escapeOpen(s string) bool {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n%2 == 1
}

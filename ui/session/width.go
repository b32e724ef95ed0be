package session

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is ansi.StringWidth, the cells a line takes on screen, found
// without splitting the line into grapheme clusters when it holds only
// printable ASCII, colour and attribute sequences (CSI … m and the like)
// and letters, punctuation and box drawing that take one cell each and
// never join a neighbour: the lines the panes draw. Anything else (a wide
// or combining character, another escape, a control) is left to
// ansi.StringWidth. Frames measure every line several times, after every
// message of every session, and the grapheme rules were most of it.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f { // parameters
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e { // not a final byte
				return ansi.StringWidth(s)
			}
			i = j + 1
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !oneCell(r) {
				return ansi.StringWidth(s)
			}
			w++
			i += n
		default:
			return ansi.StringWidth(s)
		}
	}
	return w
}

// oneCells are ranges of characters that take one cell and form a grapheme
// cluster of their own whatever surrounds them (TestOneCellRunes checks
// each against ansi.StringWidth): Latin letters, Greek and Cyrillic ones,
// dashes, quotes, the ellipsis and bullets, box drawing and block elements,
// and the marks the panes draw (▸ ▾ ● ○ ■ □ ▲ ▼ ◆).
var oneCells = [][2]rune{
	{0x00A1, 0x00AC}, {0x00AE, 0x024F},
	{0x0391, 0x03A1}, {0x03A3, 0x03A9}, {0x03B1, 0x03C9}, {0x0410, 0x044F},
	{0x2010, 0x2027}, {0x2030, 0x203E},
	{0x2500, 0x259F},
	{0x25A0, 0x25A1}, {0x25B2, 0x25B2}, {0x25B8, 0x25B8}, {0x25BC, 0x25BC}, {0x25BE, 0x25BE},
	{0x25C6, 0x25C6}, {0x25CB, 0x25CB}, {0x25CF, 0x25CF},
}

func oneCell(r rune) bool {
	for _, rg := range oneCells {
		if r < rg[0] {
			return false
		}
		if r <= rg[1] {
			return true
		}
	}
	return false
}

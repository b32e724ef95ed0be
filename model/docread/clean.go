package docread

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean makes decoded text safe and uniform:
//   - terminal escape sequences (CSI, OSC, DCS, APC … in their 7-bit and
//     8-bit forms) and every other control character are removed, except
//     newline and tab, so a contract cannot repaint or hijack a terminal;
//   - invisible characters that change how text is shown or matched (bidi
//     overrides, zero-width spaces, soft hyphens, tag characters) are removed,
//     and so is the "¬" Word leaves for an optional hyphen inside a word;
//   - line ends become "\n" (CR LF, lone CR, form feed, Unicode separators);
//   - the text is NFKC-normalised: mathematical letters, ligatures, full-width
//     forms and no-break spaces become their plain equivalents. NFKC output is
//     also in NFC, the form search indexes expect. Spacing accents ("´" used
//     as an apostrophe) are left as they are, since NFKC would turn them into
//     a space and a combining accent; hyphens U+2010 and U+2011 become "-",
//     the character everybody types.
//
// Clean is idempotent, and it keeps the number of lines of text that uses
// "\n" or "\r\n" line ends, so line numbers stay valid.
func Clean(s string) string {
	// Most of a text is kept as it is: b gets only what changes, and the
	// kept stretch before it (s[kept:i]); a clean text is not copied.
	var b strings.Builder
	kept := 0
	change := func(i, next int, with string) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[kept:i])
		b.WriteString(with)
		kept = next
	}
	prev := rune(-1)
	careful := false // a spacing accent or a hyphen NFKC would damage was seen
	normal := true   // every character is one NFKC leaves as it is
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			// Printable ASCII, the bulk of any contract, needs no decoding:
			// a run of it is passed over at once.
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			prev = rune(s[j-1])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		switch {
		case r == 0x1b:
			next = skipEscape(s, next)
			change(i, next, "")
			r = -1
		case r >= 0x80 && r < 0xa0:
			next = skipC1(s, r, next)
			change(i, next, "")
			r = -1
		case r == '\r':
			if strings.HasPrefix(s[next:], "\n") {
				change(i, next, "")
			} else {
				change(i, next, "\n")
			}
			r = -1
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			change(i, next, "\n")
		case r == '\n' || r == '\t':
		case r == '\u00a0' || r == '\u202f':
			// A no-break space is a space, as NFKC makes it; made so here,
			// it leaves a text with nothing else for NFKC to change as it is.
			change(i, next, " ")
		case r < 0x20 || r == 0x7f || Invisible(r):
			change(i, next, "")
			r = -1
		case r == '¬' && unicode.IsLetter(prev) && nextIsLetter(s[next:]):
			change(i, next, "")
			r = -1
		case size > 1:
			// a valid character, kept as it is
			careful = careful || strings.ContainsRune(spacingAccents+"\u2010\u2011", r)
			normal = normal && nfkcStable(r)
		default:
			change(i, next, "\uFFFD") // an invalid byte
		}
		if r >= 0 {
			prev = r
		}
		i = next
	}
	if b.Cap() > 0 {
		b.WriteString(s[kept:])
		s = b.String()
	}
	if normal {
		// Nothing to normalise: a text cleaned before, or in a language
		// written with Latin-1 letters, is not searched through again.
		return s
	}
	return normalize(s, careful)
}

// nfkcStable reports whether r is one of the characters, common in
// contracts, that NFKC leaves as they are wherever they stand: the Latin-1
// letters and the typographic quotes, dashes and signs (with the Latin-1
// signs NFKC keeps, so that a text cleaned before with one of them, "¬"
// or "£", is not normalised again).
func nfkcStable(r rune) bool {
	if r >= 0xc0 && r <= 0xff {
		return true
	}
	switch r {
	case '§', '°', '«', '»', '©', '–', '—', '‘', '’', '“', '”', '•',
		'¡', '¢', '£', '¤', '¥', '¦', '¬', '®', '±', '¶', '·', '¿', '€', '−':
		return true
	}
	return false
}

// normalize NFKC-normalises s except for the spacing accents, which are
// copied as they are. Clean tells whether s has any of those or of the
// hyphens (careful), which spares a search through the whole text.
func normalize(s string, careful bool) string {
	if !careful {
		return norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for s != "" {
		i := strings.IndexAny(s, spacingAccents)
		if i < 0 {
			i = len(s)
		}
		b.WriteString(norm.NFKC.String(s[:i]))
		if i == len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		s = s[i+size:]
	}
	return hyphens.Replace(b.String())
}

// hyphens turns the hyphens NFKC keeps into the one everybody types.
var hyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-")

// spacingAccents are the accents that stand on their own, which NFKC
// decomposes into a space and a combining accent.
const spacingAccents = "\u00a8\u00af\u00b4\u00b8\u02d8\u02d9\u02da\u02db\u02dc\u02dd"

// Invisible reports characters that show nothing but change how the text
// around them is displayed or matched: bidi controls shift a screen's
// columns, zero-width characters hide text from search. Import drops them,
// and so does every face that shows text (ui/session.Sanitize).
func Invisible(r rune) bool {
	switch {
	case r == '\u00ad', // soft hyphen
		r == '\u061c',                  // Arabic letter mark (bidi)
		r >= '\u200b' && r <= '\u200d', // zero-width space, non-joiner, joiner
		r == '\u200e' || r == '\u200f', // left-to-right / right-to-left marks
		r >= '\u202a' && r <= '\u202e', // bidi embeddings and overrides
		r >= '\u2060' && r <= '\u2064', // word joiner, invisible operators
		r >= '\u2066' && r <= '\u2069', // bidi isolates
		r == '\ufeff',                  // byte-order mark inside the text
		r >= 0xe0000 && r <= 0xe007f,   // tag characters
		r >= '\ufff9' && r <= '\ufffb': // interlinear annotations
		return true
	}
	return false
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// skipEscape returns where the escape sequence whose ESC ended at i stops.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then one final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // a two-character sequence
		return i + 1
	}
	return i
}

// skipC1 handles the 8-bit forms of the escape introducers (U+0080–U+009F).
func skipC1(s string, r rune, i int) int {
	switch r {
	case 0x9b: // CSI
		return skipCSI(s, i)
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
		return skipString(s, i)
	}
	return i
}

// skipCSI skips a control sequence's parameters, intermediates and final byte.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips an OSC/DCS/APC-style string up to its terminator (BEL,
// ESC \ or the 8-bit ST). It never runs past the end of the line, so an
// unterminated string cannot swallow the rest of the document.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case s[i] == '\n' || s[i] == '\r':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}

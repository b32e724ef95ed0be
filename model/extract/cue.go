package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cue is a word stem looked for in folded, lower-cased text, so "uppsäg"
// also finds a query typed "uppsagning". It is written three ways:
//
//	"uppsäg"   a word that starts with it: uppsägning, uppsägningstid
//	"*avgift"  anywhere inside a word, for Swedish compounds: månadsavgift
//	"=sla"     the whole word only
//
// A cue of several words, "säga upp", matches them in a row, the last one
// by its start unless the cue is written "=".
type cue struct {
	label  string // as written, for reasons shown to the user
	first  string // the first word, folded
	needle string // the whole cue folded, with the spaces its form asks for
	// start is the bit of first's first three bytes in normText.starts,
	// or -1 when it has fewer or the cue is an infix.
	start int
	// grams are the bits of the needle's runs of three bytes in
	// normText.grams.
	grams []int
	infix bool
	whole bool
	multi bool
}

func parseCue(s string) cue {
	label := strings.TrimLeft(s, "*=")
	text := strings.TrimSpace(normalize(label).text)
	c := cue{label: label, infix: s[0] == '*', whole: s[0] == '=', multi: strings.Contains(text, " ")}
	c.first, _, _ = strings.Cut(text, " ")
	c.start = -1
	if !c.infix && len(c.first) >= 3 {
		c.start = startBit(c.first)
	}
	switch {
	case c.infix:
		c.needle = text
	case c.whole:
		c.needle = " " + text + " "
	default:
		c.needle = " " + text
	}
	for i := 0; i+3 <= len(c.needle); i++ {
		c.grams = append(c.grams, gramBit(c.needle[i:]))
	}
	return c
}

// cues parses a list of cues.
func cues(list ...string) []cue {
	out := make([]cue, len(list))
	for i, s := range list {
		out[i] = parseCue(s)
	}
	return out
}

// normText is text made ready for cue matching: folded, lower-cased words
// and numbers separated by single spaces, with a space at each end, so a
// cue for the start of a word is a search for it after a space.
type normText struct {
	text string
	// starts has the bit of the first three bytes of each word of three or
	// more set: a cue whose bit is not set is not in the text, and most
	// cues are not, so most need no search at all.
	starts [4]uint64
	// grams has the bit of every run of three bytes in text set: a cue
	// with a run whose bit is not set is not in the text. Of the cues a
	// word's start leaves in, and of the infixes, most are ruled out so,
	// rather than by a search through the text.
	grams [16]uint64
}

// startBit hashes the first three bytes of w to one of normText.starts' 256 bits.
func startBit(w string) int {
	return int((uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2])) * 0x9E3779B1 >> 24)
}

// gramBit hashes the first three bytes of s to one of normText.grams' 1024 bits.
func gramBit(s string) int {
	return int((uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])) * 0x9E3779B1 >> 22)
}

func normalize(s string) normText {
	n := normText{text: fold(s)}
	for i := 0; i+3 <= len(n.text); i++ {
		bit := gramBit(n.text[i:])
		n.grams[bit/64] |= 1 << (bit % 64)
	}
	for rest := n.text[1:]; rest != ""; {
		i := strings.IndexByte(rest, ' ')
		if i >= 3 {
			bit := startBit(rest)
			n.starts[bit/64] |= 1 << (bit % 64)
		}
		rest = rest[i+1:]
	}
	return n
}

// fold is the text of normalize(s).
func fold(s string) string {
	// One pass that lower-cases, folds and splits, rune by rune as
	// Fold(strings.ToLower(s)) would: every finder normalises many short
	// texts, so this is a good part of an import's work.
	var b strings.Builder // its String is not a copy
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	letter := func() { space = false }
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// A run of lower-case letters and digits, most of any text, is
			// copied as it is.
			j := i
			for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9') {
				j++
			}
			if j > i {
				letter()
				b.WriteString(s[i:j])
				i = j
				continue
			}
			i++
			if 'A' <= c && c <= 'Z' {
				letter()
				b.WriteByte(c + 'a' - 'A')
			} else if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(r)
		switch f, ok := foldTable()[r]; {
		case ok:
			letter()
			b.WriteString(f)
		case unicode.Is(unicode.Mn, r):
			// a combining mark goes, as Fold drops it
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letter()
			b.WriteRune(r)
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// mayStart reports whether a word of n may start as the cue's first word
// does, by starts: false rules the cue out, true leaves it to a search.
func (n *normText) mayStart(c *cue) bool {
	return c.start < 0 || n.starts[c.start/64]&(1<<(c.start%64)) != 0
}

// mayHold reports whether every run of three bytes of the cue's needle is
// in n, by grams: false rules the cue out, true leaves it to a search.
func (n *normText) mayHold(c *cue) bool {
	for _, bit := range c.grams {
		if n.grams[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

// in reports whether the cue occurs in n.
func (c *cue) in(n *normText) bool {
	if c.infix {
		return n.mayHold(c) && strings.Contains(n.text, c.needle)
	}
	// Every word of n follows a space, so the needle, a space and the cue
	// (and a space after it when it is a whole word), is in n's text
	// exactly when a word starts as the cue does; a text of no words holds
	// none.
	return n.mayStart(c) && len(n.text) > 1 && n.mayHold(c) && strings.Contains(n.text, c.needle)
}

// firstCue returns the first of cs that occurs in n.
func firstCue(cs []cue, n normText) (cue, bool) {
	for i := range cs { // by index: a cue is too large to copy for each test
		if cs[i].in(&n) {
			return cs[i], true
		}
	}
	return cue{}, false
}

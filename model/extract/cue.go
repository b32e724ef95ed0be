package extract

import (
	"slices"
	"strings"
	"unicode"
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
	infix  bool
	whole  bool
	multi  bool
}

func parseCue(s string) cue {
	label := strings.TrimLeft(s, "*=")
	text := strings.TrimSpace(normalize(label).text)
	c := cue{label: label, infix: s[0] == '*', whole: s[0] == '=', multi: strings.Contains(text, " ")}
	c.first, _, _ = strings.Cut(text, " ")
	switch {
	case c.infix:
		c.needle = text
	case c.whole:
		c.needle = " " + text + " "
	default:
		c.needle = " " + text
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
// and numbers separated by single spaces, with a space at each end, and its
// distinct words sorted, so a cue for the start of a word is a binary
// search rather than a scan.
type normText struct {
	text  string
	words []string
}

func normalize(s string) normText {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range Fold(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	text := b.String()
	words := strings.Fields(text)
	slices.Sort(words)
	return normText{text, slices.Compact(words)}
}

// in reports whether the cue occurs in n.
func (c cue) in(n normText) bool {
	if c.infix {
		return strings.Contains(n.text, c.needle)
	}
	i, found := slices.BinarySearch(n.words, c.first)
	switch {
	case c.multi:
		return found && strings.Contains(n.text, c.needle)
	case c.whole:
		return found
	}
	return i < len(n.words) && strings.HasPrefix(n.words[i], c.first)
}

// firstCue returns the first of cs that occurs in n.
func firstCue(cs []cue, n normText) (cue, bool) {
	for _, c := range cs {
		if c.in(n) {
			return c, true
		}
	}
	return cue{}, false
}

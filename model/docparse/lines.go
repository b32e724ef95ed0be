package docparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the document, trimmed and with runs of white space
// collapsed, with the 1-based line number it had in the text.
type line struct {
	no      int
	text    string
	heading int  // the level of a Markdown heading, 0 for other lines
	table   bool // a row of a table: "| a | b |"
	headEnd int  // where a run-in heading ends in text ("7.1 Title."), or 0
	nested  bool // an ordered list item numbered by its nesting ("5.1")
	brk     bool // ends in a Markdown hard break: the next line belongs to the same block
}

// own reports a line that never joins another: a heading, a table row or
// a nested list item.
func (l line) own() bool { return l.heading > 0 || l.table || l.nested }

// collapseSpace trims s and turns every run of white space into one space.
// It is called on every line, so it copies only when it must, and decodes
// only the bytes that are not ASCII.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	var out strings.Builder // its String is not a copy
	out.Grow(len(s))
	word := -1 // where the current word starts, -1 between words
	for i := 0; i < len(s); {
		c, size, space := s[i], 1, false
		switch {
		case c > ' ' && c < utf8.RuneSelf: // most bytes: ASCII, and no white space is above ' '
		case c < utf8.RuneSelf:
			space = asciiSpace(c)
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && word >= 0:
			if out.Len() > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(s[word:i])
			word = -1
		case !space && word < 0:
			word = i
		}
		i += size
	}
	if word >= 0 {
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(s[word:])
	}
	return out.String()
}

// collapsed reports whether s has no white space to trim or collapse.
func collapsed(s string) bool {
	prevSpace := true // a leading space needs trimming
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += size - 1
			continue
		}
		space := c == ' '
		if space && prevSpace || c != ' ' && asciiSpace(c) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// joinWraps joins hard line-wraps back into paragraphs. A line continues the
// one before it when
//   - it starts with a lower-case letter (and the line before does not end
//     with ":" or ";", which introduce items of their own);
//   - the line before ends with a word cut by a hyphen;
//   - the line before ends with a word that a number follows ("punkt",
//     "enligt", "av" …) and the line is a bare number or a date, so "1.11."
//     is a reference, not a clause;
//   - the text is hard-wrapped, the line before reaches near the wrap width
//     and does not end a sentence.
//
// A line that starts a clause, an appendix or a list item never continues
// another (except after such a reference word), and neither does any line
// after a blank one.
func joinWraps(lines []line) []line {
	width := wrapWidth(lines)
	out := make([]line, 0, len(lines))
	for _, l := range lines {
		if n := len(out); n > 0 && l.text != "" && out[n-1].text != "" && !l.own() && !out[n-1].own() && !out[n-1].brk {
			if joined, ok := join(out[n-1].text, l.text, width); ok {
				out[n-1].text, out[n-1].brk = joined, l.brk
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

func join(prev, cur string, width int) (string, bool) {
	first, _ := utf8.DecodeRuneInString(cur)
	if endsWithReferenceWord(prev) && unicode.IsDigit(first) && !isListItem(cur) && !endsWithItem(prev) {
		// "… anges i punkt" + "1.11." or "Lag av" + "14.05.2004 nr. 25":
		// a number alone or a date, not a clause with its heading.
		if c := classify(cur); c.kind != kindNumbered || c.rest == "" {
			return prev + " " + cur, true
		}
	}
	if startsStructure(cur) {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	lower := unicode.IsLower(first)
	switch {
	case lower && last == '-' && len(prev) > 1:
		word := lastWord(prev[:len(prev)-1])
		if len(word) >= 3 && isLowerWord(word) {
			// "personuppgifts-" + "ansvarige": a word hyphenated at the wrap.
			return prev[:len(prev)-1] + cur, true
		}
		// "e-" + "post": the hyphen belongs to the word.
		return prev + cur, true
	case lower && last != ':' && last != ';':
		return prev + " " + cur, true
	case width > 0 && utf8.RuneCountInString(prev) >= width*3/4 && !strings.ContainsRune(".!?:;", last):
		return prev + " " + cur, true
	}
	return "", false
}

// wrapWidth estimates the width a hard-wrapped text was wrapped at: the
// length that nine lines in ten stay within. Text with long lines (a
// paragraph per line) or only short ones is not hard-wrapped, and gets 0.
func wrapWidth(lines []line) int {
	const least, limit = 40, 160
	var counts [limit + 2]int
	total := 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		counts[min(utf8.RuneCountInString(l.text), limit+1)]++
		total++
	}
	if total == 0 {
		return 0
	}
	seen := 0
	for n, c := range counts {
		seen += c
		if seen*10 >= total*9 {
			if n < least || n > limit {
				return 0
			}
			return n
		}
	}
	return 0
}

// referenceWords are words after which a number continues the sentence.
var referenceWords = map[string]bool{
	"punkt": true, "punkten": true, "punkterna": true, "klausul": true, "klausulen": true,
	"avsnitt": true, "artikel": true, "artiklarna": true, "kapitel": true, "bilaga": true,
	"tillägg": true, "§": true, "section": true, "clause": true, "article": true,
	"av": true, "och": true, "eller": true, "enligt": true, "i": true, "se": true,
	"nr": true, "nr.": true, "den": true, "and": true, "or": true, "of": true, "in": true,
}

// endsWithItem reports a line that ends an item of a list, "…; or" or
// "…; och": what follows is the next item, not a reference.
func endsWithItem(s string) bool {
	s = strings.TrimSuffix(s, lastWord(s))
	return strings.HasSuffix(s, "; ") || strings.HasSuffix(s, ": ")
}

func endsWithReferenceWord(s string) bool {
	if strings.Count(s, " ") < 2 {
		return false // a short line is more likely a heading than a cut sentence
	}
	return referenceWords[strings.ToLower(lastWord(s))]
}

func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

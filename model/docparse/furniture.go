package docparse

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var (
	// "Side 10 av 31", "Sida 3 av 12", "Page 2 of 9", "Seite 4 von 7", at the end of a line.
	pageOfRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|\s)(?:side|sida|sidan|page|seite|sivu)\s+\d{1,4}\s*(?:av|of|von|/|\()\s*\d{1,4}\)?$`)
	})
	// Lines that are nothing but a page number: "- 3 -", "3 (12)", "3/12", "Sida 3".
	pageOnlyRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*\(\d{1,4}\)|\d{1,4}\s*/\s*\d{1,4}|(?:side|sida|page|seite)\s+\d{1,4})$`)
	})
	bareNumberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,4}$`) })
	// Dot leaders of a table of contents: "1.2 Definitioner ........ 4".
	leaderRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:\.{4,}|(?:\. ){3,}\.?|_{4,}|…{2,})\s*\d{1,4}$`) })
)

// pageLines is the fewest lines a page holds: running headers repeat
// farther apart than this.
const pageLines = 5

var contentsHeadings = map[string]bool{
	"innehåll": true, "innehållsförteckning": true, "contents": true, "table of contents": true,
	"innhold": true, "innholdsfortegnelse": true, "sisällys": true, "sisällysluettelo": true,
}

// furniture finds the lines that belong to the page rather than the text:
// page headers and footers, page numbers, and the dot-leader lines of a
// table of contents. It returns, for every line, why it is skipped ("" to
// keep it), and the header/footer lines seen, most repeated first, for
// guessing the title.
// Markdown (md) has no pages, so nothing in it is a running header; and
// nothing that occurs once, or only in one place (the rows of a table), is.
func furniture(lines []line, md bool) (why []Reason, footers []string) {
	why = make([]Reason, len(lines))
	keys := make([]string, len(lines)) // "" for lines that cannot be furniture
	counts := map[string]int{}
	lastAt := map[string]int{}
	// sentence holds, for each repeated line, whether every time the same
	// next line finishes a sentence begun on it: "… is offered to members
	// who have paid their" / "yearly fee." under several headings
	// is a sentence the text repeats, not a running header, which is
	// followed by whatever its page holds.
	sentence := map[string]bool{}
	nextOf := map[string]string{}
	bare := 0
	// Each line is classified once, here, for all that follows.
	cls := make([]lineClass, len(lines))
	for i, l := range lines {
		cls[i] = classify(l.text)
	}
	for i, l := range lines {
		if !md && !l.table {
			if k, ok := repeatKey(l.text, cls[i]); ok {
				keys[i] = k
				if j, seen := lastAt[k]; !seen || i-j > pageLines {
					counts[k]++ // a repetition close by is a row of a list or table
				}
				next := ""
				if i+1 < len(lines) {
					next = lines[i+1].text
				}
				if prev, seen := nextOf[k]; !seen {
					nextOf[k], sentence[k] = next, endsSentence(next)
				} else if prev != next {
					sentence[k] = false
				}
				lastAt[k] = i
			}
		}
		if bareNumberRe().MatchString(l.text) {
			bare++
		}
	}
	for i, l := range lines {
		t := l.text
		if t == "" {
			continue
		}
		// Page numbers and dot leaders end a line with a digit, ")" or "-".
		last, _ := utf8.DecodeLastRuneInString(t)
		numbered := strings.ContainsRune("0123456789)-–—", last)
		end := tail(t, 48)
		switch {
		case numbered && leaderRe().MatchString(end) || len(t) < 40 && contentsHeadings[strings.ToLower(strings.TrimRight(t, ":"))]:
			why[i] = SkipContents
		case numbered && (pageOfRe().MatchString(end) || pageOnlyRe().MatchString(end) && len(end) == len(t)):
			why[i] = SkipFurniture
		case bare >= 3 && bareNumberRe().MatchString(t):
			// Clause numbers standing alone carry a dot ("4."), page numbers do not.
			why[i] = SkipFurniture
		case keys[i] != "" && counts[keys[i]] >= 3 && !sentence[keys[i]] && !startsNumbering(lines, cls, i+1):
			// A repeated line that a numbering starts under is a title
			// ("DEL 2 AV AVTALET"), not a running header.
			why[i] = SkipFurniture
		}
	}
	contentsLists(lines, cls, why)
	// Report the distinct footers, most repeated first.
	seen := map[string]bool{}
	var at []int // the footers' lines
	for i := range lines {
		k := keys[i]
		if why[i] != SkipFurniture || k == "" || seen[k] {
			continue
		}
		seen[k] = true
		at = append(at, i)
	}
	slices.SortStableFunc(at, func(a, b int) int { return counts[keys[b]] - counts[keys[a]] })
	for _, i := range at {
		footers = append(footers, lines[i].text)
	}
	return why, footers
}

// endsSentence reports whether the line l ends a sentence.
func endsSentence(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?", last)
}

// startsNumbering reports whether the first non-blank line of lines from
// from on is a clause numbered 1 (or 1.1); cls classifies the lines.
func startsNumbering(lines []line, cls []lineClass, from int) bool {
	for i := from; i < len(lines); i++ {
		if lines[i].text != "" {
			c := cls[i]
			return c.kind == kindNumbered && c.num.letter == "" && isStart(c.num.path)
		}
	}
	return false
}

// tail returns the end of s, at most n bytes: page numbers and dot
// leaders sit at the end of a line, and looking only there keeps long
// lines cheap.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for s != "" && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

// repeatKey is the form under which running headers and footers repeat:
// digits (page numbers, dates) replaced. Only lines that could be page
// furniture get a key: not clause or list lines, not lead-ins or
// sentences' ends, and of a sensible length. c is classify(s).
func repeatKey(s string, c lineClass) (string, bool) {
	if c.kind != kindText {
		return "", false
	}
	n := utf8.RuneCountInString(s)
	if n < 8 || n > 200 {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".:;,", last) || isListItem(s) {
		return "", false
	}
	letters := false
	// Map copies s only when it has a digit to replace.
	k := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsDigit(r):
			return '#'
		case unicode.IsLetter(r):
			letters = true
		}
		return r
	}, s)
	return k, letters
}

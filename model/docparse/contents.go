package docparse

import (
	"regexp"
	"strings"
	"sync"
)

// anchorLinkRe is an entry of a Markdown table of contents: a link to a
// place in the same document, "[Fees](#8-fees)", and nothing else.
var anchorLinkRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[([^\]]+)\]\(#[^)\s]*\)$`) })

// contentsLists marks the numbered lists that are a table of contents
// written as a list rather than with dot leaders: two or more numbered or
// bulleted lines in a row (blank lines aside) that are each only a link to
// an anchor, or three or more whose titles all come back later as headings
// or numbered clause titles. Left in, their numbers would become empty
// clauses or make the real numbering look like a second document. cls
// classifies the lines.
func contentsLists(lines []line, cls []lineClass, why []Reason) {
	later := map[string]int{} // a title → the last line it heads
	for i, l := range lines {
		if t := headingTitle(l, cls[i]); t != "" {
			later[t] = i
		}
	}
	var run []int // the numbered lines of the list being read
	links := true // every line of run is an anchor link
	flush := func() {
		if len(run) >= 2 && links || len(run) >= 3 && repeatedLater(cls, run, later) {
			for _, k := range run {
				why[k] = SkipContents
			}
			if h := contentsHeading(lines, run); h >= 0 {
				why[h] = SkipContents
			}
		}
		run, links = nil, true
	}
	for i, l := range lines {
		if l.text == "" || why[i] != "" {
			continue
		}
		if l.heading == 0 && !l.table && anchorLinkRe().MatchString(bulletText(l.text)) {
			run = append(run, i) // "- [Fees](#fees)": a bulleted contents list
			continue
		}
		c := cls[i]
		if c.kind != kindNumbered || l.heading > 0 || l.table {
			flush()
			continue
		}
		run = append(run, i)
		links = links && anchorLinkRe().MatchString(c.rest)
	}
	flush()
}

// repeatedLater reports whether every entry of run names a heading found
// after the run.
func repeatedLater(cls []lineClass, run []int, later map[string]int) bool {
	end := run[len(run)-1]
	for _, k := range run {
		t := strings.ToLower(cls[k].rest)
		if t == "" || later[t] <= end {
			return false
		}
	}
	return true
}

// headingTitle is the title a heading line gives, without its number, in
// lower case; "" for other lines. A numbered line with a short title-like
// text counts too ("4. Fees" in a text without Markdown). c is
// classify(l.text).
func headingTitle(l line, c lineClass) string {
	t := l.text
	if c.kind == kindNumbered {
		t = c.rest
	}
	if l.heading == 0 && (c.kind != kindNumbered || !titleLike(t) || wordCount(t) > 8) {
		return ""
	}
	return strings.ToLower(t)
}

// bulletText is s without the bullet that begins it, or "" when none does.
func bulletText(s string) string {
	for _, b := range []string{"- ", "* ", "+ ", "• "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return ""
}

// contentsHeading returns the heading right above a contents list that
// heads nothing else ("## Contents" followed by the list and then the next
// heading), or -1: left in, it would be an empty clause that shifts the
// numbers given by position.
func contentsHeading(lines []line, run []int) int {
	h := run[0] - 1
	for h >= 0 && lines[h].text == "" {
		h--
	}
	next := run[len(run)-1] + 1
	for next < len(lines) && lines[next].text == "" {
		next++
	}
	if h < 0 || lines[h].heading == 0 || next < len(lines) && lines[next].heading == 0 {
		return -1
	}
	return h
}

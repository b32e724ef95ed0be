package docparse

import (
	"strings"
	"unicode/utf8"
)

// headingsOnly builds the clauses of a text without clause numbers (a
// guidance note, an FAQ page): every title-like line that follows a blank
// line, or is short and follows the end of a sentence or a line without
// words (a date under a page), and has text after it starts a clause. Headings at the top that
// have no text of their own are the document's title when they name a
// document, and part of the preamble otherwise.
func (b *builder) headingsOnly() {
	p := b.cur()
	for i, l := range b.lines {
		if l.text != "" && (i == 0 || b.lines[i-1].text == "" || wordCount(l.text) <= 6 && endsBlock(b.lines[i-1].text)) && titleLike(l.text) &&
			!strings.Contains(l.text, ":") && b.nextNonBlank(i) >= 0 {
			p.clauses = append(p.clauses, &clause{line: i, heading: l.text})
			continue
		}
		b.addBody(i)
	}
	for len(p.clauses) > 0 && !b.textAfter(p.clauses[0].body) {
		c := p.clauses[0]
		p.clauses = p.clauses[1:]
		if len(p.name) == 0 && strongTitle(b.lines[c.line].text) {
			p.name = []int{c.line}
			continue
		}
		p.preamble = append(p.preamble, c.line)
		p.preamble = append(p.preamble, c.body...)
	}
}

// numberByPosition numbers the clauses of a document whose headings carry
// no numbers, so that they can be cited: 1, 2, 3 in order, and 1.1, 1.2
// under 1 for lower-level Markdown headings.
func (b *builder) numberByPosition() {
	for _, p := range b.parts {
		var levels, counters []int
		top := 0 // the last top-level number given
		for _, c := range p.clauses {
			level := b.lines[c.line].heading
			for len(levels) > 0 && levels[len(levels)-1] > level {
				levels, counters = levels[:len(levels)-1], counters[:len(counters)-1]
			}
			switch n := len(levels); {
			case n > 0 && levels[n-1] == level:
				counters[n-1]++
			case n == 0:
				// A heading above all before it ("# Part 2" after "## a",
				// "## b") goes on from the top-level numbers given so far.
				levels, counters = append(levels, level), append(counters, top+1)
			default:
				levels, counters = append(levels, level), append(counters, 1)
			}
			top = counters[0]
			c.number = joinPath(counters)
			p.numbers[c.number] = true
		}
	}
}

// anyNumber reports whether any clause has a number.
func (b *builder) anyNumber() bool {
	for _, p := range b.parts {
		for _, c := range p.clauses {
			if c.number != "" {
				return true
			}
		}
	}
	return false
}

// endsBlock reports a line after which a heading may follow without a
// blank line: one that ends a sentence, or holds no words.
func endsBlock(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?", last) || !hasLetter(s)
}

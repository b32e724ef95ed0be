package docparse

import (
	"strconv"
	"strings"
	"unicode"
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
		if l.text != "" && !b.entry[i] && (i == 0 || b.lines[i-1].text == "" || wordCount(l.text) <= 6 && endsBlock(b.lines[i-1].text)) && titleLike(l.text) &&
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

// maxEntryWords is the most words a line of an entry has: a name, an
// address, what the company does.
const maxEntryWords = 12

// entries marks the lines of entries: two or more short lines tied by
// Markdown hard breaks and set apart by blank lines, such as a company's
// name over its address and what it does. Such a line is part of a list,
// never a heading or a clause. A short line broken off a paragraph ("Fees"
// above its text, which goes on after the break) is no entry.
func entries(lines []line) []bool {
	entry := make([]bool, len(lines))
	for start := 0; start < len(lines); {
		end, short := start+1, wordCount(lines[start].text) <= maxEntryWords
		for end < len(lines) && lines[end-1].brk && lines[end].text != "" {
			short = short && wordCount(lines[end].text) <= maxEntryWords
			end++
		}
		apart := (start == 0 || lines[start-1].text == "") && (end == len(lines) || lines[end].text == "")
		if short && apart && end-start >= 2 {
			for k := start; k < end; k++ {
				entry[k] = true
			}
		}
		start = end
	}
	return entry
}

// plainHeadings marks as headings, in a Markdown text whose headings carry
// no numbers, the lines its author set apart without hashes: a short line
// in title case or capitals, alone between blank lines, with a paragraph
// after it ("Termination", "LIMITATION OF LIABILITY" among "## Fees"
// headings). Each takes the level of the Markdown heading before it. It
// reports whether it marked any.
func plainHeadings(lines []line) bool {
	level, marked := 0, false
	for i := range lines {
		if lines[i].heading > 0 {
			level = lines[i].heading
			continue
		}
		if level > 0 && setApart(lines, i) {
			lines[i].heading = level
			marked = true
		}
	}
	return marked
}

// setApart reports whether line i stands as a heading would: short, in
// title case or capitals, between blank lines, before a paragraph.
func setApart(lines []line, i int) bool {
	l := lines[i]
	if l.text == "" || l.table || l.nested || i == 0 || i+2 >= len(lines) || lines[i-1].text != "" || lines[i+1].text != "" {
		return false
	}
	s := l.text
	if wordCount(s) > 8 || strings.ContainsAny(s, ":|") || !titleLike(s) || startsStructure(s) || !allCaps(s) && !titleCase(s) {
		return false
	}
	k := i + 1
	for k < len(lines) && lines[k].text == "" {
		k++
	}
	return k < len(lines) && lines[k].heading == 0 && !lines[k].table && !isListItem(lines[k].text) &&
		utf8.RuneCountInString(lines[k].text) > 2*utf8.RuneCountInString(s) && utf8.RuneCountInString(lines[k].text) > 60
}

// titleCase reports whether every word of four letters or more begins
// with a capital: "Governing Law and Dispute Resolution".
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) >= 4 && !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// numberByPosition numbers the clauses of a document whose headings carry
// no numbers, so that they can be cited: 1, 2, 3 in order, and 1.1, 1.2
// under 1 for lower-level Markdown headings. A clause that has a number
// already (an appendix, "Bilag 1.A") keeps it, and the headings under it
// are numbered under it: "Bilag 1.A.1".
func (b *builder) numberByPosition() {
	type open struct {
		level    int
		number   string
		children int
	}
	for _, p := range b.parts {
		var stack []open // the clauses the next one may sit under
		top := 0
		for _, c := range p.clauses {
			level := b.lines[c.line].heading
			for len(stack) > 0 && stack[len(stack)-1].level >= level {
				stack = stack[:len(stack)-1]
			}
			if c.number == "" {
				if n := len(stack); n == 0 {
					top++
					c.number = strconv.Itoa(top)
				} else {
					stack[n-1].children++
					c.number = stack[n-1].number + "." + strconv.Itoa(stack[n-1].children)
				}
				p.numbers[c.number] = true
			}
			stack = append(stack, open{level: level, number: c.number})
		}
	}
}

// anyNumber reports whether any clause has a number read from the text,
// not counting the names of appendices ("Bilag 1"), which an unnumbered
// document has as well.
func (b *builder) anyNumber() bool {
	for _, p := range b.parts {
		for _, c := range p.clauses {
			if c.number != "" && b.cls[c.line].kind != kindAppendix {
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

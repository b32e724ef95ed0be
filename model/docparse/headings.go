package docparse

import "strings"

// headingsOnly builds the clauses of a text without clause numbers (a
// guidance note, an FAQ page): every title-like line that follows a blank
// line and has text after it starts an unnumbered clause. Headings at the
// top that have no text of their own are the document's title when they
// name a document, and skipped otherwise.
func (b *builder) headingsOnly() {
	p := b.cur()
	for i, l := range b.lines {
		if l.text != "" && (i == 0 || b.lines[i-1].text == "") && titleLike(l.text) &&
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
		b.skipped = append(b.skipped, skip(b.lines[c.line], SkipPreamble))
	}
}

package docparse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"avtal/model"
)

// documents turns the parts into documents. A part without a title line
// of its own takes the agreement's title.
func (b *builder) documents(title, version string) []model.Document {
	docs := make([]model.Document, 0, len(b.parts))
	for k, p := range b.parts {
		name := b.nameOf(p)
		switch {
		case name != "":
		case k == 0:
			name = title
		default:
			name = title + " (" + strconv.Itoa(k+1) + ")"
		}
		doc := model.Document{Name: name, Kind: guessKind(name), Version: version}
		if pre, ok := b.preamble(p, name); ok {
			doc.Clauses = append(doc.Clauses, pre)
		}
		for _, c := range p.clauses {
			doc.Clauses = b.appendClause(doc.Clauses, c)
		}
		docs = append(docs, doc)
	}
	return docs
}

// appendClause appends clause c to clauses, and after it the items of
// its lists as sub-clauses of their own (see splitItems).
func (b *builder) appendClause(clauses []model.Clause, c *clause) []model.Clause {
	var items []item
	if c.number != "" {
		items = b.splitItems(c.number, c.body)
	}
	end := len(c.body)
	if len(items) > 0 {
		end = items[0].at
	}
	clauses = append(clauses, model.Clause{Number: c.number, Heading: c.heading, Body: b.text(c.lead, c.body[:end])})
	for n, it := range items {
		end := len(c.body)
		if n+1 < len(items) {
			end = items[n+1].at
		}
		first := b.lines[c.body[it.at]].text
		lead := first[len(itemRe().FindString(first)):]
		clauses = append(clauses, model.Clause{Number: it.number, Body: b.text(lead, c.body[it.at+1:end])})
	}
	return clauses
}

func (b *builder) nameOf(p *part) string {
	names := make([]string, len(p.name))
	for i, k := range p.name {
		names[i] = b.lines[k].text
	}
	return strings.Join(names, " – ")
}

// fieldRe is a line of metadata: a label of a few words, a colon and its
// value ("Last Updated: 1 May 2025", "Document Classification: Public").
var fieldRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Lu}\p{Ll}+(?: \p{L}+){0,2}:\s+\S`) })

// preamble turns the text before a part's first clause (parties,
// validity, a cover page) into an unnumbered clause of its own, under the
// first title-like line in it, preferring one that names a document, or
// under the document's name when it has none. Lines of metadata ("Last
// Updated: …") and the lines of entries (a name over its address) stay
// in its body and never head it.
func (b *builder) preamble(p *part, name string) (model.Clause, bool) {
	if !b.textAfter(p.preamble) {
		return model.Clause{}, false
	}
	slices.Sort(p.preamble)
	head := -1
	for pass := 0; pass < 2 && head < 0; pass++ {
		for n, k := range p.preamble {
			t := b.lines[k].text
			if b.cls[k].kind == kindText && !b.lines[k].table && !b.entry[k] && !fieldRe().MatchString(t) && (pass == 0 && strongTitle(t) || pass == 1 && titleLike(t)) {
				head = n
				break
			}
		}
	}
	if head < 0 {
		return model.Clause{Heading: name, Body: b.text("", p.preamble)}, true
	}
	rest := append(append([]int{}, p.preamble[:head]...), p.preamble[head+1:]...)
	return model.Clause{Heading: b.lines[p.preamble[head]].text, Body: b.text("", rest)}, true
}

func (b *builder) textAfter(lines []int) bool {
	for _, k := range lines {
		if hasLetter(b.lines[k].text) {
			return true
		}
	}
	return false
}

// text joins a body: the lead on the clause's own line, then the body
// lines, one paragraph or list item a line, with a blank line wherever the
// document had one.
func (b *builder) text(lead string, lines []int) string {
	var s strings.Builder
	s.WriteString(lead)
	blank := false
	for _, k := range lines {
		t := b.lines[k].text
		if t == "" {
			blank = blank || !b.lines[k].table
			continue
		}
		if s.Len() > 0 {
			s.WriteByte('\n')
			if blank {
				s.WriteByte('\n')
			}
		}
		blank = false
		s.WriteString(t)
	}
	return s.String()
}

package extract

import (
	"strings"

	"avtal/model"
)

// prepared is a clause made ready for the finders once: its tokens, its
// sentences with their normalised text, and its normalised heading. The
// term, the fields, the supplier and the rules all read the same
// sentences, and normalising them again for each was half of Propose.
type prepared struct {
	model.Clause
	toks    []token
	sents   []Span
	norms   []normText // norms[i] is sents[i] normalised
	heading normText
	// outer is the heading of the nearest clause this one sits in ("10"
	// for 10.1, 19.6 for 19.6(a)), for a rule whose topic only the section
	// names: "10 Changes to the terms" › "10.1 Our right" › "…30 days ahead".
	outer string
}

func prepare(c model.Clause) *prepared {
	p := &prepared{Clause: c, toks: tokenize(c.Body), sents: sentences(c.Body), heading: normalize(c.Heading)}
	p.norms = make([]normText, len(p.sents))
	for i, s := range p.sents {
		p.norms[i] = normalize(s.In(c.Body))
	}
	return p
}

// noSentence is the normalised text of no sentence at all.
var noSentence = normalize("")

// sentenceAt returns the sentence that holds the byte offset at, with its
// normalised text, or the empty span at at when no sentence holds it.
func (p *prepared) sentenceAt(at int) (Span, normText) {
	for i, s := range p.sents {
		if at >= s.Start && at < s.End {
			return s, p.norms[i]
		}
	}
	return Span{at, at}, noSentence
}

// outerHeadings returns, for each clause, the heading of the nearest clause
// before it whose number it sits under, if any.
func outerHeadings(clauses []model.Clause) []string {
	headings := make(map[string]string, len(clauses))
	out := make([]string, len(clauses))
	for i, c := range clauses {
		for n := parentNumber(c.Number); n != ""; n = parentNumber(n) {
			if h := headings[n]; h != "" {
				out[i] = h
				break
			}
		}
		if c.Heading != "" {
			headings[c.Number] = c.Heading
		}
	}
	return out
}

// parentNumber returns the number of the clause that number sits under:
// "10" for "10.1", "7.2" for "7.2(a)", "Bilaga 1" for "Bilaga 1 › 3", or
// "" at the top.
func parentNumber(number string) string {
	if item := model.ItemOf(number); item != number {
		return item
	}
	dot, arrow := strings.LastIndexByte(number, '.'), strings.LastIndex(number, " › ")
	switch {
	case dot > arrow && dot > 0:
		return number[:dot]
	case arrow > 0:
		return number[:arrow]
	}
	return ""
}

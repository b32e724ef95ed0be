package extract

import "avtal/model"

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

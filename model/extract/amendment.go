package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"avtal/model"
)

// AmendmentKind says what an amendment does to its target clause.
type AmendmentKind string

// The kinds of amendment.
const (
	// AmendChanged: the clause stays, with words replaced, added or struck out.
	AmendChanged AmendmentKind = "changed"
	// AmendRemoved: the whole clause no longer applies.
	AmendRemoved AmendmentKind = "removed"
)

// Amendment is one change that a clause (usually an appendix, "Tillägg D")
// makes to another clause of the same agreement.
type Amendment struct {
	// Target is the clause amended as the text names it: "8.9.2", or
	// "8.8.2a" for item a of clause 8.8.2.
	Target string        `json:"target"`
	Kind   AmendmentKind `json:"kind"`
	// ByClause is the number of the clause that makes the amendment.
	ByClause string `json:"by_clause"`
	// Text is the amending sentence as written.
	Text string `json:"text"`
	// Span is where Text is in the amending clause's body.
	Span
}

// Clause returns the number of the clause the target sits in: "8.8.2a" → "8.8.2".
func (a Amendment) Clause() string {
	n := len(a.Target)
	if n >= 2 && a.Target[n-1] >= 'a' && a.Target[n-1] <= 'z' && a.Target[n-2] >= '0' && a.Target[n-2] <= '9' {
		return a.Target[:n-1]
	}
	return a.Target
}

var (
	// clauseRef finds "punkt 8.6.6", "punkterna 8.6.6 och 8.6.7", "clause 12.3", "§ 4".
	clauseRef = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[^\p{L}])(?i:punkt(?:en|erna)?|klausul(?:en|erna)?|avsnitt(?:et|en)?|paragraf(?:en|erna)?|` +
			`bestämmelse(?:n|rna)?|clauses?|sections?|paragraphs?|articles?|artikel(?:n)?|§)\s*` +
			`(` + refNumber + `(?:\s*(?:,|och|and|&|samt|or|eller)\s*` + refNumber + `)*)`)
	})
	refNumbers = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(refNumber) })

	removedCues = sync.OnceValue(func() []cue {
		return cues("tas bort", "tagits bort", "=utgår", "ska utgå", "stryks", "strykas", "struken", "upphävs",
			"upphör att gälla", "deleted", "removed", "struck", "=omitted")
	})
	changedCues = sync.OnceValue(func() []cue {
		return cues("ändras", "ändrats", "ersätts", "ersättas", "=ersatt", "ska lyda", "lyder", "=ändrad",
			"läggs till", "tillförs", "infogas", "amended", "replaced", "shall read", "modified", "changed",
			"inserted", "added")
	})
	// partialCues name a part of a clause: striking "the words" changes a clause, it does not remove it.
	partialCues = sync.OnceValue(func() []cue {
		return cues("frasen", "orden", "ordet", "meningen", "texten", "lydelsen", "the words", "the word",
			"the phrase", "the sentence")
	})
	// Swedish particle verbs let the object split them: "tas frasen … bort",
	// "läggs orden … till".
	removedSplit = sync.OnceValue(func() []cue { return cues("=tas", "=bort") })
	changedSplit = sync.OnceValue(func() []cue { return cues("=läggs", "=till") })
)

const refNumber = `(?:[0-9]+(?:\.[0-9]+)*[a-z]?|[A-Z](?:\.[0-9]+)+)`

// quotes pairs each opening quotation mark with its closing one.
var quotes = map[rune]rune{'«': '»', '“': '”', '”': '”', '"': '"', '„': '“'}

// FindAmendments reads text, the body of the clause numbered byClause, for
// sentences that change or remove other numbered clauses: "Punkt 8.6.6
// utgår", "I klausul 8.9.2 ersätts «inom 24 timmar» med …", "Clause 12.3 is
// deleted". The verb must come after the clause reference, so "the fee is
// changed as set out in clause 7.5" is no amendment of 7.5. Striking quoted
// words or "the phrase" changes a clause; striking the clause itself removes it.
func FindAmendments(byClause, text string) []Amendment {
	return findAmendments(byClause, text, sentences(text))
}

// findAmendments is FindAmendments over the sentences of text already found.
func findAmendments(byClause, text string, sents []Span) []Amendment {
	var out []Amendment
	for _, s := range sents {
		sentence := s.In(text)
		if !mentionsClause(sentence) {
			continue
		}
		m := clauseRef().FindStringSubmatchIndex(sentence)
		if m == nil {
			continue
		}
		plain, quoted := unquote(sentence[m[0]:])
		n := normalize(plain)
		_, removed := firstCue(removedCues(), n)
		removed = removed || allIn(removedSplit(), n)
		_, changed := firstCue(changedCues(), n)
		changed = changed || allIn(changedSplit(), n)
		_, partial := firstCue(partialCues(), n)
		kind := AmendChanged
		switch {
		case changed:
		case removed && !partial && !quoted:
			kind = AmendRemoved
		case !removed:
			continue
		}
		for _, target := range refNumbers().FindAllString(sentence[m[2]:m[3]], -1) {
			if target != byClause {
				out = append(out, Amendment{Target: target, Kind: kind, ByClause: byClause, Text: sentence, Span: s})
			}
		}
	}
	return out
}

// refWords start the clause references clauseRef reads.
var refWords = []string{"punkt", "klausul", "avsnitt", "paragraf", "bestämmelse", "clause", "section", "paragraph",
	"article", "artikel", "§"}

// mentionsClause is a quick test that spares most sentences the regular
// expression: a reference needs a digit and one of refWords.
func mentionsClause(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	lower := strings.ToLower(s)
	return slices.ContainsFunc(refWords, func(w string) bool { return strings.Contains(lower, w) })
}

// allIn reports whether every one of cs occurs in n.
func allIn(cs []cue, n normText) bool {
	for i := range cs {
		if !cs[i].in(&n) {
			return false
		}
	}
	return true
}

// unquote returns s with its quoted passages left out, so words inside
// them ("«tas bort»") are not read as instructions, and whether it had any.
func unquote(s string) (string, bool) {
	var b strings.Builder
	var closing rune
	quoted := false
	for _, r := range s {
		switch {
		case closing != 0:
			if r == closing {
				closing = 0
			}
		case quotes[r] != 0:
			closing, quoted = quotes[r], true
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), quoted
}

// proposal wraps an amendment for the user to confirm; it is surer when the
// target clause exists in the document.
func (a Amendment) proposal(clauses []model.Clause) Proposal {
	conf := 0.5
	for _, c := range clauses {
		if c.Number == a.Clause() || strings.TrimSuffix(c.Number, ".") == a.Clause() {
			conf = 0.8
			break
		}
	}
	return Proposal{Kind: ProposeAmendment, Clause: a.ByClause, Span: a.Span, Evidence: evidence(a.Text, Span{0, len(a.Text)}),
		Confidence: conf, Reason: fmt.Sprintf("clause %s %s by %s", a.Target, a.Kind, a.ByClause), Amendment: &a}
}

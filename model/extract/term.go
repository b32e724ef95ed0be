package extract

import (
	"strings"

	"avtal/model"
)

// termCues are the merged term words of every language.
var termCues = struct {
	agreement, runs, initial, renewal, terminate, end, indefinite, untilEnded, notTerm []cue
}{
	agreement:  merged(func(l *language) []string { return l.term.agreement }),
	runs:       merged(func(l *language) []string { return l.term.runs }),
	initial:    merged(func(l *language) []string { return l.term.initial }),
	renewal:    merged(func(l *language) []string { return l.term.renewal }),
	terminate:  merged(func(l *language) []string { return l.term.terminate }),
	end:        merged(func(l *language) []string { return l.term.end }),
	indefinite: merged(func(l *language) []string { return l.term.indefinite }),
	untilEnded: merged(func(l *language) []string { return l.term.untilEnded }),
	notTerm:    merged(func(l *language) []string { return l.term.notTerm }),
}

// termPart is one thing a sentence says of the agreement's own term.
type termPart uint8

const (
	termNone termPart = iota
	termInitial
	termRenewal
	termNotice
)

// termPartOf says what the length d is to the agreement's term, if
// anything: the notice to end it ("säga upp senast sex (6) månader före
// utgången", "terminate on thirty days' prior written notice"), an
// automatic renewal ("förlängs med tolv månader i taget") or the initial
// period ("an initial 12-month period"). A notice of termination for
// another reason — after an objection, changed terms, a breach not cured —
// is not the term's, wherever in the sentence the reason stands.
func termPartOf(d length) termPart {
	t := termCues
	if anyCue(t.notTerm, d.s) || anyCue(notDeadline, d.own) || d.billing || d.Period.Unit == model.Hours {
		return termNone
	}
	switch {
	case anyCue(t.terminate, d.near) && (d.notice || anyCue(t.end, d.near)):
		return termNotice
	case d.notice && anyCue(t.terminate, d.s):
		return termNotice
	case d.notice || d.after || !anyCue(t.agreement, d.s):
		return termNone
	case anyCue(t.runs, d.before) && !anyCue(t.renewal, d.before) && anyCue(t.renewal, d.toNext) &&
		!anyCue(t.terminate, d.toNext):
		// "gäller i tre år … och förlängs sedan med tolv månader": the
		// length the agreement runs for, said before its renewal's length
		return termInitial
	case anyCue(t.renewal, d.before) || anyCue(t.renewal, d.next):
		// "förlängs med 12 månader", "12 months at a time": the renewal is
		// said before the length or right after it
		return termRenewal
	case anyCue(t.terminate, d.near) || anyCue(t.renewal, d.near):
		return termNone
	case anyCue(t.initial, d.near) && anyCue(t.runs, d.s):
		return termInitial
	}
	return termNone
}

// indefiniteIn reports whether sentence s says the agreement runs until
// someone ends it: "Avtalet gäller tills vidare", "toistaiseksi voimassa",
// "gäller så länge tjänsten används".
func indefiniteIn(s normText) bool {
	t := termCues
	if !anyCue(t.agreement, s) {
		return false
	}
	return anyCue(t.indefinite, s) || (anyCue(t.untilEnded, s) && anyCue(t.runs, s))
}

// termFinder gathers the agreement's term over the clauses of a document:
// each part from the first clause that states it.
type termFinder struct {
	term  model.Term // the parts found so far
	props []Proposal
	// indefinite is the proposal of an agreement "until further notice",
	// kept aside: a document that also states an initial period is not one.
	indefinite *Proposal
	// noticeOfPeriod: the notice found counts back from the end of a
	// period of the agreement ("before the end of the subscription term"),
	// so the agreement has one even where its length is not stated.
	noticeOfPeriod bool
}

// clause looks for the term in one clause and returns the lengths it used,
// so that they are not also proposed as deadline rules.
func (f *termFinder) clause(c model.Clause, sents []Span, ls []length) map[int]bool {
	var used map[int]bool
	var found model.Term
	var first *length
	for i := range ls {
		d := &ls[i]
		part := termPartOf(*d)
		if part == termNone {
			continue
		}
		if used == nil {
			used = map[int]bool{}
		}
		used[i] = true
		slot := map[termPart]*model.Period{termInitial: &found.Initial, termRenewal: &found.Renewal, termNotice: &found.Notice}[part]
		known := map[termPart]model.Period{termInitial: f.term.Initial, termRenewal: f.term.Renewal, termNotice: f.term.Notice}[part]
		if !slot.IsZero() || !known.IsZero() {
			continue
		}
		*slot = d.Period
		if part == termNotice {
			f.noticeOfPeriod = anyCue(termCues.initial, d.s) || anyCue(termCues.renewal, d.s)
		}
		if first == nil {
			first = d
		}
	}
	if first != nil {
		found.Clause = c.Number
		f.term.Initial = orPeriod(f.term.Initial, found.Initial)
		f.term.Renewal = orPeriod(f.term.Renewal, found.Renewal)
		f.term.Notice = orPeriod(f.term.Notice, found.Notice)
		f.props = append(f.props, Proposal{Kind: ProposeTerm, Clause: c.Number, Span: first.Span,
			Evidence: evidence(c.Body, first.sentence), Confidence: 0.7, Reason: "the agreement's term: " + termReason(found),
			Term: &found})
	}
	if f.indefinite == nil {
		for _, s := range sents {
			if indefiniteIn(normalize(s.In(c.Body))) {
				f.indefinite = &Proposal{Kind: ProposeTerm, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
					Confidence: 0.7, Reason: "the agreement runs until further notice",
					Term: &model.Term{Indefinite: true, Clause: c.Number}}
				break
			}
		}
	}
	return used
}

// proposals returns the term proposals of the document.
// An agreement until further notice whose notice period stands in the same
// clause is one proposal, as one sentence of evidence is one proposal.
// An agreement that either party may end on notice and that states no
// period of its own runs until it is ended, said in words or not.
func (f *termFinder) proposals() []Proposal {
	if f.indefinite == nil && f.term.Initial.IsZero() && f.term.Renewal.IsZero() && !f.noticeOfPeriod {
		for i, p := range f.props {
			if !p.Term.Notice.IsZero() {
				f.props[i].Term.Indefinite = true
				f.props[i].Reason += ", and no period of its own: until ended"
				return f.props
			}
		}
	}
	if f.indefinite == nil || !f.term.Initial.IsZero() {
		return f.props
	}
	for i, p := range f.props {
		if p.Clause == f.indefinite.Clause {
			p.Term.Indefinite = true
			f.props[i].Reason += ", until further notice"
			return f.props
		}
	}
	return append([]Proposal{*f.indefinite}, f.props...)
}

func orPeriod(a, b model.Period) model.Period {
	if a.IsZero() {
		return b
	}
	return a
}

// termReason lists the parts of a term found: "initial 36 months, notice 6 months".
func termReason(t model.Term) string {
	var parts []string
	for _, p := range []struct {
		name string
		p    model.Period
	}{{"initial", t.Initial}, {"renewal", t.Renewal}, {"notice", t.Notice}} {
		if !p.p.IsZero() {
			parts = append(parts, p.name+" "+p.p.String())
		}
	}
	return strings.Join(parts, ", ")
}

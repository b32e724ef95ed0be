package extract

import (
	"slices"
	"strings"
	"sync"

	"avtal/model"
)

// termCueSet are the merged term words of every language.
type termCueSet struct {
	agreement, runs, initial, renewal, atATime, terminate, end, indefinite, untilEnded, suspended, notTerm []cue
	renews, yearly, monthly                                                                                []cue
	supplierSide, customerSide, mainAgreement, noNotice                                                    []cue
}

// termCues merges them when first asked: a program that extracts nothing
// (avtal search) does not start by merging them.
var termCues = sync.OnceValue(func() termCueSet {
	return termCueSet{
		agreement:  merged(func(l *language) []string { return l.term.agreement }),
		runs:       merged(func(l *language) []string { return l.term.runs }),
		initial:    merged(func(l *language) []string { return l.term.initial }),
		renewal:    merged(func(l *language) []string { return l.term.renewal }),
		atATime:    merged(func(l *language) []string { return l.term.atATime }),
		terminate:  merged(func(l *language) []string { return l.term.terminate }),
		end:        merged(func(l *language) []string { return l.term.end }),
		indefinite: merged(func(l *language) []string { return l.term.indefinite }),
		untilEnded: merged(func(l *language) []string { return l.term.untilEnded }),
		suspended:  merged(func(l *language) []string { return l.term.suspended }),
		notTerm:    merged(func(l *language) []string { return l.term.notTerm }),
		renews:     merged(func(l *language) []string { return l.term.renews }),
		yearly:     merged(func(l *language) []string { return l.term.yearly }),
		monthly:    merged(func(l *language) []string { return l.term.monthly }),

		supplierSide:  merged(func(l *language) []string { return l.term.supplierSide }),
		customerSide:  merged(func(l *language) []string { return l.term.customerSide }),
		mainAgreement: merged(func(l *language) []string { return l.term.mainAgreement }),
		noNotice:      merged(func(l *language) []string { return l.term.noNotice }),
	}
})

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
// is not the term's, wherever in the sentence the reason stands, and nor
// is the supplier's own notice (under heading, "Termination by us").
func termPartOf(d length, heading normText) termPart {
	t := termCues()
	// "cancel at least 24 hours before the renewal date": a subscription's
	// notice may be counted in hours; no other part of a term is
	hoursNotice := d.Period.Unit == model.Hours && anyCue(t.terminate, d.near) && (anyCue(t.renewal, d.near) || anyCue(t.end, d.near))
	if anyCue(t.notTerm, d.s) || anyCue(notDeadline(), d.own) || d.billing || d.Period.Unit == model.Hours && !hoursNotice {
		return termNone
	}
	switch {
	case anyCue(t.atATime, d.next) && !d.notice:
		// "…for one (1) year at a time and renews unless cancelled before
		// the period ends": a length followed by its "at a time" is how
		// long each period runs, whatever is said of ending it
		if anyCue(t.agreement, d.s) {
			return termRenewal
		}
		return termNone
	case ((anyCue(t.terminate, d.near) && (d.notice || anyCue(t.end, d.near)) && !d.lapse) || (d.notice && anyCue(t.terminate, d.s)) || hoursNotice) &&
		!d.noticeBeside:
		// (not time that runs out after the end, "the keys stop working
		// after 15 days from the cancellation", but notice given before it)
		if suppliersOnly(d.before) || (!anyCue(t.customerSide, d.before) && !anyCue(t.customerSide, heading) && suppliersOnly(heading)) {
			return termNone
		}
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

// renewsEvery returns how often sentence s renews the agreement when it
// says so in a word rather than a length: a year in "subscriptions
// auto-renew on an annual basis", a month in "förnyas månadsvis". The word
// must follow the verb closely, so that "renews automatically; fees are
// billed monthly" says nothing of the renewal's length.
func renewsEvery(s normText) (model.Period, bool) {
	t := termCues()
	if !anyCue(t.renews, s) || !anyCue(t.agreement, s) || anyCue(t.notTerm, s) {
		return model.Period{}, false
	}
	rest, _ := fromCue(t.renews, s)
	words := strings.Fields(rest.text)
	next := normalize(strings.Join(words[1:min(len(words), 6)], " "))
	switch {
	case anyCue(t.yearly, next):
		return model.Period{N: 1, Unit: model.Years}, true
	case anyCue(t.monthly, next):
		return model.Period{N: 1, Unit: model.Months}, true
	}
	return model.Period{}, false
}

// suppliersOnly reports whether the first party text names is the
// supplier, as the one who acts: "We may terminate your account",
// "Leverantören får säga upp", not "Either party may terminate by notice
// to the Supplier".
func suppliersOnly(text normText) bool {
	words := strings.Fields(text.text)
	for i := range words {
		pair := normalize(strings.Join(words[i:min(i+2, len(words))], " "))
		switch {
		case anyCue(termCues().customerSide, pair) && !anyCue(termCues().supplierSide, normalize(words[i])):
			return false
		case anyCue(termCues().supplierSide, normalize(words[i])):
			return true
		}
	}
	return false
}

// namesPeriodAhead reports whether sentence s names a period of the
// agreement that its notice counts back from ("before the end of the
// subscription term"), not one after which the notice may be given ("after
// the binding period, on 30 days' notice"), when it runs until ended.
func namesPeriodAhead(s normText) bool {
	t := termCues()
	for _, cs := range [][]cue{t.initial, t.renewal} {
		for i := range cs {
			if !cs[i].in(&s) {
				continue
			}
			at := strings.Index(s.text, cs[i].needle)
			if !anyCue(afterWords(), normalize(lastWords(s.text[:max(at, 0)], 3))) {
				return true
			}
		}
	}
	return false
}

// indefiniteIn reports whether sentence s says the agreement runs until
// someone ends it: "Avtalet gäller tills vidare", "toistaiseksi voimassa",
// "gäller så länge tjänsten används" — but not "så länge huvudavtalet
// gäller", which ties it to another agreement's term, nor "the rights
// exist during the term of this agreement and as long as…", where what
// lasts is not the agreement: the agreement is named before it runs.
func indefiniteIn(s normText) bool {
	t := termCues()
	if !anyCue(t.agreement, s) || anyCue(t.suspended, s) {
		return false
	}
	if anyCue(t.indefinite, s) {
		return true
	}
	if !anyCue(t.untilEnded, s) || anyCue(t.mainAgreement, s) {
		return false
	}
	rest, ok := fromCue(t.agreement, s)
	return ok && anyCue(t.runs, rest)
}

// fromCue returns n from the first place one of cs occurs in it on.
func fromCue(cs []cue, n normText) (normText, bool) {
	at := -1
	for i := range cs {
		if !cs[i].in(&n) {
			continue
		}
		if j := strings.Index(n.text, cs[i].needle); at < 0 || j < at {
			at = j
		}
	}
	if at < 0 {
		return noSentence, false
	}
	return normalize(n.text[at:]), true
}

// mainClauses cuts sentence sent of body into its main clauses, at a
// comma before a break word: "Either party may end it without notice,
// whereby your data is deleted" says two things.
func mainClauses(body string, sent Span) []Span {
	var out []Span
	start := sent.Start
	for i := sent.Start; i < sent.End; i++ {
		if body[i] != ',' {
			continue
		}
		if words := strings.Fields(body[i+1 : sent.End]); len(words) > 0 && breakWords()[strings.ToLower(words[0])] {
			out = append(out, Span{start, i})
			start = i + 1
		}
	}
	return append(out, Span{start, sent.End})
}

// endsWithoutNotice reports whether sentence s lets the customer or either
// party end the agreement at any time without notice: an agreement until
// further notice whose notice is none.
func endsWithoutNotice(s normText) bool {
	return mayEndWithoutNotice(s) && !anyCue(termCues().notTerm, s) && !suppliersOnly(s)
}

// mayEndWithoutNotice reports whether s has the words endsWithoutNotice
// needs in a sentence. A part of a sentence has no word the sentence has
// not, so a sentence without them needs no cutting into its parts.
func mayEndWithoutNotice(s normText) bool {
	t := termCues()
	return anyCue(t.noNotice, s) && anyCue(t.terminate, s) && anyCue(t.agreement, s)
}

// rowOf returns the line of a table that holds the byte offset at, or ""
// when that line is no table row.
func rowOf(body string, at int) string {
	start := strings.LastIndexByte(body[:at], '\n') + 1
	end := strings.IndexByte(body[at:], '\n')
	if end < 0 {
		end = len(body) - at
	}
	if line := body[start : at+end]; strings.Count(line, "|") >= 2 {
		return line
	}
	return ""
}

// namesTerm reports whether n has a word of the agreement's term: its
// notice, end, first period or renewal.
func namesTerm(n normText) bool {
	t := termCues()
	return anyCue(t.terminate, n) || anyCue(t.end, n) || anyCue(t.initial, n) || anyCue(t.renewal, n)
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
func (f *termFinder) clause(c *prepared, ls []length) map[int]bool {
	var used map[int]bool
	var found model.Term
	var first *length
	heading := c.heading
	for i := range ls {
		d := &ls[i]
		part := termPartOf(*d, heading)
		// in a table, a row per plan, the words of the term stand in the
		// header: such a row is one plan's term, not this agreement's
		if part == termNone || (rowOf(c.Body, d.Start) != "" && !namesTerm(normalize(rowOf(c.Body, d.Start)))) {
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
			f.noticeOfPeriod = namesPeriodAhead(d.s)
		}
		if first == nil {
			first = d
		}
	}
	span, sent := Span{}, Span{}
	if first != nil {
		span, sent = first.Span, first.sentence
	}
	if found.Renewal.IsZero() && f.term.Renewal.IsZero() {
		for i, s := range c.sents {
			if p, ok := renewsEvery(c.norms[i]); ok {
				found.Renewal = p
				if first == nil {
					span, sent = s, s
				}
				break
			}
		}
	}
	if found != (model.Term{}) {
		found.Clause = c.Number
		f.term.Initial = orPeriod(f.term.Initial, found.Initial)
		f.term.Renewal = orPeriod(f.term.Renewal, found.Renewal)
		f.term.Notice = orPeriod(f.term.Notice, found.Notice)
		f.props = append(f.props, Proposal{Kind: ProposeTerm, Clause: c.Number, Span: span,
			Evidence: evidence(c.Body, sent), Confidence: 0.7, Reason: "the agreement's term: " + termReason(found),
			Term: &found})
	}
	if f.indefinite == nil {
		for i, s := range c.sents {
			n := c.norms[i]
			if indefiniteIn(n) {
				f.indefinite = &Proposal{Kind: ProposeTerm, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
					Confidence: 0.7, Reason: "the agreement runs until further notice",
					Term: &model.Term{Indefinite: true, Clause: c.Number}}
				break
			}
			if mayEndWithoutNotice(n) && slices.ContainsFunc(mainClauses(c.Body, s), func(p Span) bool { return endsWithoutNotice(normalize(p.In(c.Body))) }) {
				// a notice of 0 days says there is none, where an unset notice is unknown
				f.indefinite = &Proposal{Kind: ProposeTerm, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
					Confidence: 0.6, Reason: "the agreement may be ended at any time without notice",
					Term: &model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}, Clause: c.Number}}
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
	if f.indefinite == nil || !f.term.Initial.IsZero() || !f.term.Renewal.IsZero() {
		// A term that renews by a period has periods: it does not run
		// until further notice, whatever else the text says of its end.
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

package extract

import (
	"fmt"
	"strings"
	"sync"

	"avtal/model"
)

// topicScope is where a kind's topic words may stand besides the sentence.
type topicScope uint8

const (
	inSentence topicScope = iota
	orHeading             // or in the clause heading: "Betalning", "Price changes"
	orClause              // or anywhere in the clause: an objection in a clause about sub-processors
)

// ruleKind says what makes a length of time a deadline rule of one kind,
// and what the rule counts from. Its words come from the language tables.
type ruleKind struct {
	kind   model.DeadlineKind
	anchor model.Anchor
	before bool
	scope  topicScope
	// hours: the kind may be counted in hours (a breach is reported within
	// 48 hours); no other deadline in a calendar is that short.
	hours bool
	// window: the length must not be a notice period itself, as in "med
	// tre (3) månaders uppsägningstid", which says how, not by when.
	window bool
	// onward: the kind counts from its event onwards, so a length counted
	// back from something ("order the export 30 days before the end",
	// "send the invoices 10 days before they fall due") is not of it.
	onward bool
	// limit: the length must be a time limit, not a line passed ("more
	// than six months"): a payment term is always the former, while a
	// claim "made more than 30 days after" still states a deadline.
	limit bool
	// whenInHeading: the when word may also be the heading's, its own or
	// its section's: "Data is deleted within 30 days" listed under
	// "Termination" counts from the end.
	whenInHeading bool
	// topic, act and when must each have a word: topic in the length's own
	// main clause of the sentence (or where scope allows), act and when near
	// the length; not must have none in the length's own main clause.
	topic, act, when, not []cue
	// named, right after the length, is the kind's name: see kindWords.
	named []cue
}

// ruleKinds are tried in order and the first that fits wins, so the
// specific ones (a breach report, a cure period, an objection) come before
// the general ones (a payment term).
var ruleKinds = sync.OnceValue(func() []ruleKind {
	return buildRuleKinds([]ruleKind{
		{kind: model.DLBreachNotice, anchor: model.EventAnchor("breach"), scope: orHeading, hours: true},
		{kind: model.DLCurePeriod, anchor: model.EventAnchor("breach_notice"), onward: true},
		{kind: model.DLAdvanceNotice, anchor: model.EventAnchor("notice_received"), scope: orHeading},
		{kind: model.DLObjection, anchor: model.EventAnchor("notice_received"), scope: orClause, window: true},
		{kind: model.DLTermsChange, anchor: model.EventAnchor("terms_changed"), scope: orHeading, window: true},
		{kind: model.DLTermsChangeNotice, anchor: model.EventAnchor("terms_notice_received"), scope: orHeading},
		{kind: model.DLPriceNotice, anchor: model.AnchorCancelBy, before: true, scope: orHeading},
		{kind: model.DLCreditClaim, anchor: model.EventAnchor("downtime"), scope: orHeading, window: true, hours: true, onward: true},
		{kind: model.DLAcceptanceEnd, anchor: model.EventAnchor("delivery"), scope: orHeading, window: true, onward: true},
		{kind: model.DLWarrantyEnd, anchor: model.EventAnchor("delivery"), window: true, onward: true},
		{kind: model.DLClaims, anchor: model.EventAnchor("damage"), scope: orHeading, window: true, onward: true},
		{kind: model.DLNonSolicitEnd, anchor: model.AnchorEnd, scope: orHeading, window: true, onward: true},
		{kind: model.DLConfidentialEnd, anchor: model.AnchorEnd, scope: orHeading, window: true, onward: true},
		{kind: model.DLMarketingEnd, anchor: model.AnchorEnd, scope: orHeading, window: true, onward: true},
		{kind: model.DLDataReturn, anchor: model.AnchorEnd, window: true, whenInHeading: true, onward: true},
		{kind: model.DLPayment, anchor: model.EventAnchor("invoice"), scope: orHeading, window: true, onward: true, limit: true},
	})
})

// buildRuleKinds fills each kind's cue groups with the words every
// language gives it.
func buildRuleKinds(kinds []ruleKind) []ruleKind {
	for i := range kinds {
		k := &kinds[i]
		for _, l := range languages() {
			w := l.rules[k.kind]
			k.topic = append(k.topic, cues(w.topic...)...)
			k.act = append(k.act, cues(w.act...)...)
			k.when = append(k.when, cues(w.when...)...)
			k.not = append(k.not, cues(w.not...)...)
			k.named = append(k.named, cues(w.named...)...)
		}
	}
	return kinds
}

// merged gathers one list of cue words from every language.
func merged(pick func(*language) []string) []cue {
	var out []cue
	for _, l := range languages() {
		out = append(out, cues(pick(l)...)...)
	}
	return out
}

var (
	notDeadline = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.notDeadline }) })
	noticeNouns = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.noticeNouns }) })
	periodNouns = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.periodNouns }) })
	firsts      = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.firsts }) })
	afterWords  = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.after }) })
	aheadWords  = sync.OnceValue(func() []string {
		var out []string
		for _, l := range languages() {
			out = append(out, l.ahead...)
		}
		return out
	})
	billingCues     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.billingPeriod }) })
	withinCues      = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.within }) })
	moreThanCues    = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.moreThan }) })
	notMoreThanCues = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.notMoreThan }) })
	// breakWords begin another main clause after a comma, in every language.
	breakWords = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.clauseBreaks }) })
	indexCues  = sync.OnceValue(func() []cue { return cues("*index", "=kpi", "=lci", "=cpi", "indeks") })
)

// length is one length of time in a clause, with the text around it that
// its cue words are looked for in.
type length struct {
	Item
	sentence Span
	// part is the part of the sentence that is this length's own when the
	// sentence holds several, and the evidence shown for it.
	part Span
	s    normText // the sentence, folded
	// own is the main clause of the sentence that holds the length, up to
	// ", och"/", but"/", except" on either side: a kind's topic and the
	// words that veto a length are looked for here, as "…14 dagar netto,
	// och dröjsmålsräntan…" says the interest in a clause of its own.
	own    normText
	near   normText // the sentence from the length before it to the next one
	before normText // the part of near before the length
	next   normText // the three words after the length
	first  normText // the first of them
	notice bool     // a notice period: "3 månaders varsel"
	// noticeBeside: another length of the same sentence is the notice
	// period, so this one is not: "after the 12-month binding period you
	// may cancel on 30 days' notice"
	noticeBeside bool
	// within: a within word stands right before the length, so even a
	// notice period is a window to act in: "within the 30-day notice period"
	within bool
	// beyond: a more-than word stands right before the length, which is
	// a line passed, not a limit kept: "absent for more than six months"
	beyond bool
	period bool // the length of a period: "a 30-day period", "the first 12 months"
	after  bool // counted after something: "12 months after termination"
	ahead  bool // counted back from something: "30 days before the end"
	// lapse: an after word stands right before the length, which is time
	// that runs out, not notice that someone gives: "invalid after 15 days"
	lapse bool
	// billing: the length is how long a billing period is, not a deadline
	billing bool
	// toNext is the text up to the next length in the same sentence, if
	// one follows, commas and all.
	toNext normText
}

// lengths returns the lengths of time of a clause body with their sentences.
func lengths(c *prepared) []length {
	body := c.Body
	items := durations(body, c.Number, c.toks)
	out := make([]length, 0, len(items))
	for i, d := range items {
		sent, norm := c.sentenceAt(d.Start)
		from, to := sent.Start, sent.End
		// Beside another length in the sentence, the words near this one
		// are those of its own part: "…with 4 months' notice before it
		// starts, and the controller may object within 1 month".
		if i > 0 && items[i-1].End > from {
			from = items[i-1].End
			if j := strings.LastIndexAny(body[from:d.Start], ",;"); j >= 0 {
				from += j + 1
			}
		}
		if i+1 < len(items) && items[i+1].Start < to {
			to = items[i+1].Start
			if j := strings.IndexAny(body[d.End:to], ",;"); j >= 0 {
				to = d.End + j
			}
		}
		next := wordsAfter(body, d.End, 3)
		part, near := sent, norm // the sentence, when the length is alone in it
		if from != sent.Start || to != sent.End {
			part.Start, part.End = trimSpan(body, from, to)
			near = normalize(body[from:to])
		}
		l := length{Item: d, sentence: sent, part: part, s: norm, near: near,
			before: normalize(body[min(from, d.Start):d.Start]), next: normalize(strings.Join(next, " ")), notice: noticeAfter(next)}
		if len(next) > 0 {
			first := normalize(next[0])
			l.first = first
			l.period, l.after = anyCue(periodNouns(), first), anyCue(afterWords(), first)
			l.ahead = aheadOf(next)
		}
		l.within = anyCue(withinCues(), normalize(lastWords(body[sent.Start:d.Start], 2)))
		l.beyond = anyCue(moreThanCues(), normalize(lastWords(body[sent.Start:d.Start], 2))) &&
			!anyCue(notMoreThanCues(), normalize(lastWords(body[sent.Start:d.Start], 3)))
		l.period = l.period || anyCue(firsts(), normalize(lastWords(body[sent.Start:d.Start], 1)))
		l.lapse = anyCue(afterWords(), normalize(lastWords(body[sent.Start:d.Start], 1)))
		l.own = l.s
		if own := ownClause(body, sent, d.Start, d.End); own != sent {
			l.own = normalize(own.In(body))
		}
		if i+1 < len(items) && items[i+1].Start < sent.End {
			l.toNext = normalize(body[d.End:items[i+1].Start])
		}
		l.billing = anyCue(billingCues(), l.s) && !anyCue(withinCues(), l.before)
		out = append(out, l)
	}
	for i := range out {
		for j := range out {
			if j != i && out[j].notice && out[j].sentence == out[i].sentence {
				out[i].noticeBeside = !out[i].notice
			}
		}
	}
	return out
}

// ownClause returns the main clause of sentence sent that holds the bytes
// start to end: the sentence cut at a comma followed by a break word
// ("and", "but", "except") in any language.
func ownClause(body string, sent Span, start, end int) Span {
	own := sent
	for i := sent.Start; i < sent.End; i++ {
		if body[i] != ',' {
			continue
		}
		words := strings.Fields(body[i+1 : sent.End])
		if len(words) == 0 || !breakWords()[strings.ToLower(words[0])] {
			continue
		}
		if i < start {
			own.Start = i + 1
		} else if i >= end {
			own.End = i
			break
		}
	}
	return own
}

// wordsAfter returns up to n words that follow the byte offset end in the
// same part of a sentence, skipping apostrophes: "days’ prior written".
func wordsAfter(body string, end, n int) []string {
	rest := body[end:]
	if i := strings.IndexAny(rest, ".,;:()\n"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '\t' || strings.ContainsRune("'’`´\"”", r) })
	return words[:min(n, len(words))]
}

// aheadOf reports whether the words after a length, as written, count it
// back from something: "before the end", "innan förfallodagen".
func aheadOf(next []string) bool {
	for _, a := range aheadWords() {
		n := strings.Count(a, " ") + 1
		if n <= len(next) && strings.EqualFold(strings.Join(next[:n], " "), a) {
			return true
		}
	}
	return false
}

// lastWords returns up to the last n words of text.
func lastWords(text string, n int) string {
	words := strings.Fields(text)
	return strings.Join(words[max(0, len(words)-n):], " ")
}

// noticeAfter reports whether the words after a length make it a notice
// period: "uppsägningstid", "varsel", "prior written notice".
func noticeAfter(words []string) bool {
	for _, w := range words {
		n := normalize(w)
		if !anyCue(noticeNouns(), n) {
			return false
		}
		if anyCue(noticeHeads(), n) {
			return true
		}
	}
	return false
}

// noticeHeads are the notice nouns that end the phrase ("prior written
// notice"), as opposed to the words that may come before them.
var noticeHeads = sync.OnceValue(func() []cue {
	return cues("notice", "notification", "uppsägning", "varsel", "förvarning", "opsigelse", "oppsigelse",
		"irtisanomisaj", "varoitusaj")
})

// anyCue reports whether one of cs occurs in n.
func anyCue(cs []cue, n normText) bool {
	_, ok := firstCue(cs, n)
	return ok
}

// proposeRules proposes the deadline rules a clause states: a length of
// time in a sentence that ties it to one kind of deadline, in any of the
// languages — who must do what, counted from what (a payment within 30
// days of the invoice, a breach reported within 48 hours, an objection
// within 14 days of the notice) — and a yearly indexation date near
// "index". Lengths the agreement's own term uses (ls; used marks those
// taken), notice periods for ending the agreement among them, are left to
// ProposeTerm.
func proposeRules(c *prepared, ls []length, used map[int]bool) []Proposal {
	heading := c.heading
	var outer *normText // the heading of the section it sits in, folded only if a cue needs it
	outerHeading := func() normText {
		if outer == nil {
			n := noSentence
			if c.outer != "" {
				n = normalize(c.outer)
			}
			outer = &n
		}
		return *outer
	}
	var whole *normText // the heading and body, folded only if a cue needs them
	clause := func() normText {
		if whole == nil {
			n := normalize(c.Heading + "\n" + c.Body)
			whole = &n
		}
		return *whole
	}
	var out []Proposal
	seen := map[model.Rule]bool{}
	add := func(p Proposal) {
		if !seen[*p.Rule] {
			seen[*p.Rule] = true
			out = append(out, p)
		}
	}
	for i, d := range ls {
		if used[i] || d.Period.N <= 0 || d.period || anyCue(notDeadline(), d.own) {
			continue
		}
		for _, rk := range ruleKinds() {
			found, inSentence, ok := rk.match(d, heading, outerHeading, clause)
			if !ok {
				continue
			}
			conf := 0.6
			if inSentence {
				conf = 0.8
			}
			if d.Conflict {
				conf -= 0.2
			}
			r := model.Rule{Kind: rk.kind, Anchor: rk.anchor, Offset: d.Period, Before: rk.before, Clause: c.Number}
			add(Proposal{Kind: ProposeRule, Clause: c.Number, Span: d.Span, Evidence: evidence(c.Body, d.part),
				Confidence: conf, Reason: fmt.Sprintf("%s near %q", d.Period, found), Rule: &r})
			break
		}
	}
	if p, ok := indexation(c); ok {
		add(p)
	}
	return out
}

// match reports whether the kind fits the length d, the label of its
// first cue word found, and whether the topic was in the sentence itself
// rather than the heading (its own or its section's) or clause.
func (rk ruleKind) match(d length, heading normText, outer, clause func() normText) (string, bool, bool) {
	if (d.Period.Unit == model.Hours && !rk.hours) || (rk.window && d.notice && !d.within) || (rk.onward && d.ahead) || len(rk.topic) == 0 {
		return "", false, false
	}
	if anyCue(rk.not, d.own) || (rk.kind == model.DLPayment && d.billing) || (rk.limit && d.beyond) {
		return "", false, false
	}
	if len(rk.named) > 0 {
		if c, ok := firstCue(rk.named, d.first); ok {
			return c.label, true, true
		}
	}
	if len(rk.act) > 0 && !anyCue(rk.act, d.near) {
		return "", false, false
	}
	if len(rk.when) > 0 && !anyCue(rk.when, d.near) &&
		!(rk.whenInHeading && (anyCue(rk.when, heading) || anyCue(rk.when, outer()))) {
		return "", false, false
	}
	c, ok := firstCue(rk.topic, d.own)
	if ok {
		return c.label, true, true
	}
	if rk.scope >= orHeading {
		if c, ok = firstCue(rk.topic, heading); ok {
			return c.label, false, true
		}
		// or the heading of the section it sits in: "10 Changes" › "10.1 Our right"
		if c, ok = firstCue(rk.topic, outer()); ok {
			return c.label, false, true
		}
	}
	if rk.scope == orClause {
		if c, ok = firstCue(rk.topic, clause()); ok {
			return c.label, false, true
		}
	}
	return "", false, false
}

// indexation proposes a yearly indexation rule from a day and month, "den 1
// januari", in a sentence (or under a heading) about an index.
func indexation(c *prepared) (Proposal, bool) {
	toks := c.toks
	for i := range toks {
		dm, ok := readDayMonth(toks, i)
		if !ok {
			continue
		}
		if _, err := model.NewDate(2000, dm.month, dm.day); err != nil {
			continue // 2000 is a leap year, so 29 February passes
		}
		sent, norm := c.sentenceAt(toks[i].start)
		found, ok := firstCue(indexCues(), norm)
		conf := 0.8
		if !ok {
			if found, ok = firstCue(indexCues(), c.heading); !ok {
				continue
			}
			conf = 0.6
		}
		r := model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly,
			On: fmt.Sprintf("%02d-%02d", int(dm.month), dm.day), Clause: c.Number}
		return Proposal{Kind: ProposeRule, Clause: c.Number, Span: Span{toks[i].start, toks[dm.next-1].end},
			Evidence: evidence(c.Body, sent), Confidence: conf,
			Reason: fmt.Sprintf("yearly on %s near %q", r.On, found.label), Rule: &r}, true
	}
	return Proposal{}, false
}

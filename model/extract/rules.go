package extract

import (
	"fmt"
	"strings"

	"avtal/model"
)

// ruleCue says which words around a length of time make it which deadline rule.
type ruleCue struct {
	kind   model.DeadlineKind
	anchor model.Anchor
	before bool
	// words: each group needs one cue in the sentence of the length, or in the heading.
	words [][]cue
	// context: each group needs one cue anywhere in the clause.
	context [][]cue
	// not: none of these may be in the sentence.
	not []cue
	// window: the length must not be a notice period itself, as in
	// "med tre (3) månaders uppsägningstid", which says how, not by when.
	window bool
}

// ruleCues are tried in order and the first that fits wins, so the specific
// ones (an objection, a claim for credit) come before the plain termination notice.
var ruleCues = []ruleCue{
	{kind: model.DLObjection, anchor: model.EventAnchor("notice_received"), window: true,
		words:   [][]cue{cues("invänd", "object")},
		context: [][]cue{cues("*underbiträd", "*underleverantör", "sub processor", "subprocessor")}},
	{kind: model.DLCreditClaim, anchor: model.EventAnchor("downtime"), window: true,
		words: [][]cue{cues("krediter", "*kreditering", "prisavdrag", "credit"),
			cues("skriftlig", "in writing", "åberopa", "begär", "claim", "anmäl", "förfaller", "lapse", "request")}},
	{kind: model.DLTermsChange, anchor: model.EventAnchor("terms_changed"), window: true,
		words: [][]cue{cues("uppsäg", "säga upp", "sägs upp", "säger upp", "terminat"),
			cues("uppdater", "försämring", "ändrade villkor", "nya villkor", "ändringen", "changed terms", "updated", "amended terms", "deteriorat")}},
	{kind: model.DLPriceNotice, anchor: model.AnchorCancelBy, before: true, window: true,
		words: [][]cue{cues("prishöjning", "prisändring", "höjning", "höja", "price increase", "increase")}},
	{kind: model.DLAcceptanceEnd, anchor: model.EventAnchor("delivery"), window: true,
		words: [][]cue{cues("godkännandeprov", "acceptans", "leveransprov", "acceptance")}},
	{kind: model.DLWarrantyEnd, anchor: model.EventAnchor("delivery"), window: true,
		words: [][]cue{cues("garanti", "reklamer", "reklamation", "warrant")}},
	{kind: model.DLNonSolicitEnd, anchor: model.EventAnchor("termination"), window: true,
		words: [][]cue{cues("värva", "värvning", "anställa", "rekrytera", "solicit", "hire", "employ"), cues("efter", "after")}},
	{kind: model.DLConfidentialEnd, anchor: model.EventAnchor("termination"), window: true,
		words: [][]cue{cues("*sekretess", "konfidentiell", "confidential"), cues("efter", "after")}},
	{kind: model.DLMarketingEnd, anchor: model.EventAnchor("termination"), window: true,
		words: [][]cue{cues("marknadsför", "referens", "logotyp", "marketing", "publicity", "logo"), cues("efter", "after")}},
	{kind: model.DLDataReturn, anchor: model.EventAnchor("termination"), window: true,
		words: [][]cue{cues("återlämn", "radera", "radering", "return", "delet")}},
	{kind: model.DLClaims, anchor: model.EventAnchor("damage"), window: true,
		words: [][]cue{cues("krav", "anspråk", "claim"), cues("*skadestånd", "skada", "ersättning", "damage", "loss", "compensation")},
		not:   cues("begräns", "limited to", "=cap")},
	{kind: model.DLPayment, anchor: model.EventAnchor("invoice"), window: true,
		words: [][]cue{cues("betalning", "betala", "faktur", "payment", "invoice", "=pay")},
		// a liability cap counts fees paid over a period; a suspension or a
		// cancellation fee ("avbokning 7 dagar före") is no payment term
		not: cues("stäng", "spärr", "suspend", "begräns", "limited to", "liabilit", "*ansvar", "avbok", "förskjut",
			"cancel", "postpone")},
	{kind: model.DLTermination, anchor: model.AnchorPeriodEnd, before: true,
		words: [][]cue{cues("uppsäg", "säga upp", "sägs upp", "säger upp", "terminat", "notice of termination")},
		// an objection, a cure period or changed terms make it another deadline
		not: cues("invänd", "object", "rättelse", "avhjälp", "remedy", "cure", "rectif", "försämring",
			"uppdaterade villkor", "ändrade villkor", "nya villkor", "updated terms", "deteriorat")},
}

var (
	// noticeWords after a length make it a notice period: "3 månaders uppsägningstid".
	noticeWords = cues("uppsägning", "varsel", "notice")
	indexCues   = cues("*index", "=kpi", "=lci", "=cpi")
)

// ProposeRules proposes the deadline rules a clause states: a length of time
// next to words that say what it is for (a notice period near "uppsägning",
// a claim window near "kreditering" and "skriftligen", an objection window
// near "invända" in a clause about sub-processors…), and a yearly
// indexation date near "index". Lengths in hours are left out: no deadline
// in a calendar is that short.
func ProposeRules(c model.Clause) []Proposal {
	heading := normalize(c.Heading)
	var whole *normText // the heading and body, folded only if a cue needs them
	clause := func() normText {
		if whole == nil {
			n := normalize(c.Heading + "\n" + c.Body)
			whole = &n
		}
		return *whole
	}
	toks := tokenize(c.Body)
	sents := sentences(c.Body)
	var out []Proposal
	seen := map[model.Rule]bool{}
	add := func(p Proposal) {
		if !seen[*p.Rule] {
			seen[*p.Rule] = true
			out = append(out, p)
		}
	}
	for _, d := range durations(c.Body, c.Number, toks) {
		if d.Period.Unit == model.Hours || d.Period.N <= 0 {
			continue
		}
		sent := sentenceOf(sents, d.Start)
		s := normalize(sent.In(c.Body))
		notice := isNotice(c.Body, d.End)
		for _, rc := range ruleCues {
			found, inSentence, ok := rc.match(s, heading, clause, notice)
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
			r := model.Rule{Kind: rc.kind, Anchor: rc.anchor, Offset: d.Period, Before: rc.before, Clause: c.Number}
			add(Proposal{Kind: ProposeRule, Clause: c.Number, Span: d.Span, Evidence: evidence(c.Body, sent),
				Confidence: conf, Reason: fmt.Sprintf("%s near %q", d.Period, found), Rule: &r})
			break
		}
	}
	if p, ok := indexation(c, toks, heading, sents); ok {
		add(p)
	}
	return out
}

// match reports whether the cue fits a length in sentence s, the label of
// the first cue word found, and whether all of them were in the sentence
// itself rather than the heading.
func (rc ruleCue) match(s, heading normText, clause func() normText, notice bool) (string, bool, bool) {
	if rc.window && notice {
		return "", false, false
	}
	if _, vetoed := firstCue(rc.not, s); vetoed {
		return "", false, false
	}
	label, inSentence := "", true
	for _, group := range rc.words {
		c, ok := firstCue(group, s)
		if !ok {
			if c, ok = firstCue(group, heading); !ok {
				return "", false, false
			}
			inSentence = false
		}
		if label == "" {
			label = c.label
		}
	}
	for _, group := range rc.context {
		if _, ok := firstCue(group, clause()); !ok {
			return "", false, false
		}
	}
	return label, inSentence, true
}

// isNotice reports whether the word after a length makes it a notice period.
func isNotice(body string, end int) bool {
	rest := body[end:]
	if i := strings.IndexAny(rest, ".,;:()\n"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	_, ok := firstCue(noticeWords, normalize(words[0]))
	return ok
}

// indexation proposes a yearly indexation rule from a day and month, "den 1
// januari", in a sentence (or under a heading) about an index.
func indexation(c model.Clause, toks []token, heading normText, sents []Span) (Proposal, bool) {
	for i := range toks {
		dm, ok := readDayMonth(toks, i)
		if !ok {
			continue
		}
		if _, err := model.NewDate(2000, dm.month, dm.day); err != nil {
			continue // 2000 is a leap year, so 29 February passes
		}
		sent := sentenceOf(sents, toks[i].start)
		found, ok := firstCue(indexCues, normalize(sent.In(c.Body)))
		conf := 0.8
		if !ok {
			if found, ok = firstCue(indexCues, heading); !ok {
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

package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"avtal/model"
)

// ProposeTiers proposes the SLA credit tiers of a clause's credit table, as
// one proposal with the tiers from the highest threshold down. It is surer
// when the table has more than one row.
func ProposeTiers(c model.Clause) []Proposal {
	body := c.Body
	if at, ok := exampleAt(body); ok {
		body = body[:at] // a worked example reads like rows but adds no tier
	}
	if ps := planTiers(c, body); ps != nil {
		return ps
	}
	rows := creditTiers(body, c.Number, c.Heading+"\n"+c.Body)
	if len(rows) == 0 || unreadRow(body, rows) {
		return nil
	}
	var tiers []model.CreditTier
	for _, r := range rows {
		if !slices.Contains(tiers, r.Tier) {
			tiers = append(tiers, r.Tier)
		}
	}
	slices.SortFunc(tiers, func(a, b model.CreditTier) int { return cmp.Compare(b.Below, a.Below) })
	if !ladder(tiers) {
		return nil
	}
	span := Span{rows[0].Start, rows[len(rows)-1].End}
	conf := 0.6
	if len(tiers) > 1 {
		conf = 0.9
	}
	return []Proposal{{Kind: ProposeSLATiers, Clause: c.Number, Span: span, Evidence: evidence(c.Body, span),
		Confidence: conf, Reason: fmt.Sprintf("credit table with %d rows", len(tiers)), Tiers: tiers}}
}

// ladder reports whether tiers, from the highest threshold down, give a
// credit at least as large the lower uptime falls. Rows whose credit
// shrinks as uptime falls are the commitments of different plans (Basic
// 99.5 % and 5 %, Pro 99.9 % and 10 %), not one ladder.
func ladder(tiers []model.CreditTier) bool {
	for i := 1; i < len(tiers); i++ {
		if tiers[i].CreditPct < tiers[i-1].CreditPct {
			return false
		}
	}
	return true
}

// unreadRow reports whether the table that holds rows has a row that
// gives a credit below a threshold written in words ("< the guaranteed
// level | 10 %", a level set per plan elsewhere): its other rows alone
// would say that no credit is due where one is.
func unreadRow(body string, rows []Item) bool {
	lines := lineSpans(body)
	first := slices.IndexFunc(lines, func(l Span) bool { return l.End >= rows[0].Start })
	last := slices.IndexFunc(lines, func(l Span) bool { return l.End >= rows[len(rows)-1].End })
	for first > 0 && strings.Contains(lines[first-1].In(body), "|") {
		first--
	}
	for last+1 < len(lines) && strings.Contains(lines[last+1].In(body), "|") {
		last++
	}
	for _, l := range lines[first : last+1] {
		if slices.ContainsFunc(rows, func(r Item) bool { return r.Start >= l.Start && r.End <= l.End }) {
			continue
		}
		line := l.In(body)
		toks := tokenize(line)
		if len(percentages(line, "", toks)) != 1 {
			continue
		}
		if _, below := belowWord(toks, 0, len(line)); below || strings.HasPrefix(strings.TrimLeft(line, "| \t"), "<") {
			return true
		}
	}
	return false
}

// exampleAt returns where the first line that introduces an example
// ("Example:", "Esimerkkilaskelma:") starts in body.
func exampleAt(body string) (int, bool) {
	for _, l := range lineSpans(body) {
		line := strings.TrimSpace(l.In(body))
		if strings.HasSuffix(line, ":") && len(strings.Fields(line)) <= 3 && anyCue(examples(), normalize(line)) {
			return l.Start, true
		}
	}
	return 0, false
}

// mergeSiblingTiers makes one proposal of the credit tables of sibling
// clauses that follow each other (3.1, 3.2, 3.3 under 3): an SLA that gives
// a table per service level offers all their tiers, the level being set by
// the order. The proposal cites the range, "3.1–3.3".
func mergeSiblingTiers(ps []Proposal) []Proposal {
	out := ps[:0]
	last := -1 // index in out of the previous tier proposal, while it may take siblings
	first := ""
	for _, p := range ps {
		if p.Kind != ProposeSLATiers {
			if p.Kind != ProposeRule {
				last = -1
			}
			out = append(out, p)
			continue
		}
		if last >= 0 && p.Plan == "" && out[last].Plan == "" {
			prev := &out[last]
			if parent := model.ParentNumber(p.Clause); parent != "" && parent == model.ParentNumber(first) {
				for _, t := range p.Tiers {
					if !slices.Contains(prev.Tiers, t) {
						prev.Tiers = append(prev.Tiers, t)
					}
				}
				slices.SortStableFunc(prev.Tiers, func(a, b model.CreditTier) int { return cmp.Compare(b.Below, a.Below) })
				prev.Clause = first + "–" + p.Clause
				prev.Reason = fmt.Sprintf("credit tables of %s with %d rows", prev.Clause, len(prev.Tiers))
				continue
			}
		}
		out = append(out, p)
		last, first = len(out)-1, p.Clause
	}
	return out
}

package extract

import (
	"cmp"
	"fmt"
	"slices"

	"avtal/model"
)

// ProposeTiers proposes the SLA credit tiers of a clause's credit table, as
// one proposal with the tiers from the highest threshold down. It is surer
// when the table has more than one row.
func ProposeTiers(c model.Clause) []Proposal {
	rows := creditTiers(c.Body, c.Number, c.Heading+"\n"+c.Body)
	if len(rows) == 0 {
		return nil
	}
	var tiers []model.CreditTier
	for _, r := range rows {
		if !slices.Contains(tiers, r.Tier) {
			tiers = append(tiers, r.Tier)
		}
	}
	slices.SortFunc(tiers, func(a, b model.CreditTier) int { return cmp.Compare(b.Below, a.Below) })
	span := Span{rows[0].Start, rows[len(rows)-1].End}
	conf := 0.6
	if len(tiers) > 1 {
		conf = 0.9
	}
	return []Proposal{{Kind: ProposeSLATiers, Clause: c.Number, Span: span, Evidence: evidence(c.Body, span),
		Confidence: conf, Reason: fmt.Sprintf("credit table with %d rows", len(tiers)), Tiers: tiers}}
}

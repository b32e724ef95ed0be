package gen

import (
	"math/rand/v2"
	"slices"

	"avtal/model"
)

func months(n int) model.Period { return model.Period{N: n, Unit: model.Months} }
func days(n int) model.Period   { return model.Period{N: n, Unit: model.Days} }
func weeks(n int) model.Period  { return model.Period{N: n, Unit: model.Weeks} }

// Terms drawn like the sample: Centuri's 36 + 12 months with 6 months'
// notice, Pureservice's yearly subscription with 3 months', Inera's and
// Cleura's "until further notice", and a few that simply end.
var (
	commercialTerms = []option[model.Term]{
		{30, model.Term{Initial: months(36), Renewal: months(12), Notice: months(6)}},
		{20, model.Term{Initial: months(12), Renewal: months(12), Notice: months(3)}},
		{10, model.Term{Initial: months(24), Renewal: months(12), Notice: months(3)}},
		{8, model.Term{Initial: months(48), Renewal: months(12), Notice: months(6)}},
		{7, model.Term{Initial: months(12), Renewal: months(12), Notice: months(1)}},
		{3, model.Term{Initial: months(12), Renewal: months(12), Notice: days(90)}},
		{10, model.Term{Indefinite: true, Notice: months(3)}},
		{4, model.Term{Indefinite: true}},
		{5, model.Term{Initial: months(24)}},
		{3, model.Term{Initial: months(36)}},
	}
	subscriptionTerms = []option[model.Term]{
		{50, model.Term{Indefinite: true, Notice: months(3)}},
		{20, model.Term{Indefinite: true, Notice: months(1)}},
		{30, model.Term{Initial: months(12), Renewal: months(12), Notice: months(3)}},
	}
	frameworkTerms = []option[model.Term]{
		{50, model.Term{Indefinite: true}},
		{30, model.Term{Initial: months(24), Renewal: months(12), Notice: months(3)}},
		{20, model.Term{Initial: months(48)}},
	}
)

func (b *builder) term(kind model.Kind) model.Term {
	switch kind {
	case model.KindDPA:
		return model.Term{Indefinite: true} // runs as long as the main agreement
	case model.KindVolume:
		return model.Term{Indefinite: true}
	case model.KindFramework:
		return choose(b.r, frameworkTerms)
	case model.KindSubscription, model.KindOrder:
		return choose(b.r, subscriptionTerms)
	}
	return choose(b.r, commercialTerms)
}

// fee draws a monthly or yearly fee, rounded the way price lists are.
func fee(r *rand.Rand) model.Fee {
	f := model.Fee{Currency: choose(r, []option[string]{{85, "SEK"}, {10, "EUR"}, {5, "NOK"}}), Per: model.Years}
	whole := logNormal(r, 120000, 1.0)
	if chance(r, 35) {
		f.Per, whole = model.Months, logNormal(r, 4000, 0.9)
	}
	if f.Currency == "EUR" {
		whole /= 11
	}
	f.Amount = model.Amount(max(1, int64(whole/100))) * 100 * 100
	return f
}

func venue(r *rand.Rand, law string) string {
	switch law {
	case "Norwegian law":
		return "Oslo tingrett"
	case "Finnish law":
		return "Helsingfors tingsrätt"
	case "Danish law":
		return "Københavns Byret"
	}
	return choose(r, []option[string]{{50, "Stockholms tingsrätt"}, {30, "SCC arbitration, Stockholm"}, {20, ""}})
}

var (
	serviceHours = model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5}, From: "08:00", To: "17:00", Holidays: "SE", TZ: "Europe/Stockholm"}
	slaTerms     = []option[model.SLATerms]{
		{40, model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.5, CapPct: 100, ClaimWindow: weeks(4),
			Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}, {Below: 95, CreditPct: 100}}}},
		{20, model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.9, CapPct: 50, ClaimWindow: days(30),
			Tiers: []model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}}}},
		{15, model.SLATerms{Window: serviceHours, TargetPct: 99.5, Discretionary: true}},
		{15, model.SLATerms{Window: serviceHours, TargetPct: 99.7, CapPct: 30, ClaimByMonthEnd: true,
			Tiers: []model.CreditTier{{Below: 99.7, CreditPct: 5}, {Below: 99, CreditPct: 15}}}},
		{10, model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99, CapPct: 25, ClaimWindow: months(2),
			Tiers: []model.CreditTier{{Below: 99, CreditPct: 10}, {Below: 97, CreditPct: 25}}}},
	}
	exclusions = []string{"planned maintenance", "force majeure", "faults caused by the customer",
		"third parties outside the supplier's control", "test and trial instances", "malicious code despite reasonable protection"}
)

// sla draws SLA terms and points them at the SLA's clauses.
func (b *builder) sla() *model.SLATerms {
	s := choose(b.r, slaTerms)
	// Fresh slices, so a caller that edits one agreement's SLA edits no other.
	s.Tiers, s.Window.Weekdays = slices.Clone(s.Tiers), slices.Clone(s.Window.Weekdays)
	s.Exclusions = slices.Clone(exclusions[:between(b.r, 2, len(exclusions))])
	s.Clause, s.ClaimClause = b.refs[tAvailability], b.refs[tCredit]
	s.Source = slaName[b.lang]
	return &s
}

var subPolicies = []option[model.SubPolicy]{
	{35, model.SubPolicy{AdvanceNotice: weeks(4), OnObjection: "The customer may object before the change; no termination right is stated."}},
	{30, model.SubPolicy{ObjectionWindow: days(14), SilenceAccepts: true, OnObjection: "The parties seek a solution; failing one the supplier may terminate with reasonable notice."}},
	{20, model.SubPolicy{AdvanceNotice: months(4), ObjectionWindow: months(1), SilenceAccepts: true, TerminationNotice: months(3),
		OnObjection: "The customer may terminate the affected service with 3 months' notice."}},
	{15, model.SubPolicy{AdvanceNotice: days(30), ObjectionWindow: days(30), TerminationNotice: months(1),
		OnObjection: "The customer may terminate the agreement with 1 month's notice."}},
}

// subPolicy draws how sub-processor changes are announced, and names a
// transfer basis when a sub-processor is outside the EU/EEA.
func (b *builder) subPolicy(subs []model.SubProcessor) *model.SubPolicy {
	p := choose(b.r, subPolicies)
	p.Clause = b.refs[tSubprocessors]
	p.ProcessingRegion = choose(b.r, []option[string]{{60, "EEA"}, {25, "SE"}, {15, "EU"}})
	for _, s := range subs {
		if s.TransferBasis != "" {
			p.TransferBasis = s.TransferBasis
			break
		}
	}
	return &p
}

// rules writes the deadline rules the agreement's terms imply, each
// pointing at the clause that states it. A custom rule's title is shown as
// written, so it is in the agreement's language; the others are worded by
// their kind.
func (b *builder) rules(a *model.Agreement) []model.Rule {
	r, t := b.r, a.Term
	var rules []model.Rule
	add := func(rule model.Rule) { rules = append(rules, rule) }
	switch {
	case !t.Indefinite && t.Renews():
		add(model.Rule{Kind: model.DLTermination, Anchor: model.AnchorPeriodEnd, Offset: t.Notice, Before: true, Clause: t.Clause, Title: "Last day to give notice"})
		add(model.Rule{Kind: model.DLRenewal, Anchor: model.AnchorPeriodEnd, Offset: days(1), Clause: t.Clause, Title: "Renews for " + t.Renewal.String()})
		if a.Fee.Amount > 0 && chance(r, 20) {
			add(model.Rule{Kind: model.DLPriceNotice, Anchor: model.AnchorCancelBy, Offset: months(1), Before: true, Clause: b.refs[tIndexation], Title: "Last day for the supplier to announce a price increase"})
		}
	case !t.Indefinite:
		add(model.Rule{Kind: model.DLCustom, Anchor: model.AnchorPeriodEnd, Clause: t.Clause, Title: [2]string{"Avtalet upphör", "Agreement ends"}[b.lang]})
	case !t.Notice.IsZero():
		add(model.Rule{Kind: model.DLCustom, Anchor: model.EventAnchor("notice_sent"), Offset: t.Notice, Clause: t.Clause, Title: [2]string{"Avtalet upphör efter uppsägning", "Agreement ends after notice"}[b.lang]})
	}
	if a.Fee.Amount > 0 && chance(r, 60) {
		add(model.Rule{Kind: model.DLPayment, Anchor: model.EventAnchor("invoice"), Offset: days(30), Clause: b.refs[tFees], Title: "Invoice due"})
	}
	if b.refs[tIndexation] != "" && a.Fee.Amount > 0 {
		add(model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01", Clause: b.refs[tIndexation], Title: "Yearly indexation"})
	}
	if s := a.SLA; s != nil && !s.ClaimWindow.IsZero() {
		add(model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: s.ClaimWindow, Clause: s.ClaimClause, Title: "Last day to claim a service credit"})
	}
	if ref := b.refs[tConfidentiality]; ref != "" && chance(r, 40) {
		add(model.Rule{Kind: model.DLConfidentialEnd, Anchor: model.AnchorEnd, Offset: model.Period{N: between(r, 2, 5), Unit: model.Years}, Clause: ref, Title: "Confidentiality ends"})
	}
	if ref := b.refs[tLiability]; ref != "" && chance(r, 30) {
		add(model.Rule{Kind: model.DLClaims, Anchor: model.EventAnchor("damage"), Offset: months(6), Clause: ref, Title: "Last day to claim damages in writing"})
	}
	if ref := b.refs[tExit]; ref != "" && chance(r, 50) {
		add(model.Rule{Kind: model.DLDataReturn, Anchor: model.AnchorEnd, Offset: days(30), Clause: ref, Title: "Data returned or deleted"})
	}
	return rules
}

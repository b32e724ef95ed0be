package importfile

import (
	"testing"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/i18n"
)

func TestDescribeRuleInBothLanguages(t *testing.T) {
	rule := func(r model.Rule) store.ProposalRow {
		return store.ProposalRow{Proposal: extract.Proposal{Rule: &r}}
	}
	tests := []struct {
		p      store.ProposalRow
		en, sv string
	}{
		{rule(model.Rule{Kind: model.DLTermination, Anchor: model.AnchorPeriodEnd, Offset: model.Period{N: 6, Unit: model.Months}, Before: true}),
			"termination_notice 6 months before period_end", "termination_notice 6 månader före period_end"},
		{rule(model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 10, Unit: model.WorkDays}}),
			"sla_credit_claim 10 business days after event:downtime", "sla_credit_claim 10 arbetsdagar efter event:downtime"},
		{rule(model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01"}),
			"indexation yearly on 01-01", "indexation årligen 01-01"},
	}
	for _, tt := range tests {
		if got := Describe(i18n.EN, tt.p); got != tt.en {
			t.Errorf("English %q, want %q", got, tt.en)
		}
		if got := Describe(i18n.SV, tt.p); got != tt.sv {
			t.Errorf("Swedish %q, want %q", got, tt.sv)
		}
	}
}

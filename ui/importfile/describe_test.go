package importfile

import (
	"testing"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/i18n"
)

func TestDescribeInBothLanguages(t *testing.T) {
	rule := func(r model.Rule) store.ProposalRow {
		return store.ProposalRow{Proposal: extract.Proposal{Rule: &r}}
	}
	tests := []struct {
		p      store.ProposalRow
		en, sv string
	}{
		{rule(model.Rule{Kind: model.DLTermination, Anchor: model.AnchorPeriodEnd, Offset: model.Period{N: 6, Unit: model.Months}, Before: true}),
			"Termination notice 6 months before the end of the period", "Uppsägning 6 månader före periodens slut"},
		{rule(model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 10, Unit: model.WorkDays}}),
			"SLA credit claim 10 business days after the downtime", "Krav på kreditering 10 arbetsdagar efter driftavbrottet"},
		{rule(model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01"}),
			"Indexation yearly on 01-01", "Indexering årligen 01-01"},
		{rule(model.Rule{Kind: model.DLPriceNotice, Anchor: model.AnchorCancelBy, Offset: model.Period{N: 1, Unit: model.Months}, Before: true}),
			"Price increase notice 1 month before the cancel-by date", "Besked om prishöjning 1 månad före sista uppsägningsdagen"},
		{rule(model.Rule{Kind: model.DLBreachNotice, Anchor: model.EventAnchor("breach"), Offset: model.Period{N: 48, Unit: model.Hours}}),
			"Breach notification due 48 hours after the supplier learns of a breach", "Anmälan av personuppgiftsincident 48 timmar efter leverantören får kännedom om en incident"},
		{rule(model.Rule{Kind: model.DLCustom, Anchor: model.EventAnchor("go_live")}),
			"Own deadline at the event go live", "Egen frist vid händelsen go live"},
		{store.ProposalRow{Proposal: extract.Proposal{Kind: extract.ProposeTerm, Term: &model.Term{Initial: model.Period{N: 36, Unit: model.Months},
			Renewal: model.Period{N: 1, Unit: model.Years}, Notice: model.Period{N: 3, Unit: model.Months}}}},
			"36 months, renews by 1 year, 3 months notice", "36 månader, förlängs med 1 år, uppsägningstid 3 månader"},
		{store.ProposalRow{Proposal: extract.Proposal{Kind: extract.ProposeTerm, Term: &model.Term{Indefinite: true, Notice: model.Period{N: 1, Unit: model.Months}}}},
			"until further notice, 1 month notice", "tills vidare, uppsägningstid 1 månad"},
		{store.ProposalRow{Proposal: extract.Proposal{Kind: extract.ProposeSupplier, Supplier: &model.Party{Name: "Moln A/S", OrgNumber: "CVR 12345678"}}},
			"Moln A/S, org. no. CVR 12345678", "Moln A/S, org.nr CVR 12345678"},
		{store.ProposalRow{Proposal: extract.Proposal{Kind: extract.ProposeField, Field: &extract.Field{Name: "signed", Value: "2024-05-02"}}},
			"Signed: 2024-05-02", "Undertecknat: 2024-05-02"},
		{store.ProposalRow{Proposal: extract.Proposal{Kind: extract.ProposeField, Field: &extract.Field{Name: "kind", Value: "dpa"}}},
			"Kind: DPA", "Typ: PuB-avtal"},
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

// A rule counted from an announcement is named by what its date is, not
// by the announcement again.
func TestAnnouncedRulesDoNotRepeatTheirAnchor(t *testing.T) {
	days := model.Period{N: 60, Unit: model.Days}
	terms := model.Rule{Kind: model.DLTermsChangeNotice, Anchor: model.EventAnchor("terms_notice_received"), Offset: days}
	subs := model.Rule{Kind: model.DLAdvanceNotice, Anchor: model.EventAnchor("notice_received"), Offset: days}
	for _, tc := range []struct {
		lang i18n.Lang
		r    model.Rule
		want string
	}{
		{i18n.SV, terms, "Ändrade villkor gäller tidigast 60 dagar efter besked om ändrade villkor"},
		{i18n.EN, terms, "Changed terms apply at the earliest 60 days after changed terms are announced"},
		{i18n.SV, subs, "Nytt underbiträde får börja tidigast 60 dagar efter besked om nytt underbiträde"},
		{i18n.EN, subs, "New sub-processor may start at the earliest 60 days after a sub-processor change is announced"},
	} {
		if got := RuleWords(tc.lang, tc.r); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

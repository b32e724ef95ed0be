package extract

import (
	"errors"
	"reflect"
	"testing"

	"avtal/model"
)

func TestCorrectSetsWhatWasTypedAndKeepsTheEvidence(t *testing.T) {
	rule := Proposal{Kind: ProposeRule, Clause: "3", Evidence: "notice of changed terms two months ahead",
		Rule: &model.Rule{Kind: model.DLTermsChange, Anchor: model.AnchorStart, Offset: model.Period{N: 60, Unit: model.Days}}}
	sub := Proposal{Kind: ProposeSubProcessor, Clause: "B.1",
		Sub: &model.SubProcessor{Name: "Hostco", Country: "US", Status: model.SubApproved}}
	term := Proposal{Kind: ProposeTerm, Clause: "9.1",
		Term: &model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 60, Unit: model.Days}, Clause: "9.1"}}
	supplier := Proposal{Kind: ProposeSupplier, Supplier: &model.Party{Name: "Exempel Ab"}}
	venue := Proposal{Kind: ProposeField, Field: &Field{Name: "venue", Value: "arbitration"}}
	tiers := Proposal{Kind: ProposeSLATiers, Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 5}}}
	for _, tc := range []struct {
		name   string
		p      Proposal
		values map[string]string
		check  func(Proposal) bool
	}{
		{"a rule's length, in Swedish words", rule, map[string]string{"offset": "2 månader"},
			func(p Proposal) bool {
				return p.Rule.Offset == model.Period{N: 2, Unit: model.Months} && p.Rule.Kind == model.DLTermsChange
			}},
		{"a sub-processor's country, lower case", sub, map[string]string{"country": "Irland", "purpose": "hosting"},
			func(p Proposal) bool {
				return p.Sub.Country == "IE" && p.Sub.Purpose == "hosting" && p.Sub.Name == "Hostco"
			}},
		{"the term's notice, the rest kept", term, map[string]string{"term.notice": "3 months"},
			func(p Proposal) bool {
				return *p.Term == model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}, Clause: "9.1"}
			}},
		{"the term until further notice", term, map[string]string{"term.initial": "", "term.indefinite": "true"},
			func(p Proposal) bool { return p.Term.Indefinite && p.Term.Initial.IsZero() && p.Term.Notice.N == 60 }},
		{"the supplier's name and number", supplier, map[string]string{"supplier.name": "Exempel AB", "supplier.org_number": "556000-0001"},
			func(p Proposal) bool { return *p.Supplier == model.Party{Name: "Exempel AB", OrgNumber: "556000-0001"} }},
		{"a field's value", venue, map[string]string{"venue": "Göteborgs tingsrätt"},
			func(p Proposal) bool { return *p.Field == Field{Name: "venue", Value: "Göteborgs tingsrätt"} }},
		{"credit tiers", tiers, map[string]string{"tiers": "99.9:10, 99:25"},
			func(p Proposal) bool {
				return reflect.DeepEqual(p.Tiers, []model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99, CreditPct: 25}})
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.p.Correct(tc.values)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(got) || got.Clause != tc.p.Clause || got.Evidence != tc.p.Evidence {
				t.Errorf("got %+v", got)
			}
		})
	}
	if rule.Rule.Offset.N != 60 || sub.Sub.Country != "US" || term.Term.Notice.N != 60 {
		t.Error("Correct changed the proposal it was given")
	}
}

func TestCorrectRefusesNamingTheValue(t *testing.T) {
	rule := Proposal{Kind: ProposeRule, Rule: &model.Rule{Kind: model.DLPayment, Anchor: model.AnchorStart, Offset: model.Period{N: 30, Unit: model.Days}}}
	sub := Proposal{Kind: ProposeSubProcessor, Sub: &model.SubProcessor{Name: "Hostco", Status: model.SubApproved}}
	term := Proposal{Kind: ProposeTerm, Term: &model.Term{Initial: model.Period{N: 12, Unit: model.Months}}}
	for _, tc := range []struct {
		p      Proposal
		values map[string]string
		field  string
	}{
		{rule, map[string]string{"offset": "soon"}, "offset"},
		{rule, map[string]string{"offset": ""}, "offset"},
		{rule, map[string]string{"country": "SE"}, "country"},
		{sub, map[string]string{"country": "Swedn"}, "country"},
		{sub, map[string]string{"name": " "}, "name"},
		{term, map[string]string{"term.initial": "0 months"}, "term.initial"},
		{term, map[string]string{"term.indefinite": "true"}, "term.initial"}, // the period to clear,
		{Proposal{Kind: ProposeSLATiers}, map[string]string{"tiers": "99:"}, "tiers"},
		{Proposal{Kind: ProposeAmendment}, map[string]string{"offset": "1 day"}, "offset"},
	} {
		_, err := tc.p.Correct(tc.values)
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%s %v: err = %v, want %s named", tc.p.Kind, tc.values, err, tc.field)
		}
	}
}

func TestValueIsWhatCorrectReadsBack(t *testing.T) {
	term := Proposal{Kind: ProposeTerm, Term: &model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}}
	if v := term.Value(model.Swedish, "term.notice"); v != "3 månader" {
		t.Errorf("notice = %q", v)
	}
	if v := term.Value(model.Swedish, "term.indefinite"); v != "true" {
		t.Errorf("indefinite = %q", v)
	}
	if v := term.Value(model.Swedish, "term.initial"); v != "" {
		t.Errorf("initial = %q", v)
	}
	tiers := Proposal{Kind: ProposeSLATiers, Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 5}, {Below: 98, CreditPct: 12.5}}}
	if v := tiers.Value(model.English, "tiers"); v != "99.5:5, 98:12.5" {
		t.Errorf("tiers = %q", v)
	}
	values := map[string]string{}
	for _, name := range term.Corrections() {
		values[name] = term.Value(model.Swedish, name)
	}
	if got, err := term.Correct(values); err != nil || *got.Term != *term.Term {
		t.Errorf("read back: %+v, %v", got.Term, err)
	}
}

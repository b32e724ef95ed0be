package extract

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"avtal/model"
)

func imported() model.Agreement {
	return model.Agreement{ID: "moln", Title: "Molntjänst", Kind: model.KindSubscription, Status: model.StatusDraft,
		Supplier: model.Party{Name: "Unknown supplier"}}
}

func TestApplyAndUndoEachKind(t *testing.T) {
	months := func(n int) model.Period { return model.Period{N: n, Unit: model.Months} }
	objection := model.Rule{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: 30, Unit: model.Days}, Clause: "9.2"}
	for _, tc := range []struct {
		name string
		p    Proposal
		want func(a *model.Agreement)
	}{
		{"term", Proposal{Kind: ProposeTerm, Term: &model.Term{Initial: months(36), Renewal: months(12), Notice: months(3), Clause: "14.1"}},
			func(a *model.Agreement) {
				a.Term = model.Term{Initial: months(36), Renewal: months(12), Notice: months(3), Clause: "14.1"}
			}},
		{"until further notice", Proposal{Kind: ProposeTerm, Term: &model.Term{Indefinite: true, Notice: months(1)}},
			func(a *model.Agreement) { a.Term = model.Term{Indefinite: true, Notice: months(1)} }},
		{"supplier", Proposal{Kind: ProposeSupplier, Supplier: &model.Party{Name: "Moln AB", OrgNumber: "556000-0000"}},
			func(a *model.Agreement) { a.Supplier = model.Party{Name: "Moln AB", OrgNumber: "556000-0000"} }},
		{"signed", Proposal{Kind: ProposeField, Field: &Field{Name: "signed", Value: "2024-03-01"}},
			func(a *model.Agreement) { a.Signed = model.MustDate(2024, 3, 1) }},
		{"governing law", Proposal{Kind: ProposeField, Field: &Field{Name: "governing_law", Value: "Danish law"}},
			func(a *model.Agreement) { a.Law = "Danish law" }},
		{"kind", Proposal{Kind: ProposeField, Field: &Field{Name: "kind", Value: "dpa"}},
			func(a *model.Agreement) { a.Kind = model.KindDPA }},
		{"venue", Proposal{Kind: ProposeField, Field: &Field{Name: "venue", Value: "Uppsala tingsrätt"}},
			func(a *model.Agreement) { a.Venue = "Uppsala tingsrätt" }},
		{"objection window", Proposal{Kind: ProposeRule, Rule: &objection},
			func(a *model.Agreement) {
				a.SubPolicy = &model.SubPolicy{ObjectionWindow: model.Period{N: 30, Unit: model.Days}, Clause: "9.2"}
			}},
		{"advance notice", Proposal{Kind: ProposeRule, Rule: &model.Rule{Kind: model.DLAdvanceNotice, Anchor: model.EventAnchor("notice_received"), Offset: months(1), Clause: "9.1"}},
			func(a *model.Agreement) {
				a.SubPolicy = &model.SubPolicy{AdvanceNotice: months(1), Clause: "9.1"}
			}},
		{"breach notification", Proposal{Kind: ProposeRule, Rule: &model.Rule{Kind: model.DLBreachNotice, Anchor: model.EventAnchor("breach"), Offset: model.Period{N: 48, Unit: model.Hours}}},
			func(a *model.Agreement) {
				a.Rules = []model.Rule{{Kind: model.DLBreachNotice, Anchor: model.EventAnchor("breach"), Offset: model.Period{N: 48, Unit: model.Hours}}}
			}},
		{"tiers", Proposal{Kind: ProposeSLATiers, Clause: "3", Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 10}}},
			func(a *model.Agreement) {
				a.SLA = &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, Clause: "3", Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 10}}}
			}},
		{"sub-processor", Proposal{Kind: ProposeSubProcessor, Sub: &model.SubProcessor{Name: "Drift Oy", Country: "FI", Status: model.SubApproved}},
			func(a *model.Agreement) {
				a.Subs = []model.SubProcessor{{Name: "Drift Oy", Country: "FI", Status: model.SubApproved}}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, want := imported(), imported()
			tc.want(&want)
			applied, err := tc.p.Apply(&a)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, want) {
				t.Fatalf("applied:\n got %+v\nwant %+v", a, want)
			}
			if err := tc.p.Undo(&a, applied); err != nil {
				t.Fatal(err)
			}
			if orig := imported(); !reflect.DeepEqual(a, orig) {
				t.Errorf("undone:\n got %+v\nwant %+v", a, orig)
			}
		})
	}
}

// Two rows of one table that name the same sub-processor the same way (one
// row for each of its services) make one entry when both are accepted;
// undoing the second leaves the first's entry.
func TestSubProcessorAcceptedTwiceIsListedOnce(t *testing.T) {
	a := imported()
	row := func() Proposal {
		return Proposal{Kind: ProposeSubProcessor, Sub: &model.SubProcessor{Name: "Lagring Oy", Status: model.SubApproved}}
	}
	first, second := row(), row()
	if _, err := first.Apply(&a); err != nil {
		t.Fatal(err)
	}
	applied, err := second.Apply(&a)
	if err != nil || !applied.SubListed || len(a.Subs) != 1 {
		t.Fatalf("second accept: %+v %v; subs %+v", applied, err, a.Subs)
	}
	if err := second.Undo(&a, applied); err != nil || len(a.Subs) != 1 {
		t.Errorf("undoing the second: %v; subs %+v", err, a.Subs)
	}
	other := Proposal{Kind: ProposeSubProcessor, Sub: &model.SubProcessor{Name: "Lagring Oy", Country: "FI", Status: model.SubApproved}}
	if applied, _ := other.Apply(&a); applied.SubListed || len(a.Subs) != 2 {
		t.Errorf("the same name with a country is an entry of its own: %+v", a.Subs)
	}
}

func TestApplyRefusesWhatTheModelRefuses(t *testing.T) {
	for _, tc := range []struct {
		p     Proposal
		field string
	}{
		{Proposal{Kind: ProposeTerm, Term: &model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Renewal: model.Period{Unit: model.Months}}}, "term.renewal"},
		{Proposal{Kind: ProposeField, Field: &Field{Name: "start", Value: "2024-13-01"}}, "start"},
		{Proposal{Kind: ProposeField, Field: &Field{Name: "kind", Value: "lease"}}, "kind"},
		{Proposal{Kind: ProposeRule, Rule: &model.Rule{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received")}}, "subprocessor_policy.objection_window"},
	} {
		a := imported()
		_, err := tc.p.Apply(&a)
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%s: err = %v, want one naming %s", tc.p.Kind, err, tc.field)
		}
	}
	empty := Proposal{Kind: ProposeTerm}
	if _, err := empty.Apply(&model.Agreement{}); err == nil {
		t.Error("a term proposal without a term applied")
	}
}

func TestUndoRefusesWhenTheFieldChangedSince(t *testing.T) {
	a := imported()
	p := Proposal{Kind: ProposeTerm, Term: &model.Term{Initial: model.Period{N: 24, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}}}
	applied, err := p.Apply(&a)
	if err != nil {
		t.Fatal(err)
	}
	a.Term.Notice = model.Period{N: 6, Unit: model.Months}
	err = p.Undo(&a, applied)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "term.notice" || !strings.Contains(fe.Msg, "6 months") {
		t.Fatalf("err = %v", err)
	}
	rule := Proposal{Kind: ProposeRule, Rule: &model.Rule{Kind: model.DLPayment, Anchor: model.EventAnchor("invoice"), Offset: model.Period{N: 30, Unit: model.Days}}}
	b := imported()
	applied, _ = rule.Apply(&b)
	b.Rules[0].Offset.N = 45
	if err := rule.Undo(&b, applied); !errors.As(err, &fe) || fe.Field != "rules" {
		t.Errorf("undo of an edited rule: %v", err)
	}
}

package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func draft() Agreement {
	return Agreement{ID: "draft", Title: "Hosting", Kind: KindSubscription, Status: StatusDraft, Supplier: Party{Name: "Leverantören AB"}}
}

func TestAssignSetsEveryField(t *testing.T) {
	a := draft()
	changes, err := a.Assign([]string{
		"title=Hosting 2024", "supplier.name=Moln AB", "supplier.org_number=556000-0000", "kind=dpa", "status=active",
		"signed=2024-01-01", "effective=2024-01-15", "start=2024-02-01",
		"term.initial=36 months", "term.renewal=1y", "term.notice= 3 månader ", "term.clause=12.1",
		"fee.amount=10 000,50", "fee.currency=sek", "fee.per=year", "owner=Eva", "governing_law=Swedish law", "venue=Stockholm",
		"subprocessor_policy.objection_window=30 days", "subprocessor_policy.clause=9.2",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := Agreement{ID: "draft", Title: "Hosting 2024", Kind: KindDPA, Status: StatusActive,
		Supplier: Party{Name: "Moln AB", OrgNumber: "556000-0000"},
		Signed:   MustDate(2024, 1, 1), Effective: MustDate(2024, 1, 15), Start: MustDate(2024, 2, 1),
		Term: Term{Initial: Period{36, Months}, Renewal: Period{1, Years}, Notice: Period{3, Months}, Clause: "12.1"},
		Fee:  Fee{Amount: 1000050, Currency: "SEK", Per: Years}, Owner: "Eva", Law: "Swedish law", Venue: "Stockholm",
		SubPolicy: &SubPolicy{ObjectionWindow: Period{30, Days}, Clause: "9.2"}}
	if a.SubPolicy == nil || *a.SubPolicy != *want.SubPolicy {
		t.Fatalf("policy = %+v", a.SubPolicy)
	}
	a.SubPolicy, want.SubPolicy = nil, nil
	if a.Title != want.Title || a.Supplier != want.Supplier || a.Kind != want.Kind || a.Status != want.Status ||
		a.Signed != want.Signed || a.Effective != want.Effective || a.Start != want.Start || a.Term != want.Term ||
		a.Fee != want.Fee || a.Owner != want.Owner || a.Law != want.Law || a.Venue != want.Venue {
		t.Fatalf("got %+v\nwant %+v", a, want)
	}
	if c := changes[8]; c != (Change{"term.initial", "", "36 months"}) {
		t.Errorf("change = %+v", c)
	}
	if c := changes[10]; c != (Change{"term.notice", "", "3 months"}) {
		t.Errorf("the change is written as the register writes it: %+v", c)
	}
}

func TestFieldReadsBackWhatSetFieldSets(t *testing.T) {
	a := draft()
	for _, name := range Fields {
		v, err := a.Field(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := a.SetField(name, v); err != nil {
			t.Errorf("%s=%q does not read back: %v", name, v, err)
		}
	}
	if a.SubPolicy != nil || a.Rules != nil {
		t.Errorf("an empty policy is no policy: %+v, rules %+v", a.SubPolicy, a.Rules)
	}
}

func TestAssignRefusesNamingTheField(t *testing.T) {
	for _, tc := range []struct {
		assign []string
		field  string
		msg    string
	}{
		{[]string{"term.renewal=0 months"}, "term.renewal", "longer than zero"},
		{[]string{"term.initial=0 days"}, "term.initial", "longer than zero"},
		{[]string{"term.initial=5000 years"}, "term.initial", "hundred years"},
		{[]string{"term.renewal=24 hours"}, "term.renewal", "days, weeks, months or years"},
		{[]string{"term.notice=three months"}, "term.notice", "not a period"},
		{[]string{"signed=2024-02-30"}, "signed", "not a date that exists"},
		{[]string{"start=tomorrow"}, "start", "YYYY-MM-DD"},
		{[]string{"kind=lease"}, "kind", "not one of"},
		{[]string{"status=paused"}, "status", "not one of"},
		{[]string{"title= "}, "title", "must be filled in"},
		{[]string{"supplier.name="}, "supplier.name", "must be filled in"},
		{[]string{"fee.amount=-5"}, "fee.amount", "negative"},
		{[]string{"fee.amount=lots"}, "fee.amount", "not an amount"},
		{[]string{"fee.per=weeks"}, "fee.per", "months or years"},
		{[]string{"term.indefinite=maybe"}, "term.indefinite", "true or false"},
		{[]string{"term.initial=12 months", "term.indefinite=true"}, "term.initial", "indefinite"},
		{[]string{"subprocessor_policy.objection_window=0 days"}, "subprocessor_policy.objection_window", "longer than zero"},
		{[]string{"subprocessor_policy.advance_notice=200 years"}, "subprocessor_policy.advance_notice", "hundred years"},
		{[]string{"colour=blue"}, "colour", "not a field"},
		{[]string{"title"}, "title", "FIELD=VALUE"},
	} {
		a := draft()
		_, err := a.Assign(tc.assign)
		var fe *FieldError
		// Every refusal has a key, so the faces word it in their language.
		if !errors.As(err, &fe) || fe.Field != tc.field || !strings.Contains(fe.Msg, tc.msg) || fe.Key == "" {
			t.Errorf("%v: err = %v (key %q), want %s: …%s… with a key", tc.assign, err, fe.Key, tc.field, tc.msg)
		}
	}
}

func TestAssignClearsWithAnEmptyValue(t *testing.T) {
	a := draft()
	a.Term = Term{Initial: Period{12, Months}, Notice: Period{1, Months}}
	a.SubPolicy = &SubPolicy{AdvanceNotice: Period{4, Weeks}}
	changes, err := a.Assign([]string{"term.initial=", "term.indefinite=yes", "subprocessor_policy.advance_notice="})
	if err != nil {
		t.Fatal(err)
	}
	if a.Term != (Term{Indefinite: true, Notice: Period{1, Months}}) || a.SubPolicy != nil {
		t.Errorf("term %+v, policy %+v", a.Term, a.SubPolicy)
	}
	if !slices.Equal(changes, []Change{{"term.initial", "12 months", ""}, {"term.indefinite", "false", "true"},
		{"subprocessor_policy.advance_notice", "4 weeks", ""}}) {
		t.Errorf("changes = %+v", changes)
	}
}

func TestCheckFieldAlone(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		ok          bool
	}{
		{"term.renewal", "0 months", false},
		{"term.renewal", "12 months", true},
		{"term.initial", "24 hours", false},
		{"kind", "dpa", true},
		{"kind", "lease", false},
		{"signed", "2024-02-29", true},
		{"fee.per", "weeks", false},
		{"owner", "", true},
	} {
		if err := CheckField(tc.name, tc.value); (err == nil) != tc.ok {
			t.Errorf("%s=%q: %v", tc.name, tc.value, err)
		}
	}
}

// TestPolicyPeriodsAreTheirOwnSource checks that setting a policy period
// sets the policy and leaves the rules alone: the calendar computes
// objection deadlines from the policy, so no rule repeats the period.
func TestPolicyPeriodsAreTheirOwnSource(t *testing.T) {
	a := draft()
	payment := Rule{Kind: DLPayment, Anchor: EventAnchor("invoice"), Offset: Period{14, Days}}
	a.Rules = []Rule{payment}
	if _, err := a.Assign([]string{"subprocessor_policy.clause=9", "subprocessor_policy.objection_window=30 days", "subprocessor_policy.advance_notice=1 month"}); err != nil {
		t.Fatal(err)
	}
	if len(a.Rules) != 1 || a.Rules[0] != payment || a.SubPolicy.ObjectionWindow != (Period{30, Days}) || a.SubPolicy.AdvanceNotice != (Period{1, Months}) {
		t.Errorf("rules %+v, policy %+v", a.Rules, a.SubPolicy)
	}
	if _, err := a.Assign([]string{"subprocessor_policy.advance_notice="}); err != nil || !a.SubPolicy.AdvanceNotice.IsZero() || len(a.Rules) != 1 {
		t.Errorf("cleared: %v, rules %+v, policy %+v", err, a.Rules, a.SubPolicy)
	}
}

// TestLiveCallOffs checks which call-offs still run under a framework:
// parts and successors are not call-offs, and ended ones do not count.
func TestLiveCallOffs(t *testing.T) {
	related := []Relation{{Kind: RelCallOff, Target: "npo"}, {Kind: RelPartOf, Target: "pub"}, {Kind: RelCallOff, Target: "sdk"}}
	running := func(id string) bool { return id != "npo" }
	if got := LiveCallOffs(related, running); len(got) != 1 || got[0] != "sdk" {
		t.Errorf("live call-offs %v, want [sdk]", got)
	}
}

func TestCheckEditKeepsTheID(t *testing.T) {
	a := draft()
	stored := a.ID
	if err := a.CheckEdit(stored); err != nil {
		t.Fatalf("an unchanged draft: %v", err)
	}
	a.ID = "another-id"
	var fe *FieldError
	if err := a.CheckEdit(stored); !errors.As(err, &fe) || fe.Field != "id" || fe.Key != "id_fixed" {
		t.Errorf("a new id: %v, want the id refused", err)
	}
	a.ID, a.Title = stored, ""
	if err := a.CheckEdit(stored); !errors.As(err, &fe) || fe.Field != "title" {
		t.Errorf("an empty title: %v, want Validate's refusal", err)
	}
}

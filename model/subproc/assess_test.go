package subproc

import (
	"strings"
	"testing"

	"avtal/model"
)

// The policies of the reference agreements, as DOMAIN.md states them.
var (
	superOffice = &model.SubPolicy{
		AdvanceNotice:     model.Period{N: 4, Unit: model.Months},
		ObjectionWindow:   model.Period{N: 1, Unit: model.Months},
		TerminationNotice: model.Period{N: 3, Unit: model.Months},
		Clause:            "3.7",
	}
	centuri = &model.SubPolicy{
		ObjectionWindow:      model.Period{N: 14, Unit: model.Days},
		SilenceAccepts:       true,
		SupplierMayTerminate: true,
		Clause:               "8.2",
	}
	pureservice = &model.SubPolicy{
		AdvanceNotice: model.Period{N: 4, Unit: model.Weeks},
		Clause:        "8.6",
	}
)

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func notice(received, effective string) Notice {
	n := Notice{Received: date(received), Change: ChangeAdd, Sub: model.SubProcessor{Name: "NewCo AB", Country: "SE"}}
	if effective != "" {
		n.Effective = date(effective)
	}
	return n
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name                 string
		policy               *model.SubPolicy
		n                    Notice
		objectionBy, actBy   string
		basis                ObjectionBasis
		earliest             string
		sufficient           Sufficiency
		given                string
		explanationFragments []string
		// svFragments are the same sentences in Swedish.
		svFragments []string
	}{
		{
			// 2026-12-01 + 1 month = 2027-01-01, nyårsdagen; 2026-12-31 is
			// nyårsafton, so act by Wednesday 2026-12-30.
			// Earliest effective 2026-12-01 + 4 months = 2027-04-01.
			name: "SuperOffice, issue 4", policy: superOffice, n: notice("2026-12-01", ""),
			objectionBy: "2027-01-01", actBy: "2026-12-30", basis: BasisWindow,
			earliest: "2027-04-01", sufficient: NoticeUnknown,
			explanationFragments: []string{
				"2026-12-01 + 1 month = 2027-01-01 (nyårsdagen), so act by 2026-12-30",
				"2026-12-01 + 4 months = 2027-04-01 at the earliest; the notice gives no effective date",
				"terminate with 3 months' notice (given on 2027-01-01, the agreement ends 2027-04-01)",
				"Clause 3.7.",
			},
			svFragments: []string{
				"Invändning ska göras inom 1 månad från mottagandet: 2026-12-01 + 1 månad = 2027-01-01 (nyårsdagen), så sista dag att agera är 2026-12-30.",
				"Varsel 4 månader: 2026-12-01 + 4 månader = tidigast 2027-04-01; aviseringen anger inte när ändringen börjar gälla.",
				"Om kunden invänder får den säga upp avtalet med 3 månaders uppsägningstid (sägs det upp 2027-01-01 slutar avtalet 2027-04-01).",
				"Punkt 3.7.",
			},
		},
		{
			// Effective 2027-03-01 is 3 months after the notice, 4 required.
			name: "SuperOffice, one month short", policy: superOffice, n: notice("2026-12-01", "2027-03-01"),
			objectionBy: "2027-01-01", actBy: "2026-12-30", basis: BasisWindow,
			earliest: "2027-04-01", sufficient: NoticeInsufficient, given: "3 months",
			explanationFragments: []string{"take effect 2027-03-01, 3 months after the notice: too little notice"},
			svFragments:          []string{"ändringen ska börja gälla 2027-03-01, 3 månader efter aviseringen: för kort varsel."},
		},
		{
			// 2027-01-31 + 1 month clamps to 2027-02-28, a Sunday: act by
			// Friday 2027-02-26. 2027-01-31 + 4 months = 2027-05-31.
			name: "SuperOffice, month clamping", policy: superOffice, n: notice("2027-01-31", ""),
			objectionBy: "2027-02-28", actBy: "2027-02-26", basis: BasisWindow,
			earliest: "2027-05-31", sufficient: NoticeUnknown,
			explanationFragments: []string{"= 2027-02-28 (a Sunday), so act by 2027-02-26"},
			svFragments:          []string{"= 2027-02-28 (en söndag), så sista dag att agera är 2027-02-26."},
		},
		{
			// 2028 is a leap year: 2028-01-31 + 1 month = 2028-02-29, a Tuesday.
			name: "SuperOffice, leap year", policy: superOffice, n: notice("2028-01-31", ""),
			objectionBy: "2028-02-29", actBy: "2028-02-29", basis: BasisWindow,
			earliest: "2028-05-31", sufficient: NoticeUnknown,
		},
		{
			// 2026-12-01 + 14 days = 2026-12-15, a Tuesday.
			name: "Centuri, issue 4", policy: centuri, n: notice("2026-12-01", ""),
			objectionBy: "2026-12-15", actBy: "2026-12-15", basis: BasisWindow,
			sufficient: NoticeNotRequired,
			explanationFragments: []string{
				"Objection within 14 days of receipt: 2026-12-01 + 14 days = 2026-12-15.",
				"Silence counts as acceptance.",
				"the supplier may terminate the agreement",
			},
			svFragments: []string{
				"Invändning ska göras inom 14 dagar från mottagandet: 2026-12-01 + 14 dagar = 2026-12-15.",
				"Tystnad räknas som godkännande.",
				"Om kunden invänder får leverantören säga upp avtalet.",
			},
		},
		{
			// 2026-12-01 + 4 weeks = 2026-12-29; effective 2026-12-15 is 14
			// days = 2 weeks after the notice. No objection window, so object
			// by the day before the change: Monday 2026-12-14.
			name: "Pureservice, issue 4", policy: pureservice, n: notice("2026-12-01", "2026-12-15"),
			objectionBy: "2026-12-14", actBy: "2026-12-14", basis: BasisUntilEffective,
			earliest: "2026-12-29", sufficient: NoticeInsufficient, given: "2 weeks",
			explanationFragments: []string{
				"object before the change takes effect on 2026-12-15: by 2026-12-14.",
				"Advance notice 4 weeks: 2026-12-01 + 4 weeks = 2026-12-29 at the earliest; the change is to take effect 2026-12-15, 2 weeks after the notice: too little notice.",
			},
			svFragments: []string{
				"Avtalet anger ingen invändningsfrist, så invänd innan ändringen börjar gälla 2026-12-15: senast 2026-12-14.",
				"Varsel 4 veckor: 2026-12-01 + 4 veckor = tidigast 2026-12-29; ändringen ska börja gälla 2026-12-15, 2 veckor efter aviseringen: för kort varsel.",
			},
		},
		{
			// Exactly 4 weeks is enough.
			name: "Pureservice, exactly enough", policy: pureservice, n: notice("2026-12-01", "2026-12-29"),
			objectionBy: "2026-12-28", actBy: "2026-12-28", basis: BasisUntilEffective,
			earliest: "2026-12-29", sufficient: NoticeSufficient, given: "4 weeks",
		},
		{
			// No effective date: object before the earliest allowed date,
			// 2026-12-29, so by Monday 2026-12-28.
			name: "Pureservice, no effective date", policy: pureservice, n: notice("2026-12-01", ""),
			objectionBy: "2026-12-28", actBy: "2026-12-28", basis: BasisUntilEffective,
			earliest: "2026-12-29", sufficient: NoticeUnknown,
		},
		{
			// Effective 10 days after the notice: not whole weeks, so days.
			name: "Pureservice, given in days", policy: pureservice, n: notice("2026-12-01", "2026-12-11"),
			objectionBy: "2026-12-10", actBy: "2026-12-10", basis: BasisUntilEffective,
			earliest: "2026-12-29", sufficient: NoticeInsufficient, given: "10 days",
		},
		{
			// A change said to take effect before the notice arrived.
			name: "effective before receipt", policy: pureservice, n: notice("2026-12-10", "2026-12-01"),
			objectionBy: "2026-11-30", actBy: "2026-11-30", basis: BasisUntilEffective,
			earliest: "2027-01-07", sufficient: NoticeInsufficient, given: "-9 days",
			explanationFragments: []string{"9 days before the notice: too little notice"},
			svFragments:          []string{"9 dagar före aviseringen: för kort varsel"},
		},
		{
			// 10 business days from Friday 2026-12-18: 21, 22, 23, 28, 29, 30
			// Dec (24–27 and 31 are off), 4, 5, 7, 8 Jan (1 and 6 Jan are
			// holidays) → 2027-01-08. Effective 2027-01-07 gives 9.
			name: "business days", policy: &model.SubPolicy{AdvanceNotice: model.Period{N: 10, Unit: model.WorkDays}},
			n:           notice("2026-12-18", "2027-01-07"),
			objectionBy: "2027-01-06", actBy: "2027-01-05", basis: BasisUntilEffective,
			earliest: "2027-01-08", sufficient: NoticeInsufficient, given: "9 business days",
			explanationFragments: []string{"2027-01-06 (trettondedag jul), so act by 2027-01-05"},
			svFragments:          []string{"Varsel 10 arbetsdagar: 2026-12-18 + 10 arbetsdagar = tidigast 2027-01-08", "9 arbetsdagar efter aviseringen", "2027-01-06 (trettondedag jul), så sista dag att agera är 2027-01-05"},
		},
		{
			// No window and no advance notice: still object before the
			// change takes effect on 2026-12-15, so by 2026-12-14.
			name: "no periods, effective stated", policy: &model.SubPolicy{OnObjection: "the parties discuss a solution"},
			n: notice("2026-12-01", "2026-12-15"), objectionBy: "2026-12-14", actBy: "2026-12-14",
			basis: BasisUntilEffective, sufficient: NoticeNotRequired,
			explanationFragments: []string{"If the customer objects: the parties discuss a solution."},
			svFragments:          []string{"Om kunden invänder: the parties discuss a solution."},
		},
		{
			name: "no policy, no effective date", policy: nil, n: notice("2026-12-01", ""), basis: BasisNone, sufficient: NoticeNotRequired,
			explanationFragments: []string{"The agreement states no objection window."},
			svFragments:          []string{"Avtalet anger ingen invändningsfrist."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Evaluate(tt.policy, tt.n)
			check := func(field string, got model.Date, want string) {
				if got.String() != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("ObjectionBy", a.ObjectionBy, tt.objectionBy)
			check("ActBy", a.ActBy, tt.actBy)
			check("EarliestEffective", a.EarliestEffective, tt.earliest)
			if a.Basis != tt.basis {
				t.Errorf("Basis = %s, want %s", a.Basis, tt.basis)
			}
			if a.SufficientNotice != tt.sufficient {
				t.Errorf("SufficientNotice = %s, want %s", a.SufficientNotice, tt.sufficient)
			}
			if a.Given.String() != tt.given {
				t.Errorf("Given = %q, want %q", a.Given, tt.given)
			}
			for lang, fragments := range map[model.Lang][]string{model.English: tt.explanationFragments, model.Swedish: tt.svFragments} {
				got := a.Explain(lang)
				for _, f := range fragments {
					if !strings.Contains(got, f) {
						t.Errorf("explanation in language %d %q\nlacks %q", lang, got, f)
					}
				}
			}
		})
	}
}

func TestRemedy(t *testing.T) {
	so := Evaluate(superOffice, notice("2026-12-01", "")).Remedy
	// Notice of termination on 2027-01-01 + 3 months = 2027-04-01.
	if !so.CustomerMayTerminate || so.TerminationNotice.String() != "3 months" || so.EndsAt.String() != "2027-04-01" || so.SupplierMayTerminate {
		t.Errorf("SuperOffice remedy = %+v", so)
	}
	ce := Evaluate(centuri, notice("2026-12-01", "")).Remedy
	if ce.CustomerMayTerminate || !ce.SupplierMayTerminate || !ce.EndsAt.IsZero() {
		t.Errorf("Centuri remedy = %+v", ce)
	}
}

func TestDeadline(t *testing.T) {
	a := Evaluate(superOffice, notice("2026-12-01", ""))
	d, ok := a.Deadline("superoffice-crm", false, model.Swedish)
	if !ok || d.Kind != model.DLObjection || d.Date.String() != "2027-01-01" || d.ActBy.String() != "2026-12-30" ||
		d.Clause != "3.7" || d.AgreementID != "superoffice-crm" || d.Done || !strings.Contains(d.Title, "NewCo AB") ||
		!strings.HasPrefix(d.Explanation, "Invändning ska göras inom 1 månad från mottagandet: 2026-12-01 + 1 månad = 2027-01-01") {
		t.Errorf("Deadline = %+v, %v", d, ok)
	}
	if _, ok := Evaluate(nil, notice("2026-12-01", "")).Deadline("x", false, model.English); ok {
		t.Error("a notice without an objection deadline gave a calendar entry")
	}
}

func TestStatusOn(t *testing.T) {
	decided := func(n Notice, v Verdict, on string) Notice {
		n.Decision = &Decision{Verdict: v, Date: date(on)}
		return n
	}
	n := notice("2026-12-01", "")
	tests := []struct {
		name   string
		policy *model.SubPolicy
		n      Notice
		today  string
		want   Status
	}{
		// Centuri: objection by 2026-12-15, silence accepts.
		{"open on the last day", centuri, n, "2026-12-15", StatusOpen},
		{"silence accepts the day after", centuri, n, "2026-12-16", StatusDeemedAccepted},
		{"objected in time", centuri, decided(n, Object, "2026-12-15"), "2027-01-10", StatusObjected},
		{"objected a day late", centuri, decided(n, Object, "2026-12-16"), "2027-01-10", StatusObjectedLate},
		{"accepted", centuri, decided(n, Accept, "2026-12-02"), "2026-12-03", StatusAccepted},
		// Pureservice: objection by 2026-12-28, silence is not acceptance.
		{"lapsed without silence rule", pureservice, n, "2026-12-29", StatusLapsed},
		{"no deadline stays open", nil, n, "2030-01-01", StatusOpen},
	}
	for _, tt := range tests {
		if got := StatusOn(tt.n, Evaluate(tt.policy, tt.n), date(tt.today)); got != tt.want {
			t.Errorf("%s: StatusOn = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestNoticeValidate(t *testing.T) {
	ok := notice("2026-12-01", "2026-12-15")
	tests := []struct {
		name  string
		edit  func(n *Notice)
		field string
	}{
		{"valid", func(n *Notice) {}, ""},
		{"valid replace", func(n *Notice) { n.Change, n.Replaces = ChangeReplace, "OldCo AB" }, ""},
		{"no received date", func(n *Notice) { n.Received = model.Date{} }, "received"},
		{"unknown change", func(n *Notice) { n.Change = "swap" }, "change"},
		{"no name", func(n *Notice) { n.Sub.Name = "  " }, "subprocessor.name"},
		{"bad country", func(n *Notice) { n.Sub.Country = "XX" }, "subprocessor.country"},
		{"replace without target", func(n *Notice) { n.Change = ChangeReplace }, "replaces"},
		{"add with target", func(n *Notice) { n.Replaces = "OldCo AB" }, "replaces"},
		{"bad verdict", func(n *Notice) { n.Decision = &Decision{Verdict: "maybe", Date: date("2026-12-02")} }, "decision.verdict"},
		{"decision undated", func(n *Notice) { n.Decision = &Decision{Verdict: Accept} }, "decision.date"},
		{"decision before notice", func(n *Notice) { n.Decision = &Decision{Verdict: Object, Date: date("2026-11-30")} }, "decision.date"},
	}
	for _, tt := range tests {
		n := ok
		tt.edit(&n)
		err := n.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		fe, isField := err.(*model.FieldError)
		if !isField || fe.Field != tt.field {
			t.Errorf("%s: error %v, want one on field %s", tt.name, err, tt.field)
		}
	}
}

package deadlines

import (
	"testing"

	"avtal/model"
)

// TestExplanationsInBothLanguages checks the sentence of each kind of
// anchor in English and Swedish. Centuri starts 2024-04-01 with 36 months,
// renewals of 12 months and 6 months' notice:
//
//	period 0: 2024-04-01 + 36 months − 1 day = 2027-03-31; − 6 months = 2026-09-30
//	period 1: 2027-04-01 + 12 months − 1 day = 2028-03-31; − 6 months = 2027-09-30
//	price notice 7.6: 2026-09-30 − 1 month = 2026-08-30
//	indexation 7.5, signed 2024-08-15 (on or after 07-01): first 2026-01-01
//	a rule of its own counting from a notice: 2026-11-20 + 14 days = 2026-12-04
func TestExplanationsInBothLanguages(t *testing.T) {
	a := centuri("2024-08-15")
	a.Rules = append(a.Rules,
		model.Rule{Kind: model.DLAcceptanceEnd, Anchor: model.AnchorAgreementDate, Offset: model.Period{N: 10, Unit: model.WorkDays}},
		model.Rule{Kind: model.DLWarrantyEnd, Anchor: model.AnchorStart, Offset: model.Period{N: 1, Unit: model.Years}},
		model.Rule{Kind: model.DLCustom, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: 14, Unit: model.Days}},
		Manual(day("2026-12-26"), "Ask for the audit report", ""))
	rec := Record{Events: []Event{{Name: "notice_received", Date: day("2026-11-20"), Ref: "Acme"}}}
	tests := []struct {
		key    string // kind date
		en, sv string
	}{
		{"termination_notice 2026-09-30",
			"36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30",
			"36 månader från start 2024-04-01 slutar 2027-03-31; 6 månader före = 2026-09-30"},
		{"price_increase_notice 2026-08-30",
			"36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30; 1 month before = 2026-08-30",
			"36 månader från start 2024-04-01 slutar 2027-03-31; 6 månader före = 2026-09-30; 1 månad före = 2026-08-30"},
		{"renewal 2027-03-31",
			"36 months from start 2024-04-01 ends 2027-03-31",
			"36 månader från start 2024-04-01 slutar 2027-03-31"},
		{"termination_notice 2027-09-30",
			"renewal 1 (12 months) from 2027-04-01 ends 2028-03-31; 6 months before = 2027-09-30",
			"förlängning 1 (12 månader) från 2027-04-01 slutar 2028-03-31; 6 månader före = 2027-09-30"},
		{"indexation 2026-01-01",
			"first 01-01 after agreement date 2024-08-15, a year later as it is on or after 07-01 = 2026-01-01",
			"första 01-01 efter avtalsdatum 2024-08-15, ett år senare eftersom avtalsdatum infaller 07-01 eller senare = 2026-01-01"},
		{"indexation 2027-01-01",
			"yearly on 01-01 from 2026-01-01 = 2027-01-01",
			"årligen 01-01 från 2026-01-01 = 2027-01-01"},
		// 2024-08-15 (Thu) + 10 business days: 16, 19–23, 26–29 = 2024-08-29.
		{"acceptance_test_end 2024-08-29",
			"agreement date 2024-08-15; 10 business days after = 2024-08-29",
			"avtalsdatum 2024-08-15; 10 arbetsdagar efter = 2024-08-29"},
		{"warranty_end 2025-04-01",
			"start 2024-04-01; 1 year after = 2025-04-01",
			"start 2024-04-01; 1 år efter = 2025-04-01"},
		// 2026-12-26 is annandag jul, 25 juldagen, 24 julafton: act on Wed 23.
		{"custom 2026-12-26", "set for 2026-12-26; 2026-12-26 is annandag jul, not a working day → act by Wednesday 2026-12-23",
			"satt till 2026-12-26; 2026-12-26 är annandag jul, inte en arbetsdag → agera senast onsdag 2026-12-23"},
		// Event names are the register's own identifiers and stay as written.
		{"custom 2026-12-04",
			"notice received 2026-11-20 (Acme); 14 days after = 2026-12-04",
			"notice received 2026-11-20 (Acme); 14 dagar efter = 2026-12-04"},
	}
	for _, lang := range []model.Lang{model.English, model.Swedish} {
		got := map[string]string{}
		for _, d := range Compute(a, rec, day("2024-01-01"), day("2028-03-31"), lang) {
			got[string(d.Kind)+" "+d.Date.String()] = d.Explanation
		}
		for _, tt := range tests {
			want := tt.en
			if lang == model.Swedish {
				want = tt.sv
			}
			if got[tt.key] != want {
				t.Errorf("%s in language %d: %q, want %q", tt.key, lang, got[tt.key], want)
			}
		}
	}
}

func TestExplainCancelBy(t *testing.T) {
	a := centuri("2024-02-15")
	p1, _ := a.Term.Period(a.Start, 1)
	tests := []struct {
		p    model.TermPeriod
		lang model.Lang
		want string
	}{
		{model.TermPeriod{Index: 0, Start: day("2024-04-01"), End: day("2027-03-31")}, model.English,
			"36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30"},
		{model.TermPeriod{Index: 0, Start: day("2024-04-01"), End: day("2027-03-31")}, model.Swedish,
			"36 månader från start 2024-04-01 slutar 2027-03-31; 6 månader före = 2026-09-30"},
		{p1, model.Swedish, "förlängning 1 (12 månader) från 2027-04-01 slutar 2028-03-31; 6 månader före = 2027-09-30"},
	}
	for _, tt := range tests {
		if got := ExplainCancelBy(a.Term, tt.p, tt.lang); got != tt.want {
			t.Errorf("%+v in language %d: %q, want %q", tt.p, tt.lang, got, tt.want)
		}
	}
	// The termination deadlines carry the same sentence, in both languages.
	for _, lang := range []model.Lang{model.English, model.Swedish} {
		for _, d := range Compute(a, Record{}, day("2024-01-01"), day("2035-12-31"), lang) {
			if d.Kind != model.DLTermination {
				continue
			}
			p, _ := a.Term.CurrentPeriod(a.Start, d.Date)
			if want := ExplainCancelBy(a.Term, p, lang); d.Explanation != want {
				t.Errorf("%s: %q, ExplainCancelBy says %q", d.Date, d.Explanation, want)
			}
		}
	}
	// Without a notice period the cancel-by day is the period's last day;
	// 2025-12-31 is nyårsafton, so act on Tuesday 2025-12-30.
	fixed := model.Term{Initial: model.Period{N: 12, Unit: model.Months}}
	if got := ExplainCancelBy(fixed, model.TermPeriod{Start: day("2025-01-01"), End: day("2025-12-31")}, model.Swedish); got != "12 månader från start 2025-01-01 slutar 2025-12-31; 2025-12-31 är nyårsafton, inte en arbetsdag → agera senast tisdag 2025-12-30" {
		t.Errorf("no notice: %q", got)
	}
}

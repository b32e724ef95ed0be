package deadlines

import (
	"strings"
	"testing"

	"avtal/model"
)

// TestSampleMarks checks that every date resting on an invented sample
// value names it, and that a date resting on none names nothing.
func TestSampleMarks(t *testing.T) {
	// Pureservice: start and term are sample values (the order states
	// them, not the document). Period 0 2025-11-03 – 2026-11-02, cancel-by
	// − 3 months = 2026-08-02; period 1 ends 2027-11-02, cancel-by 2027-08-02.
	pureservice := &model.Agreement{ID: "pureservice", Signed: day("2025-11-03"), Start: day("2025-11-03"),
		Term:   model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Renewal: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}},
		Sample: []string{"customer", "signed", "start", "term.initial", "term.renewal", "term.notice"},
		Rules: []model.Rule{{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 4, Unit: model.Weeks}, Clause: "4.3"},
			{Kind: model.DLRenewal, Anchor: model.AnchorPeriodEnd, Offset: model.Period{N: 1, Unit: model.Days}, Clause: "1.3"}}}
	// Cleura: the yearly check's day is invented ("rules"); the agreement
	// date is real. 09-01 each year from 2024.
	cleura := &model.Agreement{ID: "cleura", Start: day("2023-09-01"), Term: model.Term{Indefinite: true}, Sample: []string{"rules"},
		Rules: []model.Rule{{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "09-01", Clause: "x"}}}
	rec := Record{Events: []Event{{Name: "downtime", Date: day("2026-03-02")}}}
	tests := []struct {
		a    *model.Agreement
		rec  Record
		want string
	}{
		{pureservice, rec, strings.Join([]string{
			"sla_credit_claim 2026-03-30 []", // a recorded downtime: real
			"termination_notice 2026-08-02 [start term.initial term.notice]",
			"renewal 2026-11-03 [start term.initial term.notice]",
			"termination_notice 2027-08-02 [start term.initial term.renewal term.notice]",
		}, "\n")},
		{cleura, Record{}, "indexation 2026-09-01 [rules]\nindexation 2027-09-01 [rules]"},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Compute(tt.a, tt.rec, day("2026-01-01"), day("2027-09-30"), model.English) {
			got = append(got, string(d.Kind)+" "+d.Date.String()+" ["+strings.Join(d.Sample, " ")+"]")
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.a.ID, strings.Join(got, "\n"), tt.want)
		}
	}
}

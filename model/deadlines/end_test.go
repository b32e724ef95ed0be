package deadlines

import (
	"strings"
	"testing"

	"avtal/model"
)

// TestPeriodsAfterTheEnd checks rules counted from the last day the
// agreement runs, not from the day notice was given.
func TestPeriodsAfterTheEnd(t *testing.T) {
	after := func(kind model.DeadlineKind, n int, unit model.Unit, clause string) model.Rule {
		return model.Rule{Kind: kind, Anchor: model.AnchorEnd, Offset: model.Period{N: n, Unit: unit}, Clause: clause}
	}
	withRules := func(a *model.Agreement, rules ...model.Rule) *model.Agreement {
		a.Rules = rules
		return a
	}
	terminated := func(on string) Record {
		return Record{Events: []Event{{Name: EventTermination, Date: day(on)}}}
	}
	centuriAfter := func() *model.Agreement {
		return withRules(centuri("2024-02-15"), after(model.DLNonSolicitEnd, 6, model.Months, "6.12"), after(model.DLConfidentialEnd, 3, model.Years, "11.3"))
	}
	// Pureservice (sample term): start 2025-11-03, 12 months, renewals of
	// 12 months, 3 months' notice.
	pureservice := withRules(&model.Agreement{ID: "pureservice", Start: day("2025-11-03"),
		Term: model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Renewal: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}}},
		after(model.DLMarketingEnd, 12, model.Months, "1.11"))
	fixed := withRules(&model.Agreement{ID: "fixed", Start: day("2025-01-01"), Term: model.Term{Initial: model.Period{N: 24, Unit: model.Months}}},
		after(model.DLDataReturn, 30, model.Days, "9"))
	indefinite := withRules(&model.Agreement{ID: "cleura", Start: day("2023-09-01"), Term: model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}},
		after(model.DLConfidentialEnd, 1, model.Years, "8"))
	tests := []struct {
		name string
		a    *model.Agreement
		rec  Record
		want []string // kind date act-by clause, and the first one's explanation
		why  string
	}{
		// Notice 2026-09-20 meets period 0's cancel-by 2027-03-31 − 6 months =
		// 2026-09-30, so the agreement ends 2027-03-31.
		// 2027-03-31 + 6 months = 2027-09-30, a Thursday.
		// 2027-03-31 + 3 years = 2030-03-31, a Sunday; an obligation ending
		// asks nothing of the customer, so it keeps its date.
		{"Centuri, notice in time", centuriAfter(), terminated("2026-09-20"),
			[]string{"non_solicitation_end 2027-09-30 2027-09-30 6.12", "confidentiality_end 2030-03-31 2030-03-31 11.3"},
			"agreement ends 2027-03-31 (notice given 2026-09-20); 6 months after = 2027-09-30"},
		// Notice 2026-10-15 is after 2026-09-30, so it meets period 1 (2027-04-01
		// – 2028-03-31, cancel-by 2027-09-30): 2028-03-31 + 6 months =
		// 2028-09-30, a Saturday (kept: nothing to do); + 3 years = 2031-03-31.
		{"Centuri, notice too late", centuriAfter(), terminated("2026-10-15"),
			[]string{"non_solicitation_end 2028-09-30 2028-09-30 6.12", "confidentiality_end 2031-03-31 2031-03-31 11.3"},
			"agreement ends 2028-03-31 (notice given 2026-10-15); 6 months after = 2028-09-30"},
		// No notice recorded: a renewing agreement has no known end.
		{"Centuri, no notice", centuriAfter(), Record{}, nil, ""},
		// Period 0 ends 2026-11-02, cancel-by 2026-08-02; notice 2026-09-20 is
		// late, so period 1 (2026-11-03 – 2027-11-02) is the last:
		// 2027-11-02 + 12 months = 2028-11-02, a Thursday.
		{"Pureservice marketing", pureservice, terminated("2026-09-20"),
			[]string{"marketing_rights_end 2028-11-02 2028-11-02 1.11"},
			"agreement ends 2027-11-02 (notice given 2026-09-20); 12 months after = 2028-11-02"},
		// A fixed term ends without notice: 2025-01-01 + 24 months − 1 day =
		// 2026-12-31; + 30 days = 2027-01-30, a Saturday → act by Fri 2027-01-29.
		{"fixed term", fixed, Record{}, []string{"data_return 2027-01-30 2027-01-29 9"},
			"agreement ends 2026-12-31; 30 days after = 2027-01-30; 2027-01-30 is Saturday, not a working day → act by Friday 2027-01-29"},
		// Until further notice: notice 2026-09-20 + 3 months = 2026-12-20;
		// + 1 year = 2027-12-20, a Monday.
		{"indefinite", indefinite, terminated("2026-09-20"), []string{"confidentiality_end 2027-12-20 2027-12-20 8"},
			"agreement ends 2026-12-20 (notice given 2026-09-20); 1 year after = 2027-12-20"},
	}
	for _, tt := range tests {
		var got []model.Deadline
		for _, d := range Compute(tt.a, tt.rec, day("2026-01-01"), day("2032-12-31"), model.English) {
			switch d.Kind {
			case model.DLTermination, model.DLRenewal, model.DLIndexation, model.DLPriceNotice:
			default:
				got = append(got, d)
			}
		}
		if want := strings.Join(tt.want, "\n"); lines(got) != want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, lines(got), want)
			continue
		}
		if len(got) > 0 && got[0].Explanation != tt.why {
			t.Errorf("%s: %q, want %q", tt.name, got[0].Explanation, tt.why)
		}
	}
}

package deadlines

import (
	"fmt"
	"strings"
	"testing"

	"avtal/model"
)

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// centuri is the Centuri SaaS agreement as DOMAIN.md describes it: 36 months
// from the start date, renewals of 12 months, notice 6 months before the end
// of a period (3.2), yearly indexation on 1 January with the Q3/Q4 rule
// (7.5), price increases notified 1 month before the last day to terminate
// (7.6). Its 14 days to object to a new sub-processor live in its
// sub-processor policy (see TestNoticeObjections).
func centuri(signed string) *model.Agreement {
	return &model.Agreement{
		ID: "centuri-saas", Signed: day(signed), Start: day("2024-04-01"),
		Term: model.Term{
			Initial: model.Period{N: 36, Unit: model.Months},
			Renewal: model.Period{N: 12, Unit: model.Months},
			Notice:  model.Period{N: 6, Unit: model.Months},
			Clause:  "3.2",
		},
		Rules: []model.Rule{
			{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01", LateFrom: "07-01", Clause: "7.5"},
			{Kind: model.DLPriceNotice, Anchor: model.AnchorCancelBy, Offset: model.Period{N: 1, Unit: model.Months}, Before: true, Clause: "7.6"},
		},
	}
}

// line writes a deadline compactly for comparison: kind date actby clause.
func line(d model.Deadline) string {
	s := fmt.Sprintf("%s %s %s %s", d.Kind, d.Date, d.ActBy, d.Clause)
	if d.Done {
		s += " done"
	}
	return s
}

func lines(ds []model.Deadline) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = line(d)
	}
	return strings.Join(out, "\n")
}

func TestCenturiDeadlines(t *testing.T) {
	got := Compute(centuri("2024-02-15"), Record{}, day("2024-01-01"), day("2028-12-31"), model.English)
	// By hand, start 2024-04-01:
	// period 0 ends 2024-04-01 + 36 months − 1 day = 2027-03-31; − 6 months = 2026-09-30 (Wed);
	//   price notice 2026-09-30 − 1 month = 2026-08-30 (Sun): Centuri's deadline, so it keeps
	//   its date (moving it earlier would be the wrong direction).
	// period 1 2027-04-01–2028-03-31: cancel-by 2027-09-30 (Thu), price 2027-08-30 (Mon), renewal 2028-03-31 (Fri).
	// period 2 2028-04-01–2029-03-31: cancel-by 2028-09-30 (Sat) → Fri 09-29, price 2028-08-30 (Wed);
	//   its renewal 2029-03-31 is after the range.
	// Indexation: agreement date 2024-02-15 is in Q1, so first 2025-01-01. It happens by
	// itself, so it keeps its date though 1 January is nyårsdagen; the customer acts on none.
	want := strings.Join([]string{
		"indexation 2025-01-01 2025-01-01 7.5",
		"indexation 2026-01-01 2026-01-01 7.5",
		"price_increase_notice 2026-08-30 2026-08-30 7.6",
		"termination_notice 2026-09-30 2026-09-30 3.2",
		"indexation 2027-01-01 2027-01-01 7.5",
		"renewal 2027-03-31 2027-03-31 3.2",
		"price_increase_notice 2027-08-30 2027-08-30 7.6",
		"termination_notice 2027-09-30 2027-09-30 3.2",
		"indexation 2028-01-01 2028-01-01 7.5",
		"renewal 2028-03-31 2028-03-31 3.2",
		"price_increase_notice 2028-08-30 2028-08-30 7.6",
		"termination_notice 2028-09-30 2028-09-29 3.2",
		// 2029-01-01 is after the range (it no longer moves into it).
	}, "\n")
	if g := lines(got); g != want {
		t.Fatalf("Centuri deadlines:\n%s\nwant:\n%s", g, want)
	}
	for _, d := range got {
		if d.AgreementID != "centuri-saas" || d.Title == "" {
			t.Errorf("%s: agreement %q title %q", line(d), d.AgreementID, d.Title)
		}
	}
	explanations := map[string]string{
		"termination_notice 2026-09-30 2026-09-30 3.2":    "36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30",
		"price_increase_notice 2026-08-30 2026-08-30 7.6": "36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30; 1 month before = 2026-08-30",
		"termination_notice 2027-09-30 2027-09-30 3.2":    "renewal 1 (12 months) from 2027-04-01 ends 2028-03-31; 6 months before = 2027-09-30",
		"renewal 2027-03-31 2027-03-31 3.2":               "36 months from start 2024-04-01 ends 2027-03-31",
		"indexation 2025-01-01 2025-01-01 7.5":            "first 01-01 after agreement date 2024-02-15 = 2025-01-01",
		"indexation 2027-01-01 2027-01-01 7.5":            "yearly on 01-01 from 2025-01-01 = 2027-01-01",
		"price_increase_notice 2028-08-30 2028-08-30 7.6": "renewal 2 (12 months) from 2028-04-01 ends 2029-03-31; 6 months before = 2028-09-30; 1 month before = 2028-08-30",
	}
	for _, d := range got {
		if want, ok := explanations[line(d)]; ok && d.Explanation != want {
			t.Errorf("%s explained %q, want %q", line(d), d.Explanation, want)
		}
	}
}

func TestFirstIndexation(t *testing.T) {
	// 7.5: first on 1 January of the year after the agreement date; made in
	// Q3 or Q4 (on or after 1 July), the year after that.
	tests := []struct{ signed, first, explanation string }{
		{"2024-02-15", "2025-01-01", "first 01-01 after agreement date 2024-02-15 = 2025-01-01"},
		{"2024-08-15", "2026-01-01", "first 01-01 after agreement date 2024-08-15, a year later as it is on or after 07-01 = 2026-01-01"},
		{"2024-06-30", "2025-01-01", ""}, // last day of Q2
		{"2024-07-01", "2026-01-01", ""}, // first day of Q3
		{"2024-12-31", "2026-01-01", ""},
		{"2024-01-01", "2025-01-01", ""}, // the agreement date itself is not "after"
	}
	for _, tt := range tests {
		a := centuri(tt.signed)
		var first *model.Deadline
		ds := Compute(a, Record{}, day("2024-01-01"), day("2027-12-31"), model.English)
		for i := range ds {
			if ds[i].Kind == model.DLIndexation {
				first = &ds[i]
				break
			}
		}
		if first == nil || first.Date.String() != tt.first {
			t.Errorf("signed %s: first indexation %v, want %s", tt.signed, first, tt.first)
			continue
		}
		if tt.explanation != "" && first.Explanation != tt.explanation {
			t.Errorf("signed %s: %q, want %q", tt.signed, first.Explanation, tt.explanation)
		}
	}
}

func TestRenewalRollsForward(t *testing.T) {
	// 2026-09-30 passed with no termination: the agreement renews for
	// 2027-04-01–2028-03-31 and the next cancel-by is 2027-09-30.
	ds := Compute(centuri("2024-02-15"), Record{}, day("2026-10-01"), day("2027-12-31"), model.English)
	var term []model.Deadline
	for _, d := range ds {
		if d.Kind == model.DLTermination {
			term = append(term, d)
		}
	}
	if len(term) != 1 || term[0].Date.String() != "2027-09-30" ||
		!strings.HasPrefix(term[0].Explanation, "renewal 1 (12 months) from 2027-04-01 ends 2028-03-31") {
		t.Fatalf("after 2026-09-30: %v", lines(term))
	}
}

func TestTerminationStopsRenewal(t *testing.T) {
	a := centuri("2024-02-15")
	// Notice given 2026-06-01 meets the cancel-by 2026-09-30: the agreement ends
	// 2027-03-31. No renewal, no price notice for a period that will not come,
	// indexation 2027-01-01 still happens, 2028-01-01 does not.
	rec := Record{Events: []Event{{Name: EventTermination, Date: day("2026-06-01")}}}
	got := lines(Compute(a, rec, day("2026-01-02"), day("2030-12-31"), model.English))
	want := "termination_notice 2026-09-30 2026-09-30 3.2 done\nindexation 2027-01-01 2027-01-01 7.5"
	if got != want {
		t.Errorf("terminated 2026-06-01:\n%s\nwant:\n%s", got, want)
	}
	// Notice given 2026-10-15, after the cancel-by: it meets 2027-09-30, so
	// the agreement runs one more period, to 2028-03-31.
	rec = Record{Events: []Event{{Name: EventTermination, Date: day("2026-10-15")}}}
	got = lines(Compute(a, rec, day("2026-10-01"), day("2030-12-31"), model.English))
	want = strings.Join([]string{
		"indexation 2027-01-01 2027-01-01 7.5",
		"renewal 2027-03-31 2027-03-31 3.2",
		"termination_notice 2027-09-30 2027-09-30 3.2 done",
		"indexation 2028-01-01 2028-01-01 7.5",
	}, "\n")
	if got != want {
		t.Errorf("terminated late, 2026-10-15:\n%s\nwant:\n%s", got, want)
	}
}

func TestEventWindows(t *testing.T) {
	pureservice := &model.Agreement{ID: "pureservice", Signed: day("2025-10-22"),
		Rules: []model.Rule{{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 4, Unit: model.Weeks}, Clause: "SLA"}}}
	fiveDays := func(before bool) *model.Agreement {
		return &model.Agreement{ID: "x", Rules: []model.Rule{{Kind: model.DLCustom, Anchor: model.EventAnchor("delivery"),
			Offset: model.Period{N: 5, Unit: model.WorkDays}, Before: before}}}
	}
	tests := []struct {
		name        string
		a           *model.Agreement
		event       Event
		want        string
		explanation string
	}{
		// 2026-12-02 + 4 × 7 days = 2026-12-30, a Wednesday.
		{"Pureservice credit claim", pureservice, Event{Name: "downtime", Date: day("2026-12-02"), Ref: "INC-17"},
			"sla_credit_claim 2026-12-30 2026-12-30 SLA", "downtime 2026-12-02 (INC-17); 4 weeks after = 2026-12-30"},
		// From Mon 2026-12-21: 22 (1), 23 (2), 24–27 off (julafton, juldagen, annandag jul, Sunday), 28 (3), 29 (4), 30 (5).
		{"5 business days after", fiveDays(false), Event{Name: "delivery", Date: day("2026-12-21")},
			"custom 2026-12-30 2026-12-30 ", "delivery 2026-12-21; 5 business days after = 2026-12-30"},
		// Back from Fri 2027-01-08: 7 (1), 6 trettondedag off, 5 (2), 4 (3), 3–2 weekend, 1 nyårsdagen,
		// 2026-12-31 nyårsafton, 30 (4), 29 (5).
		{"5 business days before", fiveDays(true), Event{Name: "delivery", Date: day("2027-01-08")},
			"custom 2026-12-29 2026-12-29 ", "delivery 2027-01-08; 5 business days before = 2026-12-29"},
	}
	for _, tt := range tests {
		rec := Record{Events: []Event{tt.event, {Name: "something_else", Date: tt.event.Date}}}
		var got []model.Deadline
		for _, d := range Compute(tt.a, rec, day("2026-11-01"), day("2027-01-31"), model.English) {
			if d.Kind != model.DLIndexation && d.Kind != model.DLPriceNotice && d.Kind != model.DLTermination && d.Kind != model.DLRenewal {
				got = append(got, d)
			}
		}
		if len(got) != 1 || line(got[0]) != tt.want || got[0].Explanation != tt.explanation {
			t.Errorf("%s: %s (%v), want %s (%q)", tt.name, lines(got), explanationsOf(got), tt.want, tt.explanation)
		}
	}
}

func explanationsOf(ds []model.Deadline) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Explanation)
	}
	return out
}

func TestSameDayEventsMakeOneDeadline(t *testing.T) {
	a := &model.Agreement{ID: "p", Rules: []model.Rule{{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 4, Unit: model.Weeks}}}}
	rec := Record{Events: []Event{{Name: "downtime", Date: day("2026-12-02")}, {Name: "downtime", Date: day("2026-12-02")}, {Name: "downtime", Date: day("2026-12-03")}}}
	// 12-02 and 12-03 + 28 days = 12-30 and 12-31 (nyårsafton → act by 12-30).
	got := lines(Compute(a, rec, day("2026-12-01"), day("2027-01-31"), model.English))
	want := "sla_credit_claim 2026-12-30 2026-12-30 \nsla_credit_claim 2026-12-31 2026-12-30 "
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestAgreementAnchors(t *testing.T) {
	rules := []model.Rule{
		{Kind: model.DLAcceptanceEnd, Anchor: model.AnchorAgreementDate, Offset: model.Period{N: 10, Unit: model.Days}},
		{Kind: model.DLWarrantyEnd, Anchor: model.AnchorStart, Offset: model.Period{N: 1, Unit: model.Months}},
	}
	// No start date: it defaults to the agreement date 2024-02-15.
	// 2024-02-15 + 10 days = 2024-02-25, a Sunday → act by Fri 2024-02-23.
	// 2024-02-15 + 1 month = 2024-03-15, a Friday.
	a := &model.Agreement{ID: "a", Signed: day("2024-02-15"), Rules: rules}
	got := Compute(a, Record{}, day("2024-01-01"), day("2024-12-31"), model.English)
	want := "acceptance_test_end 2024-02-25 2024-02-23 \nwarranty_end 2024-03-15 2024-03-15 "
	if lines(got) != want {
		t.Fatalf("got\n%s\nwant\n%s", lines(got), want)
	}
	if got[1].Explanation != "start 2024-02-15; 1 month after = 2024-03-15" {
		t.Errorf("explanation %q", got[1].Explanation)
	}
}

func TestRangeEdges(t *testing.T) {
	a := centuri("2024-02-15")
	// Termination notice 2028-09-30 (Saturday), act by Friday 09-29: a range
	// covering only the Friday still shows it, as does one covering only
	// the Saturday; one starting after it, or ending before the Friday
	// (after the price notice 2028-08-30), does not.
	for _, tt := range []struct {
		from, to string
		n        int
	}{
		{"2028-09-29", "2028-09-29", 1},
		{"2028-09-30", "2028-09-30", 1},
		{"2028-10-01", "2028-10-20", 0},
		{"2028-08-31", "2028-09-28", 0},
	} {
		if got := Compute(a, Record{}, day(tt.from), day(tt.to), model.English); len(got) != tt.n {
			t.Errorf("[%s, %s]: %d deadlines (%s), want %d", tt.from, tt.to, len(got), lines(got), tt.n)
		}
	}
}

func TestTermsWithoutRenewal(t *testing.T) {
	index := model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01"}
	// A fixed 24-month term from 2025-03-01 ends 2027-02-28 and does not renew:
	// no termination or renewal deadlines; indexation 2026-01-01 and 2027-01-01 only.
	fixed := &model.Agreement{ID: "fixed", Signed: day("2025-03-01"), Rules: []model.Rule{index},
		Term: model.Term{Initial: model.Period{N: 24, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}}}
	if got := lines(Compute(fixed, Record{}, day("2025-01-01"), day("2030-12-31"), model.English)); got !=
		"indexation 2026-01-01 2026-01-01 \nindexation 2027-01-01 2027-01-01 " {
		t.Errorf("fixed term:\n%s", got)
	}
	// Until further notice: no periods, indexation every year until notice is
	// given 2027-05-10 + 3 months notice = ends 2027-08-10. Unterminated,
	// 2025-01-01 … 2030-01-01: six; an indexation keeps its date (nobody
	// acts on it), so 2031-01-01 is outside the range.
	open := &model.Agreement{ID: "open", Signed: day("2023-09-01"), Rules: []model.Rule{index},
		Term: model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}}
	if got := Compute(open, Record{}, day("2025-01-01"), day("2030-12-31"), model.English); len(got) != 6 || got[5].ActBy.String() != "2030-01-01" {
		t.Errorf("indefinite, 2025–2030: %d deadlines, want 6:\n%s", len(got), lines(got))
	}
	rec := Record{Events: []Event{{Name: EventTermination, Date: day("2027-05-10")}}}
	if got := lines(Compute(open, rec, day("2025-01-01"), day("2030-12-31"), model.English)); got !=
		"indexation 2025-01-01 2025-01-01 \nindexation 2026-01-01 2026-01-01 \nindexation 2027-01-01 2027-01-01 " {
		t.Errorf("indefinite, terminated:\n%s", got)
	}
}

func TestStatedTermRuleIsNotDoubled(t *testing.T) {
	a := centuri("2024-02-15")
	a.Rules = append(a.Rules, model.Rule{Kind: model.DLTermination, Anchor: model.AnchorCancelBy, Clause: "3.2 b", Title: "Last day to terminate"})
	var got []model.Deadline
	for _, d := range Compute(a, Record{}, day("2026-01-01"), day("2026-12-31"), model.English) {
		if d.Kind == model.DLTermination {
			got = append(got, d)
		}
	}
	if len(got) != 1 || got[0].Clause != "3.2 b" || got[0].Title != "Last day to terminate" {
		t.Errorf("termination deadlines: %s", lines(got))
	}
}

func TestDoneAndKey(t *testing.T) {
	a := centuri("2024-02-15")
	key := "centuri-saas/termination_notice/2026-09-30/3.2"
	got := Compute(a, Record{Done: map[string]bool{key: true}}, day("2026-09-01"), day("2026-10-31"), model.English)
	if len(got) != 1 || got[0].Key() != key || !got[0].Done {
		t.Errorf("marked done: %s (key %q)", lines(got), got[0].Key())
	}
}

func TestCivil(t *testing.T) {
	// Hand-checked day numbers: 1970-01-01 is day 0, 2000-03-01 is
	// 30 years (10 957 days incl. 7 leap days) + 60 days = 11 017,
	// 1969-12-31 is −1.
	tests := []struct {
		days int
		want string
	}{
		{0, "1970-01-01"}, {-1, "1969-12-31"}, {11016, "2000-02-29"}, {11017, "2000-03-01"},
	}
	for _, tt := range tests {
		y, m, d := civil(tt.days)
		if got := fmt.Sprintf("%04d-%02d-%02d", y, m, d); got != tt.want {
			t.Errorf("civil(%d) = %s, want %s", tt.days, got, tt.want)
		}
	}
	// Against the time package, day by day over four centuries, and the
	// explainer on dates far away.
	for d := day("1900-01-01"); d.Year() < 2300; d = d.AddDays(1) {
		y, m, dd := civil(epoch.DaysUntil(d))
		if y != d.Year() || m != d.Month() || dd != d.Day() {
			t.Fatalf("civil(%s) = %d-%d-%d", d, y, m, dd)
		}
	}
	for _, s := range []string{"2262-04-12", "9999-12-31", "1066-10-14"} {
		e := explainer{w: &phrasesIn[model.English]}
		if got := e.date(day(s)).b; string(got) != s {
			t.Errorf("explainer wrote %s as %s", s, got)
		}
	}
}

// A register written before zero periods were refused may still hold one:
// the computation ends, and the agreement ends after its initial period.
func TestZeroRenewalDoesNotLoop(t *testing.T) {
	a := centuri("2024-02-15")
	a.Term.Renewal = model.Period{N: 0, Unit: model.Months}
	got := lines(Compute(a, Record{}, day("2024-01-01"), day("2034-01-01"), model.English))
	// The agreement ends 2027-03-31: the last indexation is 2027-01-01,
	// and no price notice comes, since no period follows.
	want := "indexation 2025-01-01 2025-01-01 7.5\nindexation 2026-01-01 2026-01-01 7.5\nindexation 2027-01-01 2027-01-01 7.5"
	if got != want {
		t.Errorf("deadlines:\n%s\nwant\n%s", got, want)
	}
}

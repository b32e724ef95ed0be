package deadlines

import (
	"testing"

	"avtal/model"
)

// TestOutlook checks what the list and the detail say about a term: the
// cancel-by with the period it ends, or after notice the day it ends.
func TestOutlook(t *testing.T) {
	cleura := &model.Agreement{ID: "cleura", Start: day("2023-09-01"), Term: model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}}
	tests := []struct {
		name                 string
		a                    *model.Agreement
		terminated, on       string
		periodEnd            string // "" when there is no period
		ends, given          string
		cancelBy, cancelsEnd string
	}{
		// Start 2024-04-01 + 36 months − 1 day = 2027-03-31; − 6 months =
		// 2026-09-30, still ahead on 2026-06-01.
		{"Centuri before the cancel-by", centuri("2024-02-15"), "", "2026-06-01", "2027-03-31", "", "", "2026-09-30", "2027-03-31"},
		// On 2026-12-07 that cancel-by has passed: the next one, 2027-09-30,
		// ends renewal 1 (2027-04-01 – 2028-03-31), not the current period.
		{"Centuri after the cancel-by", centuri("2024-02-15"), "", "2026-12-07", "2027-03-31", "", "", "2027-09-30", "2028-03-31"},
		// Notice on 2026-09-20 met 2026-09-30: ends 2027-03-31, no cancel-by.
		{"Centuri terminated", centuri("2024-02-15"), "2026-09-20", "2026-12-07", "2027-03-31", "2027-03-31", "2026-09-20", "", ""},
		// Notice on 2026-10-15 is late: it ends renewal 1, 2028-03-31.
		{"Centuri terminated late", centuri("2024-02-15"), "2026-10-15", "2026-12-07", "2027-03-31", "2028-03-31", "2026-10-15", "", ""},
		// Until further notice: 2026-09-20 + 3 months = 2026-12-20.
		{"indefinite terminated", cleura, "2026-09-20", "2026-12-07", "", "2026-12-20", "2026-09-20", "", ""},
		{"indefinite running", cleura, "", "2026-12-07", "", "", "", "", ""},
	}
	for _, tt := range tests {
		terminated := dayOrNone(tt.terminated)
		o := OutlookOn(tt.a, terminated, day(tt.on))
		periodEnd := ""
		if o.HasPeriod {
			periodEnd = o.Period.End.String()
		}
		cancelsEnd := ""
		if !o.CancelBy.IsZero() {
			cancelsEnd = o.Cancels.End.String()
		}
		if periodEnd != tt.periodEnd || str(o.Ends) != tt.ends || str(o.NoticeGiven) != tt.given || str(o.CancelBy) != tt.cancelBy || cancelsEnd != tt.cancelsEnd {
			t.Errorf("%s: period end %q, ends %q (notice %q), cancel-by %q for %q; want %q, %q (%q), %q for %q", tt.name,
				periodEnd, str(o.Ends), str(o.NoticeGiven), str(o.CancelBy), cancelsEnd, tt.periodEnd, tt.ends, tt.given, tt.cancelBy, tt.cancelsEnd)
		}
	}
}

func TestListDatesOn(t *testing.T) {
	fixed := &model.Agreement{ID: "fixed", Start: day("2025-01-01"), Term: model.Term{Initial: model.Period{N: 2, Unit: model.Years}}}
	expired := centuri("2024-02-15")
	expired.Status = model.StatusExpired
	cleura := &model.Agreement{ID: "cleura", Start: day("2023-09-01"), Term: model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}}
	tests := []struct {
		name                 string
		a                    *model.Agreement
		terminated, on       string
		end, cancelBy, until string
	}{
		// Period 0 is 2024-04-01 – 2027-03-31, its cancel-by 2026-09-30:
		// both hold until the cancel-by passes.
		{"before the cancel-by", centuri("2024-02-15"), "", "2026-06-01", "2027-03-31", "2026-09-30", "2026-09-30"},
		// After it, the cancel-by is renewal 1's (2027-09-30) and the
		// period still 2027-03-31, which holds until it ends.
		{"after the cancel-by", centuri("2024-02-15"), "", "2026-12-07", "2027-03-31", "2027-09-30", "2027-03-31"},
		// On the day itself the cancel-by still holds.
		{"on the cancel-by", centuri("2024-02-15"), "", "2026-09-30", "2027-03-31", "2026-09-30", "2026-09-30"},
		// Notice given: ends 2027-03-31 whatever the day.
		{"terminated", centuri("2024-02-15"), "2026-09-20", "2026-12-07", "2027-03-31", "", ""},
		// Without renewal: 2025-01-01 + 2 years − 1 day, no notice period,
		// so the cancel-by is the end itself and holds until then.
		{"fixed term", fixed, "", "2025-06-01", "2026-12-31", "2026-12-31", "2026-12-31"},
		// Ended without a termination: no cancel-by; the renewing period
		// moves on after 2027-03-31.
		{"expired", expired, "", "2026-06-01", "2027-03-31", "", "2027-03-31"},
		{"indefinite running", cleura, "", "2026-12-07", "", "", ""},
		// 2026-09-20 + 3 months.
		{"indefinite terminated", cleura, "2026-09-20", "2026-12-07", "2026-12-20", "", ""},
	}
	for _, tt := range tests {
		terminated := dayOrNone(tt.terminated)
		d := ListDatesOn(tt.a, terminated, day(tt.on))
		if got := [3]string{str(d.End), str(d.CancelBy), str(d.Until)}; got != [3]string{tt.end, tt.cancelBy, tt.until} {
			t.Errorf("%s: end, cancel-by, until = %v, want %v", tt.name, got, [3]string{tt.end, tt.cancelBy, tt.until})
		}
	}
}

// str is a date as the tables write it: "" for none.
func str(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// dayOrNone is the day a table names, or no day for "".
func dayOrNone(s string) model.Date {
	if s == "" {
		return model.Date{}
	}
	return day(s)
}

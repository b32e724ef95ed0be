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
	str := func(d model.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	for _, tt := range tests {
		var terminated model.Date
		if tt.terminated != "" {
			terminated = day(tt.terminated)
		}
		o := OutlookOn(tt.a, terminated, day(tt.on), model.English)
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

package deadlines

import (
	"testing"

	"avtal/model"
)

func TestMissed(t *testing.T) {
	a := centuri("2024-02-15")
	// Cancel-by dates: 2026-09-30, 2027-09-30, 2028-09-30 (see TestCenturiDeadlines).
	tests := []struct {
		name  string
		rec   Record
		today string
		want  string
	}{
		{"before the first window closes", Record{}, "2026-09-30", ""},
		{"the day after", Record{}, "2026-10-01", "termination_notice 2026-09-30 2026-09-30 3.2"},
		{"two windows passed", Record{}, "2027-10-01",
			"termination_notice 2026-09-30 2026-09-30 3.2\ntermination_notice 2027-09-30 2027-09-30 3.2"},
		{"one marked done (decided to renew)", Record{Done: map[string]bool{"centuri-saas/termination_notice/2026-09-30/3.2": true}}, "2027-10-01",
			"termination_notice 2027-09-30 2027-09-30 3.2"},
		{"terminated in time", Record{Events: []Event{{Name: EventTermination, Date: day("2026-09-15")}}}, "2030-01-01", ""},
		// Notice given 2026-10-15 came too late for 2026-09-30: that window was
		// missed, and the notice meets the next one, 2027-09-30.
		{"terminated too late", Record{Events: []Event{{Name: EventTermination, Date: day("2026-10-15")}}}, "2030-01-01",
			"termination_notice 2026-09-30 2026-09-30 3.2"},
	}
	for _, tt := range tests {
		if got := lines(Missed(a, tt.rec, day(tt.today), model.English)); got != tt.want {
			t.Errorf("%s: missed\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
	if got := Missed(&model.Agreement{ID: "x"}, Record{}, day("2030-01-01"), model.English); got != nil {
		t.Errorf("an agreement without dates has no missed windows: %v", got)
	}
}

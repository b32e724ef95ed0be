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

// IsMissed tells one deadline, as a store keeps it, by the rules of Missed.
func TestIsMissed(t *testing.T) {
	a := &model.Agreement{ID: "a", Start: day("2025-04-01")}
	cancelBy := func(date string) model.Deadline {
		return model.Deadline{Kind: model.DLTermination, Date: day(date), ActBy: day(date), AgreementID: "a"}
	}
	done := cancelBy("2026-01-15")
	done.Done = true
	renewal := cancelBy("2026-01-15")
	renewal.Kind = model.DLRenewal
	today := day("2026-06-10")
	tests := []struct {
		name string
		a    *model.Agreement
		d    model.Deadline
		want bool
	}{
		{"passed, not done", a, cancelBy("2026-01-15"), true},
		{"yesterday", a, cancelBy("2026-06-09"), true},
		{"today: still open", a, cancelBy("2026-06-10"), false},
		{"marked done", a, done, false},
		{"another kind", a, renewal, false},
		{"on the start", a, cancelBy("2025-04-01"), true},
		{"before the start", a, cancelBy("2025-03-31"), false},
		{"no start, signed instead", &model.Agreement{ID: "a", Signed: day("2025-05-01")}, cancelBy("2025-04-30"), false},
		{"no date at all", &model.Agreement{ID: "a"}, cancelBy("2026-01-15"), false},
	}
	for _, tt := range tests {
		if got := IsMissed(tt.a, tt.d, today); got != tt.want {
			t.Errorf("%s: IsMissed = %v, want %v", tt.name, got, tt.want)
		}
	}
}

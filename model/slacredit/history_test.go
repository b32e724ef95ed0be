package slacredit

import (
	"testing"

	"avtal/model"
)

func TestHistoryTwelveMonths(t *testing.T) {
	incidents := []model.Incident{
		down(t, "2026-10-31T22:00", "2026-11-01T02:00"),
		// 5 February 2026, 8 hours: February has 28 × 1 440 = 40 320 minutes;
		// 39 840 / 40 320 = 0.9880952… → 98.8095.
		down(t, "2026-02-05T08:00", "2026-02-05T16:00"),
		// Before the 12 months: never seen.
		down(t, "2025-11-05T08:00", "2025-11-05T16:00"),
	}
	h, err := History(preset(t, "pureservice"), month(t, "2026-11"), sek(10000), incidents)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 12 || h[0].Month.String() != "2025-12" || h[11].Month.String() != "2026-11" {
		t.Fatalf("%d months from %v to %v, want 12 from 2025-12 to 2026-11", len(h), h[0].Month, h[len(h)-1].Month)
	}
	want := map[string]string{"2026-02": "98.8095", "2026-10": "99.7315", "2026-11": "99.7222"}
	for _, r := range h {
		w, ok := want[r.Month.String()]
		if !ok {
			w = "100.0000"
		}
		if r.Uptime() != w {
			t.Errorf("%s: uptime %s, want %s", r.Month, r.Uptime(), w)
		}
	}
}

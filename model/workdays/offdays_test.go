package workdays

import (
	"testing"
	"time"

	"avtal/model"
)

// TestBitsetMatchesList checks the fast path against the definition: a
// working day is a weekday that is not in the holiday list. It covers the
// whole bitset and the years on both sides of it.
func TestBitsetMatchesList(t *testing.T) {
	slow := func(d model.Date) bool {
		wd := d.Weekday()
		return wd != time.Saturday && wd != time.Sunday && HolidayName(d) == ""
	}
	for d := model.MustDate(1968, 1, 1); d.Year() <= 2102; d = d.AddDays(1) {
		if IsWorkingDay(d) != slow(d) {
			t.Fatalf("IsWorkingDay(%s) = %v, the list says %v", d, IsWorkingDay(d), slow(d))
		}
		a := ActBy(d)
		if !slow(a) || a.After(d) || (a != d && slow(d)) {
			t.Fatalf("ActBy(%s) = %s", d, a)
		}
		for x := a.AddDays(1); !x.After(d); x = x.AddDays(1) {
			if slow(x) {
				t.Fatalf("ActBy(%s) = %s skips working day %s", d, a, x)
			}
		}
	}
}

func TestActByExamples(t *testing.T) {
	// 2026-08-30 Sunday → Friday 08-28; 2027-01-01 nyårsdagen, 12-31 nyårsafton
	// → Wednesday 2026-12-30; 2027-03-26 långfredagen → Thursday 03-25;
	// 1970-01-01 nyårsdagen, the first day of the table → 1969-12-31 (a Wednesday
	// that year, but nyårsafton) → Tuesday 1969-12-30.
	for in, want := range map[string]string{
		"2026-08-30": "2026-08-28", "2027-01-01": "2026-12-30", "2027-03-26": "2027-03-25",
		"2026-09-30": "2026-09-30", "1970-01-01": "1969-12-30",
	} {
		d, _ := model.ParseDate(in)
		if got := ActBy(d).String(); got != want {
			t.Errorf("ActBy(%s) = %s, want %s", in, got, want)
		}
	}
}

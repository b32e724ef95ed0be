package deadlines

import (
	"slices"
	"testing"

	"avtal/model"
)

func TestBand(t *testing.T) {
	term := model.Deadline{Kind: model.DLTermination, Date: day("2026-09-30"), ActBy: day("2026-09-30")}
	claim := model.Deadline{Kind: model.DLCreditClaim, Date: day("2026-12-30"), ActBy: day("2026-12-30")}
	lt := DefaultLeadTimes()
	tests := []struct {
		d     model.Deadline
		today string
		lead  int
		ok    bool
	}{
		{term, "2026-07-01", 0, false},  // 91 days left: before the 90-day band
		{term, "2026-07-02", 90, true},  // 2026-07-02 → 09-30: 29 + 31 + 30 = 90 days
		{term, "2026-08-31", 30, true},  // 30 days
		{term, "2026-09-10", 30, true},  // 20 days
		{term, "2026-09-23", 7, true},   // 7 days
		{term, "2026-09-30", 0, true},   // the day itself
		{term, "2026-10-01", 0, false},  // overdue, not a reminder
		{claim, "2026-12-15", 0, false}, // 15 days: credit claims warn 14/3/0
		{claim, "2026-12-16", 14, true},
		{claim, "2026-12-27", 3, true},
	}
	for _, tt := range tests {
		lead, ok := lt.Band(tt.d, day(tt.today))
		if lead != tt.lead || ok != tt.ok {
			t.Errorf("%s on %s: band %d %v, want %d %v", tt.d.Kind, tt.today, lead, ok, tt.lead, tt.ok)
		}
	}
	done := term
	done.Done = true
	if _, ok := lt.Band(done, day("2026-09-30")); ok {
		t.Error("a deadline marked done needs no reminder")
	}
}

func TestLeadTimesConfigurable(t *testing.T) {
	lt := LeadTimes{model.DLTermination: {60, 0}}
	if got := lt.For(model.DLTermination); len(got) != 2 || got[0] != 60 {
		t.Errorf("configured: %v", got)
	}
	if got := lt.For(model.DLCreditClaim); len(got) != 3 || got[0] != 14 {
		t.Errorf("unconfigured kinds keep their default: %v", got)
	}
	if got := lt.For(model.DLWarrantyEnd); len(got) != 3 || got[0] != 30 {
		t.Errorf("kinds without a default: %v", got)
	}
	d := DefaultLeadTimes()
	d[model.DLTermination][0] = 1
	if DefaultLeadTimes()[model.DLTermination][0] != 90 {
		t.Error("changing a copy must not change the defaults")
	}
}

func TestSummarize(t *testing.T) {
	// Today Monday 2026-09-28.
	today := day("2026-09-28")
	mk := func(kind model.DeadlineKind, actBy string, done bool) model.Deadline {
		return model.Deadline{Kind: kind, Date: day(actBy), ActBy: day(actBy), Done: done}
	}
	ds := []model.Deadline{
		mk(model.DLTermination, "2026-09-30", false), // 2 days: this week, in band 7
		mk(model.DLPriceNotice, "2026-10-04", false), // 6 days: this week, band 7
		mk(model.DLPriceNotice, "2026-10-05", false), // 7 days: next week, band 7
		mk(model.DLIndexation, "2026-11-30", false),  // 63 days: no band (14/0)
		mk(model.DLTermination, "2026-12-27", false), // 90 days: band 90
		mk(model.DLCreditClaim, "2026-09-25", false), // overdue
		mk(model.DLTermination, "2026-09-29", true),  // done: counts nowhere
	}
	want := Summary{Overdue: 1, ThisWeek: 2, InBand: 4}
	if got := DefaultLeadTimes().Summarize(ds, today); got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
}

func TestParseLeadTimes(t *testing.T) {
	l, err := ParseLeadTimes("termination_notice=14, 120,60,0 ; sla_credit_claim=21,7,0,7")
	if err != nil {
		t.Fatal(err)
	}
	if got := l.For(model.DLTermination); !slices.Equal(got, []int{120, 60, 14, 0}) {
		t.Errorf("termination lead times %v, want [120 60 14 0]", got)
	}
	if got := l.For(model.DLCreditClaim); !slices.Equal(got, []int{21, 7, 0}) {
		t.Errorf("credit claim lead times %v, want [21 7 0]", got)
	}
	if got := l.For(model.DLObjection); !slices.Equal(got, []int{7, 3, 0}) {
		t.Errorf("a kind not named keeps its default, got %v", got)
	}
	for _, bad := range []string{"renewals=30", "termination_notice", "termination_notice=30,soon", "payment=-1"} {
		if _, err := ParseLeadTimes(bad); err == nil {
			t.Errorf("ParseLeadTimes(%q) accepted", bad)
		}
	}
}

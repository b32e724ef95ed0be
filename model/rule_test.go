package model

import (
	"testing"
	"time"
)

func TestParseMonthDay(t *testing.T) {
	tests := []struct {
		in    string
		month time.Month
		day   int
		ok    bool
	}{
		{"01-01", time.January, 1, true},
		{"7-1", time.July, 1, true},
		{"12-31", time.December, 31, true},
		{"13-01", 0, 0, false},
		{"01-32", 0, 0, false},
		{"0101", 0, 0, false},
		{"", 0, 0, false},
		{"1-1-1", 0, 0, false},
	}
	for _, tt := range tests {
		m, d, ok := ParseMonthDay(tt.in)
		if m != tt.month || d != tt.day || ok != tt.ok {
			t.Errorf("ParseMonthDay(%q) = %v %d %v, want %v %d %v", tt.in, m, d, ok, tt.month, tt.day, tt.ok)
		}
	}
}

func TestRuleLateFrom(t *testing.T) {
	yearly := Rule{Kind: DLIndexation, Anchor: AnchorYearly, On: "01-01", LateFrom: "07-01"}
	if err := yearly.Validate(); err != nil {
		t.Errorf("Centuri 7.5 rule: %v", err)
	}
	bad := yearly
	bad.LateFrom = "Q3"
	if err := bad.Validate(); err == nil || err.(*FieldError).Field != "late_from" {
		t.Errorf("late_from Q3: %v", err)
	}
	notYearly := Rule{Kind: DLIndexation, Anchor: AnchorStart, LateFrom: "07-01"}
	if err := notYearly.Validate(); err == nil || err.(*FieldError).Field != "late_from" {
		t.Errorf("late_from on a start_date rule: %v", err)
	}
}

func TestDeadlineKey(t *testing.T) {
	d := Deadline{Kind: DLTermination, Date: MustDate(2026, 9, 30), AgreementID: "centuri-saas", Clause: "3.2", Title: "x"}
	if got := d.Key(); got != "centuri-saas/termination_notice/2026-09-30/3.2" {
		t.Errorf("Key = %q", got)
	}
}

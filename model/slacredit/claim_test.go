package slacredit

import (
	"testing"
	"time"

	"avtal/model"
)

func TestClaimDeadline(t *testing.T) {
	pure := preset(t, "pureservice")
	monthEnd := model.SLATerms{ClaimByMonthEnd: true}
	workDays := model.SLATerms{ClaimWindow: model.Period{N: 5, Unit: model.WorkDays}}
	tests := []struct {
		name           string
		terms          model.SLATerms
		start, end     string
		day, by, actBy string
	}{
		// DOMAIN: within 4 weeks after the downtime; 2 Dec + 28 days = 30 Dec, a Wednesday.
		{"4 weeks", pure, "2026-12-02T10:00", "2026-12-02T11:00", "2026-12-02", "2026-12-30", "2026-12-30"},
		// 27 Nov + 28 = 25 Dec (juldagen); 24 Dec is julafton too → act by Wednesday 23 Dec.
		{"4 weeks onto christmas", pure, "2026-11-27T09:00", "2026-11-27T10:00", "2026-11-27", "2026-12-25", "2026-12-23"},
		// Ending at midnight the downtime's last day is 1 Dec: + 28 = 29 Dec.
		{"ends at midnight", pure, "2026-12-01T22:00", "2026-12-02T00:00", "2026-12-01", "2026-12-29", "2026-12-29"},
		// A downtime over a month's end counts from the day it ended.
		{"over the month's end", pure, "2026-10-31T22:00", "2026-11-01T02:00", "2026-11-01", "2026-11-29", "2026-11-27"},
		// End of the following month: 31 Dec 2026 is nyårsafton → Wednesday 30 Dec.
		{"end of following month", monthEnd, "2026-11-10T10:00", "2026-11-10T11:00", "2026-11-10", "2026-12-31", "2026-12-30"},
		// 22 Dec (Tue) + 5 working days: 23, 28, 29, 30 Dec, 4 Jan (24–27 Dec, 31 Dec–3 Jan are off).
		{"5 business days", workDays, "2026-12-22T10:00", "2026-12-22T11:00", "2026-12-22", "2027-01-04", "2027-01-04"},
	}
	for _, tt := range tests {
		c, ok := ClaimDeadline(tt.terms, down(t, tt.start, tt.end), stockholm)
		if !ok || c.Day.String() != tt.day || c.By.String() != tt.by || c.ActBy.String() != tt.actBy {
			t.Errorf("%s: %+v %v, want day %s, by %s, act by %s", tt.name, c, ok, tt.day, tt.by, tt.actBy)
		}
	}
}

func TestClaimDeadlineCloudExamples(t *testing.T) {
	// A downtime on 10 November 2026 (UTC).
	inc := model.Incident{Start: time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 10, 11, 0, 0, 0, time.UTC)}
	tests := []struct {
		preset, by, actBy string
	}{
		// End of the second month after November: 31 Jan 2027, a Sunday → Friday 29 Jan.
		{"azure-style", "2027-01-31", "2027-01-29"},
		{"aws-style", "2027-01-31", "2027-01-29"},
		// 30 days after November closes: 30 Nov + 30 = 30 Dec, a Wednesday.
		{"google-style", "2026-12-30", "2026-12-30"},
	}
	for _, tt := range tests {
		c, ok := ClaimDeadline(preset(t, tt.preset), inc, time.UTC)
		if !ok || c.By.String() != tt.by || c.ActBy.String() != tt.actBy {
			t.Errorf("%s: %+v %v, want by %s, act by %s", tt.preset, c, ok, tt.by, tt.actBy)
		}
	}
}

func TestClaimDeadlineNoneWithoutWindow(t *testing.T) {
	if c, ok := ClaimDeadline(preset(t, "centuri"), down(t, "2026-11-10T10:00", "2026-11-10T11:00"), stockholm); ok {
		t.Errorf("centuri states no claim window, got %+v", c)
	}
}

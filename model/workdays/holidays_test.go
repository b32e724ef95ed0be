package workdays

import (
	"testing"
	"time"

	"avtal/model"
)

func TestEaster(t *testing.T) {
	// Dates checked against the Swedish almanac.
	for year, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25"} {
		if got := Easter(year).String(); got != want {
			t.Errorf("Easter(%d) = %s, want %s", year, got, want)
		}
	}
}

func TestHolidayNames(t *testing.T) {
	tests := []struct {
		date, name string
	}{
		{"2026-06-19", "midsommarafton"},
		{"2026-06-20", "midsommardagen"},
		{"2027-03-26", "långfredagen"},
		{"2027-03-29", "annandag påsk"},
		{"2026-05-14", "Kristi himmelsfärdsdag"},
		{"2026-10-31", "alla helgons dag"},
		{"2027-11-06", "alla helgons dag"},
		{"2026-12-31", "nyårsafton"},
		{"2026-06-06", "nationaldagen"},
		{"2026-06-18", ""},
	}
	for _, tt := range tests {
		d, _ := model.ParseDate(tt.date)
		if got := HolidayName(d); got != tt.name {
			t.Errorf("HolidayName(%s) = %q, want %q", tt.date, got, tt.name)
		}
	}
}

func TestActBy(t *testing.T) {
	tests := []struct{ nominal, want string }{
		{"2026-09-30", "2026-09-30"}, // Wednesday
		{"2026-08-30", "2026-08-28"}, // Sunday → Friday
		{"2027-01-01", "2026-12-30"}, // nyårsdagen, nyårsafton before it
		{"2026-06-20", "2026-06-18"}, // midsommardagen, midsommarafton → Thursday
		{"2027-03-29", "2027-03-25"}, // annandag påsk back over Easter to Thursday
		{"2026-12-30", "2026-12-30"},
	}
	for _, tt := range tests {
		d, _ := model.ParseDate(tt.nominal)
		if got := ActBy(d).String(); got != tt.want {
			t.Errorf("ActBy(%s) = %s, want %s", tt.nominal, got, tt.want)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	start := model.MustDate(2026, time.December, 22) // Tuesday
	if got := AddWorkingDays(start, 5).String(); got != "2027-01-04" {
		// 23 Wed, 28 Mon, 29 Tue, 30 Wed, (31 nyårsafton, 1 nyårsdagen), 4 Mon
		t.Errorf("5 working days after 2026-12-22 = %s, want 2027-01-04", got)
	}
	if got := AddWorkingDays(model.MustDate(2027, time.January, 4), -5).String(); got != "2026-12-22" {
		t.Errorf("5 working days before 2027-01-04 = %s, want 2026-12-22", got)
	}
}

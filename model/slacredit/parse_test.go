package slacredit

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"avtal/model"
)

func TestParseTiers(t *testing.T) {
	got, err := ParseTiers("99.5:25,99:50,95:100")
	want := []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}, {Below: 95, CreditPct: 100}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v %v, want %v", got, err, want)
	}
	got, err = ParseTiers(" 99.99% : 10% , 95:100 ")
	want = []model.CreditTier{{Below: 99.99, CreditPct: 10}, {Below: 95, CreditPct: 100}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with spaces and %%: got %v %v, want %v", got, err, want)
	}
}

func TestParseTiersErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"", "no credit tiers"},
		{"99.5-25", `tier 1 "99.5-25": want UPTIME:CREDIT`},
		{"99.5:25,abc:50", `tier 2 "abc:50": uptime "abc"`},
		{"101:10", `uptime "101"`},
		{"0:10", `uptime "0"`},
		{"99:120", `credit "120"`},
		{"NaN:10", `uptime "NaN"`},
		{"99:10,99:20", "uptime 99 appears twice"},
		{"99.5:50,99:25", "below 99% gives 25%, less than the 50% below 99.5%"},
	}
	for _, tt := range tests {
		_, err := ParseTiers(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseTiers(%q) = %v, want error containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in   string
		want model.Window
	}{
		{"24x7", model.Window{Kind: model.Window24x7}},
		{"24x7 tz=UTC", model.Window{Kind: model.Window24x7, TZ: "UTC"}},
		{"mon-fri 08:00-17:00 holidays=SE", model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5}, From: "08:00", To: "17:00", Holidays: "SE"}},
		{"Mon,Wed,Fri 09:00-12:00 holidays=se tz=Europe/Stockholm", model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 3, 5}, From: "09:00", To: "12:00", Holidays: "SE", TZ: "Europe/Stockholm"}},
		// A range may wrap the week: Friday to Monday.
		{"fri-mon 00:00-24:00", model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 5, 6, 7}, From: "00:00", To: "24:00"}},
		{"mon-wed,sat 08:00-12:00 holidays=none", model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 6}, From: "08:00", To: "12:00"}},
		// The eves are left out only when the agreement says so.
		{"mon-fri 08:00-17:00 holidays=SE eves=yes", model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5}, From: "08:00", To: "17:00", Holidays: "SE", Eves: true}},
	}
	for _, tt := range tests {
		got, err := ParseWindow(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseWindow(%q) = %+v %v, want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseWindowErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"", "want 24x7, or days and hours"},
		{"mon-fri", "want 24x7, or days and hours"},
		{"08:00-17:00", "want 24x7, or days and hours"},
		{"mon-fry 08:00-17:00", `"mon-fry" is not a day`},
		{"mon-fri 17:00-08:00", `hours "17:00-08:00": 08:00 is not after 17:00`},
		{"mon-fri 8:00-17:00", `hours "8:00-17:00"`},
		{"mon-fri 08:00", `hours "08:00": want FROM-TO`},
		{"mon-fri 08:00-17:00 holidays=NO", `holidays "NO" is not a known calendar`},
		{"mon-fri 08:00-17:00 eves=maybe", `eves "maybe" is not yes or no`},
		{"24x7 tz=Mars/Olympus", `tz "Mars/Olympus"`},
		{"24x7 color=red", `"color=red" is not an option`},
		{"24x7 mon-fri", "24x7 takes no days or hours"},
	}
	for _, tt := range tests {
		_, err := ParseWindow(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseWindow(%q) = %v, want error containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestParseWindowFeedsCredit(t *testing.T) {
	// The CLI's window spec gives the same 11 340 minutes as the Centuri preset.
	w, err := ParseWindow("mon-fri 08:00-17:00 holidays=SE")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Credit(model.SLATerms{Window: w, TargetPct: 99.5}, month(t, "2026-11"), 0, nil)
	if err != nil || r.WindowMinutes != 11340 {
		t.Errorf("window %d %v, want 11340", r.WindowMinutes, err)
	}
}

func TestParseDowntime(t *testing.T) {
	tests := []struct {
		in      string
		start   string // UTC
		minutes int
	}{
		// 10:00 CET is 09:00 UTC.
		{"2026-11-10T10:00/2026-11-10T13:00", "2026-11-10T09:00Z", 180},
		{" 2026-10-31T22:00 / 2026-11-01T02:00 ", "2026-10-31T21:00Z", 240},
		// 02:30 happens twice on 25 October 2026: +02:00 is the first (CEST,
		// 00:30 UTC), +01:00 the second (01:30 UTC), an hour later.
		{"2026-10-25T02:30+02:00/2026-10-25T02:30+01:00", "2026-10-25T00:30Z", 60},
		{"2026-11-10T09:00Z/2026-11-10T12:00", "2026-11-10T09:00Z", 120},
	}
	for _, tt := range tests {
		s, err := ParseDowntime(tt.in, stockholm)
		if err != nil {
			t.Errorf("ParseDowntime(%q): %v", tt.in, err)
			continue
		}
		if got := s.Start.UTC().Format("2006-01-02T15:04Z"); got != tt.start || s.Duration() != time.Duration(tt.minutes)*time.Minute {
			t.Errorf("ParseDowntime(%q) = %s for %v, want %s for %d min", tt.in, got, s.Duration(), tt.start, tt.minutes)
		}
	}
}

func TestParseDowntimeErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"2026-11-10T10:00", "is not a downtime (want START/END"},
		{"2026-02-30T10:00/2026-03-01T10:00", "start: 2026-02-30T10:00 is not a date that exists"},
		{"2026-11-10T10:00/2026-11-31T10:00", "end: 2026-11-31T10:00 is not a date that exists"},
		{"2026-11-10T25:00/2026-11-11T10:00", "2026-11-10T25:00 is not a time of day that exists"},
		{"2026-11-10 10:00/2026-11-10 13:00", `"2026-11-10 10:00" is not a date and time`},
		{"2026-11-10T10:00/2026-11-10T09:00", "end 2026-11-10T09:00 is before start 2026-11-10T10:00"},
		{"2026-11-10T10:00/2026-11-10T10:00", "end 2026-11-10T10:00 is the same as start"},
		// Clocks jump from 02:00 to 03:00 on 29 March 2026.
		{"2026-03-29T02:30/2026-03-29T04:00", "2026-03-29T02:30 does not exist in Europe/Stockholm"},
		// Without an offset the repeated hour of 25 October 2026 is ambiguous.
		{"2026-10-25T02:30/2026-10-25T04:00", "start: 2026-10-25T02:30 happens twice in Europe/Stockholm (the clocks go back): add the offset, 2026-10-25T02:30+02:00 for the first or 2026-10-25T02:30+01:00 for the second"},
		{"2026-11-10T10:00+1/2026-11-10T11:00", `offset "+1" is not Z or ±HH:MM`},
	}
	for _, tt := range tests {
		_, err := ParseDowntime(tt.in, stockholm)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseDowntime(%q) = %v, want error containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func FuzzParseDowntime(f *testing.F) {
	for _, s := range []string{
		"2026-11-10T10:00/2026-11-10T13:00",
		"2026-10-25T02:30/2026-10-25T02:30+01:00",
		"2026-03-29T02:30/2026-03-29T04:00",
		"2026-02-30T10:00/2026-03-01T10:00",
		"2026-11-10T10:00Z/2026-11-10T09:30+00:00",
		"2026-11-10T10:00/",
		"/",
		"9999-12-31T23:59/0000-01-01T00:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		span, err := ParseDowntime(s, stockholm)
		if err == nil && !span.End.After(span.Start) {
			t.Errorf("ParseDowntime(%q) accepted %v–%v, which does not end after it starts", s, span.Start, span.End)
		}
	})
}

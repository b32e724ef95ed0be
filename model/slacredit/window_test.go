package slacredit

import (
	"errors"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/workdays"
)

func TestWindowMinutesCountElapsedTime(t *testing.T) {
	stockholm24 := model.Window{Kind: model.Window24x7}
	allDay := model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5, 6, 7}, From: "00:00", To: "24:00"}
	tests := []struct {
		name   string
		w      model.Window
		month  string
		minute int
	}{
		// 31 × 1 440 = 44 640, plus the hour 25 October repeats = 44 700.
		{"october in Stockholm", stockholm24, "2026-10", 44700},
		// 31 × 1 440 − the hour 29 March skips = 44 580.
		{"march in Stockholm", stockholm24, "2026-03", 44580},
		{"november in Stockholm", stockholm24, "2026-11", 43200},
		{"october in UTC", model.Window{Kind: model.Window24x7, TZ: "UTC"}, "2026-10", 44640},
		// Service hours of whole days are elapsed time too: the 25-hour day counts 25 hours.
		{"october, every day 00:00-24:00", allDay, "2026-10", 44700},
		// February 2028 is a leap month: 29 × 1 440.
		{"leap february", stockholm24, "2028-02", 41760},
	}
	for _, tt := range tests {
		spans, err := WindowSpans(tt.w, month(t, tt.month))
		if err != nil {
			t.Fatal(err)
		}
		var sum time.Duration
		for _, s := range spans {
			sum += s.Duration()
		}
		if got := int(sum.Minutes()); got != tt.minute {
			t.Errorf("%s: %d minutes, want %d", tt.name, got, tt.minute)
		}
	}
}

func TestWindowSpansServiceDays(t *testing.T) {
	// Centuri, December 2026: the first span is Tuesday 1 Dec 08:00–17:00 CET,
	// 07:00–16:00 UTC. Of the 23 weekdays only juldagen (Fri 25 Dec) is a
	// public holiday (annandag jul is a Saturday); julafton and nyårsafton
	// are service days: 22, and 24 Dec is followed by 28 Dec.
	spans, err := WindowSpans(preset(t, "centuri").Window, month(t, "2026-12"))
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != 22 {
		t.Fatalf("%d service days, want 22", len(spans))
	}
	if got := spans[0].Start.UTC().Format("2006-01-02 15:04") + "/" + spans[0].End.UTC().Format("15:04"); got != "2026-12-01 07:00/16:00" {
		t.Errorf("first span %s, want 2026-12-01 07:00/16:00 UTC", got)
	}
	for i, s := range spans {
		if s.Start.In(stockholm).Day() == 24 && spans[i+1].Start.In(stockholm).Day() != 28 {
			t.Errorf("after 24 Dec comes %s, want 28 Dec", spans[i+1].Start.In(stockholm))
		}
	}
}

func TestWindowSpansErrorsNameTheField(t *testing.T) {
	tests := []struct {
		w     model.Window
		field string
	}{
		{model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 9}, From: "08:00", To: "17:00"}, "window.weekdays[1]"},
		{model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1}, From: "25:00", To: "26:00"}, "window.from"},
		{model.Window{Kind: "weekly"}, "window.kind"},
		{model.Window{Kind: model.Window24x7, TZ: "Europe/Atlantis"}, "window.tz"},
	}
	for _, tt := range tests {
		_, err := WindowSpans(tt.w, month(t, "2026-11"))
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%+v: error %v, want one naming %s", tt.w, err, tt.field)
		}
	}
}

// TestExcludedDays checks which days a service-hours window leaves out:
// public holidays only, unless the agreement also excludes the eves.
func TestExcludedDays(t *testing.T) {
	w := preset(t, "centuri").Window
	eves := w
	eves.Eves = true
	names := func(hs []workdays.Holiday) string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Date.String()+" "+h.Name)
		}
		return strings.Join(out, ", ")
	}
	tests := []struct {
		name  string
		w     model.Window
		month string
		want  string
	}{
		// December 2026 weekdays: juldagen Fri 25; annandag jul is a Saturday.
		{"public holidays, December", w, "2026-12", "2026-12-25 juldagen"},
		{"with the eves, December", eves, "2026-12", "2026-12-24 julafton, 2026-12-25 juldagen, 2026-12-31 nyårsafton"},
		// June 2027: nationaldagen is a Sunday; midsommarafton is Fri 25 June.
		{"public holidays, June 2027", w, "2027-06", ""},
		{"with the eves, June 2027", eves, "2027-06", "2027-06-25 midsommarafton"},
		{"24x7", model.Window{Kind: model.Window24x7}, "2026-12", ""},
	}
	for _, tt := range tests {
		if got := names(ExcludedDays(tt.w, month(t, tt.month))); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

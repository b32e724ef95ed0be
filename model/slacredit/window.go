package slacredit

import (
	"time"

	"avtal/model"
	"avtal/model/workdays"
)

// WindowSpans returns the measurement window of a month as sorted, disjoint
// spans of real time in the window's zone: the whole month for 24x7, or one
// span per service day (listed weekday, not one of ExcludedDays) from From
// to To on the local clock.
//
// Spans are real elapsed time: October 2026 in Europe/Stockholm is 745 hours,
// because 25 October has 25, and March 2026 is 743 hours.
func WindowSpans(w model.Window, m Month) ([]Span, error) {
	loc, err := Location(w)
	if err != nil {
		return nil, err
	}
	switch w.Kind {
	case model.Window24x7:
		return []Span{m.Span(loc)}, nil
	case model.WindowServiceHours:
		return serviceHours(w, m, loc)
	}
	return nil, model.Refuse("window_kind", "%q is not 24x7 or service_hours", w.Kind).On("window.kind")
}

// serviceHours lists the service-hour spans of the month, one per service day.
func serviceHours(w model.Window, m Month, loc *time.Location) ([]Span, error) {
	// The field checks (clock format, weekday range) live with SLATerms.
	if err := (&model.SLATerms{Window: w}).Validate(); err != nil {
		return nil, err
	}
	from, _ := model.ParseClock(w.From)
	to, _ := model.ParseClock(w.To)
	if to <= from {
		return nil, model.Refuse("hours_after", "%s is not after the start of service hours %s", w.To, w.From).On("window.to")
	}
	if len(w.Weekdays) == 0 {
		return nil, model.Refuse("weekdays_none", "list the weekdays service hours apply").On("window.weekdays")
	}
	if w.Holidays != "" && w.Holidays != HolidaysSE {
		return nil, model.Refuse("holidays_unknown", "%q is not a known holiday calendar (want %s)", w.Holidays, HolidaysSE).On("window.holidays")
	}
	days := serviceWeekdays(w)
	var spans []Span
	for d := m.First(); !d.After(m.Last()); d = d.AddDays(1) {
		if !days[isoWeekday(d.Weekday())] || excluded(w, d) {
			continue
		}
		// time.Date normalises minutes past 59, and 24:00 becomes the next midnight.
		start := time.Date(d.Year(), d.Month(), d.Day(), 0, from, 0, 0, loc)
		end := time.Date(d.Year(), d.Month(), d.Day(), 0, to, 0, 0, loc)
		spans = append(spans, Span{start, end})
	}
	return spans, nil
}

// serviceWeekdays marks the window's weekdays, indexed 1 = Monday … 7 = Sunday.
func serviceWeekdays(w model.Window) (days [8]bool) {
	for _, d := range w.Weekdays {
		if d >= 1 && d <= 7 {
			days[d] = true
		}
	}
	return days
}

// excluded reports whether the window leaves out day d as a holiday: a
// public holiday under the "SE" calendar, and an eve (midsommarafton,
// julafton, nyårsafton) only when the window says so.
func excluded(w model.Window, d model.Date) bool {
	if w.Holidays != HolidaysSE {
		return false
	}
	h := workdays.HolidayOn(d)
	return h.Name != "" && (!h.Eve || w.Eves)
}

// ExcludedDays lists the days of month m that a service-hours window leaves
// out although they fall on its weekdays, so an explanation can name them
// ("2027-06-06 nationaldagen"); nil for 24x7.
func ExcludedDays(w model.Window, m Month) []workdays.Holiday {
	if w.Kind != model.WindowServiceHours {
		return nil
	}
	days := serviceWeekdays(w)
	var out []workdays.Holiday
	for d := m.First(); !d.After(m.Last()); d = d.AddDays(1) {
		if days[isoWeekday(d.Weekday())] && excluded(w, d) {
			out = append(out, workdays.HolidayOn(d))
		}
	}
	return out
}

// HolidaysSE names the Swedish public-holiday calendar of model/workdays.
const HolidaysSE = "SE"

// isoWeekday numbers weekdays the way Window.Weekdays does: Monday = 1 … Sunday = 7.
func isoWeekday(wd time.Weekday) int { return (int(wd)+6)%7 + 1 }

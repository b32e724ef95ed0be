package model

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or zone. Agreements speak in
// dates ("2024-04-01"), so term arithmetic never touches clocks or zones.
// The zero Date means "not set".
type Date struct {
	t time.Time // always midnight UTC, or zero
}

// FirstYear and LastYear bound the years of the dates Avtal holds: four
// digits, as dates are written, and none early enough to be taken for the
// unset date (0001-01-01 is Go's zero time).
const FirstYear, LastYear = 1000, 9999

// NewDate returns the date year-month-day. Out-of-range values are refused
// (a *Refusal, as ParseDate's), so 2026-02-30 never silently becomes 2026-03-02.
func NewDate(year int, month time.Month, day int) (Date, error) {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || t.Month() != month || t.Day() != day {
		return Date{}, Refuse("date_exists", "%q is not a date that exists", fmt.Sprintf("%04d-%02d-%02d", year, int(month), day))
	}
	if year < FirstYear || year > LastYear {
		return Date{}, Refuse("date_years", "%q is outside the years %d–%d", fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), FirstYear, LastYear)
	}
	return Date{t}, nil
}

// MustDate is NewDate for literals known to be valid (tables, tests, presets).
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads an ISO date, YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			return Date{}, Refuse("date_exists", "%q is not a date that exists", s)
		}
		return Date{}, Refuse("date_text", "%q is not a date (want YYYY-MM-DD)", s)
	}
	if t.Year() < FirstYear {
		return Date{}, Refuse("date_years", "%q is outside the years %d–%d", s, FirstYear, LastYear)
	}
	return Date{t}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int             { return d.t.Year() }
func (d Date) Month() time.Month     { return d.t.Month() }
func (d Date) Day() int              { return d.t.Day() }
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// ISOWeek returns the ISO 8601 week number (weeks start on Monday).
func (d Date) ISOWeek() int { _, w := d.t.ISOWeek(); return w }

// Time returns midnight of the date in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// AddDays returns the date n days later (earlier when n < 0). A date is
// midnight UTC, where every day has 24 hours: adding them is exact, and a
// fraction of what AddDate costs, which splits the date into year, month
// and day and puts it together again (deadline computation adds days to
// every period of every agreement). A time.Duration holds ±292 years.
func (d Date) AddDays(n int) Date {
	const most = 100 * 366
	if n > most || n < -most {
		return Date{d.t.AddDate(0, 0, n)}
	}
	return Date{d.t.Add(time.Duration(n) * 24 * time.Hour)}
}

// AddMonths returns the date n months later, keeping the day of month and
// clamping it to the last day of the target month: 2027-03-31 − 6 months is
// 2026-09-30, not 2026-10-01 as time.AddDate would give.
func (d Date) AddMonths(n int) Date {
	// Month arithmetic on integers: deadline computation does this for every
	// period of every agreement, and time.AddDate plus normalising would cost
	// several times more.
	year, month, day := d.t.Date()
	m := year*12 + int(month) - 1 + n
	y, mi := m/12, m%12
	if mi < 0 {
		y, mi = y-1, mi+12
	}
	target := time.Month(mi + 1)
	return Date{time.Date(y, target, min(day, DaysIn(y, target)), 0, 0, 0, 0, time.UTC)}
}

// DaysIn returns the number of days in the month.
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Before, After and Equal compare dates.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }

// DaysUntil returns the number of calendar days from d to o (negative when o is earlier).
// Both are midnight UTC, so whole seconds divide exactly, and unlike a
// time.Duration the count does not overflow past 292 years.
func (d Date) DaysUntil(o Date) int { return int((o.t.Unix() - d.t.Unix()) / 86400) }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// MarshalText writes the ISO form, so JSON and YAML carry "2026-09-30".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO form; an empty string is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

package slacredit

import (
	"fmt"
	"time"

	"avtal/model"
)

// Month is a calendar month, the period every SLA here is measured over.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month a date falls in.
func MonthOf(d model.Date) Month { return Month{d.Year(), d.Month()} }

// ParseMonth reads "2026-11".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, model.Refuse("month_text", "%q is not a month (want YYYY-MM, e.g. 2026-11)", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// Add returns the month n months later (earlier when n < 0).
func (m Month) Add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// First returns the first day of the month.
func (m Month) First() model.Date { return model.MustDate(m.Year, m.Month, 1) }

// Last returns the last day of the month.
func (m Month) Last() model.Date {
	return model.MustDate(m.Year, m.Month, model.DaysIn(m.Year, m.Month))
}

// Span returns the month as real time in loc: from midnight on the first to
// midnight on the first of the next month.
func (m Month) Span(loc *time.Location) Span {
	return Span{m.First().Time(loc), m.Add(1).First().Time(loc)}
}

// String writes the month as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// MarshalText writes the month as YYYY-MM, so JSON carries "2026-11".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a month written as YYYY-MM.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

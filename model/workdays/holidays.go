// Package workdays knows which days are Swedish working days, so deadlines
// can say the business day to act on.
package workdays

import (
	"sync"
	"time"

	"avtal/model"
)

// Holiday is a Swedish non-working day other than a plain weekend.
type Holiday struct {
	Date model.Date `json:"date"`
	Name string     `json:"name"` // Swedish name, e.g. "midsommarafton"
	// Eve marks midsommarafton, julafton and nyårsafton: days off by
	// custom, not public holidays (allmänna helgdagar, lag 1989:253).
	Eve bool `json:"eve,omitempty"`
}

// Easter returns Easter Sunday of year (Gregorian; the anonymous algorithm
// in Meeus, "Astronomical Algorithms").
func Easter(year int) model.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return model.MustDate(year, time.Month(month), day)
}

// firstWeekdayFrom returns the first date on or after d that falls on wd.
func firstWeekdayFrom(d model.Date, wd time.Weekday) model.Date {
	return d.AddDays((int(wd) - int(d.Weekday()) + 7) % 7)
}

// Holidays returns the Swedish non-working days of year that DOMAIN.md lists,
// in date order. Weekend-bound days (påskdagen, midsommardagen, alla helgons
// dag) are listed too so that a calendar can name them.
func Holidays(year int) []Holiday {
	easter := Easter(year)
	d := func(m time.Month, day int) model.Date { return model.MustDate(year, m, day) }
	return []Holiday{
		{d(1, 1), "nyårsdagen", false},
		{d(1, 6), "trettondedag jul", false},
		{easter.AddDays(-2), "långfredagen", false},
		{easter, "påskdagen", false},
		{easter.AddDays(1), "annandag påsk", false},
		{d(5, 1), "första maj", false},
		{easter.AddDays(39), "Kristi himmelsfärdsdag", false},
		{d(6, 6), "nationaldagen", false},
		{firstWeekdayFrom(d(6, 19), time.Friday), "midsommarafton", true},
		{firstWeekdayFrom(d(6, 20), time.Saturday), "midsommardagen", false},
		{firstWeekdayFrom(d(10, 31), time.Saturday), "alla helgons dag", false},
		{d(12, 24), "julafton", true},
		{d(12, 25), "juldagen", false},
		{d(12, 26), "annandag jul", false},
		{d(12, 31), "nyårsafton", true},
	}
}

// cache holds the holidays of recent years, keyed by date, so checking a day
// is a map lookup. It is filled when first asked for (a process that never
// asks, such as a search, does not pay for it) and never written after, so
// concurrent readers (SSH sessions) need no lock.
var cache = sync.OnceValue(func() map[model.Date]Holiday {
	m := make(map[model.Date]Holiday)
	for y := 1970; y <= 2100; y++ {
		for _, h := range Holidays(y) {
			m[h.Date] = h
		}
	}
	return m
})

// HolidayName returns the name of the Swedish holiday on d, or "".
func HolidayName(d model.Date) string { return HolidayOn(d).Name }

// HolidayOn returns the Swedish holiday on d, the zero Holiday when none.
func HolidayOn(d model.Date) Holiday {
	if h, ok := cache()[d]; ok {
		return h
	}
	if d.Year() >= 1970 && d.Year() <= 2100 {
		return Holiday{}
	}
	for _, h := range Holidays(d.Year()) {
		if h.Date == d {
			return h
		}
	}
	return Holiday{}
}

// epoch and last are the first and last day offDays covers.
var epoch, last = model.MustDate(1970, 1, 1), model.MustDate(2100, 12, 31)

// offDays has one bit per day from 1970 to 2100, set for weekends and the
// non-working days in the list. Deadline computation asks about every
// deadline of a register, and an index into a bitset costs far less than a
// weekday computation plus a map lookup. Like cache, it is written once,
// when first asked for.
var offDays = sync.OnceValue(func() []uint64 {
	n := epoch.DaysUntil(last) + 1
	bits := make([]uint64, (n+63)/64)
	for i := range n {
		// 1970-01-01 was a Thursday: day i is a Saturday when (i+4)%7 == 6.
		if wd := (i + 4) % 7; wd == 0 || wd == 6 {
			bits[i/64] |= 1 << (i % 64)
		}
	}
	for d := range cache() {
		i := epoch.DaysUntil(d)
		bits[i/64] |= 1 << (i % 64)
	}
	return bits
})

// dayIndex returns d's day number in offDays, or false outside it.
func dayIndex(d model.Date) (int, bool) {
	i := epoch.DaysUntil(d)
	return i, i >= 0 && !d.After(last)
}

func off(i int) bool { return offDays()[i/64]&(1<<(i%64)) != 0 }

// IsWorkingDay reports whether d is a Swedish working day: not a Saturday,
// Sunday or a non-working day in the list.
func IsWorkingDay(d model.Date) bool {
	if i, ok := dayIndex(d); ok {
		return !off(i)
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return HolidayName(d) == ""
}

// ActBy returns the day to act on for a deadline falling on d: d itself when
// it is a working day, else the previous working day (Avtal acts early).
func ActBy(d model.Date) model.Date {
	if i, ok := dayIndex(d); ok {
		j := i
		for j >= 0 && off(j) {
			j--
		}
		if j == i {
			return d
		}
		// j < 0: every day back to 1970-01-01 was off; go on before it.
		d = d.AddDays(j - i)
	}
	for !IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// AddWorkingDays moves d by n working days (n < 0 goes back).
func AddWorkingDays(d model.Date, n int) model.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}

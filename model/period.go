package model

import (
	"strconv"
	"strings"
)

// Unit is the unit of a Period.
type Unit string

// The units agreements count in.
const (
	Days     Unit = "days"
	Weeks    Unit = "weeks"
	Months   Unit = "months"
	Years    Unit = "years"
	WorkDays Unit = "business_days"
	// Hours is for short windows such as a 24-hour breach notice; it moves no date.
	Hours Unit = "hours"
)

// Period is a length of time as an agreement states it: "36 months",
// "4 weeks", "14 days". The zero Period means "not stated".
type Period struct {
	N    int
	Unit Unit
}

// unitWords maps the words people write (English and Swedish, singular and
// plural, the Swedish genitive of "30 dagars varsel", and the usual
// abbreviations "mån", "dgr", "wks") to units.
var unitWords = map[string]Unit{
	"d": Days, "day": Days, "days": Days, "dag": Days, "dagar": Days, "dagars": Days, "dgr": Days, "kalenderdag": Days, "kalenderdagar": Days,
	"w": Weeks, "wk": Weeks, "wks": Weeks, "week": Weeks, "weeks": Weeks, "v": Weeks, "v.": Weeks, "vecka": Weeks, "veckor": Weeks, "veckors": Weeks,
	"m": Months, "mo": Months, "mos": Months, "month": Months, "months": Months, "mån": Months, "mån.": Months, "månad": Months, "månader": Months, "månaders": Months,
	"y": Years, "yr": Years, "yrs": Years, "year": Years, "years": Years, "år": Years, "års": Years,
	"h": Hours, "hour": Hours, "hours": Hours, "tim": Hours, "tim.": Hours, "timme": Hours, "timmar": Hours, "timmars": Hours,
	"business_days": WorkDays, "business_day": WorkDays, "business days": WorkDays, "business day": WorkDays, "working days": WorkDays, "working day": WorkDays,
	"arbetsdag": WorkDays, "arbetsdagar": WorkDays, "arbetsdagars": WorkDays, "bankdag": WorkDays, "bankdagar": WorkDays, "bankdagars": WorkDays,
}

// ParsePeriod reads "36 months", "4 weeks", "14 days", "1 year", "6 månader",
// "5 business days" or the short forms "36m", "4w", "14d", "1y".
func ParsePeriod(s string) (Period, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Period{}, nil
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return Period{}, Refuse("period_text", "%q is not a period (want e.g. \"6 months\", \"4 weeks\", \"14 days\")", s)
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return Period{}, Refuse("period_range", "%q: number out of range", s)
	}
	unit, ok := unitWords[strings.TrimSpace(s[i:])]
	if !ok {
		return Period{}, Refuse("period_unit", "%q: unknown unit %q (want days, weeks, months, years or business days)", s, strings.TrimSpace(s[i:]))
	}
	return Period{N: n, Unit: unit}, nil
}

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p.N == 0 && p.Unit == "" }

// Advances reports whether adding the period moves a date forward: a
// positive number of days, weeks, months or years. "0 months", hours and
// business days do not, so a term counted in them would never end.
func (p Period) Advances() bool {
	switch p.Unit {
	case Days, Weeks, Months, Years:
		return p.N > 0
	}
	return false
}

// maxTermMonths is the longest period a term may state: a century. Longer
// is a typing mistake, and would take dates past year 9999.
const maxTermMonths = 100 * 12

// months returns about how many months the period spans.
func (p Period) months() int {
	switch p.Unit {
	case Days, WorkDays:
		return p.N / 28
	case Weeks:
		return p.N / 4
	case Months:
		return p.N
	case Years:
		return 12 * p.N
	}
	return 0
}

// unitNames are the words each language writes a unit in, singular then
// plural: "1 month", "6 months", "1 månad", "6 månader".
var unitNames = [...]map[Unit][2]string{
	English: {Days: {"day", "days"}, Weeks: {"week", "weeks"}, Months: {"month", "months"}, Years: {"year", "years"},
		WorkDays: {"business day", "business days"}, Hours: {"hour", "hours"}},
	Swedish: {Days: {"dag", "dagar"}, Weeks: {"vecka", "veckor"}, Months: {"månad", "månader"}, Years: {"år", "år"},
		WorkDays: {"arbetsdag", "arbetsdagar"}, Hours: {"timme", "timmar"}},
}

// String writes the period the way ParsePeriod reads it: "36 months". It
// is the period's text form in files and JSON, so it is always English.
func (p Period) String() string { return p.In(English) }

// In writes the period in words of the language: "6 months", "1 arbetsdag".
// A unit the language has no word for is written as stored.
func (p Period) In(l Lang) string {
	if p.IsZero() {
		return ""
	}
	unit := string(p.Unit)
	if names, ok := unitNames[l][p.Unit]; ok {
		unit = names[1]
		if p.N == 1 {
			unit = names[0]
		}
	}
	return strconv.Itoa(p.N) + " " + unit
}

// AddTo returns d moved by the period times k (k may be negative). Months
// and years clamp to the end of the month; business days are not handled
// here because they need a holiday calendar (see model/workdays), and hours
// are shorter than the dates this works in, so both leave d unchanged.
func (p Period) AddTo(d Date, k int) Date {
	switch p.Unit {
	case Days:
		return d.AddDays(p.N * k)
	case Weeks:
		return d.AddDays(7 * p.N * k)
	case Months:
		return d.AddMonths(p.N * k)
	case Years:
		return d.AddMonths(12 * p.N * k)
	}
	return d
}

// MarshalText writes the period as text.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a period written by MarshalText or a person.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

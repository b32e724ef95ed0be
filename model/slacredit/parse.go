package slacredit

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"avtal/model"
)

// ParseTiers reads credit tiers as the CLI takes them, "99.5:25,99:50,95:100":
// below 99.5 % uptime, 25 % of the monthly fee, and so on. A trailing % on
// either number is allowed.
func ParseTiers(s string) ([]model.CreditTier, error) {
	if strings.TrimSpace(s) == "" {
		return nil, model.Refuse("tiers_none", "no credit tiers given (want e.g. 99.5:25,99:50,95:100)")
	}
	var tiers []model.CreditTier
	for i, part := range strings.Split(s, ",") {
		below, credit, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok {
			return nil, model.Refuse("tier_shape", "tier %d %q: want UPTIME:CREDIT, e.g. 99.5:25", i+1, part)
		}
		b, ok := parsePct(below)
		if !ok || b <= 0 || b > 100 {
			return nil, model.Refuse("tier_uptime", "tier %d %q: uptime %q is not a percentage above 0 and at most 100", i+1, part, below)
		}
		c, ok := parsePct(credit)
		if !ok || c < 0 || c > 100 {
			return nil, model.Refuse("tier_credit", "tier %d %q: credit %q is not a percentage from 0 to 100", i+1, part, credit)
		}
		if slices.ContainsFunc(tiers, func(t model.CreditTier) bool { return t.Below == b }) {
			return nil, model.Refuse("tier_repeated", "tier %d %q: uptime %g appears twice", i+1, part, b)
		}
		tiers = append(tiers, model.CreditTier{Below: b, CreditPct: c})
	}
	var fe *model.FieldError
	if err := model.CheckTiers(tiers); errors.As(err, &fe) {
		return nil, &model.Refusal{Msg: fe.Msg, Key: fe.Key, Args: fe.Args}
	}
	return tiers, nil
}

// parsePct reads "99.5" or "99.5%"; ok is false for anything else. Its
// callers refuse the value with words that say which range it must be in.
func parsePct(s string) (f float64, ok bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
	return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// dayNames maps three-letter English day names to Window.Weekdays numbers.
var dayNames = map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}

// ParseWindow reads a measurement window as the CLI takes it: "24x7", or
// service hours such as "mon-fri 08:00-17:00 holidays=SE" ("eves=yes" also
// leaves out midsommarafton, julafton and nyårsafton). Days are ranges or
// lists ("mon-fri", "mon,wed,fri"); "tz=Europe/Stockholm" may be added to
// either form.
func ParseWindow(s string) (model.Window, error) {
	var w model.Window
	var days, hours bool
	for _, tok := range strings.Fields(s) {
		var err error
		switch key, value, isOption := strings.Cut(tok, "="); {
		case strings.EqualFold(tok, "24x7"):
			w.Kind = model.Window24x7
		case isOption:
			err = windowOption(&w, key, value)
		case strings.Contains(tok, ":"):
			w.From, w.To, err = parseHours(tok)
			hours = true
		default:
			w.Weekdays, err = parseDays(tok)
			days = true
		}
		if err != nil {
			return model.Window{}, model.Refuse("window_part", "window %q: %s", s, err)
		}
	}
	switch {
	case w.Kind == model.Window24x7 && (days || hours):
		return model.Window{}, model.Refuse("window_24x7", "window %q: 24x7 takes no days or hours", s)
	case w.Kind == model.Window24x7:
	case !days || !hours:
		return model.Window{}, model.Refuse("window_shape", "window %q: want 24x7, or days and hours such as \"mon-fri 08:00-17:00 holidays=SE\"", s)
	default:
		w.Kind = model.WindowServiceHours
	}
	return w, nil
}

// windowOption applies one key=value part of a window spec.
func windowOption(w *model.Window, key, value string) error {
	switch strings.ToLower(key) {
	case "holidays":
		switch {
		case strings.EqualFold(value, HolidaysSE):
			w.Holidays = HolidaysSE
		case strings.EqualFold(value, "none"):
			w.Holidays = ""
		default:
			return model.Refuse("window_holidays", "holidays %q is not a known calendar (want %s or none)", value, HolidaysSE)
		}
	case "eves":
		switch strings.ToLower(value) {
		case "yes", "true", "ja":
			w.Eves = true
		case "no", "false", "nej":
			w.Eves = false
		default:
			return model.Refuse("window_eves", "eves %q is not yes or no", value)
		}
	case "tz":
		if _, err := Location(model.Window{TZ: value}); err != nil {
			return model.Refuse("window_tz", "tz %q is not a known time zone (want e.g. %s)", value, DefaultTZ)
		}
		w.TZ = value
	default:
		return model.Refuse("window_option", "%q is not an option (want holidays=, eves= or tz=)", key+"="+value)
	}
	return nil
}

// parseHours reads "08:00-17:00".
func parseHours(tok string) (from, to string, err error) {
	from, to, ok := strings.Cut(tok, "-")
	if !ok {
		return "", "", model.Refuse("hours_shape", "hours %q: want FROM-TO, e.g. 08:00-17:00", tok)
	}
	f, err := model.ParseClock(from)
	if err != nil {
		return "", "", model.Refuse("hours_clock", "hours %q: %s", tok, err)
	}
	t, err := model.ParseClock(to)
	if err != nil {
		return "", "", model.Refuse("hours_clock", "hours %q: %s", tok, err)
	}
	if t <= f {
		return "", "", model.Refuse("hours_order", "hours %q: %s is not after %s", tok, to, from)
	}
	return from, to, nil
}

// parseDays reads "mon-fri", "mon,wed,fri" or "mon-wed,fri" into sorted
// weekday numbers. A range may wrap the week: "fri-mon".
func parseDays(tok string) ([]int, error) {
	var set [8]bool
	for _, part := range strings.Split(strings.ToLower(tok), ",") {
		first, last, isRange := strings.Cut(part, "-")
		if !isRange {
			last = first
		}
		a, okA := dayNames[first]
		b, okB := dayNames[last]
		if !okA || !okB {
			return nil, model.Refuse("window_days", "days %q: %q is not a day or range of days (want e.g. mon-fri or mon,wed,fri)", tok, part)
		}
		for d := a; ; d = d%7 + 1 {
			set[d] = true
			if d == b {
				break
			}
		}
	}
	var days []int
	for d := 1; d <= 7; d++ {
		if set[d] {
			days = append(days, d)
		}
	}
	return days, nil
}

// ParseDowntime reads a downtime as the CLI takes it, "START/END" with ISO
// local times in loc: "2026-11-10T10:00/2026-11-10T13:00". A time may carry
// an offset ("2026-10-25T02:30+01:00"), and must in the hour the clocks
// repeat when summer time ends: which of the two 02:30s is meant cannot be
// guessed. A local time the clocks skip in spring is refused. Every
// refusal is a *model.Refusal the faces word in their language.
func ParseDowntime(s string, loc *time.Location) (Span, error) {
	start, end, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Span{}, model.Refuse("downtime_shape", "%q is not a downtime (want START/END, e.g. 2026-11-10T10:00/2026-11-10T13:00)", s)
	}
	from, err := parseInstant(start, loc)
	if err != nil {
		return Span{}, model.Refuse("downtime_start", "start: %s", err)
	}
	to, err := parseInstant(end, loc)
	if err != nil {
		return Span{}, model.Refuse("downtime_end", "end: %s", err)
	}
	switch {
	case to.Before(from):
		return Span{}, model.Refuse("downtime_order", "end %s is before start %s", strings.TrimSpace(end), strings.TrimSpace(start))
	case to.Equal(from):
		return Span{}, model.Refuse("downtime_empty", "end %s is the same as start: a downtime must end after it starts", strings.TrimSpace(end))
	}
	return Span{from, to}, nil
}

// ParseTime reads one time the way ParseDowntime reads each end of a
// downtime: "2026-11-10T10:00" in loc, or with an offset as that instant;
// a space may stand for the T ("2026-11-10 10:00", as the forms show a
// time). Forms and flags that take a start and an end separately use it,
// so each error can name its own field.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	// Only the space after a date stands for the T, so a refusal quotes
	// anything else as it was typed.
	if len(s) > 10 && s[10] == ' ' && fits(s[:10], "dddd-dd-dd") {
		s = s[:10] + "T" + s[11:]
	}
	return parseInstant(s, loc)
}

// parseInstant reads "2026-11-10T10:00" in loc, or with a trailing offset
// ("Z", "+01:00") as that exact instant.
func parseInstant(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	const shape = "dddd-dd-ddTdd:dd"
	if len(s) < len(shape) || !fits(s[:len(shape)], shape) {
		return time.Time{}, model.Refuse("time_text", "%q is not a date and time (want YYYY-MM-DDTHH:MM, e.g. 2026-11-10T10:00)", s)
	}
	num := func(i, j int) int { n, _ := strconv.Atoi(s[i:j]); return n }
	y, mo, d, h, mi := num(0, 4), time.Month(num(5, 7)), num(8, 10), num(11, 13), num(14, 16)
	if _, err := model.NewDate(y, mo, d); err != nil {
		return time.Time{}, model.Refuse("time_date", "%s is not a date that exists", s)
	}
	if h > 23 || mi > 59 {
		return time.Time{}, model.Refuse("time_clock", "%s is not a time of day that exists", s)
	}
	if offset := s[len(shape):]; offset != "" {
		t, err := time.Parse("2006-01-02T15:04Z07:00", s)
		if err != nil {
			return time.Time{}, model.Refuse("time_offset", "%s: offset %q is not Z or ±HH:MM", s, offset)
		}
		return t, nil
	}
	t := time.Date(y, mo, d, h, mi, 0, 0, loc)
	if t.Hour() != h || t.Minute() != mi {
		return time.Time{}, model.Refuse("time_skipped", "%s does not exist in %s: the clocks skip that hour", s, loc.String())
	}
	// When the clocks fall back the hour repeats: which of the two is
	// meant cannot be guessed (guessing moves a downtime by an hour), so
	// ask for the offset.
	for _, other := range []time.Time{t.Add(-time.Hour), t.Add(time.Hour)} {
		if other.Hour() == h && other.Minute() == mi && other.Day() == d {
			first, second := earlierOf(t, other), laterOf(t, other)
			return time.Time{}, model.Refuse("time_twice", "%s happens twice in %s (the clocks go back): add the offset, %s%s for the first or %s%s for the second",
				s, loc.String(), s, first.Format("-07:00"), s, second.Format("-07:00"))
		}
	}
	return t, nil
}

func earlierOf(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func laterOf(a, b time.Time) time.Time {
	if b.Before(a) {
		return a
	}
	return b
}

// fits reports whether s has the shape of pattern, where d stands for a digit.
func fits(s, pattern string) bool {
	for i := range len(pattern) {
		if pattern[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != pattern[i] {
			return false
		}
	}
	return true
}

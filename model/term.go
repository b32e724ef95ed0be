package model

// Term is how long an agreement runs and how it ends.
type Term struct {
	// Indefinite agreements run "tills vidare" until someone gives notice.
	Indefinite bool `json:"indefinite,omitempty" yaml:"indefinite,omitempty"`
	// Initial is the length of the first period, counted from the start date.
	Initial Period `json:"initial,omitzero" yaml:"initial,omitempty"`
	// Renewal is the length of each automatic renewal; zero means no renewal.
	Renewal Period `json:"renewal,omitzero" yaml:"renewal,omitempty"`
	// Notice is how long before the end of a period notice must be given.
	Notice Period `json:"notice,omitzero" yaml:"notice,omitempty"`
	// Clause is where the agreement states its term.
	Clause string `json:"clause,omitempty" yaml:"clause,omitempty"`
}

func (t Term) validate() error {
	for _, f := range []struct {
		name string
		p    Period
	}{{"term.initial", t.Initial}, {"term.renewal", t.Renewal}, {"term.notice", t.Notice}} {
		switch {
		case f.p.N < 0:
			return fieldError(f.name, "negative")
		case f.p.IsZero():
		case f.name != "term.notice" && (f.p.Unit == WorkDays || f.p.Unit == Hours):
			return fieldError(f.name, "term_unit")
		case f.p.N == 0 && f.name != "term.notice":
			return fieldError(f.name, "zero_period", f.p)
		case f.p.months() > maxTermMonths:
			return fieldError(f.name, "too_long", f.p)
		}
	}
	if t.Indefinite && !t.Initial.IsZero() {
		return fieldError("term.initial", "indefinite_initial")
	}
	return nil
}

// TermPeriod is one period of an agreement: the initial term (Index 0) or a
// renewal (Index 1, 2, …). End is the last day the agreement runs, inclusive.
type TermPeriod struct {
	Index int
	Start Date
	End   Date
}

// Renewal reports whether the period is a renewal rather than the initial term.
func (p TermPeriod) Renewal() bool { return p.Index > 0 }

// Period returns period number k (0 = initial term) of an agreement that
// starts on start. Periods are always counted from the original start S,
// never from a previous end: with S on day D of its month, the k-th
// boundary is day D of the month the initial term plus k−1 renewals
// after S, or the first day of the next month where that month has no
// day D, and each period ends the day before its boundary (as lag
// 1930:173 § 2 counts months). So 6-month periods from 2025-08-31 run
// 2025-08-31 – 2026-02-28, 2026-03-01 – 2026-08-30, 2026-08-31 –
// 2027-02-28: a month end never drifts to the 27th, nor a 29 February
// anniversary to the 28th. Periods in days or weeks are counted in days;
// renewals in days after an initial term in months count from its end.
func (t Term) Period(start Date, k int) (TermPeriod, bool) {
	if t.Indefinite || !t.Initial.Advances() || start.IsZero() || k < 0 || (k > 0 && !t.Renewal.Advances()) {
		return TermPeriod{}, false
	}
	return TermPeriod{Index: k, Start: t.boundary(start, k), End: t.boundary(start, k+1).AddDays(-1)}, true
}

// boundary is the first day of period k: start, then the day after each
// period, counted from start as Period describes.
func (t Term) boundary(start Date, k int) Date {
	initial, _ := calendarSpan(t.Initial)
	renewal, _ := calendarSpan(t.Renewal)
	switch {
	case k == 0:
		return start
	case initial > 0 && (k == 1 || renewal > 0):
		return monthBoundary(start, initial+(k-1)*renewal)
	case initial > 0:
		return t.Renewal.AddTo(monthBoundary(start, initial), k-1)
	}
	first := t.Initial.AddTo(start, 1)
	if renewal > 0 {
		return monthBoundary(first, (k-1)*renewal)
	}
	return t.Renewal.AddTo(first, k-1)
}

// monthBoundary is day D of the month months after start, D being start's
// day, or the first day of the next month where that month has no day D
// (2025-08-31 + 6 months: 2026-03-01).
func monthBoundary(start Date, months int) Date {
	d := start.AddMonths(months)
	if d.Day() != start.Day() {
		// AddMonths clamped to the month's last day; the boundary is the next.
		return d.AddDays(1)
	}
	return d
}

// CurrentPeriod returns the period that contains day, or the last period
// when the agreement has ended without renewal. ok is false for indefinite
// agreements and terms without a start.
func (t Term) CurrentPeriod(start, day Date) (TermPeriod, bool) {
	p, ok := t.Period(start, 0)
	if !ok {
		return p, false
	}
	if !t.Renews() || !day.After(p.End) {
		return p, true
	}
	// Jump close to the answer instead of walking renewal by renewal.
	k := 1
	months, days := calendarSpan(t.Renewal)
	if months > 0 {
		elapsed := (day.Year()-p.End.Year())*12 + int(day.Month()-p.End.Month())
		k = max(1, elapsed/months)
	} else if days > 0 {
		k = max(1, p.End.DaysUntil(day)/days)
	}
	for {
		q, _ := t.Period(start, k)
		switch {
		case day.Before(q.Start):
			k--
		case day.After(q.End):
			k++
		default:
			return q, true
		}
	}
}

// Renews reports whether the agreement renews itself at the end of each
// period. A renewal that does not move a date ("0 months") is none: an
// agreement stored before such terms were refused must not loop forever.
func (t Term) Renews() bool { return t.Renewal.Advances() }

// calendarSpan returns a period as whole months (months and years) or as
// whole days (days and weeks); the other is 0, and both for other units.
func calendarSpan(p Period) (months, days int) {
	switch p.Unit {
	case Months:
		return p.N, 0
	case Years:
		return 12 * p.N, 0
	case Weeks:
		return 0, 7 * p.N
	case Days:
		return 0, p.N
	}
	return 0, 0
}

// CancelBy returns the last day notice can be given to end the agreement at
// the end of period p: the period end moved back by the notice period
// (36 months from 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30;
// deadlines.ExplainCancelBy writes that sentence).
func (t Term) CancelBy(p TermPeriod) Date {
	if t.Notice.IsZero() {
		return p.End
	}
	return t.Notice.AddTo(p.End, -1)
}

// NextCancelBy returns the first cancel-by date on or after day, and the
// period it ends. Once a cancel-by date has passed the agreement has renewed,
// so the answer rolls forward to the next period.
func (t Term) NextCancelBy(start, day Date) (TermPeriod, Date, bool) {
	p, ok := t.CurrentPeriod(start, day)
	if !ok {
		return p, Date{}, false
	}
	if c := t.CancelBy(p); !c.Before(day) {
		return p, c, true
	}
	next, ok := t.Period(start, p.Index+1)
	if !ok {
		return p, Date{}, false
	}
	return next, t.CancelBy(next), true
}

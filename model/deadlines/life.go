package deadlines

import (
	"avtal/model"
	"avtal/model/workdays"
)

// life is how long an agreement runs as far as its term and record tell.
type life struct {
	term model.Term
	// start is the first day of period 0: the start date, defaulting to the
	// agreement date. Zero when the agreement has no dates at all.
	start model.Date
	// last is the index of the final period, or -1 while it keeps renewing.
	last int
	// end is the last day the agreement runs, zero while it is not known.
	end model.Date
	// terminated is the day notice of termination was given, or zero.
	terminated model.Date
}

// agreementDate is the day the agreement was made: signed, else in effect,
// else started.
func agreementDate(a *model.Agreement) model.Date {
	for _, d := range []model.Date{a.Signed, a.Effective, a.Start} {
		if !d.IsZero() {
			return d
		}
	}
	return model.Date{}
}

// startDate is the agreed start date, which defaults to the agreement date.
func startDate(a *model.Agreement) model.Date {
	if !a.Start.IsZero() {
		return a.Start
	}
	return agreementDate(a)
}

func lifeOf(a *model.Agreement, rec Record) life {
	l := life{term: a.Term, start: startDate(a), last: -1}
	l.terminated, _ = rec.Terminated()
	first, periodic := a.Term.Period(l.start, 0)
	switch {
	case periodic && !l.terminated.IsZero():
		// Notice meets the next cancel-by date on or after the day it is
		// given; given too late for a fixed term, it meets the last period.
		p, _, ok := a.Term.NextCancelBy(l.start, l.terminated)
		if !ok {
			p, _ = a.Term.CurrentPeriod(l.start, l.terminated)
		}
		l.last, l.end = p.Index, p.End
	case periodic && !a.Term.Renews():
		l.last, l.end = 0, first.End
	case a.Term.Indefinite && !l.terminated.IsZero():
		l.end = shift(l.terminated, a.Term.Notice, false)
	}
	return l
}

// renews reports whether the agreement renews after period k.
func (l life) renews(k int) bool {
	return l.term.Renews() && (l.last < 0 || k < l.last)
}

// shift moves d by p, backwards when before. Business days skip Swedish
// non-working days; other units are calendar arithmetic with month-end
// clamping.
func shift(d model.Date, p model.Period, before bool) model.Date {
	n := 1
	if before {
		n = -1
	}
	if p.Unit == model.WorkDays {
		return workdays.AddWorkingDays(d, n*p.N)
	}
	return p.AddTo(d, n)
}

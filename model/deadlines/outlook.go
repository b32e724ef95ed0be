package deadlines

import (
	"avtal/model"
	"avtal/model/workdays"
)

// Outlook is where an agreement's term stands on a day, as the register's
// list and detail show it: once notice of termination is given, the day
// the agreement ends; otherwise the next cancel-by date and the end of the
// period it ends, which is the next period's once this one's cancel-by has
// passed (so it is never paired silently with the current period's end).
type Outlook struct {
	// Period is the period the day falls in; HasPeriod is false for an
	// agreement until further notice or without a start.
	Period    model.TermPeriod
	HasPeriod bool
	// Ends is the last day the agreement runs after notice was given on
	// NoticeGiven; both zero while no termination is recorded.
	Ends, NoticeGiven model.Date
	// CancelBy is the next day notice can be given, ActBy the working day
	// to act on, and Cancels the period that notice would end. Zero after
	// a termination, and when the term gives none.
	CancelBy, ActBy model.Date
	Cancels         model.TermPeriod
	// Sample names the invented sample values the end or the cancel-by
	// rests on (the start, the term), empty when none.
	Sample []string
}

// OutlookOn computes the outlook of a on day, given the day notice of
// termination was given (zero when none is recorded). The end after notice
// is the one the deadline engine counts from (AnchorEnd), so the list, the
// detail and the calendar agree.
func OutlookOn(a *model.Agreement, terminated, day model.Date) Outlook {
	var rec Record
	if !terminated.IsZero() {
		rec.Events = []Event{{Name: EventTermination, Date: terminated}}
	}
	l := lifeOf(a, rec)
	var o Outlook
	o.Period, o.HasPeriod = a.Term.CurrentPeriod(l.start, day)
	sample := samplesOf(a)
	if !l.terminated.IsZero() && !l.end.IsZero() {
		o.Ends, o.NoticeGiven = l.end, l.terminated
		o.Sample = sample.ofPeriod(false, l.last > 0)
		return o
	}
	if a.Ended() {
		return o
	}
	if p, d, ok := a.Term.NextCancelBy(l.start, day); ok {
		o.CancelBy, o.ActBy, o.Cancels = d, workdays.ActBy(d), p
		o.Sample = sample.ofPeriod(false, p.Index > 0)
	}
	return o
}

// Explain returns the cancel-by arithmetic of o, an outlook of a, in lang
// ("36 months from start 2024-04-01 ends 2027-03-31; 6 months before =
// 2026-09-30"), "" when it has no cancel-by. Apart from OutlookOn: a list
// of the register shows none.
func (o Outlook) Explain(a *model.Agreement, lang model.Lang) string {
	if o.CancelBy.IsZero() {
		return ""
	}
	return ExplainCancelBy(a.Term, o.Cancels, lang)
}

// ListDates are the dates the register's list sorts by on a day: End, the
// day it ends after notice or else the end of the period the day is in,
// and CancelBy, the next cancel-by date (each zero when there is none).
// Until is the last day both hold unchanged, zero when they hold for as
// long as the agreement and its termination do: a store keeps them and
// computes them again only after Until.
type ListDates struct {
	End, CancelBy, Until model.Date
}

// ListDatesOn computes a's list dates on day, given the day notice of
// termination was given (zero when none is recorded).
func ListDatesOn(a *model.Agreement, terminated, day model.Date) ListDates {
	o := OutlookOn(a, terminated, day)
	if !o.Ends.IsZero() {
		return ListDates{End: o.Ends}
	}
	var d ListDates
	if o.HasPeriod {
		d.End = o.Period.End
		if a.Term.Renews() {
			d.Until = o.Period.End // the next day is in the next period
		}
	}
	// A cancel-by holds until it passes (the next one is a later period's).
	d.CancelBy = o.CancelBy
	if !d.CancelBy.IsZero() && (d.Until.IsZero() || d.CancelBy.Before(d.Until)) {
		d.Until = d.CancelBy
	}
	return d
}

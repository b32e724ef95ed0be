package deadlines

import "avtal/model"

// Missed returns the cancel-by dates of an agreement that passed before
// today with no decision recorded: not marked done and not met by a notice
// of termination. Each one is a window in which the agreement renewed
// because nobody acted. They are explained in lang.
func Missed(a *model.Agreement, rec Record, today model.Date, lang model.Lang) []model.Deadline {
	start := startDate(a)
	if start.IsZero() || !start.Before(today) {
		return nil
	}
	var missed []model.Deadline
	for _, d := range Compute(a, rec, start, today.AddDays(-1), lang) {
		if IsMissed(a, d, today) {
			missed = append(missed, d)
		}
	}
	return missed
}

// IsMissed reports whether d, one of a's deadlines (computed, or kept by a
// store), is among those Missed returns on today: a cancel-by date on or
// after the agreement's start and before today, not marked done.
func IsMissed(a *model.Agreement, d model.Deadline, today model.Date) bool {
	start := startDate(a)
	return d.Kind == model.DLTermination && !d.Done && !start.IsZero() && !d.Date.Before(start) && d.Date.Before(today)
}

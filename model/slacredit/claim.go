package slacredit

import (
	"time"

	"avtal/model"
	"avtal/model/workdays"
)

// Claim is when a credit for one downtime must be claimed, or the right lapses.
type Claim struct {
	// Day is the local date the downtime ended on, the day the claim window counts from.
	Day model.Date `json:"downtime_day"`
	// By is the nominal last day to claim.
	By model.Date `json:"claim_by"`
	// ActBy is By, or the working day before it when By is a weekend or Swedish holiday.
	ActBy model.Date `json:"act_by"`
}

// ClaimDeadline returns when a credit for inc must be claimed under terms,
// and false when the terms set no claim window.
//
// The window counts from the day the downtime ended (Pureservice: "within
// 4 weeks after the downtime"; 2026-12-02 → 2026-12-30). With
// ClaimByMonthEnd it counts from the last day of that month instead, and a
// window in months lands on a month's end: no window means the end of the
// following month, 2 months means the end of the second month after (the
// Azure and AWS wording), 30 days means 30 days after the month ends (Google).
func ClaimDeadline(terms model.SLATerms, inc model.Incident, loc *time.Location) (Claim, bool) {
	window := terms.ClaimWindow
	if window.IsZero() && !terms.ClaimByMonthEnd {
		return Claim{}, false
	}
	// The last instant down, so that a downtime ending at midnight belongs
	// to the day before, not to a day with no downtime in it.
	day := model.DateOf(inc.End.Add(-time.Nanosecond).In(loc))
	anchor := day
	if terms.ClaimByMonthEnd {
		anchor = MonthOf(day).Last()
		if window.IsZero() {
			window = model.Period{N: 1, Unit: model.Months}
		}
	}
	var by model.Date
	switch {
	case window.Unit == model.WorkDays:
		by = workdays.AddWorkingDays(anchor, window.N)
	case terms.ClaimByMonthEnd && (window.Unit == model.Months || window.Unit == model.Years):
		months := window.N
		if window.Unit == model.Years {
			months *= 12
		}
		by = MonthOf(anchor).Add(months).Last()
	default:
		by = window.AddTo(anchor, 1)
	}
	return Claim{Day: day, By: by, ActBy: workdays.ActBy(by)}, true
}

package deadlines

import (
	"avtal/model"
	"avtal/model/workdays"
)

// byThemselves are the kinds of deadline that happen whether or not anyone
// acts: a renewal, an indexation, the end of an obligation. Their date
// passing is news, not a failure.
var byThemselves = map[model.DeadlineKind]bool{
	model.DLRenewal:         true,
	model.DLIndexation:      true,
	model.DLNonSolicitEnd:   true,
	model.DLConfidentialEnd: true,
	model.DLMarketingEnd:    true,
}

// bySupplier are the kinds of deadline that are the supplier's to meet:
// its last day to announce a price increase, changed terms or a new
// sub-processor, or to report a breach.
var bySupplier = map[model.DeadlineKind]bool{
	model.DLPriceNotice:       true,
	model.DLTermsChangeNotice: true,
	model.DLAdvanceNotice:     true,
	model.DLBreachNotice:      true,
}

// NeedsAction reports whether the customer has to act by a deadline of
// kind: give notice, claim, object, pay, test. Only such a deadline is
// overdue when its act-by day passes and it is not marked done, and only
// its act-by day moves to an earlier working day.
func NeedsAction(kind model.DeadlineKind) bool { return !byThemselves[kind] && !bySupplier[kind] }

// SuppliersDuty reports whether a deadline of kind is the supplier's to
// meet; it keeps its own date and reads "supplier must … by".
func SuppliersDuty(kind model.DeadlineKind) bool { return bySupplier[kind] }

// dayToAct is the day to act on a deadline of kind falling on date: the
// previous working day when the customer must act and date is not one
// (act early), else date itself. Moving the supplier's deadline earlier,
// or a renewal's, would be the wrong direction.
func dayToAct(kind model.DeadlineKind, date model.Date) model.Date {
	if !NeedsAction(kind) {
		return date
	}
	return workdays.ActBy(date)
}

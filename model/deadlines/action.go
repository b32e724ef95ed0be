package deadlines

import "avtal/model"

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

// NeedsAction reports whether someone has to act by a deadline of kind: give
// notice, claim, object, pay, test. Only such a deadline is overdue when
// its act-by day passes and it is not marked done.
func NeedsAction(kind model.DeadlineKind) bool { return !byThemselves[kind] }

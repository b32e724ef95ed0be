package deadlines

import "avtal/model"

// titles are the short default titles of deadlines whose rule names none.
// They are English, as files and JSON carry them; the UI shows its own
// words for the kind instead (see DefaultTitle).
var titles = map[model.DeadlineKind]string{
	model.DLTermination:       "Termination notice",
	model.DLRenewal:           "Renewal",
	model.DLPriceNotice:       "Price increase notice",
	model.DLIndexation:        "Indexation",
	model.DLPayment:           "Payment",
	model.DLCreditClaim:       "SLA credit claim",
	model.DLObjection:         "Sub-processor objection",
	model.DLAcceptanceEnd:     "Acceptance test ends",
	model.DLWarrantyEnd:       "Warranty ends",
	model.DLNonSolicitEnd:     "Non-solicitation ends",
	model.DLConfidentialEnd:   "Confidentiality ends",
	model.DLClaims:            "Claims deadline",
	model.DLMarketingEnd:      "Marketing rights end",
	model.DLDataReturn:        "Data return or deletion",
	model.DLTermsChange:       "Termination after changed terms",
	model.DLTermsChangeNotice: "Notice of changed terms",
	model.DLAdvanceNotice:     "Sub-processor change announced",
	model.DLBreachNotice:      "Breach notification due",
	model.DLCurePeriod:        "Cure period ends",
	model.DLCustom:            "Deadline",
}

// Title returns the title of a rule's deadlines: the rule's own, else the
// default for its kind.
func Title(r *model.Rule) string {
	if r.Title != "" {
		return r.Title
	}
	return DefaultTitle(r.Kind)
}

// DefaultTitle returns the title deadlines of kind get when their rule
// names none, so the UI can tell such a title from one the register wrote
// and show the kind in the session's language instead.
func DefaultTitle(kind model.DeadlineKind) string {
	if t, ok := titles[kind]; ok {
		return t
	}
	return string(kind)
}

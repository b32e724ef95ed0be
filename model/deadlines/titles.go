package deadlines

import "avtal/model"

// titles are the short default titles of deadlines whose rule names none.
// They are English; the UI translates by kind.
var titles = map[model.DeadlineKind]string{
	model.DLTermination:     "Termination notice",
	model.DLRenewal:         "Renewal",
	model.DLPriceNotice:     "Price increase notice",
	model.DLIndexation:      "Indexation",
	model.DLPayment:         "Payment",
	model.DLCreditClaim:     "SLA credit claim",
	model.DLObjection:       "Sub-processor objection",
	model.DLAcceptanceEnd:   "Acceptance test ends",
	model.DLWarrantyEnd:     "Warranty ends",
	model.DLNonSolicitEnd:   "Non-solicitation ends",
	model.DLConfidentialEnd: "Confidentiality ends",
	model.DLClaims:          "Claims deadline",
	model.DLMarketingEnd:    "Marketing rights end",
	model.DLDataReturn:      "Data return or deletion",
	model.DLTermsChange:     "Termination after changed terms",
	model.DLCustom:          "Deadline",
}

// Title returns the title of a rule's deadlines: the rule's own, else the
// default for its kind.
func Title(r *model.Rule) string {
	if r.Title != "" {
		return r.Title
	}
	if t, ok := titles[r.Kind]; ok {
		return t
	}
	return string(r.Kind)
}

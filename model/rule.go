package model

import (
	"fmt"
	"strings"
)

// DeadlineKind is what a deadline is about.
type DeadlineKind string

// The kinds of deadline Avtal computes.
const (
	DLTermination     DeadlineKind = "termination_notice"
	DLRenewal         DeadlineKind = "renewal"
	DLPriceNotice     DeadlineKind = "price_increase_notice"
	DLIndexation      DeadlineKind = "indexation"
	DLPayment         DeadlineKind = "payment"
	DLCreditClaim     DeadlineKind = "sla_credit_claim"
	DLObjection       DeadlineKind = "subprocessor_objection"
	DLAcceptanceEnd   DeadlineKind = "acceptance_test_end"
	DLWarrantyEnd     DeadlineKind = "warranty_end"
	DLNonSolicitEnd   DeadlineKind = "non_solicitation_end"
	DLConfidentialEnd DeadlineKind = "confidentiality_end"
	DLClaims          DeadlineKind = "claims_deadline"
	DLMarketingEnd    DeadlineKind = "marketing_rights_end"
	DLDataReturn      DeadlineKind = "data_return"
	DLTermsChange     DeadlineKind = "terms_change_termination"
	DLCustom          DeadlineKind = "custom"
)

// DeadlineKinds lists every kind of deadline.
var DeadlineKinds = []DeadlineKind{DLTermination, DLRenewal, DLPriceNotice, DLIndexation, DLPayment,
	DLCreditClaim, DLObjection, DLAcceptanceEnd, DLWarrantyEnd, DLNonSolicitEnd, DLConfidentialEnd,
	DLClaims, DLMarketingEnd, DLDataReturn, DLTermsChange, DLCustom}

// Anchor is what a deadline rule counts from.
type Anchor string

// The anchors of deadline rules. Event anchors are written "event:NAME".
const (
	AnchorAgreementDate Anchor = "agreement_date"
	AnchorStart         Anchor = "start_date"
	AnchorPeriodEnd     Anchor = "period_end"
	AnchorCancelBy      Anchor = "cancel_by"
	AnchorYearly        Anchor = "yearly" // a recurring date, Rule.On = "01-01"
)

// EventAnchor returns the anchor for an event the user records
// (notice_received, downtime, delivery, termination, terms_changed…).
func EventAnchor(event string) Anchor { return Anchor("event:" + event) }

// Event returns the event name of an event anchor, or "".
func (a Anchor) Event() string {
	e, _ := strings.CutPrefix(string(a), "event:")
	if e == string(a) {
		return ""
	}
	return e
}

// Rule is a deadline rule: a kind, what it counts from, how far and in which
// direction, and the clause it comes from.
type Rule struct {
	Kind   DeadlineKind `json:"kind" yaml:"kind"`
	Anchor Anchor       `json:"anchor" yaml:"anchor"`
	// Offset is how far from the anchor; Before counts backwards.
	Offset Period `json:"offset,omitzero" yaml:"offset,omitempty"`
	Before bool   `json:"before,omitempty" yaml:"before,omitempty"`
	// On is the month and day of a yearly anchor, "01-01".
	On     string `json:"on,omitempty" yaml:"on,omitempty"`
	Clause string `json:"clause,omitempty" yaml:"clause,omitempty"`
	Title  string `json:"title,omitempty" yaml:"title,omitempty"`
	Note   string `json:"note,omitempty" yaml:"note,omitempty"`
}

// Validate checks that the rule names a known kind and anchor.
func (r *Rule) Validate() error {
	if !oneOf(r.Kind, DeadlineKinds) {
		return &FieldError{"kind", fmt.Sprintf("%q is not a deadline kind (%s)", r.Kind, join(DeadlineKinds))}
	}
	switch r.Anchor {
	case AnchorAgreementDate, AnchorStart, AnchorPeriodEnd, AnchorCancelBy:
	case AnchorYearly:
		var m, d int
		if n, _ := fmt.Sscanf(r.On, "%d-%d", &m, &d); n != 2 || m < 1 || m > 12 || d < 1 || d > 31 {
			return &FieldError{"on", fmt.Sprintf("%q is not a month and day (want MM-DD)", r.On)}
		}
	default:
		if r.Anchor.Event() == "" {
			return &FieldError{"anchor", fmt.Sprintf("%q is not agreement_date, start_date, period_end, cancel_by, yearly or event:NAME", r.Anchor)}
		}
	}
	if r.Offset.N < 0 {
		return &FieldError{"offset", "must not be negative; set before: true to count backwards"}
	}
	return nil
}

// Deadline is one computed occurrence of a rule.
type Deadline struct {
	Kind        DeadlineKind `json:"kind"`
	Date        Date         `json:"date"`   // the nominal date
	ActBy       Date         `json:"act_by"` // the business day to act on, never later than Date
	AgreementID string       `json:"agreement_id"`
	Clause      string       `json:"clause,omitempty"`
	Title       string       `json:"title"`
	Explanation string       `json:"explanation"`
	Done        bool         `json:"done"`
}

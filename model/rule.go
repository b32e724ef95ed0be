package model

import (
	"strings"
	"time"
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
	// DLTermsChangeNotice: how long before changed terms take effect the
	// supplier must announce them.
	DLTermsChangeNotice DeadlineKind = "terms_change_notice"
	// DLAdvanceNotice: how long before a sub-processor change the supplier
	// must announce it (fills SubPolicy.AdvanceNotice when accepted).
	DLAdvanceNotice DeadlineKind = "subprocessor_advance_notice"
	// DLBreachNotice: how soon the supplier must report a personal data
	// breach, counted from when it learns of it (a duty of the supplier's).
	DLBreachNotice DeadlineKind = "breach_notification"
	// DLCurePeriod: how long a party in breach has to remedy it after
	// notice, before the other may terminate.
	DLCurePeriod DeadlineKind = "cure_period"
	DLCustom     DeadlineKind = "custom"
)

// DeadlineKinds lists every kind of deadline.
var DeadlineKinds = []DeadlineKind{DLTermination, DLRenewal, DLPriceNotice, DLIndexation, DLPayment,
	DLCreditClaim, DLObjection, DLAcceptanceEnd, DLWarrantyEnd, DLNonSolicitEnd, DLConfidentialEnd,
	DLClaims, DLMarketingEnd, DLDataReturn, DLTermsChange, DLTermsChangeNotice, DLAdvanceNotice,
	DLBreachNotice, DLCurePeriod, DLCustom}

// Anchor is what a deadline rule counts from.
type Anchor string

// The anchors of deadline rules. Event anchors are written "event:NAME".
const (
	AnchorAgreementDate Anchor = "agreement_date"
	AnchorStart         Anchor = "start_date"
	AnchorPeriodEnd     Anchor = "period_end"
	AnchorCancelBy      Anchor = "cancel_by"
	AnchorYearly        Anchor = "yearly" // a recurring date, Rule.On = "01-01"
	// AnchorDate is one fixed day, Rule.On = "2026-12-15": a deadline the
	// user adds by hand rather than one that follows from the agreement.
	AnchorDate Anchor = "date"
	// AnchorEnd is the last day the agreement runs, for periods after the
	// end ("6 months after the agreement ended"): a fixed term's end or,
	// once notice of termination is recorded, the end of the period whose
	// cancel-by date the notice met (the next period's when it came too
	// late); for an agreement until further notice, the day notice was
	// given plus the notice period. Not the day notice was given: with
	// notice on 2026-09-20 an agreement may run until 2027-03-31.
	AnchorEnd Anchor = "agreement_end"
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
	// On is the month and day of a yearly anchor, "01-01", or the full
	// date of a date anchor, "2026-12-15".
	On     string `json:"on,omitempty" yaml:"on,omitempty"`
	Clause string `json:"clause,omitempty" yaml:"clause,omitempty"`
	Title  string `json:"title,omitempty" yaml:"title,omitempty"`
	Note   string `json:"note,omitempty" yaml:"note,omitempty"`

	// LateFrom is for yearly anchors, "MM-DD": a yearly series starts with
	// the first On date after the agreement date, one year later when the
	// agreement date falls on or after LateFrom in its year (Centuri 7.5:
	// agreements made in Q3 or Q4 are first indexed a year later, "07-01").
	LateFrom string `json:"late_from,omitempty" yaml:"late_from,omitempty"`
}

// Validate checks that the rule names a known kind and anchor.
func (r *Rule) Validate() error {
	if !oneOf(r.Kind, DeadlineKinds) {
		return fieldError("kind", "deadline_kind", r.Kind, join(DeadlineKinds))
	}
	switch r.Anchor {
	case AnchorAgreementDate, AnchorStart, AnchorPeriodEnd, AnchorCancelBy, AnchorEnd:
	case AnchorYearly:
		if _, _, ok := ParseMonthDay(r.On); !ok {
			return fieldError("on", "month_day", r.On)
		}
		if _, _, ok := ParseMonthDay(r.LateFrom); r.LateFrom != "" && !ok {
			return fieldError("late_from", "month_day", r.LateFrom)
		}
	case AnchorDate:
		if _, err := ParseDate(r.On); err != nil {
			return RefusedOn("on", err)
		}
	default:
		if r.Anchor.Event() == "" {
			return fieldError("anchor", "anchor", r.Anchor)
		}
	}
	if r.LateFrom != "" && r.Anchor != AnchorYearly {
		return fieldError("late_from", "late_from_yearly")
	}
	if r.Offset.N < 0 {
		return fieldError("offset", "offset_negative")
	}
	return nil
}

// ParseMonthDay reads the month and day of a yearly rule, "01-01" or "1-1".
// It is cheap because deadline computation reads it for every agreement.
func ParseMonthDay(s string) (month time.Month, day int, ok bool) {
	m, rest, found := strings.Cut(s, "-")
	mm, ok1 := smallNumber(m)
	dd, ok2 := smallNumber(rest)
	if !found || !ok1 || !ok2 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return 0, 0, false
	}
	return time.Month(mm), dd, true
}

// smallNumber reads one or two decimal digits.
func smallNumber(s string) (int, bool) {
	if len(s) < 1 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = 10*n + int(s[i]-'0')
	}
	return n, true
}

// Deadline is one computed occurrence of a rule.
type Deadline struct {
	Kind        DeadlineKind `json:"kind"`
	Date        Date         `json:"date"`   // the nominal date
	ActBy       Date         `json:"act_by"` // the business day to act on, never later than Date
	AgreementID string       `json:"agreement_id"`
	Clause      string       `json:"clause,omitempty"`
	Title       string       `json:"title"`
	// Subject is what the deadline concerns when one rule gives several on
	// one day: the sub-processor a change notice names. Each is its own
	// deadline.
	Subject string `json:"subject,omitempty"`
	// ActByReason says why ActBy is earlier than Date: the holiday's
	// (Swedish) name or the weekday; empty when it is not.
	ActByReason string `json:"act_by_reason,omitempty"`
	// SupplierDuty marks the supplier's deadlines (its last day to announce
	// a price increase): they keep their date and read "supplier must … by".
	SupplierDuty bool `json:"supplier_duty,omitempty"`
	// Sample names the invented sample values the date rests on ("start",
	// "term.notice", "rules"); empty when it rests on none.
	Sample      []string `json:"sample,omitempty"`
	Explanation string   `json:"explanation"`
	Done        bool     `json:"done"`
	// Coded says Title, ActByReason and Explanation are in the deadline
	// engine's coded form, one text for every language, as a store keeps
	// them: deadlines.Word words them in a language, so only the deadlines
	// shown are worded.
	Coded bool `json:"-"`
}

// Key identifies a deadline across computations, so a "done" mark and a
// calendar entry stay attached to it: agreement, kind, nominal date and
// clause, then the subject when there is one (two notices received on one
// day are two deadlines). The clause comes before the subject, so the keys
// of deadlines without a subject are what they always were.
func (d Deadline) Key() string {
	k := d.AgreementID + "/" + string(d.Kind) + "/" + d.Date.String() + "/" + d.Clause
	if d.Subject != "" {
		k += "/" + d.Subject
	}
	return k
}

// FollowsPolicy reports whether the rule counts a sub-processor policy
// period from a change notice: an objection window or an advance notice.
// Such periods live in the agreement's SubPolicy, the one source the
// notice check and the calendar both count from, so the rule itself gives
// no deadline.
func (r *Rule) FollowsPolicy() bool {
	return (r.Kind == DLObjection || r.Kind == DLAdvanceNotice) && r.Anchor.Event() == "notice_received"
}

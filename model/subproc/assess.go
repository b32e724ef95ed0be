package subproc

import (
	"fmt"

	"avtal/model"
	"avtal/model/workdays"
)

// ObjectionBasis says where an objection deadline comes from.
type ObjectionBasis string

// The bases of an objection deadline.
const (
	// BasisWindow: the policy's objection window, counted from receipt.
	BasisWindow ObjectionBasis = "window"
	// BasisUntilEffective: no window is stated, so the customer may object
	// until the change takes effect (see the package documentation).
	BasisUntilEffective ObjectionBasis = "until_effective"
	// BasisNone: no window, and no day the change takes effect is known
	// (neither stated in the notice nor implied by advance notice).
	BasisNone ObjectionBasis = "none"
)

// Sufficiency is whether a notice came early enough.
type Sufficiency string

// The answers to "did the supplier give enough notice?".
const (
	NoticeSufficient   Sufficiency = "sufficient"
	NoticeInsufficient Sufficiency = "insufficient"
	// NoticeUnknown: the policy requires notice but the notice gives no
	// effective date to check it against.
	NoticeUnknown Sufficiency = "unknown"
	// NoticeNotRequired: the policy sets no advance notice.
	NoticeNotRequired Sufficiency = "not_required"
)

// Remedy is what happens when the customer objects, as far as the policy
// says.
type Remedy struct {
	// CustomerMayTerminate is set when the policy gives the customer a
	// termination right with TerminationNotice (SuperOffice: 3 months).
	CustomerMayTerminate bool         `json:"customer_may_terminate"`
	TerminationNotice    model.Period `json:"termination_notice,omitzero"`
	// EndsAt is when the agreement would end if the customer gave notice of
	// termination on the objection deadline.
	EndsAt model.Date `json:"ends_at,omitzero"`
	// SupplierMayTerminate is set when the supplier may end the agreement
	// instead (Centuri).
	SupplierMayTerminate bool `json:"supplier_may_terminate"`
	// Text is the agreement's own description, as recorded in the policy.
	Text string `json:"text,omitempty"`
}

// Assessment is what Avtal computes for one notice under one policy.
type Assessment struct {
	Subject     string         `json:"subject"` // the sub-processor's name
	Received    model.Date     `json:"received"`
	ObjectionBy model.Date     `json:"objection_by,omitzero"` // nominal last day to object
	ActBy       model.Date     `json:"act_by,omitzero"`       // ObjectionBy or the working day before it
	Basis       ObjectionBasis `json:"objection_basis"`
	// SilenceAccepts: saying nothing by ObjectionBy counts as accepting.
	SilenceAccepts bool `json:"silence_accepts"`
	// Required is the advance notice the policy requires; EarliestEffective
	// is Received plus Required.
	Required          model.Period `json:"required_notice,omitzero"`
	EarliestEffective model.Date   `json:"earliest_effective,omitzero"`
	Effective         model.Date   `json:"effective,omitzero"`
	// Given is the notice actually given, Received to Effective, in the unit
	// of Required when it comes out whole (2 weeks), else in days.
	Given            model.Period `json:"given_notice,omitzero"`
	SufficientNotice Sufficiency  `json:"sufficient_notice"`
	Remedy           Remedy       `json:"remedy"`
	Clause           string       `json:"clause,omitempty"`
	// Window is the policy's objection window, counted from Received; zero
	// when the policy states none.
	Window model.Period `json:"objection_window,omitzero"`
}

// Evaluate computes the deadlines and checks of a notice under an
// agreement's sub-processor policy; a nil policy is one that states nothing.
func Evaluate(policy *model.SubPolicy, n Notice) Assessment {
	if policy == nil {
		policy = &model.SubPolicy{}
	}
	a := Assessment{Subject: n.Sub.Name, Received: n.Received, Effective: n.Effective, Basis: BasisNone, SufficientNotice: NoticeNotRequired}
	a.Clause = policy.Clause
	a.Window = policy.ObjectionWindow
	a.SilenceAccepts = policy.SilenceAccepts
	a.Required = policy.AdvanceNotice
	if !a.Required.IsZero() {
		a.EarliestEffective = addPeriod(n.Received, a.Required)
		a.SufficientNotice = NoticeUnknown
		if !n.Effective.IsZero() {
			a.Given = given(a.Required, n.Received, n.Effective)
			a.SufficientNotice = NoticeSufficient
			if n.Effective.Before(a.EarliestEffective) {
				a.SufficientNotice = NoticeInsufficient
			}
		}
	}
	switch {
	case !policy.ObjectionWindow.IsZero():
		a.Basis = BasisWindow
		a.ObjectionBy = addPeriod(n.Received, policy.ObjectionWindow)
	case !n.Effective.IsZero() || !a.EarliestEffective.IsZero():
		a.Basis = BasisUntilEffective
		a.ObjectionBy = a.takesEffect().AddDays(-1)
	}
	if !a.ObjectionBy.IsZero() {
		a.ActBy = workdays.ActBy(a.ObjectionBy)
	}
	a.Remedy = Remedy{
		CustomerMayTerminate: !policy.TerminationNotice.IsZero(),
		TerminationNotice:    policy.TerminationNotice,
		SupplierMayTerminate: policy.SupplierMayTerminate,
		Text:                 policy.OnObjection,
	}
	if a.Remedy.CustomerMayTerminate && !a.ObjectionBy.IsZero() {
		a.Remedy.EndsAt = addPeriod(a.ObjectionBy, policy.TerminationNotice)
	}
	return a
}

// takesEffect is the day the change takes effect: the stated date, or the
// earliest the policy allows when none is stated.
func (a *Assessment) takesEffect() model.Date {
	if !a.Effective.IsZero() {
		return a.Effective
	}
	return a.EarliestEffective
}

// Deadline returns the objection deadline as a calendar entry explained in
// lang, and false when the policy gives no objection deadline. A decided
// notice is done.
func (a Assessment) Deadline(agreementID string, decided bool, lang model.Lang) (model.Deadline, bool) {
	if a.ObjectionBy.IsZero() {
		return model.Deadline{}, false
	}
	return model.Deadline{
		Kind:        model.DLObjection,
		Date:        a.ObjectionBy,
		ActBy:       a.ActBy,
		AgreementID: agreementID,
		Clause:      a.Clause,
		Title:       fmt.Sprintf(sentencesIn[lang].title, a.Subject),
		Subject:     a.Subject,
		Explanation: a.Explain(lang),
		Done:        decided,
	}, true
}

// addPeriod adds a policy period to d; business days need the Swedish
// calendar, which model.Period does not know.
func addPeriod(d model.Date, p model.Period) model.Date {
	if p.Unit == model.WorkDays {
		return workdays.AddWorkingDays(d, p.N)
	}
	return p.AddTo(d, 1)
}

// given expresses the time from received to effective in the unit of the
// requirement when it comes out whole, so the explanation can say "2 weeks
// given, 4 weeks required"; otherwise in days.
func given(required model.Period, received, effective model.Date) model.Period {
	days := received.DaysUntil(effective)
	switch required.Unit {
	case model.Weeks:
		if days%7 == 0 {
			return model.Period{N: days / 7, Unit: model.Weeks}
		}
	case model.Months, model.Years:
		months := (effective.Year()-received.Year())*12 + int(effective.Month()) - int(received.Month())
		if received.AddMonths(months).Equal(effective) {
			return model.Period{N: months, Unit: model.Months}
		}
	case model.WorkDays:
		n := 0
		for d := received; d.Before(effective); {
			d = d.AddDays(1)
			if workdays.IsWorkingDay(d) {
				n++
			}
		}
		return model.Period{N: n, Unit: model.WorkDays}
	}
	return model.Period{N: days, Unit: model.Days}
}

// Status is where a notice stands on a given day.
type Status string

// The statuses of a notice.
const (
	StatusOpen           Status = "open"            // undecided, deadline not passed (or none)
	StatusAccepted       Status = "accepted"        // the customer accepted
	StatusObjected       Status = "objected"        // the customer objected in time
	StatusObjectedLate   Status = "objected_late"   // the objection came after the deadline
	StatusDeemedAccepted Status = "deemed_accepted" // deadline passed in silence, silence accepts
	StatusLapsed         Status = "lapsed"          // deadline passed in silence, the policy says no more
)

// StatusOn returns where the notice stands on today, given its assessment.
func StatusOn(n Notice, a Assessment, today model.Date) Status {
	deadlinePassed := !a.ObjectionBy.IsZero() && today.After(a.ObjectionBy)
	switch {
	case n.Decision != nil && n.Decision.Verdict == Accept:
		return StatusAccepted
	case n.Decision != nil && !a.ObjectionBy.IsZero() && n.Decision.Date.After(a.ObjectionBy):
		return StatusObjectedLate
	case n.Decision != nil:
		return StatusObjected
	case deadlinePassed && a.SilenceAccepts:
		return StatusDeemedAccepted
	case deadlinePassed:
		return StatusLapsed
	}
	return StatusOpen
}

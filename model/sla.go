package model

import (
	"fmt"
	"time"
)

// WindowKind is how an SLA's measurement window is defined.
type WindowKind string

// The measurement windows.
const (
	// Window24x7 measures every minute of the calendar month.
	Window24x7 WindowKind = "24x7"
	// WindowServiceHours measures only service hours (e.g. weekdays 08–17, holidays excluded).
	WindowServiceHours WindowKind = "service_hours"
)

// Window is the time an SLA's availability is measured over.
type Window struct {
	Kind WindowKind `json:"kind" yaml:"kind"`
	// Weekdays lists the days service hours apply, Monday = 1 … Sunday = 7.
	Weekdays []int `json:"weekdays,omitempty" yaml:"weekdays,omitempty"`
	// From and To are local clock times, "08:00" and "17:00".
	From string `json:"from,omitempty" yaml:"from,omitempty"`
	To   string `json:"to,omitempty" yaml:"to,omitempty"`
	// Holidays names the public-holiday calendar excluded from service
	// hours ("SE": the public holidays of lag 1989:253), or "".
	Holidays string `json:"holidays,omitempty" yaml:"holidays,omitempty"`
	// Eves also excludes midsommarafton, julafton and nyårsafton, which are
	// not public holidays, when the agreement says so; otherwise they are
	// service days (excluding them would favour the supplier).
	Eves bool `json:"eves,omitempty" yaml:"eves,omitempty"`
	// TZ is the IANA time zone the window is in; Europe/Stockholm by default.
	TZ string `json:"tz,omitempty" yaml:"tz,omitempty"`
}

// CreditTier gives CreditPct of the credit base when uptime is below Below.
type CreditTier struct {
	Below     float64 `json:"below" yaml:"below"`
	CreditPct float64 `json:"credit_pct" yaml:"credit_pct"`
}

// SLATerms is what an agreement promises about availability and what the
// customer gets when the promise is broken.
type SLATerms struct {
	Window    Window       `json:"window" yaml:"window"`
	TargetPct float64      `json:"target_pct" yaml:"target_pct"`
	Tiers     []CreditTier `json:"tiers,omitempty" yaml:"tiers,omitempty"`
	// CapPct caps the credit in one month as a percentage of the monthly fee.
	CapPct float64 `json:"cap_pct,omitempty" yaml:"cap_pct,omitempty"`
	// ClaimWindow is how long after a downtime a credit can be claimed.
	ClaimWindow Period `json:"claim_window,omitzero" yaml:"claim_window,omitempty"`
	// ClaimByMonthEnd: the claim window counts from the end of the downtime's
	// month, not its day; with no ClaimWindow the claim is due by the end of
	// the following month, and a window in months ends on a month's last day.
	ClaimByMonthEnd bool `json:"claim_by_month_end,omitempty" yaml:"claim_by_month_end,omitempty"`
	// Discretionary SLAs have no fixed credit; the supplier decides a reasonable reduction.
	Discretionary bool     `json:"discretionary,omitempty" yaml:"discretionary,omitempty"`
	Exclusions    []string `json:"exclusions,omitempty" yaml:"exclusions,omitempty"`
	Clause        string   `json:"clause,omitempty" yaml:"clause,omitempty"`
	ClaimClause   string   `json:"claim_clause,omitempty" yaml:"claim_clause,omitempty"`
	Source        string   `json:"source,omitempty" yaml:"source,omitempty"`
}

// Validate checks the SLA terms' numbers and window.
func (s *SLATerms) Validate() error {
	if s.TargetPct < 0 || s.TargetPct > 100 {
		return fieldError("target_pct", "pct_range", s.TargetPct)
	}
	if s.CapPct < 0 {
		return fieldError("cap_pct", "negative")
	}
	for i, t := range s.Tiers {
		if t.Below <= 0 || t.Below > 100 {
			return fieldError(fmt.Sprintf("tiers[%d].below", i), "pct_range", t.Below)
		}
		if t.CreditPct < 0 || t.CreditPct > 100 {
			return fieldError(fmt.Sprintf("tiers[%d].credit_pct", i), "pct_range", t.CreditPct)
		}
	}
	if err := CheckTiers(s.Tiers); err != nil {
		return err
	}
	switch s.Window.Kind {
	case Window24x7:
	case WindowServiceHours:
		if _, err := ParseClock(s.Window.From); err != nil {
			return RefusedOn("window.from", err)
		}
		if _, err := ParseClock(s.Window.To); err != nil {
			return RefusedOn("window.to", err)
		}
		for i, d := range s.Window.Weekdays {
			if d < 1 || d > 7 {
				return fieldError(fmt.Sprintf("window.weekdays[%d]", i), "weekday", d)
			}
		}
	default:
		return fieldError("window.kind", "window_kind", s.Window.Kind)
	}
	if s.Window.TZ != "" {
		if _, err := time.LoadLocation(s.Window.TZ); err != nil {
			return fieldError("window.tz", "tz_unknown", s.Window.TZ)
		}
	}
	return nil
}

// CheckTiers checks that a lower uptime never earns a smaller credit, and
// that no uptime has two credits: such a table is a typing mistake, and
// which tier applied would depend on the order it was written in.
func CheckTiers(tiers []CreditTier) error {
	for i, a := range tiers {
		for _, b := range tiers[:i] {
			field := fmt.Sprintf("tiers[%d]", i)
			if a.Below == b.Below && a.CreditPct != b.CreditPct {
				return fieldError(field+".below", "tier_twice", a.Below, b.CreditPct, a.CreditPct)
			}
			lower, higher := a, b // lower uptime, higher uptime
			if a.Below > b.Below {
				lower, higher = b, a
			}
			if lower.CreditPct < higher.CreditPct {
				return fieldError(field+".credit_pct", "tier_order", lower.Below, lower.CreditPct, higher.CreditPct, higher.Below)

			}
		}
	}
	return nil
}

// ParseClock reads "08:00" and returns minutes after midnight (24:00 allowed).
func ParseClock(s string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || n != 2 || len(s) != 5 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, Refuse("clock", "%q is not a time of day (want HH:MM)", s)
	}
	return h*60 + m, nil
}

// Incident is a period when a service was down (or planned to be).
type Incident struct {
	ID            int64     `json:"id,omitempty" yaml:"id,omitempty"`
	AgreementID   string    `json:"agreement_id" yaml:"agreement_id,omitempty"`
	Start         time.Time `json:"start" yaml:"start"`
	End           time.Time `json:"end" yaml:"end"`
	Planned       bool      `json:"planned,omitempty" yaml:"planned,omitempty"`
	Excluded      bool      `json:"excluded,omitempty" yaml:"excluded,omitempty"`
	ExcludeReason string    `json:"exclude_reason,omitempty" yaml:"exclude_reason,omitempty"`
	Description   string    `json:"description,omitempty" yaml:"description,omitempty"`
	Reported      Date      `json:"reported,omitzero" yaml:"reported,omitempty"`
	ClaimSent     Date      `json:"claim_sent,omitzero" yaml:"claim_sent,omitempty"`
}

// IncidentError is why an incident cannot be recorded: the field to blame
// and a message key the faces word in their language ("start_missing",
// "end_order", "reason", "year", "agreement_missing"), with its arguments.
// It unwraps to a *FieldError in English, so callers that only name the
// field need not know it.
type IncidentError struct {
	Field string
	Key   string
	Args  []any
}

var incidentMessages = map[string]string{
	"agreement_missing": "must be set",
	"start_missing":     "must be set",
	"end_order":         "%s is not after the start %s",
	"reason":            "say why the incident is excluded",
	"year":              "year %d is outside 1–9999",
}

func (e *IncidentError) Error() string { return e.Unwrap().Error() }

// Unwrap is the refusal as a FieldError with the English message.
func (e *IncidentError) Unwrap() error {
	return &FieldError{Field: e.Field, Msg: fmt.Sprintf(incidentMessages[e.Key], e.Args...)}
}

// incidentTime is how a refusal shows an incident's times.
const incidentTime = "2006-01-02 15:04"

// Validate checks that the incident starts, ends after it starts within
// the years a date can be written with, and says why it is excluded when it
// is. The error is an *IncidentError.
func (i *Incident) Validate() error {
	if i.Start.IsZero() {
		return &IncidentError{Field: "start", Key: "start_missing"}
	}
	if !i.End.After(i.Start) {
		return &IncidentError{Field: "end", Key: "end_order", Args: []any{i.End.Format(incidentTime), i.Start.Format(incidentTime)}}
	}
	for _, f := range []struct {
		name string
		t    time.Time
	}{{"start", i.Start}, {"end", i.End}} {
		if y := f.t.Year(); y < 1 || y > 9999 {
			return &IncidentError{Field: f.name, Key: "year", Args: []any{y}}
		}
	}
	if i.Excluded && i.ExcludeReason == "" {
		return &IncidentError{Field: "exclude_reason", Key: "reason"}
	}
	return nil
}

// CheckRecord checks an incident to record: it belongs to an agreement
// and is valid. The store runs it inside the write's transaction, and the
// pane before it asks, so both refuse the same incidents with the same
// *IncidentError.
func (i *Incident) CheckRecord() error {
	if i.AgreementID == "" {
		return &IncidentError{Field: "agreement_id", Key: "agreement_missing"}
	}
	return i.Validate()
}

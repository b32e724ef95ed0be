package subproc

import (
	"fmt"
	"strings"

	"avtal/model"
)

// ChangeKind is what a change notice announces.
type ChangeKind string

// The changes a supplier can announce. A replace notice names the
// sub-processor it replaces; an existing sub-processor that moves country or
// changes purpose is announced as a replace of itself.
const (
	ChangeAdd     ChangeKind = "add"
	ChangeReplace ChangeKind = "replace"
	ChangeRemove  ChangeKind = "remove"
)

// ChangeKinds lists every kind of change.
var ChangeKinds = []ChangeKind{ChangeAdd, ChangeReplace, ChangeRemove}

// Verdict is the customer's answer to a notice.
type Verdict string

// The answers to a notice.
const (
	Accept Verdict = "accept"
	Object Verdict = "object"
)

// Decision records how and when the customer answered a notice.
type Decision struct {
	Verdict Verdict    `json:"verdict" yaml:"verdict"`
	Date    model.Date `json:"date" yaml:"date"`
	Comment string     `json:"comment,omitempty" yaml:"comment,omitempty"`
}

// Notice is a supplier's notice of a change to its sub-processors, as the
// customer received it.
type Notice struct {
	Received model.Date         `json:"received" yaml:"received"`
	Change   ChangeKind         `json:"change" yaml:"change"`
	Sub      model.SubProcessor `json:"subprocessor" yaml:"subprocessor"`
	// Replaces is the name of the sub-processor a replace notice replaces.
	Replaces string `json:"replaces,omitempty" yaml:"replaces,omitempty"`
	// Effective is when the supplier says the change takes effect; zero when
	// the notice does not say.
	Effective model.Date `json:"effective,omitzero" yaml:"effective,omitempty"`
	Decision  *Decision  `json:"decision,omitempty" yaml:"decision,omitempty"`
}

// Validate checks a notice and names the first field that is wrong.
func (n *Notice) Validate() error {
	switch {
	case n.Received.IsZero():
		return noticeError("received", "received_missing")
	case !oneOf(n.Change, ChangeKinds):
		return noticeError("change", "change_kind", n.Change)
	case strings.TrimSpace(n.Sub.Name) == "":
		return noticeError("subprocessor.name", "name_empty")
	case n.Change == ChangeReplace && strings.TrimSpace(n.Replaces) == "":
		return noticeError("replaces", "replaces_missing")
	case n.Change != ChangeReplace && n.Replaces != "":
		return noticeError("replaces", "replaces_only")
	}
	if n.Sub.Country != "" {
		if _, err := Lookup(n.Sub.Country); err != nil {
			return model.RefusedOn("subprocessor.country", err)
		}
	}
	if err := model.CheckRegion(n.Sub.Region); err != nil {
		return model.RefusedOn("subprocessor.region", err)
	}
	if d := n.Decision; d != nil {
		switch {
		case d.Verdict != Accept && d.Verdict != Object:
			return noticeError("decision.verdict", "verdict", d.Verdict)
		case d.Date.IsZero():
			return noticeError("decision.date", "decision_date")
		}
		return CheckDecidedOn(n.Received, d.Date)
	}
	return nil
}

// CheckDecidedOn refuses a decision on a notice dated before the notice
// was received.
func CheckDecidedOn(received, on model.Date) error {
	if on.Before(received) {
		return noticeError("decision.date", "decided_before", on, received)
	}
	return nil
}

// noticeMessages are the English words of a notice's keyed refusals
// (model.FieldError with a Key, which the faces word in their language).
var noticeMessages = map[string]string{
	"replaces_only":    "only a replace names what it replaces",
	"received_missing": "must be set (the date the notice reached you)",
	"change_kind":      "%q is not add, replace or remove",
	"name_empty":       "must not be empty",
	"replaces_missing": "a replace notice must name the sub-processor it replaces",
	"verdict":          "%q is not accept or object",
	"decision_date":    "must be set",
	"decided_before":   "%s is before the notice was received (%s)",
}

// noticeError is the keyed refusal of a notice's field.
func noticeError(field, key string, args ...any) *model.FieldError {
	return &model.FieldError{Field: field, Msg: fmt.Sprintf(noticeMessages[key], args...), Key: key, Args: args}
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// RegisterError is why a notice does not fit the register it changes: the
// notice's field to blame and a message key the faces word in their
// language ("in_use", "country_needed", "not_in_register",
// "effective_before"), with its arguments.
type RegisterError struct {
	Field string
	Key   string
	Args  []any
}

var registerMessages = map[string]string{
	"in_use":           "already in use; to change its details record a replace of it",
	"country_needed":   "say where it processes data, a country (e.g. SE or US) or a region (e.g. EEA); the transfer check needs it",
	"not_in_register":  "%q is not in use in the register",
	"effective_before": "the change takes effect %s, before the notice was received (%s)",
}

func (e *RegisterError) Error() string {
	return e.Field + ": " + fmt.Sprintf(registerMessages[e.Key], e.Args...)
}

// FitRegister checks a notice against the sub-processors in use (subs,
// removed ones left out) and completes it, so every face records the same
// notices: an add names a sub-processor not in use yet, with its country
// or region (the transfer check needs one); a replace names one in use, as the
// register spells it, and without a new name replaces it by itself; a
// remove takes the entry from the register. The change cannot take effect
// before the notice arrived. The result is also checked with Validate.
func FitRegister(n Notice, subs []model.SubProcessor) (Notice, error) {
	inUse := func(name string) (model.SubProcessor, bool) {
		for _, s := range subs {
			if s.Status != model.SubRemoved && strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
				return s, true
			}
		}
		return model.SubProcessor{}, false
	}
	switch n.Change {
	case ChangeAdd:
		if _, ok := inUse(n.Sub.Name); ok {
			return n, &RegisterError{Field: "subprocessor.name", Key: "in_use"}
		}
		if strings.TrimSpace(n.Sub.Country) == "" && strings.TrimSpace(n.Sub.Region) == "" {
			return n, &RegisterError{Field: "subprocessor.country", Key: "country_needed"}
		}
	case ChangeReplace:
		old, ok := inUse(n.Replaces)
		if !ok {
			return n, &RegisterError{Field: "replaces", Key: "not_in_register", Args: []any{n.Replaces}}
		}
		n.Replaces = old.Name
		if strings.TrimSpace(n.Sub.Name) == "" {
			n.Sub.Name = old.Name
		}
	case ChangeRemove:
		old, ok := inUse(n.Sub.Name)
		if !ok {
			return n, &RegisterError{Field: "subprocessor.name", Key: "not_in_register", Args: []any{n.Sub.Name}}
		}
		n.Sub = old
	}
	if !n.Effective.IsZero() && n.Effective.Before(n.Received) {
		return n, &RegisterError{Field: "effective", Key: "effective_before", Args: []any{n.Effective, n.Received}}
	}
	return n, n.Validate()
}

package model

import (
	"errors"
	"strconv"
	"strings"
)

// Fields are the fields of an agreement that can be set one at a time
// (`avtal set ID FIELD=VALUE`, the edit form, an accepted proposal), named
// as the YAML format nests them.
var Fields = []string{
	"title", "supplier.name", "supplier.org_number", "kind", "status",
	"signed", "effective", "start",
	"term.initial", "term.renewal", "term.notice", "term.indefinite", "term.clause",
	"fee.amount", "fee.currency", "fee.per", "owner", "governing_law", "venue",
	"subprocessor_policy.advance_notice", "subprocessor_policy.objection_window", "subprocessor_policy.clause",
}

// Change is one field set to a new value, both written as `avtal set`
// reads them; an audit or an undo works from it.
type Change struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Field returns the value of a field of Fields as text, the way SetField
// reads it back: a date "2024-01-01", a period "36 months", "true".
func (a *Agreement) Field(name string) (string, error) {
	p := a.SubPolicy
	if p == nil {
		p = &SubPolicy{}
	}
	switch name {
	case "title":
		return a.Title, nil
	case "supplier.name":
		return a.Supplier.Name, nil
	case "supplier.org_number":
		return a.Supplier.OrgNumber, nil
	case "kind":
		return string(a.Kind), nil
	case "status":
		return string(a.Status), nil
	case "signed", "effective", "start":
		return a.dateField(name).String(), nil
	case "term.initial", "term.renewal", "term.notice":
		return a.termPeriod(name).String(), nil
	case "term.indefinite":
		return strconv.FormatBool(a.Term.Indefinite), nil
	case "term.clause":
		return a.Term.Clause, nil
	case "fee.amount":
		if a.Fee.Amount == 0 {
			return "", nil
		}
		return a.Fee.Amount.String(), nil
	case "fee.currency":
		return a.Fee.Currency, nil
	case "fee.per":
		return string(a.Fee.Per), nil
	case "owner":
		return a.Owner, nil
	case "governing_law":
		return a.Law, nil
	case "venue":
		return a.Venue, nil
	case "subprocessor_policy.advance_notice":
		return p.AdvanceNotice.String(), nil
	case "subprocessor_policy.objection_window":
		return p.ObjectionWindow.String(), nil
	case "subprocessor_policy.clause":
		return p.Clause, nil
	}
	return "", unknownField(name)
}

func unknownField(name string) error {
	return fieldError(name, "unknown_field", strings.Join(Fields, ", "))
}

// SetField sets one field of Fields from text; an empty value clears it.
// A value the field cannot hold is refused with a FieldError naming it;
// rules between fields are Validate's (Assign runs both).
func (a *Agreement) SetField(name, value string) error {
	value = strings.TrimSpace(value)
	switch name {
	case "title":
		a.Title = value
	case "supplier.name":
		a.Supplier.Name = value
	case "supplier.org_number":
		a.Supplier.OrgNumber = value
	case "kind":
		a.Kind = Kind(value)
	case "status":
		a.Status = Status(value)
	case "signed", "effective", "start":
		d, err := parseOptionalDate(value)
		if err != nil {
			return fieldError(name, "date", value)
		}
		*a.dateField(name) = d
	case "term.initial", "term.renewal", "term.notice":
		p, err := ParsePeriod(value)
		if err != nil {
			return fieldError(name, "period", value)
		}
		*a.termPeriod(name) = p
	case "term.indefinite":
		b, err := parseYesNo(value)
		if err != nil {
			return RefusedOn(name, err)
		}
		a.Term.Indefinite = b
	case "term.clause":
		a.Term.Clause = value
	case "fee.amount":
		var amount Amount
		if value != "" {
			v, err := ParseAmount(value)
			if err != nil {
				return fieldError(name, "amount", value)
			}
			amount = v
		}
		a.Fee.Amount = amount
	case "fee.currency":
		a.Fee.Currency = strings.ToUpper(value)
	case "fee.per":
		per, ok := unitWords[strings.ToLower(value)]
		switch {
		case value == "":
			per = ""
		case !ok || (per != Months && per != Years):
			return fieldError(name, "months_or_years", value)
		}
		a.Fee.Per = per
	case "owner":
		a.Owner = value
	case "governing_law":
		a.Law = value
	case "venue":
		a.Venue = value
	case "subprocessor_policy.advance_notice", "subprocessor_policy.objection_window", "subprocessor_policy.clause":
		return a.setPolicyField(name, value)
	default:
		return unknownField(name)
	}
	return nil
}

// dateField is the date field signed, effective or start.
func (a *Agreement) dateField(name string) *Date {
	switch name {
	case "signed":
		return &a.Signed
	case "effective":
		return &a.Effective
	}
	return &a.Start
}

// termPeriod is the period term.initial, term.renewal or term.notice.
func (a *Agreement) termPeriod(name string) *Period {
	switch name {
	case "term.initial":
		return &a.Term.Initial
	case "term.renewal":
		return &a.Term.Renewal
	}
	return &a.Term.Notice
}

// setPolicyField sets a field of the sub-processor policy, creating the
// policy for the first one and dropping it when nothing is left in it. The
// objection window and advance notice are the one source the notice check
// and the calendar count objection deadlines from (no rule repeats them).
func (a *Agreement) setPolicyField(name, value string) error {
	p := SubPolicy{}
	if a.SubPolicy != nil {
		p = *a.SubPolicy
	}
	switch name {
	case "subprocessor_policy.clause":
		p.Clause = value
	default:
		period, err := ParsePeriod(value)
		if err != nil {
			return fieldError(name, "period", value)
		}
		switch {
		case period.N == 0 && period.Unit != "":
			return fieldError(name, "zero_policy")
		case period.months() > maxTermMonths:
			return fieldError(name, "too_long", period)
		}
		if name == "subprocessor_policy.advance_notice" {
			p.AdvanceNotice = period
		} else {
			p.ObjectionWindow = period
		}
	}
	a.SubPolicy = &p
	if p == (SubPolicy{}) {
		a.SubPolicy = nil
	}
	return nil
}

func parseOptionalDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	return ParseDate(s)
}

func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "false", "no", "nej":
		return false, nil
	case "true", "yes", "ja":
		return true, nil
	}
	return false, Refuse("yes_no", fieldMessages["yes_no"], s)
}

// Assign applies assignments "FIELD=VALUE" in order and then checks the
// whole agreement, so a value one field can hold but the agreement cannot
// (an indefinite term with an initial period) is refused too. It returns
// what changed; on an error, naming the field, a may be half changed and
// should be dropped.
func (a *Agreement) Assign(assignments []string) ([]Change, error) {
	var changes []Change
	for _, s := range assignments {
		name, value, ok := strings.Cut(s, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, fieldError(s, "assignment")
		}
		before, err := a.Field(name)
		if err != nil {
			return nil, err
		}
		if err := a.SetField(name, value); err != nil {
			return nil, err
		}
		after, _ := a.Field(name)
		changes = append(changes, Change{Field: name, Before: before, After: after})
	}
	return changes, a.Validate()
}

// CheckField checks a value for one field on its own, as a form checks a
// field before the whole agreement: what SetField or Validate refuses for
// that field whatever the other fields hold.
func CheckField(name, value string) error {
	a := Agreement{ID: "check", Title: "check", Kind: KindGeneralTerms, Status: StatusDraft, Supplier: Party{Name: "check"}}
	if err := a.SetField(name, value); err != nil {
		return err
	}
	var fe *FieldError
	if err := a.Validate(); errors.As(err, &fe) && fe.Field == name {
		return err
	}
	return nil
}

package model

import (
	"errors"
	"fmt"
)

// FieldError names the field of an agreement that is wrong and says why in
// English (Msg). A refusal the faces show a person also has Key, the
// message's catalogue key, and its Args, so the CLI and the forms word it
// in the session's language (ui/i18n words "field.err."+Key); Msg is then
// fieldMessages[Key] with the same arguments.
type FieldError struct {
	Field string
	Msg   string
	Key   string
	Args  []any
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// fieldMessages are the English words of the keyed refusals.
var fieldMessages = map[string]string{
	"required":           "must be filled in",
	"negative":           "must not be negative",
	"one_of":             "%q is not one of %s",
	"id":                 "%q must be lower-case letters, digits and dashes (at most 64)",
	"id_fixed":           "cannot change (%s); export and import under the new id instead",
	"date":               "%q is not a date that exists, written YYYY-MM-DD",
	"period":             "%q is not a period (e.g. 6 months, 4 weeks, 14 days)",
	"amount":             "%q is not an amount (e.g. 10000 or 10 000,50)",
	"yes_no":             "%q is not true or false",
	"months_or_years":    "%q is not months or years",
	"term_unit":          "a term is counted in days, weeks, months or years",
	"zero_period":        "%q must be longer than zero (leave it out when there is none)",
	"zero_policy":        "must be longer than zero; leave it empty when the agreement states none",
	"too_long":           "%q is longer than a hundred years",
	"indefinite_initial": "an indefinite agreement has no initial period",
	"assignment":         "is not FIELD=VALUE (e.g. term.notice=3 months)",
	"unknown_field":      "is not a field that can be set (one of %s)",
	"country_code":       "%q is not an ISO 3166 two-letter code such as SE",
	"sub_exists":         "already in the register; edit that entry instead",
	"risk":               "%q is not a risk level: use ok, watch or risk",
	"note_long":          "a note may hold at most %d characters",
	"deadline_kind":      "%q is not a deadline kind (%s)",
	"month_day":          "%q is not a month and day (want MM-DD)",
	"anchor":             "%q is not agreement_date, start_date, period_end, cancel_by, agreement_end, yearly, date or event:NAME",
	"late_from_yearly":   "only a yearly rule can start a year later",
	"offset_negative":    "must not be negative; set before: true to count backwards",
	"pct_range":          "%g is not a percentage between 0 and 100",
	"weekday":            "%d is not a weekday (1 = Monday … 7 = Sunday)",
	"window_kind":        "%q is not 24x7 or service_hours",
	"tz_unknown":         "%q is not a known time zone",
	"tier_twice":         "below %g%% is given twice, with %g%% and %g%%",
	"tier_order":         "below %g%% gives %g%%, less than the %g%% below %g%%: a lower uptime must not earn a smaller credit",
	"name_empty":         "must not be empty",
	"clause_unnamed":     "needs a number or a heading",
	"clause_twice":       "%q appears twice",
	"relation_self":      "an agreement cannot relate to itself",
}

// fieldError is the keyed refusal of field, worded by fieldMessages[key].
func fieldError(field, key string, args ...any) *FieldError {
	return &FieldError{Field: field, Msg: fmt.Sprintf(fieldMessages[key], args...), Key: key, Args: args}
}

// Refusal is a keyed refusal of a value that is not yet a field of
// anything (a region or a country as a person writes it, an SLA term): Msg
// in English, and Key and Args for the catalogue, which words it under
// "field.err."+Key like a FieldError's.
type Refusal struct {
	Msg  string
	Key  string
	Args []any
}

func (e *Refusal) Error() string { return e.Msg }

// Refuse is the refusal key, in English format's words.
func Refuse(key, format string, args ...any) *Refusal {
	return &Refusal{Msg: fmt.Sprintf(format, args...), Key: key, Args: args}
}

// On is the refusal as the refusal of field, keeping its key.
func (e *Refusal) On(field string) *FieldError {
	return &FieldError{Field: field, Msg: e.Msg, Key: e.Key, Args: e.Args}
}

// RefusedOn is err as a refusal of field: keyed when err is a Refusal.
func RefusedOn(field string, err error) *FieldError {
	var r *Refusal
	if errors.As(err, &r) {
		return r.On(field)
	}
	return &FieldError{Field: field, Msg: err.Error()}
}

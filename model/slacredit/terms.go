package slacredit

import (
	"fmt"
	"strings"

	"avtal/model"
)

// Overrides are terms given over an agreement's or a preset's for one credit
// computation, as typed: "" (nil for Discretionary) leaves a term as it is.
type Overrides struct {
	// Preset names the preset to start from when no agreement states terms.
	Preset string
	// Window is read by ParseWindow; without tz= it keeps the zone it replaces.
	Window string
	TZ     string
	// Tiers is read by ParseTiers.
	Tiers string
	// TargetPct and CapPct are percentages from 0 to 100, "99.5" or "99.5%".
	TargetPct, CapPct string
	// ClaimWindow is a period, "4 weeks".
	ClaimWindow   string
	Discretionary *bool
}

// OverrideError refuses one override. Field names it: "preset", "window",
// "tz", "tiers", "target_pct", "cap_pct", "claim_window", "fee", or "sla"
// when the agreement states no terms to start from. Either Key is a message
// the faces word in their language ("no_terms", "unknown_preset", "bad_tz",
// "bad_pct", "negative_fee"), with Args, or Err is the parser's own refusal.
type OverrideError struct {
	Field string
	Key   string
	Args  []any
	Err   error
}

var overrideMessages = map[string]string{
	"no_terms":       "agreement %q states no SLA terms; give tiers or a target",
	"unknown_preset": "%q is not a preset (want one of %s)",
	"bad_tz":         "%q is not a known time zone (want e.g. " + DefaultTZ + ")",
	"bad_pct":        "%q is not a percentage from 0 to 100",
	"negative_fee":   "a fee must not be negative",
}

func (e *OverrideError) Error() string {
	if e.Err != nil {
		return e.Field + ": " + e.Err.Error()
	}
	return e.Field + ": " + fmt.Sprintf(overrideMessages[e.Key], e.Args...)
}

func (e *OverrideError) Unwrap() error { return e.Err }

// CreditTerms are the terms a credit is computed on: the agreement's (a may
// be nil) when it states them, else the preset's, else a plain 24x7 window,
// with the overrides laid over them. An agreement that states no terms needs
// tiers or a target among the overrides. Each override is checked and
// refused with an *OverrideError; the merged terms are checked with Validate.
// The agreement is not changed.
func CreditTerms(a *model.Agreement, o Overrides) (model.SLATerms, error) {
	var terms model.SLATerms
	switch {
	case a != nil && a.SLA != nil:
		terms = *a.SLA
		terms.Tiers = append([]model.CreditTier(nil), a.SLA.Tiers...)
	case a != nil && o.Tiers == "" && o.TargetPct == "":
		return terms, &OverrideError{Field: "sla", Key: "no_terms", Args: []any{a.ID}}
	case o.Preset != "":
		p, ok := PresetByName(o.Preset)
		if !ok {
			var names []string
			for _, p := range Presets() {
				names = append(names, p.Name)
			}
			return terms, &OverrideError{Field: "preset", Key: "unknown_preset", Args: []any{o.Preset, strings.Join(names, ", ")}}
		}
		terms = p.Terms
	}
	if terms.Window.Kind == "" {
		terms.Window.Kind = model.Window24x7
	}
	if err := o.apply(&terms); err != nil {
		return terms, err
	}
	return terms, terms.Validate()
}

// apply lays the overrides over terms, one checked override at a time.
func (o Overrides) apply(terms *model.SLATerms) error {
	if o.Window != "" {
		w, err := ParseWindow(o.Window)
		if err != nil {
			return &OverrideError{Field: "window", Err: err}
		}
		if w.TZ == "" {
			w.TZ = terms.Window.TZ
		}
		terms.Window = w
	}
	if o.TZ != "" {
		if _, err := Location(model.Window{TZ: o.TZ}); err != nil {
			return &OverrideError{Field: "tz", Key: "bad_tz", Args: []any{o.TZ}}
		}
		terms.Window.TZ = o.TZ
	}
	if o.Tiers != "" {
		tiers, err := ParseTiers(o.Tiers)
		if err != nil {
			return &OverrideError{Field: "tiers", Err: err}
		}
		terms.Tiers = tiers
	}
	for _, p := range []struct {
		field, value string
		into         *float64
	}{{"cap_pct", o.CapPct, &terms.CapPct}, {"target_pct", o.TargetPct, &terms.TargetPct}} {
		if p.value == "" {
			continue
		}
		v, ok := parsePct(p.value)
		if !ok || v < 0 || v > 100 {
			return &OverrideError{Field: p.field, Key: "bad_pct", Args: []any{p.value}}
		}
		*p.into = v
	}
	if o.ClaimWindow != "" {
		w, err := model.ParsePeriod(o.ClaimWindow)
		if err != nil {
			return &OverrideError{Field: "claim_window", Err: err}
		}
		terms.ClaimWindow = w
	}
	if o.Discretionary != nil {
		terms.Discretionary = *o.Discretionary
	}
	return nil
}

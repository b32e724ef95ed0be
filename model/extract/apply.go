package extract

import (
	"fmt"
	"slices"

	"avtal/model"
)

// Applied is what accepting a proposal changed in its agreement, kept with
// the decision so that it can be undone.
type Applied struct {
	// Fields are the fields set, as `avtal set` names and writes them.
	Fields []model.Change `json:"fields,omitempty"`
	// TiersBefore are the credit tiers that accepted SLA tiers replaced;
	// NewSLA says the SLA terms were created for them.
	TiersBefore []model.CreditTier `json:"tiers_before,omitempty"`
	NewSLA      bool               `json:"new_sla,omitempty"`
	// SubListed says the sub-processor accepted was listed already, just
	// so, and nothing was added: two rows of one table name it for two of
	// its services.
	SubListed bool `json:"sub_listed,omitempty"`
}

// Apply makes an accepted proposal part of the agreement a and returns what
// it changed. A rule is added to the rules, except an objection window or
// an advance notice, which fills the sub-processor policy instead (the one
// source the notice check and the calendar count from); SLA tiers replace the credit
// tiers; a sub-processor is added to the list unless it is listed just so
// already; a term, supplier or field
// proposal sets the fields it states and leaves the others. An amendment
// changes nothing here (the store confirms it). The result is checked with
// Validate; on an error a may be half changed and should be dropped.
func (p *Proposal) Apply(a *model.Agreement) (Applied, error) {
	var out Applied
	set := func(field, value string) error {
		before, err := a.Field(field)
		if err != nil {
			return err
		}
		if err := a.SetField(field, value); err != nil {
			return err
		}
		after, _ := a.Field(field)
		if after != before {
			out.Fields = append(out.Fields, model.Change{Field: field, Before: before, After: after})
		}
		return nil
	}
	var err error
	switch {
	case p.Kind == ProposeRule && p.Rule != nil:
		if err := p.Rule.Validate(); err != nil {
			return out, err
		}
		if !p.Rule.FollowsPolicy() {
			a.Rules = append(a.Rules, *p.Rule)
		}
		err = p.fillPolicy(a, set)
	case p.Kind == ProposeSLATiers && len(p.Tiers) > 0:
		if a.SLA == nil {
			a.SLA, out.NewSLA = p.newSLA(), true
		}
		out.TiersBefore = a.SLA.Tiers
		a.SLA.Tiers = slices.Clone(p.Tiers)
	case p.Kind == ProposeSubProcessor && p.Sub != nil:
		if out.SubListed = slices.Contains(a.Subs, *p.Sub); !out.SubListed {
			a.Subs = append(a.Subs, *p.Sub)
		}
	case p.Kind == ProposeTerm && p.Term != nil:
		err = applyTerm(*p.Term, set)
	case p.Kind == ProposeSupplier && p.Supplier != nil:
		err = setAll(set, "supplier.name", p.Supplier.Name, "supplier.org_number", p.Supplier.OrgNumber)
	case p.Kind == ProposeField && p.Field != nil:
		err = set(p.Field.Name, p.Field.Value)
	case p.Kind == ProposeAmendment:
	default:
		return out, fmt.Errorf("a %s proposal that holds nothing to apply", p.Kind)
	}
	if err != nil {
		return out, err
	}
	return out, a.Validate()
}

// fillPolicy writes the period of an objection window or advance notice
// rule into the sub-processor policy, with the clause when the policy
// names none.
func (p *Proposal) fillPolicy(a *model.Agreement, set func(field, value string) error) error {
	field := map[model.DeadlineKind]string{
		model.DLObjection:     "subprocessor_policy.objection_window",
		model.DLAdvanceNotice: "subprocessor_policy.advance_notice",
	}[p.Rule.Kind]
	if field == "" {
		return nil
	}
	if p.Rule.Offset.IsZero() {
		return model.Refuse("rule_no_period", "the rule states no period").On(field)
	}
	if err := set(field, p.Rule.Offset.String()); err != nil {
		return err
	}
	if a.SubPolicy.Clause == "" {
		return set("subprocessor_policy.clause", p.Rule.Clause)
	}
	return nil
}

func (p *Proposal) newSLA() *model.SLATerms {
	return &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, Clause: p.Clause}
}

// applyTerm sets what a proposed term states: "until further notice" drops
// an initial period, and an initial period ends "until further notice".
func applyTerm(t model.Term, set func(field, value string) error) error {
	if t.Indefinite {
		if err := set("term.initial", ""); err != nil {
			return err
		}
		if err := set("term.indefinite", "true"); err != nil {
			return err
		}
	} else if !t.Initial.IsZero() {
		if err := setAll(set, "term.indefinite", "false", "term.initial", t.Initial.String()); err != nil {
			return err
		}
	}
	return setAll(set, "term.renewal", t.Renewal.String(), "term.notice", t.Notice.String(), "term.clause", t.Clause)
}

// setAll sets field, value pairs, skipping empty values: a proposal sets
// what it states and leaves what it does not.
func setAll(set func(field, value string) error, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			continue
		}
		if err := set(pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// Undo takes back from a what Apply of this proposal changed, as applied
// says. It refuses, naming the field, when the agreement has changed there
// since: undoing must not overwrite a later edit.
func (p *Proposal) Undo(a *model.Agreement, applied Applied) error {
	for _, c := range applied.Fields {
		if now, err := a.Field(c.Field); err != nil || now != c.After {
			return model.Refuse("undo_field_changed", "changed to %q since the proposal was accepted; set it by hand instead", now).On(c.Field)
		}
	}
	switch {
	case p.Kind == ProposeRule && p.Rule != nil && !p.Rule.FollowsPolicy():
		i := slices.Index(a.Rules, *p.Rule)
		if i < 0 {
			return model.Refuse("undo_rule_changed", "the accepted rule was changed or removed since").On("rules")
		}
		a.Rules = slices.Delete(a.Rules, i, i+1)
		if len(a.Rules) == 0 {
			a.Rules = nil
		}
	case p.Kind == ProposeSLATiers && len(p.Tiers) > 0:
		if a.SLA == nil || !slices.Equal(a.SLA.Tiers, p.Tiers) {
			return model.Refuse("undo_tiers_changed", "the credit tiers were changed since the proposal was accepted").On("sla.tiers")
		}
		a.SLA.Tiers = applied.TiersBefore
		if created := p.newSLA(); applied.NewSLA && a.SLA.Clause == created.Clause && a.SLA.Window.Kind == created.Window.Kind && a.SLA.TargetPct == 0 {
			a.SLA = nil
		}
	case p.Kind == ProposeSubProcessor && p.Sub != nil && !applied.SubListed:
		i := slices.IndexFunc(a.Subs, func(s model.SubProcessor) bool { return s == *p.Sub })
		if i < 0 {
			return model.Refuse("undo_sub_changed", "%s was changed or removed since the proposal was accepted", p.Sub.Name).On("subprocessors")
		}
		a.Subs = slices.Delete(a.Subs, i, i+1)
		if len(a.Subs) == 0 {
			a.Subs = nil
		}
	}
	for _, c := range slices.Backward(applied.Fields) {
		if err := a.SetField(c.Field, c.Before); err != nil {
			return err
		}
	}
	return a.Validate()
}

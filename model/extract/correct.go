package extract

import (
	"slices"
	"strconv"
	"strings"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/model/subproc"
)

// Corrections names the values of a proposal a person may correct before
// accepting it, in the order a form shows them: a rule's length; a
// sub-processor's name, organisation number, country, region and purpose;
// the SLA's credit tiers; the agreement's own fields as `avtal set` names
// them (the term's periods, the supplier, the one field a field proposal
// sets). An amendment has none: it is confirmed or not.
func (p *Proposal) Corrections() []string {
	switch {
	case p.Kind == ProposeRule && p.Rule != nil:
		return []string{"offset"}
	case p.Kind == ProposeSubProcessor && p.Sub != nil:
		return []string{"name", "org_number", "country", "region", "purpose"}
	case p.Kind == ProposeSLATiers:
		return []string{"tiers"}
	case p.Kind == ProposeTerm && p.Term != nil:
		return []string{"term.initial", "term.renewal", "term.notice", "term.indefinite"}
	case p.Kind == ProposeSupplier && p.Supplier != nil:
		return []string{"supplier.name", "supplier.org_number"}
	case p.Kind == ProposeField && p.Field != nil:
		return []string{p.Field.Name}
	}
	return nil
}

// Value is the proposal's value of the correction name as Correct reads
// it back: a length in the words of l ("60 dagar"), tiers as
// "99.5:25, 99:50", "true" for a term until further notice, else the text.
func (p *Proposal) Value(l model.Lang, name string) string {
	switch p.Kind {
	case ProposeRule:
		return p.Rule.Offset.In(l)
	case ProposeSubProcessor:
		return map[string]string{"name": p.Sub.Name, "org_number": p.Sub.OrgNumber, "country": p.Sub.Country,
			"region": p.Sub.Region, "purpose": p.Sub.Purpose}[name]
	case ProposeSLATiers:
		parts := make([]string, len(p.Tiers))
		for i, t := range p.Tiers {
			parts[i] = strconv.FormatFloat(t.Below, 'f', -1, 64) + ":" + strconv.FormatFloat(t.CreditPct, 'f', -1, 64)
		}
		return strings.Join(parts, ", ")
	}
	own := p.ownFields()
	v, _ := own.Field(name)
	if pd, err := model.ParsePeriod(v); err == nil && strings.HasPrefix(name, "term.") && name != "term.indefinite" {
		return pd.In(l)
	}
	if name == "term.indefinite" && v == "false" {
		return ""
	}
	return v
}

// ownFields is an agreement holding what a term, supplier or field
// proposal states, and placeholders the model accepts for the fields it
// must have, so that the model's own setters read and check it.
func (p *Proposal) ownFields() *model.Agreement {
	a := model.Agreement{ID: "check", Title: "check", Kind: model.KindGeneralTerms, Status: model.StatusDraft, Supplier: model.Party{Name: "check"}}
	switch {
	case p.Kind == ProposeTerm && p.Term != nil:
		a.Term = *p.Term
	case p.Kind == ProposeSupplier && p.Supplier != nil:
		a.Supplier = *p.Supplier
	case p.Kind == ProposeField && p.Field != nil:
		_ = a.SetField(p.Field.Name, p.Field.Value) // a stored proposal's value was read by the same setter
	}
	return &a
}

// Correct returns the proposal with the values given by name (one of
// Corrections) in place of what the importer found; its clause, evidence
// and reason stay. A value the model would refuse is refused with a
// model.FieldError naming it, and so is a name the proposal has not.
func (p Proposal) Correct(values map[string]string) (Proposal, error) {
	names := p.Corrections()
	for name := range values {
		if !slices.Contains(names, name) {
			return p, model.Refuse("unknown_field", "is not a field that can be set (one of %s)", strings.Join(names, ", ")).On(name)
		}
	}
	set := func(name string, to *string) {
		if v, ok := values[name]; ok {
			*to = strings.TrimSpace(v)
		}
	}
	switch p.Kind {
	case ProposeRule:
		r := *p.Rule
		if v, ok := values["offset"]; ok {
			d, err := model.ParsePeriod(v)
			if err != nil {
				return p, model.RefusedOn("offset", err)
			}
			if d.IsZero() {
				return p, model.Refuse("required", "must be filled in").On("offset")
			}
			r.Offset = d
		}
		p.Rule = &r
	case ProposeSubProcessor:
		sp := *p.Sub
		set("name", &sp.Name)
		set("org_number", &sp.OrgNumber)
		set("country", &sp.Country)
		set("region", &sp.Region)
		set("purpose", &sp.Purpose)
		if sp.Country != "" { // a code in any case, or a name ("Irland")
			c, err := subproc.ParseCountry(sp.Country)
			if err != nil {
				return p, model.RefusedOn("country", err)
			}
			sp.Country = c.Code
		}
		region, err := model.ParseRegion(sp.Region)
		if err != nil {
			return p, model.RefusedOn("region", err)
		}
		sp.Region = region
		if err := sp.Validate(); err != nil {
			return p, err
		}
		p.Sub = &sp
	case ProposeSLATiers:
		if v, ok := values["tiers"]; ok {
			tiers, err := slacredit.ParseTiers(v)
			if err != nil {
				return p, model.RefusedOn("tiers", err)
			}
			p.Tiers = tiers
		}
	default:
		a := p.ownFields()
		for _, name := range names {
			v, ok := values[name]
			if !ok {
				continue
			}
			if err := model.CheckField(name, v); err != nil {
				return p, err
			}
			if err := a.SetField(name, v); err != nil {
				return p, err
			}
		}
		if err := a.Validate(); err != nil { // the values together: no initial period until further notice
			return p, err
		}
		switch p.Kind {
		case ProposeTerm:
			t := a.Term
			t.Clause = p.Term.Clause
			p.Term = &t
		case ProposeSupplier:
			p.Supplier = &model.Party{Name: a.Supplier.Name, OrgNumber: a.Supplier.OrgNumber}
		case ProposeField:
			v, _ := a.Field(p.Field.Name)
			p.Field = &Field{Name: p.Field.Name, Value: v}
		}
	}
	return p, nil
}

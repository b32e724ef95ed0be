package subproc

import (
	"slices"

	"avtal/model"
)

// Apply returns the register (an agreement's sub-processors) as it stands
// once notice n is taken into account, so the register shows what is
// proposed, objected to or gone and the store can record the history:
//
//   - recorded, not decided: an add or replace brings its sub-processor in
//     as proposed (a removed entry of the same name comes back proposed);
//     an entry already in use is left alone, and so is everything for a
//     remove notice and for a replace of a sub-processor by itself;
//   - accepted: the sub-processor is approved from the day the change takes
//     effect (the notice's, else the decision's date), with the notice's
//     details; a replace removes the one it replaces, a remove removes the
//     one it names;
//   - objected: a proposed sub-processor becomes objected; entries in use
//     stay as they are, since the objection keeps them unchanged.
//
// Entries are matched by name ignoring case and legal form. subs is not
// changed; new entries are appended, so positions of existing ones hold.
func Apply(subs []model.SubProcessor, n Notice) []model.SubProcessor {
	out := slices.Clone(subs)
	find := func(name string) int {
		return slices.IndexFunc(out, func(s model.SubProcessor) bool { return nameKey(s.Name) == nameKey(name) })
	}
	self := n.Change == ChangeReplace && nameKey(n.Replaces) == nameKey(n.Sub.Name)
	i := find(n.Sub.Name)
	switch {
	case n.Change == ChangeRemove:
		if n.Decision != nil && n.Decision.Verdict == Accept && i >= 0 {
			out[i].Status = model.SubRemoved
		}
	case n.Decision == nil:
		if self || (i >= 0 && out[i].Status != model.SubRemoved) {
			break
		}
		out = put(out, i, merge(n.Sub, at(out, i), model.SubProposed, model.Date{}))
	case n.Decision.Verdict == Accept:
		since := n.Effective
		if since.IsZero() {
			since = n.Decision.Date
		}
		out = put(out, i, merge(n.Sub, at(out, i), model.SubApproved, since))
		if j := find(n.Replaces); n.Change == ChangeReplace && !self && j >= 0 {
			out[j].Status = model.SubRemoved
		}
	default: // objected
		switch {
		case self:
		case i < 0:
			out = append(out, merge(n.Sub, model.SubProcessor{}, model.SubObjected, model.Date{}))
		case out[i].Status == model.SubProposed:
			out[i].Status = model.SubObjected
		}
	}
	return out
}

// merge is the notice's sub-processor with the given status and since,
// keeping what the register already knew where the notice says nothing.
func merge(incoming, known model.SubProcessor, status model.SubStatus, since model.Date) model.SubProcessor {
	s := incoming
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&s.OrgNumber, known.OrgNumber}, {&s.Country, known.Country}, {&s.Purpose, known.Purpose},
		{&s.Clause, known.Clause}, {&s.TransferBasis, known.TransferBasis},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	s.Status, s.Since = status, since
	return s
}

// at is entry i, or nothing when i < 0.
func at(subs []model.SubProcessor, i int) model.SubProcessor {
	if i < 0 {
		return model.SubProcessor{}
	}
	return subs[i]
}

// put replaces entry i, or appends when i < 0.
func put(subs []model.SubProcessor, i int, s model.SubProcessor) []model.SubProcessor {
	if i < 0 {
		return append(subs, s)
	}
	subs[i] = s
	return subs
}

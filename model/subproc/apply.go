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
	r := NewRegister(slices.Clone(subs))
	r.Apply(n)
	return r.Subs
}

// Register is an agreement's sub-processors indexed by name, so a list of
// thousands of notices applies in time linear in its length: each notice
// finds its entries in the index instead of comparing every name.
type Register struct {
	Subs   []model.SubProcessor
	byName map[string]int // the first entry of each name key
}

// NewRegister indexes subs, which it takes over.
func NewRegister(subs []model.SubProcessor) *Register {
	r := &Register{Subs: subs, byName: make(map[string]int, len(subs))}
	for i := range subs {
		r.index(i)
	}
	return r
}

func (r *Register) index(i int) {
	k := nameKey(r.Subs[i].Name)
	if _, ok := r.byName[k]; !ok {
		r.byName[k] = i
	}
}

func (r *Register) find(name string) int {
	if i, ok := r.byName[nameKey(name)]; ok {
		return i
	}
	return -1
}

// Edit is an entry a notice set: its position and what it was before (nil
// for an entry the notice added).
type Edit struct {
	Pos    int
	Before *model.SubProcessor
}

// Apply takes notice n into account, in place (see the package function
// Apply for what each notice does), and returns the entries it set.
func (r *Register) Apply(n Notice) []Edit {
	var changed []Edit
	set := func(i int, s model.SubProcessor) {
		if i < 0 {
			r.Subs = append(r.Subs, s)
			r.index(len(r.Subs) - 1)
			changed = append(changed, Edit{Pos: len(r.Subs) - 1})
			return
		}
		before := r.Subs[i]
		r.Subs[i] = s
		changed = append(changed, Edit{Pos: i, Before: &before})
	}
	status := func(i int, st model.SubStatus) {
		s := r.Subs[i]
		s.Status = st
		set(i, s)
	}
	self := n.Change == ChangeReplace && nameKey(n.Replaces) == nameKey(n.Sub.Name)
	i := r.find(n.Sub.Name)
	switch {
	case n.Change == ChangeRemove:
		if n.Decision != nil && n.Decision.Verdict == Accept && i >= 0 {
			status(i, model.SubRemoved)
		}
	case n.Decision == nil:
		if self || (i >= 0 && r.Subs[i].Status != model.SubRemoved) {
			break
		}
		set(i, merge(n.Sub, r.at(i), model.SubProposed, model.Date{}))
	case n.Decision.Verdict == Accept:
		since := n.Effective
		if since.IsZero() {
			since = n.Decision.Date
		}
		set(i, merge(n.Sub, r.at(i), model.SubApproved, since))
		if j := r.find(n.Replaces); n.Change == ChangeReplace && !self && j >= 0 {
			status(j, model.SubRemoved)
		}
	default: // objected
		switch {
		case self:
		case i < 0:
			set(-1, merge(n.Sub, model.SubProcessor{}, model.SubObjected, model.Date{}))
		case r.Subs[i].Status == model.SubProposed:
			status(i, model.SubObjected)
		}
	}
	return changed
}

// at is entry i, or nothing when i < 0.
func (r *Register) at(i int) model.SubProcessor {
	if i < 0 {
		return model.SubProcessor{}
	}
	return r.Subs[i]
}

// merge is the notice's sub-processor with the given status and since,
// keeping what the register already knew where the notice says nothing.
func merge(incoming, known model.SubProcessor, status model.SubStatus, since model.Date) model.SubProcessor {
	s := incoming
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&s.OrgNumber, known.OrgNumber}, {&s.Country, known.Country}, {&s.Region, known.Region}, {&s.Purpose, known.Purpose},
		{&s.Clause, known.Clause}, {&s.TransferBasis, known.TransferBasis},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	s.Status, s.Since = status, since
	return s
}

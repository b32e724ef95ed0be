package subproc

import (
	"fmt"
	"slices"

	"avtal/model"
)

// Step is one change a notice made to a register entry: the entry before
// (nil when the change added it) and after.
type Step struct {
	Before *model.SubProcessor
	After  model.SubProcessor
}

// ChangedSinceError says a decision cannot be withdrawn because an entry it
// changed was changed again since (by hand or by a later notice): putting
// it back would undo that too.
type ChangedSinceError struct{ Name string }

func (e *ChangedSinceError) Error() string {
	return fmt.Sprintf("%s was changed after the decision; edit it by hand instead", e.Name)
}

// Withdraw returns the register (subs) as it stands once the decision on
// notice n is withdrawn, as made by mistake. steps are the changes the
// notice made, oldest first; the last change to each entry is the
// decision's, and the entry is put back as it was before it. Then the
// notice, open again, applies as any open notice does (Apply), so an added
// sub-processor shows as proposed once more.
//
// An entry that no longer reads as the decision left it is not touched:
// Withdraw returns a *ChangedSinceError naming it, and no register.
func Withdraw(subs []model.SubProcessor, n Notice, steps []Step) ([]model.SubProcessor, error) {
	last := map[string]Step{}
	var order []string
	for _, s := range steps {
		k := nameKey(s.After.Name)
		if _, seen := last[k]; !seen {
			order = append(order, k)
		}
		last[k] = s
	}
	out := slices.Clone(subs)
	for _, k := range order {
		s := last[k]
		i := slices.IndexFunc(out, func(e model.SubProcessor) bool { return nameKey(e.Name) == k })
		if i < 0 || out[i] != s.After {
			return nil, &ChangedSinceError{Name: s.After.Name}
		}
		if s.Before == nil {
			out[i].Status = model.SubRemoved // entries stay; Apply brings it back proposed
			continue
		}
		out[i] = *s.Before
	}
	n.Decision = nil
	return Apply(out, n), nil
}

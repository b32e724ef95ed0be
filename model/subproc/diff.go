package subproc

import (
	"strings"

	"avtal/model"
)

// DiffKind is how a supplier's list differs from the register for one
// sub-processor.
type DiffKind string

// The kinds of difference.
const (
	DiffAdded   DiffKind = "added"   // on the list, not in the register
	DiffRemoved DiffKind = "removed" // in the register, not on the list
	DiffChanged DiffKind = "changed" // on both, with different details
)

// Change is one difference between the register and a list. Current is
// nil for an added entry, Incoming nil for a removed one.
type Change struct {
	Kind     DiffKind            `json:"kind"`
	Current  *model.SubProcessor `json:"current,omitempty"`
	Incoming *Row                `json:"incoming,omitempty"`
	// Fields names what changed: name, org_number, country, purpose.
	Fields []string `json:"fields,omitempty"`
}

// Diff compares the register's sub-processors (removed ones left out) with
// a supplier's list. Entries are paired by organisation number when both
// have one, then by name ignoring case and legal form, preferring an entry
// in the same country when a name appears more than once. An empty org
// number or purpose in the list means "not stated" and is not a change.
// Changes follow the list's order, then removals in register order.
func Diff(current []model.SubProcessor, incoming []Row) []Change {
	var cur []model.SubProcessor
	for _, s := range current {
		if s.Status != model.SubRemoved {
			cur = append(cur, s)
		}
	}
	match := make([]int, len(incoming)) // incoming index → cur index, -1 for none
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, len(cur))
	// pair matches each unmatched row with the first untaken entry of the
	// same key, through an index, so a long list pairs in linear time.
	pair := func(rowKey func(int) string, subKey func(int) string, skipEmpty bool) {
		idx := map[string][]int{}
		for j := range cur {
			if k := subKey(j); !taken[j] && (k != "" || !skipEmpty) {
				idx[k] = append(idx[k], j)
			}
		}
		for i := range incoming {
			k := rowKey(i)
			if match[i] >= 0 || (k == "" && skipEmpty) {
				continue
			}
			for q := idx[k]; len(q) > 0; q = q[1:] {
				if j := q[0]; !taken[j] {
					match[i], taken[j] = j, true
					idx[k] = q[1:]
					break
				}
			}
		}
	}
	rowNames, subNames := make([]string, len(incoming)), make([]string, len(cur))
	for i, r := range incoming {
		rowNames[i] = nameKey(r.Name)
	}
	for j, s := range cur {
		subNames[j] = nameKey(s.Name)
	}
	pair(func(i int) string { return orgKey(incoming[i].OrgNumber) }, func(j int) string { return orgKey(cur[j].OrgNumber) }, true)
	pair(func(i int) string { return rowNames[i] + "\x00" + incoming[i].Country },
		func(j int) string { return subNames[j] + "\x00" + cur[j].Country }, false)
	pair(func(i int) string { return rowNames[i] }, func(j int) string { return subNames[j] }, false)

	var changes []Change
	for i := range incoming {
		r := incoming[i]
		if match[i] < 0 {
			changes = append(changes, Change{Kind: DiffAdded, Incoming: &r})
			continue
		}
		s := cur[match[i]]
		if fields := changedFields(s, r); len(fields) > 0 {
			changes = append(changes, Change{Kind: DiffChanged, Current: &s, Incoming: &r, Fields: fields})
		}
	}
	for j := range cur {
		if !taken[j] {
			s := cur[j]
			changes = append(changes, Change{Kind: DiffRemoved, Current: &s})
		}
	}
	return changes
}

// changedFields lists what the list says differently about a paired entry.
func changedFields(s model.SubProcessor, r Row) []string {
	var fields []string
	if nameKey(r.Name) != nameKey(s.Name) {
		fields = append(fields, "name")
	}
	if r.OrgNumber != "" && orgKey(r.OrgNumber) != orgKey(s.OrgNumber) {
		fields = append(fields, "org_number")
	}
	if !strings.EqualFold(r.Country, s.Country) {
		fields = append(fields, "country")
	}
	if r.Region != s.Region {
		fields = append(fields, "region")
	}
	if r.Purpose != "" && !strings.EqualFold(strings.Join(strings.Fields(r.Purpose), " "), strings.Join(strings.Fields(s.Purpose), " ")) {
		fields = append(fields, "purpose")
	}
	return fields
}

// Notices turns a comparison into change notices received on the given
// day: an added entry is an add, a removed one a remove, and a changed one
// a replace of the register's entry by the entry with the list's details.
func Notices(changes []Change, received model.Date) []Notice {
	notices := make([]Notice, 0, len(changes))
	for _, c := range changes {
		n := Notice{Received: received}
		switch c.Kind {
		case DiffAdded:
			n.Change, n.Sub = ChangeAdd, c.Incoming.SubProcessor()
		case DiffRemoved:
			n.Change, n.Sub = ChangeRemove, *c.Current
		case DiffChanged:
			n.Change, n.Replaces = ChangeReplace, c.Current.Name
			n.Sub = *c.Current
			n.Sub.Name, n.Sub.Country, n.Sub.Region = c.Incoming.Name, c.Incoming.Country, c.Incoming.Region
			n.Sub.Status, n.Sub.Since = model.SubProposed, model.Date{}
			if c.Incoming.OrgNumber != "" {
				n.Sub.OrgNumber = c.Incoming.OrgNumber
			}
			if c.Incoming.Purpose != "" {
				n.Sub.Purpose = c.Incoming.Purpose
			}
		}
		notices = append(notices, n)
	}
	return notices
}

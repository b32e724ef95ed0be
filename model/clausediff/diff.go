// Package clausediff compares two versions of a document clause by clause:
// which clauses the new version adds, which it drops and which it words
// differently. Clauses are matched by their number as printed ("8.6.3",
// "B.1"); unnumbered ones (a preamble) by their heading.
package clausediff

import (
	"strings"

	"avtal/model"
)

// Kind is what happened to a clause between two versions.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Change is one clause that differs between the versions. Old is nil for an
// added clause and New for a removed one.
type Change struct {
	Kind   Kind          `json:"kind"`
	Number string        `json:"number"`
	Old    *model.Clause `json:"old,omitempty"`
	New    *model.Clause `json:"new,omitempty"`
}

// Diff compares the clauses of an old and a new version of a document and
// returns the clauses that differ, in the new version's order, each removed
// clause where it stood in the old one (after the last clause before it that
// both versions hold). A clause whose heading and body differ only in white
// space, as when a line is wrapped elsewhere, is unchanged.
func Diff(old, new []model.Clause) []Change {
	links := Links(old, new)
	kept := make([]bool, len(old))
	for _, l := range links {
		if l.Old >= 0 {
			kept[l.Old] = true
		}
	}
	// removedAfter[i+1] holds the clauses dropped after old clause i, kept
	// in both; removedAfter[0] those before any kept clause.
	removedAfter := make([][]int, len(old)+1)
	last := -1
	for i := range old {
		if kept[i] {
			last = i
			continue
		}
		removedAfter[last+1] = append(removedAfter[last+1], i)
	}
	var out []Change
	removed := func(slot int) {
		for _, i := range removedAfter[slot] {
			out = append(out, Change{Kind: Removed, Number: old[i].Number, Old: &old[i]})
		}
	}
	removed(0)
	for j, l := range links {
		switch {
		case l.Old < 0:
			out = append(out, Change{Kind: Added, Number: new[j].Number, New: &new[j]})
			continue
		case l.Changed:
			out = append(out, Change{Kind: Changed, Number: new[j].Number, Old: &old[l.Old], New: &new[j]})
		}
		removed(l.Old + 1)
	}
	return out
}

// Link says which clause of the old version a clause of the new one
// continues: Old is its index in the old version, -1 for an added clause;
// Changed is set when its heading or body differ beyond white space.
type Link struct {
	Old     int
	Changed bool
}

// Links matches each clause of the new version to the old clause it
// continues, as Diff does: by number, or by heading when unnumbered. What a
// reader attached to an old clause (a tag, a note) belongs on the new
// clause linked to it; a renumbered clause is not followed.
func Links(old, new []model.Clause) []Link {
	inOld := make(map[key]int, len(old))
	for i, k := range keys(old) {
		inOld[k] = i
	}
	out := make([]Link, len(new))
	for j, k := range keys(new) {
		i, ok := inOld[k]
		if !ok {
			out[j] = Link{Old: -1}
			continue
		}
		out[j] = Link{Old: i, Changed: !same(old[i], new[j])}
	}
	return out
}

// key identifies a clause within one version: its number, or its heading
// when it has none, and which occurrence of that it is.
type key struct {
	number, heading string
	nth             int
}

func keys(clauses []model.Clause) []key {
	seen := make(map[key]int, len(clauses))
	out := make([]key, len(clauses))
	for i, c := range clauses {
		k := key{number: c.Number}
		if c.Number == "" {
			k.heading = squash(c.Heading)
		}
		k.nth = seen[k]
		seen[k]++
		out[i] = k
	}
	return out
}

func same(a, b model.Clause) bool {
	return squash(a.Heading) == squash(b.Heading) && squash(a.Body) == squash(b.Body)
}

// squash collapses runs of white space to one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Numbers returns the numbers of the changes of one kind, in order; an
// unnumbered clause is named by its heading.
func Numbers(changes []Change, kind Kind) []string {
	out := []string{}
	for _, c := range changes {
		if c.Kind != kind {
			continue
		}
		n := c.Number
		if n == "" {
			cl := c.New
			if cl == nil {
				cl = c.Old
			}
			n = cl.Heading
		}
		out = append(out, n)
	}
	return out
}

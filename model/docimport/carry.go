package docimport

import (
	"cmp"

	"avtal/model"
	"avtal/model/clausediff"
)

// Carried counts what a new version of a document took over from the
// version it replaces: the confirmed tags and the notes of every old clause
// that a new clause continues (clausediff.Links). Notes on clauses the new
// version removed stay on the old version only; NotCarriedOn names those
// clauses (by number, or heading when unnumbered), so none goes unnoticed.
type Carried struct {
	Tags  int `json:"tags"`
	Notes int `json:"notes"`
	// ChangedNotes counts the carried notes whose clause this version words
	// differently; they are marked so (Note.Changed).
	ChangedNotes int      `json:"changed_notes"`
	NotCarried   int      `json:"notes_not_carried"`
	NotCarriedOn []string `json:"not_carried_on"`
}

// OldClause is a clause of the version being replaced with what may carry
// over from it: its confirmed tags (those the importer only suggested are
// suggested afresh, not carried) and how many notes it has.
type OldClause struct {
	model.Clause
	Tags  []string
	Notes int
}

// NoteCarry copies the notes of old clause From onto new clause To (both
// indexes); Changed says the new clause words it differently.
type NoteCarry struct {
	From, To int
	Changed  bool
}

// CarryPlan is what a new version of a document takes over from the one it
// replaces; the store applies it: the tags go in with the new clauses, the
// notes are copied once those exist.
type CarryPlan struct {
	// Tags are the confirmed tags each new clause takes over, by its index.
	Tags  [][]string
	Notes []NoteCarry
	// WrittenOn is the version the old notes were written on, for those
	// that do not already say an older one.
	WrittenOn string
	Counts    Carried
}

// PlanCarry plans what the clauses of a new version (next) take over from
// those of the version it replaces (old, of version oldVersion): each new
// clause that continues an old one (clausediff.Links) gets its confirmed
// tags and notes, the notes marked when the clause changed.
func PlanCarry(oldVersion string, old []OldClause, next []model.Clause) CarryPlan {
	oldClauses := make([]model.Clause, len(old))
	for i := range old {
		oldClauses[i] = old[i].Clause
	}
	links := clausediff.Links(oldClauses, next)
	// The first version is unnumbered; NextVersion counts it as 1.
	p := CarryPlan{Tags: make([][]string, len(links)), WrittenOn: cmp.Or(oldVersion, "1"), Counts: Carried{NotCarriedOn: []string{}}}
	continued := make([]bool, len(old))
	for j, l := range links {
		if l.Old < 0 {
			continue
		}
		continued[l.Old] = true
		from := &old[l.Old]
		p.Tags[j] = from.Tags
		p.Counts.Tags += len(from.Tags)
		if from.Notes > 0 {
			p.Notes = append(p.Notes, NoteCarry{From: l.Old, To: j, Changed: l.Changed})
			p.Counts.Notes += from.Notes
			if l.Changed {
				p.Counts.ChangedNotes += from.Notes
			}
		}
	}
	for i := range old {
		if old[i].Notes > 0 && !continued[i] {
			p.Counts.NotCarried += old[i].Notes
			p.Counts.NotCarriedOn = append(p.Counts.NotCarriedOn, cmp.Or(old[i].Number, old[i].Heading))
		}
	}
	return p
}

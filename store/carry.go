package store

import (
	"cmp"
	"context"

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

// carry is what one new version takes over, gathered before its clauses
// are written: tags go in with them, notes once they exist.
type carry struct {
	tags      [][]string // confirmed tags, by the new clause's index
	notes     []noteCarry
	writtenOn string // the version the old notes were written on, unless they say older
	counts    Carried
}

// noteCarry copies the notes of an old clause onto the new clause at index to.
type noteCarry struct {
	from    int64
	to      int
	changed bool
}

// carryFrom gathers what the new version's clauses take over from the old
// document's clauses (ids oldIDs, in order), linked as links says. Tags the
// importer only suggested are not carried: it suggests them afresh.
func (im *importer) carryFrom(ctx context.Context, old *currentDoc, oldClauses []model.Clause, oldIDs []int64, links []clausediff.Link) (*carry, error) {
	// The first version is unnumbered; NextVersion counts it as 1.
	c := &carry{tags: make([][]string, len(links)), writtenOn: cmp.Or(old.Version, "1"), counts: Carried{NotCarriedOn: []string{}}}
	tags := map[int64][]string{}
	rows, err := im.tx.QueryContext(ctx, `SELECT t.clause_id, t.tag FROM clauses c JOIN clause_tags t ON t.clause_id = c.id
		WHERE c.document_id = ? AND NOT t.suggested ORDER BY t.clause_id, t.tag`, old.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			rows.Close()
			return nil, err
		}
		tags[id] = append(tags[id], tag)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	notes := map[int64]int{}
	rows, err = im.tx.QueryContext(ctx, `SELECT clause_id, count(*) FROM clause_notes
		WHERE clause_id IN (SELECT id FROM clauses WHERE document_id = ?) GROUP BY clause_id`, old.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, err
		}
		notes[id] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	continued := make([]bool, len(oldIDs))
	for j, l := range links {
		if l.Old < 0 {
			continue
		}
		continued[l.Old] = true
		from := oldIDs[l.Old]
		c.tags[j] = tags[from]
		c.counts.Tags += len(tags[from])
		if n := notes[from]; n > 0 {
			c.notes = append(c.notes, noteCarry{from: from, to: j, changed: l.Changed})
			c.counts.Notes += n
			if l.Changed {
				c.counts.ChangedNotes += n
			}
		}
	}
	for i, id := range oldIDs {
		if n := notes[id]; n > 0 && !continued[i] {
			c.counts.NotCarried += n
			c.counts.NotCarriedOn = append(c.counts.NotCarriedOn, cmp.Or(oldClauses[i].Number, oldClauses[i].Heading))
		}
	}
	return c, nil
}

// writeNotes copies the carried notes onto the new clauses, which must be
// written by now (clauseIDs by index). A copy keeps its text, risk, date
// and author, and says the version it was first written on and whether its
// clause has changed since: a note carried before keeps what it said.
func (im *importer) writeNotes(ctx context.Context, c *carry, clauseIDs []int64) error {
	if c == nil || len(c.notes) == 0 {
		return nil
	}
	stmt, err := im.tx.PrepareContext(ctx, `INSERT INTO clause_notes(clause_id, text, risk, created, author, written_on, changed)
		SELECT ?, text, risk, created, author, coalesce(written_on, ?), changed OR ? FROM clause_notes WHERE clause_id = ? ORDER BY id`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, n := range c.notes {
		if _, err := stmt.ExecContext(ctx, clauseIDs[n.to], c.writtenOn, n.changed, n.from); err != nil {
			return err
		}
	}
	return nil
}

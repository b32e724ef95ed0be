package store

import (
	"context"

	"avtal/model"
	"avtal/model/docimport"
)

// carry is what one new version takes over (the model's plan), with the
// ids of the old clauses its notes are copied from.
type carry struct {
	plan   docimport.CarryPlan
	oldIDs []int64
}

// carryFrom reads the confirmed tags and the note counts of the old
// document's clauses (ids oldIDs, in order) and has docimport.PlanCarry
// plan what the new version's clauses take over.
func (im *importer) carryFrom(ctx context.Context, old *currentDoc, oldClauses []model.Clause, oldIDs []int64, next []model.Clause) (*carry, error) {
	at := make(map[int64]int, len(oldIDs))
	from := make([]docimport.OldClause, len(oldClauses))
	for i, id := range oldIDs {
		at[id], from[i].Clause = i, oldClauses[i]
	}
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
		c := &from[at[id]]
		c.Tags = append(c.Tags, tag)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
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
		from[at[id]].Notes = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return &carry{plan: docimport.PlanCarry(old.Version, from, next), oldIDs: oldIDs}, nil
}

// writeNotes copies the carried notes onto the new clauses, which must be
// written by now (clauseIDs by index). A copy keeps its text, risk, date
// and author, and says the version it was first written on and whether its
// clause has changed since: a note carried before keeps what it said.
func (im *importer) writeNotes(ctx context.Context, c *carry, clauseIDs []int64) error {
	if c == nil || len(c.plan.Notes) == 0 {
		return nil
	}
	stmt, err := im.tx.PrepareContext(ctx, `INSERT INTO clause_notes(clause_id, text, risk, created, author, written_on, changed)
		SELECT ?, text, risk, created, author, coalesce(written_on, ?), changed OR ? FROM clause_notes WHERE clause_id = ? ORDER BY id`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, n := range c.plan.Notes {
		if _, err := stmt.ExecContext(ctx, clauseIDs[n.To], c.plan.WrittenOn, n.Changed, c.oldIDs[n.From]); err != nil {
			return err
		}
	}
	return nil
}

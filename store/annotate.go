package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"avtal/model"
	"avtal/model/extract"
)

// clauseRef is what the audit log records about the clause a tag or note is on.
type clauseRef struct {
	ClauseID int64  `json:"clause_id"`
	Document string `json:"document"`
	Number   string `json:"number"`
	Tag      string `json:"tag,omitempty"`
	Note     *Note  `json:"note,omitempty"`
}

// clauseOwner returns the agreement of a clause and a reference to it for
// the audit log, or ErrNotFound.
func clauseOwner(ctx context.Context, tx *sql.Tx, clauseID int64) (string, clauseRef, error) {
	ref := clauseRef{ClauseID: clauseID}
	var agreementID string
	err := tx.QueryRowContext(ctx, `SELECT c.agreement_id, d.name, c.number FROM clauses c JOIN documents d ON d.id = c.document_id
		WHERE c.id = ?`, clauseID).Scan(&agreementID, &ref.Document, &ref.Number)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ref, fmt.Errorf("clause %d: %w", clauseID, ErrNotFound)
	}
	return agreementID, ref, err
}

// AddTag puts a tag on a clause (confirming it when the importer only
// suggested it); extract.CheckTagging refuses what is not a tag or a tag
// the clause already has.
func (s *Store) AddTag(ctx context.Context, clauseID int64, tag string) error {
	return s.changeTag(ctx, clauseID, tag, true)
}

// RemoveTag takes a tag off a clause; extract.CheckTagging refuses a tag
// the clause does not have.
func (s *Store) RemoveTag(ctx context.Context, clauseID int64, tag string) error {
	return s.changeTag(ctx, clauseID, tag, false)
}

// changeTag adds or removes a tag in one transaction with its audit entry,
// once extract.CheckTagging accepts it against the clause's tags.
func (s *Store) changeTag(ctx context.Context, clauseID int64, input string, add bool) error {
	q, action := "DELETE FROM clause_tags WHERE clause_id = ? AND tag = ?", "untag"
	if add {
		q, action = `INSERT INTO clause_tags(clause_id, tag) VALUES (?, ?)
			ON CONFLICT(clause_id, tag) DO UPDATE SET suggested = 0`, "tag"
	}
	return s.Tx(ctx, func(tx *sql.Tx) error {
		agreementID, ref, err := clauseOwner(ctx, tx, clauseID)
		if err != nil {
			return err
		}
		confirmed, suggested, err := tagsOf(ctx, tx, clauseID)
		if err != nil {
			return err
		}
		tag, err := extract.CheckTagging(input, confirmed, suggested, add)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q, clauseID, tag); err != nil {
			return err
		}
		ref.Tag = tag
		return s.auditClause(ctx, tx, agreementID, action, ref)
	})
}

// tagsOf reads a clause's confirmed and suggested tags.
func tagsOf(ctx context.Context, tx *sql.Tx, clauseID int64) (confirmed, suggested []string, err error) {
	rows, err := tx.QueryContext(ctx, "SELECT tag, suggested FROM clause_tags WHERE clause_id = ?", clauseID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var tag string
		var isSuggested bool
		if err := rows.Scan(&tag, &isSuggested); err != nil {
			return nil, nil, err
		}
		if isSuggested {
			suggested = append(suggested, tag)
		} else {
			confirmed = append(confirmed, tag)
		}
	}
	return confirmed, suggested, rows.Err()
}

// AddNote adds a note with a risk level to a clause, dated now and signed
// by the store's user, and returns it; model.CheckNote refuses an empty or
// overlong note and an unknown risk level.
func (s *Store) AddNote(ctx context.Context, clauseID int64, text, risk string) (Note, error) {
	text, risk, err := model.CheckNote(text, risk)
	if err != nil {
		return Note{}, err
	}
	n := Note{Text: text, Risk: risk, Created: s.now(), Author: s.who()}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		agreementID, ref, err := clauseOwner(ctx, tx, clauseID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO clause_notes(clause_id, text, risk, created, author) VALUES (?, ?, ?, ?, ?)",
			clauseID, n.Text, n.Risk, n.Created, n.Author)
		if err != nil {
			return err
		}
		n.ID, _ = res.LastInsertId()
		ref.Note = &n
		return s.auditClause(ctx, tx, agreementID, "note", ref)
	})
	return n, err
}

// auditClause records a change to a clause's tags or notes under its agreement.
func (s *Store) auditClause(ctx context.Context, tx *sql.Tx, agreementID, action string, ref clauseRef) error {
	after, err := json.Marshal(ref)
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, "clause", agreementID, action, "", string(after))
}

// TagsInUse returns every tag some clause carries, in order. It skips
// from one distinct tag to the next through the tag index, so it costs one
// lookup per distinct tag, not one per tagged clause.
func (s *Store) TagsInUse(ctx context.Context) ([]string, error) {
	return s.strings(ctx, `WITH RECURSIVE t(tag) AS (
			SELECT min(tag) FROM clause_tags
			UNION ALL
			SELECT (SELECT min(tag) FROM clause_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL
		) SELECT tag FROM t WHERE tag IS NOT NULL`)
}

// strings runs a query of one text column and returns its values.
func (s *Store) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

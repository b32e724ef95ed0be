package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"avtal/model"
)

// EditNote changes the text and risk of note id, keeping who wrote it and
// when (the audit log keeps the edit, before and after), and returns it;
// model.CheckNote refuses what AddNote refuses.
func (s *Store) EditNote(ctx context.Context, id int64, text, risk string) (Note, error) {
	text, risk, err := model.CheckNote(text, risk)
	if err != nil {
		return Note{}, err
	}
	var after Note
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		clauseID, before, err := noteIn(ctx, tx, id)
		if err != nil {
			return err
		}
		after = before
		after.Text, after.Risk = text, risk
		if _, err := tx.ExecContext(ctx, "UPDATE clause_notes SET text = ?, risk = ? WHERE id = ?", text, risk, id); err != nil {
			return err
		}
		return s.auditNote(ctx, tx, clauseID, "edit_note", &before, &after)
	})
	return after, err
}

// DeleteNote deletes note id and returns what it said.
func (s *Store) DeleteNote(ctx context.Context, id int64) (Note, error) {
	var before Note
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		clauseID, n, err := noteIn(ctx, tx, id)
		if err != nil {
			return err
		}
		before = n
		if _, err := tx.ExecContext(ctx, "DELETE FROM clause_notes WHERE id = ?", id); err != nil {
			return err
		}
		return s.auditNote(ctx, tx, clauseID, "delete_note", &before, nil)
	})
	return before, err
}

// Note returns note id, or ErrNotFound.
func (s *Store) Note(ctx context.Context, id int64) (Note, error) {
	n := Note{ID: id}
	err := s.read.QueryRowContext(ctx, "SELECT text, risk, created, author FROM clause_notes WHERE id = ?", id).
		Scan(&n.Text, &n.Risk, &n.Created, &n.Author)
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("note %d: %w", id, ErrNotFound)
	}
	return n, err
}

// noteIn reads note id and its clause inside tx, or returns ErrNotFound.
func noteIn(ctx context.Context, tx *sql.Tx, id int64) (int64, Note, error) {
	n := Note{ID: id}
	var clauseID int64
	err := tx.QueryRowContext(ctx, "SELECT clause_id, text, risk, created, author FROM clause_notes WHERE id = ?", id).
		Scan(&clauseID, &n.Text, &n.Risk, &n.Created, &n.Author)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, n, fmt.Errorf("note %d: %w", id, ErrNotFound)
	}
	return clauseID, n, err
}

// auditNote records an edit or delete of a note under its clause's
// agreement, with the note before and after (nil: none).
func (s *Store) auditNote(ctx context.Context, tx *sql.Tx, clauseID int64, action string, before, after *Note) error {
	agreementID, ref, err := clauseOwner(ctx, tx, clauseID)
	if err != nil {
		return err
	}
	text := func(n *Note) string {
		if n == nil {
			return ""
		}
		r := ref
		r.Note = n
		b, _ := json.Marshal(r)
		return string(b)
	}
	return s.audit(ctx, tx, "clause", agreementID, action, text(before), text(after))
}

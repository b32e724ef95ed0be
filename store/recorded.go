package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"avtal/model"
)

// RecordedEvent is an event the user recorded (RecordEvent), with the id
// that names it for deletion.
type RecordedEvent struct {
	ID          int64      `json:"id"`
	AgreementID string     `json:"agreement_id"`
	Name        string     `json:"name"`
	Date        model.Date `json:"date"`
	Ref         string     `json:"ref,omitempty"`
	Note        string     `json:"note,omitempty"`
}

// auditText is the event as the audit log keeps it.
func (e RecordedEvent) auditText() string {
	b, _ := json.Marshal(e)
	return string(b)
}

// scanEvent reads one row of id, agreement_id, name, date, ref, note.
func scanEvent(row scanner) (RecordedEvent, error) {
	var e RecordedEvent
	var date string
	if err := row.Scan(&e.ID, &e.AgreementID, &e.Name, &date, &e.Ref, &e.Note); err != nil {
		return e, err
	}
	if err := e.Date.UnmarshalText([]byte(date)); err != nil {
		return e, fmt.Errorf("event %d of %s has a damaged date: %w", e.ID, e.AgreementID, err)
	}
	return e, nil
}

// Events returns the events recorded for an agreement, by date (then the
// order they were recorded in). Downtimes from incidents and received
// sub-processor notices are not among them: they belong to the SLA and
// Sub-processors panes.
func (s *Store) Events(ctx context.Context, agreementID string) ([]RecordedEvent, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT id, agreement_id, name, date, ref, note FROM events WHERE agreement_id = ? ORDER BY date, id", agreementID)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scanEvent)
}

// DeleteEvent deletes the recorded event with the given id, so the
// deadlines counting from it go (or return, for a termination), and
// returns what it deleted.
func (s *Store) DeleteEvent(ctx context.Context, id int64) (RecordedEvent, error) {
	var e RecordedEvent
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = scanEvent(tx.QueryRowContext(ctx, "SELECT id, agreement_id, name, date, ref, note FROM events WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("event %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", id); err != nil {
			return err
		}
		return s.audit(ctx, tx, "event", e.AgreementID, "delete", e.auditText(), "")
	})
	return e, err
}

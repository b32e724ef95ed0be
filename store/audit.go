package store

import (
	"context"
	"database/sql"
)

// audit appends one entry to the audit log inside the caller's transaction,
// so a change and its record land together or not at all.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, entity, id, action, before, after string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO audit_log(at, who, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.now(), s.who(), entity, id, action, before, after)
	return err
}

// AuditEntry is one write recorded in the audit log.
type AuditEntry struct {
	ID       int64  `json:"id"`
	At       string `json:"at"`
	Who      string `json:"who"`
	Entity   string `json:"entity"`
	EntityID string `json:"entity_id"`
	Action   string `json:"action"`
	Before   string `json:"before,omitempty"`
	After    string `json:"after,omitempty"`
}

// AuditLog returns up to limit entries, newest first, for entityID (an
// agreement id) or for everything when entityID is "".
func (s *Store) AuditLog(ctx context.Context, entityID string, limit int) ([]AuditEntry, error) {
	q := "SELECT id, at, who, entity, entity_id, action, before, after FROM audit_log"
	args := []any{}
	if entityID != "" {
		q += " WHERE entity_id = ?"
		args = append(args, entityID)
	}
	q += " ORDER BY id DESC LIMIT ?"
	rows, err := s.read.QueryContext(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Who, &e.Entity, &e.EntityID, &e.Action, &e.Before, &e.After); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

package store

import (
	"context"
	"database/sql"
)

// audit appends one entry to the audit log inside the caller's transaction,
// so a change and its record land together or not at all.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, entity, id, action, before, after string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO audit_log(at, who, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.now(), s.who, entity, id, action, before, after)
	return err
}

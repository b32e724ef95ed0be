package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// auditTrigger is a trigger that keeps the audit log append-only: its name
// and the statement that creates it.
type auditTrigger struct{ name, create string }

// auditTriggers are the audit log's triggers as the first schema step
// creates them (read from it, so they exist once).
func auditTriggers() []auditTrigger {
	var out []auditTrigger
	rest := migrations[0].sql
	for {
		i := strings.Index(rest, "CREATE TRIGGER audit_log_no_")
		if i < 0 {
			return out
		}
		rest = rest[i:]
		end := strings.Index(rest, "END;") + len("END;")
		out = append(out, auditTrigger{name: strings.Fields(rest)[2], create: rest[:end]})
		rest = rest[end:]
	}
}

// guardAudit puts back a trigger of the audit log that someone dropped with
// another SQLite client, and says so in Warnings: without them the log
// could be rewritten. Checking costs one read; only a repair writes.
func (s *Store) guardAudit(ctx context.Context) error {
	for _, t := range auditTriggers() {
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", t.name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if err := s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, t.create); return err }); err != nil {
			return fmt.Errorf("cannot restore the audit log's %s: %w", t.name, err)
		}
		s.Warnings = append(s.Warnings, fmt.Sprintf("the audit log's protection %s was missing (dropped outside Avtal) and has been put back", t.name))
	}
	return nil
}

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
	rest := migrations[0].statements()
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

// triggers returns the names of the register's triggers, read once for
// the checks Open makes (repairIndex, guardAudit).
func (s *Store) triggers(ctx context.Context) (map[string]bool, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names[name] = true
	}
	return names, rows.Err()
}

// guardAudit puts back a trigger of the audit log that someone dropped with
// another SQLite client (missing from triggers, the register's), and says
// so in Warnings: without them the log could be rewritten. Only a repair
// writes.
func (s *Store) guardAudit(ctx context.Context, triggers map[string]bool) error {
	for _, t := range auditTriggers() {
		if triggers[t.name] {
			continue
		}
		if err := s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, t.create); return err }); err != nil {
			return fmt.Errorf("cannot restore the audit log's %s: %w", t.name, err)
		}
		s.Warnings = append(s.Warnings, fmt.Sprintf("the audit log's protection %s was missing (dropped outside Avtal) and has been put back", t.name))
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
)

// auditTriggers are the triggers that keep the audit log append-only, as
// the first schema step creates them (read from it, so they exist once).
var auditTriggers = regexp.MustCompile(`(?s)CREATE TRIGGER (audit_log_no_\w+) .*?END;`).FindAllStringSubmatch(migrations[0].sql, -1)

// guardAudit puts back a trigger of the audit log that someone dropped with
// another SQLite client, and says so in Warnings: without them the log
// could be rewritten. Checking costs one read; only a repair writes.
func (s *Store) guardAudit(ctx context.Context) error {
	for _, t := range auditTriggers {
		var n int
		if err := s.write.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", t[1]).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if err := s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, t[0]); return err }); err != nil {
			return fmt.Errorf("cannot restore the audit log's %s: %w", t[1], err)
		}
		s.Warnings = append(s.Warnings, fmt.Sprintf("the audit log's protection %s was missing (dropped outside Avtal) and has been put back", t[1]))
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"testing"
)

// WaitWrites returns only after a write begun before it has committed.
func TestWaitWritesWaitsForAnOpenWrite(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	started, release, wrote := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		wrote <- s.Tx(ctx, func(tx *sql.Tx) error {
			close(started)
			<-release
			_, err := tx.ExecContext(ctx, `INSERT INTO agreements(id, title, kind, status, supplier, sort_key, data, updated_at)
				VALUES ('w', 'W', 'sla', 'active', 'W AB', 'w', '{}', '2026-11-24T00:00:00Z')`)
			return err
		})
	}()
	<-started
	waited := make(chan error, 1)
	go func() { waited <- s.WaitWrites(ctx) }()
	select {
	case err := <-waited:
		t.Fatalf("WaitWrites returned (%v) while a write was open", err)
	default:
	}
	close(release)
	if err := <-waited; err != nil {
		t.Fatal(err)
	}
	// The write committed before WaitWrites returned: its row is there.
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("after WaitWrites: %d agreements (%v), want the one written", n, err)
	}
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
}

package store

import (
	"context"
	"embed"
	"fmt"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step: the file it came from and its statements.
type migration struct {
	name string
	sql  string // "": the file's, read when the step is needed (statements)
}

// statements returns the step's SQL.
func (m migration) statements() string {
	if m.sql != "" {
		return m.sql
	}
	b, err := migrationFiles.ReadFile("migrations/" + m.name)
	if err != nil {
		panic(err) // the file is embedded in the program
	}
	return string(b)
}

// migrations are the schema steps in order; step i brings user_version to
// i+1. Only their names are read at start: every program counts them, and
// copying every step's SQL out of the binary cost each one 0.1 ms. A
// variable, so tests can put a failing step in.
var migrations = func() []migration {
	files, err := migrationFiles.ReadDir("migrations") // sorted by name
	if err != nil {
		panic(err)
	}
	out := make([]migration, len(files))
	for i, f := range files {
		out[i] = migration{name: f.Name()}
	}
	return out
}()

// trigramEstimatesStep is the schema step that keeps estimates in
// trigram_counts (step 13 added the table).
const trigramEstimatesStep = 21

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return len(migrations) }

// newerSchema refuses a register a newer Avtal has moved past this
// program's schema; one at this program's schema (version) needs nothing.
// Open's first check reads the version in the file's header, which the
// write-ahead log may hold a newer one of: this is where that is found.
func newerSchema(path string, version int) error {
	if version > len(migrations) {
		return &NewerError{Path: path, Version: version, Known: len(migrations)}
	}
	return nil
}

// migrate applies the missing migrations, all of them in one transaction
// together with the new user_version: a step that fails leaves the file
// exactly as it was, at its old version, never between two versions.
//
// The version is read inside the (immediate, so writing) transaction: two
// programs opening a new file at once then migrate it once, the second
// waiting for the first and finding nothing left to do.
func (s *Store) migrate(ctx context.Context) error {
	// A register at this version needs nothing: reading its version takes
	// no write lock, so opening it never waits on a long write elsewhere.
	var current int
	if err := s.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err == nil && current >= len(migrations) {
		return newerSchema(s.path, current)
	}
	tx, done, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("cannot start the schema update: %w", err)
	}
	defer done()
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("cannot read the schema version: %w", err)
	}
	if version >= len(migrations) {
		return newerSchema(s.path, version)
	}
	if version > 0 && s.upgrading != nil {
		s.upgrading(version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		stmts := migrations[i].statements()
		if i == 0 {
			stmts = fmt.Sprintf("PRAGMA application_id = %d;\n%s", ApplicationID, stmts)
		}
		if _, err := tx.ExecContext(ctx, stmts); err != nil {
			return fmt.Errorf("schema step %d (%s) failed, the file is unchanged at schema %d: %w", i+1, migrations[i].name, version, err)
		}
	}
	// A register from before step 21 has clauses to count the trigrams of
	// (again, with the estimates).
	if version < trigramEstimatesStep {
		if err := keepTrigramCounts(ctx, tx); err != nil {
			return fmt.Errorf("counting the search index's trigrams: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return err
	}
	if err := s.commit(ctx, tx); err != nil {
		return fmt.Errorf("schema update from %d to %d failed, the file is unchanged: %w", version, len(migrations), err)
	}
	s.Created = version == 0
	return nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// schemaObjects returns the tables, indexes, triggers and views that the
// first version schema steps create, as "type name", read off a database
// in memory that runs them.
func schemaObjects(ctx context.Context, version int) ([]string, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection, one database in memory
	for _, m := range migrations[:version] {
		if _, err := db.ExecContext(ctx, m.statements()); err != nil {
			return nil, fmt.Errorf("schema step %s: %w", m.name, err)
		}
	}
	return objectsOf(ctx, db)
}

func objectsOf(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
	if err != nil {
		return nil, err
	}
	return scanAll(rows, func(r scanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	})
}

// checkSchema reports a database whose schema lacks something its version
// promises: a file with Avtal's id and version but not its tables would
// pass every other check and then fail at its first query.
func checkSchema(ctx context.Context, db *sql.DB, file string) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s cannot be checked: %w", file, err)
	}
	if version > len(migrations) {
		return &NewerError{Path: file, Version: version, Known: len(migrations)}
	}
	want, err := schemaObjects(ctx, version)
	if err != nil {
		return err
	}
	have, err := objectsOf(ctx, db)
	if err != nil {
		return fmt.Errorf("%s cannot be checked: %w", file, err)
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			return &PathError{Path: file, Err: ErrIncomplete}
		}
	}
	return nil
}

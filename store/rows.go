package store

import "database/sql"

// scanner is a row to scan: one of *sql.Rows, or the *sql.Row of a
// single-row query.
type scanner interface{ Scan(dest ...any) error }

// scanAll scans every row of rows with scan, closes rows and returns the
// list, empty rather than nil when there are none.
func scanAll[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	list := []T{}
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, x)
	}
	return list, rows.Err()
}

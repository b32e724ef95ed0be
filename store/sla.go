package store

import (
	"context"
	"encoding/json"
	"fmt"

	"avtal/model"
)

// SLARow is an agreement that states SLA terms, without its documents and
// sub-processors, with its place in the register's order.
type SLARow struct {
	Agreement model.Agreement
	SortKey   string
}

// SLAAgreements returns up to limit agreements that state SLA terms, in
// register order, after the one with sort key after ("" = from the top),
// or before it when backward: the list the SLA pane steps through when no
// agreement is in scope, a page at a time. One query on the partial index
// agreements_sla.
func (s *Store) SLAAgreements(ctx context.Context, after string, limit int, backward bool) ([]SLARow, error) {
	q := `SELECT data, sort_key FROM agreements WHERE json_extract(data, '$.sla') IS NOT NULL AND sort_key > ? ORDER BY sort_key LIMIT ?`
	if backward {
		q = `SELECT data, sort_key FROM agreements WHERE json_extract(data, '$.sla') IS NOT NULL AND sort_key < ? ORDER BY sort_key DESC LIMIT ?`
	}
	rows, err := s.read.QueryContext(ctx, q, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SLARow
	for rows.Next() {
		var data string
		var r SLARow
		if err := rows.Scan(&data, &r.SortKey); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &r.Agreement); err != nil {
			return nil, fmt.Errorf("an agreement is damaged in the database: %w", err)
		}
		out = append(out, r)
	}
	if backward {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, rows.Err()
}

// SLACount returns how many agreements that state SLA terms come before
// the sort key before in register order: a page's place in the list, or,
// with a key after every other ("\U0010FFFF"), how many there are. It
// counts on the partial index agreements_sla.
func (s *Store) SLACount(ctx context.Context, before string) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM agreements WHERE json_extract(data, '$.sla') IS NOT NULL AND sort_key < ?`, before).Scan(&n)
	return n, err
}

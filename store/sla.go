package store

import (
	"context"
	"encoding/json"
	"fmt"

	"avtal/model"
)

// SLAAgreements returns up to limit agreements that state SLA terms, in
// register order, without their documents and sub-processors: the short
// list the SLA pane offers when no agreement is in scope.
func (s *Store) SLAAgreements(ctx context.Context, limit int) ([]model.Agreement, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM agreements
		WHERE json_extract(data, '$.sla') IS NOT NULL ORDER BY sort_key LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Agreement
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var a model.Agreement
		if err := json.Unmarshal([]byte(data), &a); err != nil {
			return nil, fmt.Errorf("an agreement is damaged in the database: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

package store

import (
	"context"
)

// CompareGroup is one agreement's clauses with a tag, for comparing a kind
// of clause (liability caps, notice periods …) across the register.
type CompareGroup struct {
	AgreementID string
	Agreement   string // the agreement's title
	// SortKey is the agreement's place in the register; pass the last
	// group's as after to get the next page.
	SortKey string
	Clauses []CompareClause
}

// CompareClause is one tagged clause of a current document.
type CompareClause struct {
	ID       int64
	Document string
	Number   string
	Heading  string
	Body     string
}

// Compare returns, for up to limit agreements in register order after the
// sort key after ("" = from the top), the clauses of their current
// documents that carry tag. Agreements without such a clause are left out.
// The joins walk each agreement's own clauses (CROSS JOIN fixes that
// order): going through every clause with a common tag instead would cost
// as much as the register is large.
func (s *Store) Compare(ctx context.Context, tag, after string, limit int) ([]CompareGroup, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.title, a.sort_key FROM agreements a
		WHERE a.sort_key > ? AND EXISTS (SELECT 1 FROM clauses c CROSS JOIN clause_tags t ON t.clause_id = c.id AND t.tag = ? AND NOT t.suggested
			JOIN documents d ON d.id = c.document_id AND d.superseded = 0 WHERE c.agreement_id = a.id)
		ORDER BY a.sort_key LIMIT ?`, after, tag, limit)
	if err != nil {
		return nil, err
	}
	var groups []CompareGroup
	for rows.Next() {
		var g CompareGroup
		if err := rows.Scan(&g.AgreementID, &g.Agreement, &g.SortKey); err != nil {
			rows.Close()
			return nil, err
		}
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range groups {
		if groups[i].Clauses, err = s.taggedClauses(ctx, groups[i].AgreementID, tag); err != nil {
			return nil, err
		}
	}
	return groups, nil
}

// taggedClauses returns an agreement's current clauses with tag, in document order.
func (s *Store) taggedClauses(ctx context.Context, agreementID, tag string) ([]CompareClause, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, d.name, c.number, c.heading, c.body
		FROM clauses c CROSS JOIN clause_tags t ON t.clause_id = c.id AND t.tag = ? AND NOT t.suggested
		JOIN documents d ON d.id = c.document_id AND d.superseded = 0
		WHERE c.agreement_id = ? ORDER BY d.position, c.position`, tag, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CompareClause
	for rows.Next() {
		var c CompareClause
		if err := rows.Scan(&c.ID, &c.Document, &c.Number, &c.Heading, &c.Body); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

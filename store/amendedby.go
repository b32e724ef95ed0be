package store

import (
	"context"

	"avtal/model/extract"
)

// The kinds of amendment, as stored.
const (
	AmendChanged = string(extract.AmendChanged)
	AmendRemoved = string(extract.AmendRemoved)
)

// Amendment is a change that a clause of an agreement (an appendix such as
// Pureservice's Tillägg D) makes to another of its clauses.
type Amendment struct {
	// Target is the clause amended as written: "8.9.2", or "8.8.2a" for
	// item a of clause 8.8.2.
	Target string
	Kind   string // AmendChanged or AmendRemoved
	// By is the number of the amending clause ("D").
	By        string
	Text      string
	Confirmed bool
	// byDoc is the document of the amending clause, 0 when unknown.
	byDoc int64
}

// amendments returns an agreement's amendments made by its current
// documents (or by no recorded clause), in the order they were recorded.
func (s *Store) amendments(ctx context.Context, agreementID string) ([]Amendment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.target_number, a.kind, a.by_number, a.text, a.confirmed, coalesce(c.document_id, 0)
		FROM amendments a LEFT JOIN clauses c ON c.id = a.by_clause_id LEFT JOIN documents d ON d.id = c.document_id
		WHERE a.agreement_id = ? AND (a.by_clause_id IS NULL OR d.superseded = 0)
		ORDER BY a.id`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Amendment
	for rows.Next() {
		var a Amendment
		if err := rows.Scan(&a.Target, &a.Kind, &a.By, &a.Text, &a.Confirmed, &a.byDoc); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// appliesTo reports whether the amendment touches the clause numbered
// number in document doc. Numbers repeat across documents (Centuri's SLA
// has its own 7.1), so an amendment is read as aimed at its own document
// when that holds the number, and otherwise at whichever document does;
// has tells which document holds which number.
func (a Amendment) appliesTo(number string, doc int64, has func(doc int64, number string) bool) bool {
	n := trimNumber(number)
	if trimNumber(a.Target) != n && trimNumber(extract.Amendment{Target: a.Target}.Clause()) != n {
		return false
	}
	return a.byDoc == 0 || a.byDoc == doc || !has(a.byDoc, n)
}

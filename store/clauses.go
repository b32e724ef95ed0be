package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"avtal/model"
	"avtal/model/docparse"
)

// DocumentNode is one document of an agreement with its clause tree as the
// Clauses pane shows it: numbers and headings with their markers, no bodies.
type DocumentNode struct {
	ID         int64
	Name       string
	Kind       string
	Version    string
	ImportedAt string
	// Superseded marks an old version kept after a re-import; Replaces is
	// the version this one replaced (0 for none).
	Superseded bool
	Replaces   int64
	Clauses    []ClauseNode
}

// ClauseNode is one clause in a tree.
type ClauseNode struct {
	ID      int64
	Number  string
	Heading string
	// Parent is the index in the document's Clauses of the clause this one
	// sits under, or -1 at the top.
	Parent int
	// Notes counts the clause's notes; Risk is the gravest of their risk
	// levels ("" without notes).
	Notes int
	Risk  string
	// Amended is "changed" or "removed" when an amendment touches the
	// clause; "removed" wins over "changed".
	Amended string
}

// riskRank orders risk levels by gravity in SQL (model.Risks' order), so a
// tree gets each clause's gravest note in the same query as the clause.
const riskRank = `CASE risk WHEN 'risk' THEN 2 WHEN 'watch' THEN 1 ELSE 0 END`

// ClauseTree returns the documents of an agreement in order, each with its
// clauses in document order and their parents. withOld includes versions
// that a re-import superseded; otherwise only current documents come back.
// Documents, clauses, notes and amendments are one indexed query each.
func (s *Store) ClauseTree(ctx context.Context, agreementID string, withOld bool) ([]DocumentNode, error) {
	docs, err := s.documentNodes(ctx, agreementID, withOld)
	if err != nil || len(docs) == 0 {
		return nil, cmp.Or(err, s.checkAgreement(ctx, agreementID))
	}
	byID := make(map[int64]*DocumentNode, len(docs))
	for i := range docs {
		byID[docs[i].ID] = &docs[i]
	}
	rows, err := s.read.QueryContext(ctx, `SELECT document_id, id, number, heading FROM clauses
		WHERE document_id IN (SELECT id FROM documents WHERE agreement_id = ? AND (? OR superseded = 0))
		ORDER BY document_id, position`, agreementID, withOld)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var docID int64
		var n ClauseNode
		if err := rows.Scan(&docID, &n.ID, &n.Number, &n.Heading); err != nil {
			return nil, err
		}
		d := byID[docID]
		d.Clauses = append(d.Clauses, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.markNotes(ctx, agreementID, docs); err != nil {
		return nil, err
	}
	amends, err := s.amendments(ctx, agreementID)
	if err != nil {
		return nil, err
	}
	has := numberIndex(docs)
	for i := range docs {
		d := &docs[i]
		outline := make([]model.Clause, len(d.Clauses))
		for j, c := range d.Clauses {
			outline[j] = model.Clause{Number: c.Number, Heading: c.Heading}
		}
		for j, p := range docparse.ParentIndex(outline) {
			c := &d.Clauses[j]
			c.Parent = p
			for _, a := range amends {
				if a.appliesTo(c.Number, d.ID, has) && c.Amended != AmendRemoved {
					c.Amended = a.Kind
				}
			}
		}
	}
	return docs, nil
}

// documentNodes returns an agreement's documents, without their clauses.
func (s *Store) documentNodes(ctx context.Context, agreementID string, withOld bool) ([]DocumentNode, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, name, kind, version, imported_at, superseded, coalesce(replaces, 0)
		FROM documents WHERE agreement_id = ? AND (? OR superseded = 0) ORDER BY position, id`, agreementID, withOld)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []DocumentNode
	for rows.Next() {
		var d DocumentNode
		if err := rows.Scan(&d.ID, &d.Name, &d.Kind, &d.Version, &d.ImportedAt, &d.Superseded, &d.Replaces); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// markNotes sets each clause's note count and gravest risk.
func (s *Store) markNotes(ctx context.Context, agreementID string, docs []DocumentNode) error {
	rows, err := s.read.QueryContext(ctx, `SELECT clause_id, count(*), max(`+riskRank+`) FROM clause_notes
		WHERE clause_id IN (SELECT id FROM clauses WHERE agreement_id = ?) GROUP BY clause_id`, agreementID)
	if err != nil {
		return err
	}
	defer rows.Close()
	type mark struct{ n, worst int }
	marks := map[int64]mark{}
	for rows.Next() {
		var id int64
		var m mark
		if err := rows.Scan(&id, &m.n, &m.worst); err != nil {
			return err
		}
		marks[id] = m
	}
	if err := rows.Err(); err != nil || len(marks) == 0 {
		return err
	}
	for i := range docs {
		for j := range docs[i].Clauses {
			c := &docs[i].Clauses[j]
			if m, ok := marks[c.ID]; ok {
				c.Notes, c.Risk = m.n, model.Risks[m.worst]
			}
		}
	}
	return nil
}

// numberIndex returns a lookup of which document holds which clause number.
func numberIndex(docs []DocumentNode) func(doc int64, number string) bool {
	set := map[int64]map[string]bool{}
	for _, d := range docs {
		nums := make(map[string]bool, len(d.Clauses))
		for _, c := range d.Clauses {
			nums[trimNumber(c.Number)] = true
		}
		set[d.ID] = nums
	}
	return func(doc int64, number string) bool { return set[doc][trimNumber(number)] }
}

// trimNumber drops the trailing dot some documents print ("1.1." is "1.1").
func trimNumber(n string) string { return strings.TrimSuffix(n, ".") }

// checkAgreement returns ErrNotFound, naming the id, for an agreement the
// register does not hold.
func (s *Store) checkAgreement(ctx context.Context, id string) error {
	var one int
	err := s.read.QueryRowContext(ctx, "SELECT 1 FROM agreements WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	return err
}

package store

import (
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

// riskRank orders risk levels by gravity in SQL, so a tree gets each
// clause's gravest note in the same query as the clause.
const riskRank = `CASE risk WHEN 'risk' THEN 2 WHEN 'watch' THEN 1 ELSE 0 END`

// ClauseTree returns the documents of an agreement in order, each with its
// clauses in document order and their parents. withOld includes versions
// that a re-import superseded; otherwise only current documents come back.
// It is one indexed query per agreement, plus one for amendments.
func (s *Store) ClauseTree(ctx context.Context, agreementID string, withOld bool) ([]DocumentNode, error) {
	if err := s.checkAgreement(ctx, agreementID); err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, d.name, d.kind, d.version, d.imported_at, d.superseded, coalesce(d.replaces, 0),
		c.id, c.number, c.heading,
		(SELECT count(*) FROM clause_notes n WHERE n.clause_id = c.id),
		(SELECT max(`+riskRank+`) FROM clause_notes n WHERE n.clause_id = c.id)
		FROM documents d LEFT JOIN clauses c ON c.document_id = d.id
		WHERE d.agreement_id = ? AND (? OR d.superseded = 0)
		ORDER BY d.position, d.id, c.position`, agreementID, withOld)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []DocumentNode
	for rows.Next() {
		var (
			d            DocumentNode
			clauseID     sql.NullInt64
			number, head sql.NullString
			notes        int
			worst        sql.NullInt64
		)
		if err := rows.Scan(&d.ID, &d.Name, &d.Kind, &d.Version, &d.ImportedAt, &d.Superseded, &d.Replaces,
			&clauseID, &number, &head, &notes, &worst); err != nil {
			return nil, err
		}
		if len(docs) == 0 || docs[len(docs)-1].ID != d.ID {
			docs = append(docs, d)
		}
		if clauseID.Valid {
			n := ClauseNode{ID: clauseID.Int64, Number: number.String, Heading: head.String, Notes: notes}
			if worst.Valid {
				n.Risk = riskNames[worst.Int64]
			}
			last := &docs[len(docs)-1]
			last.Clauses = append(last.Clauses, n)
		}
	}
	if err := rows.Err(); err != nil {
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

// riskNames are the risk levels by their rank in riskRank.
var riskNames = []string{RiskOK, RiskWatch, RiskRisk}

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

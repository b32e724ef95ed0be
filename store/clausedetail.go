package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ClauseDetail is one clause with everything the viewer and the CLI show:
// its text, tags, notes and the amendments that touch it.
type ClauseDetail struct {
	ID          int64
	AgreementID string
	Agreement   string // the agreement's title
	DocumentID  int64
	Document    string
	Superseded  bool // the clause belongs to an old version of its document
	Number      string
	Heading     string
	Body        string
	Tags        []string
	Notes       []Note
	Amendments  []Amendment
}

// Note is a reviewer's remark on a clause, with how worrying it is.
type Note struct {
	ID      int64
	Text    string
	Risk    string // model.RiskOK, RiskWatch or RiskRisk
	Created string // RFC 3339, UTC
	Author  string
	// WrittenOn is, for a note carried over from an earlier version of the
	// document, the version it was written on ("" for a note written on
	// this clause); Changed says the clause's words changed since.
	WrittenOn string
	Changed   bool
}

// Clause returns one clause by id with its tags, notes and amendments, or
// ErrNotFound.
func (s *Store) Clause(ctx context.Context, id int64) (*ClauseDetail, error) {
	var c ClauseDetail
	err := s.read.QueryRowContext(ctx, `SELECT c.id, c.agreement_id, a.title, d.id, d.name, d.superseded, c.number, c.heading, c.body
		FROM clauses c JOIN documents d ON d.id = c.document_id JOIN agreements a ON a.id = c.agreement_id
		WHERE c.id = ?`, id).Scan(&c.ID, &c.AgreementID, &c.Agreement, &c.DocumentID, &c.Document, &c.Superseded,
		&c.Number, &c.Heading, &c.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("clause %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if c.Tags, err = s.clauseTags(ctx, id); err != nil {
		return nil, err
	}
	notes, err := s.notes(ctx, "n.clause_id = ?", id)
	if err != nil {
		return nil, err
	}
	c.Notes = notes[id]
	amends, err := s.amendments(ctx, c.AgreementID)
	if err != nil {
		return nil, err
	}
	has := func(doc int64, number string) bool {
		var one int
		err := s.read.QueryRowContext(ctx, "SELECT 1 FROM clauses WHERE agreement_id = ? AND number IN (?, ? || '.') AND document_id = ?",
			c.AgreementID, number, number, doc).Scan(&one)
		return err == nil
	}
	for _, a := range amends {
		if a.appliesTo(c.Number, c.DocumentID, has) {
			c.Amendments = append(c.Amendments, a)
		}
	}
	return &c, nil
}

// DocumentClauses is a document with the full detail of its clauses.
type DocumentClauses struct {
	DocumentNode
	Details []ClauseDetail // same order as DocumentNode.Clauses
}

// Clauses returns an agreement's documents with every clause in full (the
// CLI's `avtal clauses`); withOld includes superseded versions. It is four
// queries however many clauses the agreement has.
func (s *Store) Clauses(ctx context.Context, agreementID string, withOld bool) ([]DocumentClauses, error) {
	tree, err := s.ClauseTree(ctx, agreementID, withOld)
	if err != nil {
		return nil, err
	}
	var title string
	if err := s.read.QueryRowContext(ctx, "SELECT title FROM agreements WHERE id = ?", agreementID).Scan(&title); err != nil {
		return nil, err
	}
	type text struct{ body, tags string }
	texts := map[int64]text{}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.body,
		coalesce((SELECT group_concat(tag, ',') FROM (SELECT tag || iif(suggested, '?', '') AS tag FROM clause_tags t WHERE t.clause_id = c.id ORDER BY tag)), '')
		FROM clauses c WHERE c.agreement_id = ?`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t text
		if err := rows.Scan(&id, &t.body, &t.tags); err != nil {
			return nil, err
		}
		texts[id] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	notes, err := s.notes(ctx, "n.clause_id IN (SELECT id FROM clauses WHERE agreement_id = ?)", agreementID)
	if err != nil {
		return nil, err
	}
	amends, err := s.amendments(ctx, agreementID)
	if err != nil {
		return nil, err
	}
	has := numberIndex(tree)
	out := make([]DocumentClauses, len(tree))
	for i, d := range tree {
		out[i] = DocumentClauses{DocumentNode: d, Details: make([]ClauseDetail, len(d.Clauses))}
		for j, n := range d.Clauses {
			t := texts[n.ID]
			c := ClauseDetail{ID: n.ID, AgreementID: agreementID, Agreement: title, DocumentID: d.ID, Document: d.Name,
				Superseded: d.Superseded, Number: n.Number, Heading: n.Heading, Body: t.body, Notes: notes[n.ID]}
			if t.tags != "" {
				c.Tags = strings.Split(t.tags, ",")
			}
			for _, a := range amends {
				if a.appliesTo(n.Number, d.ID, has) {
					c.Amendments = append(c.Amendments, a)
				}
			}
			out[i].Details[j] = c
		}
	}
	return out, nil
}

func (s *Store) clauseTags(ctx context.Context, clauseID int64) ([]string, error) {
	return s.strings(ctx, "SELECT tag || iif(suggested, '?', '') FROM clause_tags WHERE clause_id = ? ORDER BY tag", clauseID)
}

// notes returns the notes of the clauses that where selects, by clause,
// oldest first.
func (s *Store) notes(ctx context.Context, where string, args ...any) (map[int64][]Note, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT n.clause_id, n.id, n.text, n.risk, n.created, n.author, coalesce(n.written_on, ''), n.changed FROM clause_notes n WHERE "+
		where+" ORDER BY n.clause_id, n.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Note{}
	for rows.Next() {
		var clauseID int64
		var n Note
		if err := rows.Scan(&clauseID, &n.ID, &n.Text, &n.Risk, &n.Created, &n.Author, &n.WrittenOn, &n.Changed); err != nil {
			return nil, err
		}
		out[clauseID] = append(out[clauseID], n)
	}
	return out, rows.Err()
}

// ClauseError says why a clause number does not name exactly one clause of
// an agreement: no current document holds it, or several do.
type ClauseError struct {
	AgreementID string
	Number      string
	// Documents names the documents that hold the number when there are several.
	Documents []string
}

func (e *ClauseError) Error() string {
	if len(e.Documents) > 1 {
		return fmt.Sprintf("clause %s is in %d documents of %s (%s)", e.Number, len(e.Documents), e.AgreementID,
			strings.Join(e.Documents, ", "))
	}
	return fmt.Sprintf("no clause %s in %s", e.Number, e.AgreementID)
}

// Is makes a missing clause match ErrNotFound.
func (e *ClauseError) Is(target error) bool { return target == ErrNotFound && len(e.Documents) == 0 }

// FindClause returns the clause numbered number ("8.9.2", "B.1"; a trailing
// dot is optional) in the agreement's current documents. When the number
// repeats across documents, document (a document's name or kind, such as
// "sla") says which one is meant. A missing agreement is ErrNotFound; a
// missing or ambiguous number is a *ClauseError.
func (s *Store) FindClause(ctx context.Context, agreementID, number, document string) (*ClauseDetail, error) {
	if err := s.checkAgreement(ctx, agreementID); err != nil {
		return nil, err
	}
	n := trimNumber(strings.TrimSpace(number))
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, d.name FROM clauses c JOIN documents d ON d.id = c.document_id
		WHERE c.agreement_id = ? AND c.number IN (?, ? || '.') AND d.superseded = 0
		AND (? = '' OR d.name = ? COLLATE NOCASE OR d.kind = ? COLLATE NOCASE)
		ORDER BY d.position`, agreementID, n, n, document, document, document)
	if err != nil {
		return nil, err
	}
	var ids []int64
	var docs []string
	for rows.Next() {
		var id int64
		var doc string
		if err := rows.Scan(&id, &doc); err != nil {
			rows.Close()
			return nil, err
		}
		ids, docs = append(ids, id), append(docs, doc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != 1 {
		return nil, &ClauseError{AgreementID: agreementID, Number: number, Documents: docs}
	}
	return s.Clause(ctx, ids[0])
}

// CitedClause returns the id of the clause a proposal of the document
// documentID cites: by its number ("8.9.2", a trailing dot optional) or,
// in a document numbered by position, by its heading. A clause the
// document does not hold is ErrNotFound.
func (s *Store) CitedClause(ctx context.Context, documentID int64, cited string) (int64, error) {
	n := trimNumber(strings.TrimSpace(cited))
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT id FROM clauses WHERE document_id = ? AND (number IN (?, ? || '.') OR heading = ?)
		ORDER BY number IN (?, ? || '.') DESC, position LIMIT 1`, documentID, n, n, cited, n, n).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("clause %q: %w", cited, ErrNotFound)
	}
	return id, err
}

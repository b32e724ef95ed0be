package store

import (
	"context"
	"database/sql"
	"strings"

	"avtal/model"
)

// docWriter inserts documents with their clauses and tags. Documents go in
// at once; clauses and tags are gathered and go in at flush with as few
// multi-row statements as possible rather than one per clause: the
// full-text index flushes its pending terms to disk, and merges segments,
// at every statement that touches it, and that, not the insert, is what
// costs.
type docWriter struct {
	tx               *sql.Tx
	agreementID, now string
	doc              *sql.Stmt
	nextClause       int64 // the id the next clause gets; the write lock is ours
	clauses, tags    [][]any
	// unindexed leaves the clauses for the full-text index to take in
	// after the transaction (clauses_unindexed, unindexed.go).
	unindexed bool
}

func newDocWriter(ctx context.Context, tx *sql.Tx, agreementID, now string) (*docWriter, error) {
	w := &docWriter{tx: tx, agreementID: agreementID, now: now}
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(id), 0) + 1 FROM clauses").Scan(&w.nextClause); err != nil {
		return nil, err
	}
	var err error
	w.doc, err = tx.PrepareContext(ctx, "INSERT INTO documents(agreement_id, name, kind, version, position, imported_at, source, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0))")
	return w, err
}

func (w *docWriter) close() { w.doc.Close() }

// newDoc says where a document goes and what it came from.
type newDoc struct {
	position int
	version  string
	source   string // the file it was imported from, or ""
	replaces int64  // the document it is a new version of, or 0
	// carried holds the confirmed tags carried, by clause index, from the
	// version it replaces; the clauses' own Tags are confirmed ones too.
	carried [][]string
}

// add inserts d and returns its id and the ids its clauses will have once
// flush has written them; nothing may refer to those before that.
func (w *docWriter) add(ctx context.Context, d *model.Document, n newDoc) (int64, []int64, error) {
	res, err := w.doc.ExecContext(ctx, w.agreementID, d.Name, d.Kind, n.version, n.position, w.now, n.source, n.replaces)
	if err != nil {
		return 0, nil, err
	}
	docID, _ := res.LastInsertId()
	ids := make([]int64, len(d.Clauses))
	for j, c := range d.Clauses {
		ids[j] = w.nextClause
		w.nextClause++
		w.clauses = append(w.clauses, []any{ids[j], docID, w.agreementID, j, c.Number, c.Heading, c.Body})
		// Confirmed tags first: a tag both confirmed and suggested stays confirmed.
		for _, t := range c.Tags {
			w.tags = append(w.tags, []any{ids[j], t, false})
		}
		if j < len(n.carried) {
			for _, t := range n.carried[j] {
				w.tags = append(w.tags, []any{ids[j], t, false})
			}
		}
	}
	return docID, ids, nil
}

// suggest adds the tags the importer suggests for the clauses with ids, by
// clause index. Added after the confirmed ones, a tag both confirmed and
// suggested stays confirmed.
func (w *docWriter) suggest(ids []int64, suggested [][]string) {
	for j, tags := range suggested {
		for _, t := range tags {
			w.tags = append(w.tags, []any{ids[j], t, true})
		}
	}
}

// flush writes the clauses and tags gathered since the last flush.
func (w *docWriter) flush(ctx context.Context) error {
	if err := w.flushClauses(ctx); err != nil {
		return err
	}
	return w.flushTags(ctx)
}

// flushClauses writes the clauses gathered since the last flush; their
// tags wait for flushTags. Clauses left unindexed are listed first, so
// that the insert trigger leaves them out of the index.
func (w *docWriter) flushClauses(ctx context.Context) error {
	if w.unindexed {
		ids := make([][]any, len(w.clauses))
		for i, c := range w.clauses {
			ids[i] = c[:1]
		}
		if err := insertRows(ctx, w.tx, "INSERT INTO clauses_unindexed(id)", ids); err != nil {
			return err
		}
	}
	err := insertRows(ctx, w.tx, "INSERT INTO clauses(id, document_id, agreement_id, position, number, heading, body)", w.clauses)
	w.clauses = nil
	return err
}

// flushTags writes the tags gathered since the last flush.
func (w *docWriter) flushTags(ctx context.Context) error {
	err := insertRows(ctx, w.tx, "INSERT OR IGNORE INTO clause_tags(clause_id, tag, suggested)", w.tags)
	w.tags = nil
	return err
}

// maxParams keeps a statement under SQLite's limit of bound parameters
// (32 766): about 4 000 clauses a statement.
const maxParams = 30000

// insertRows inserts rows (all of the same width) with as few multi-row
// statements as the parameter limit allows; head is "INSERT INTO t(a, b)".
func insertRows(ctx context.Context, tx *sql.Tx, head string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	tuple := "(?" + strings.Repeat(", ?", width-1) + ")"
	per := max(1, maxParams/width)
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(len(rows), start+per)]
		args := make([]any, 0, len(chunk)*width)
		for _, r := range chunk {
			args = append(args, r...)
		}
		q := head + " VALUES " + tuple + strings.Repeat(", "+tuple, len(chunk)-1)
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

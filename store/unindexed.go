package store

import (
	"context"
	"fmt"
	"sync"
)

// The trigram index takes in a document's text in a transaction of its own
// after the import's (schema step 19): an import commits its clauses listed
// in clauses_unindexed, and indexing them costs more than all the rest it
// writes. Nothing is missed meanwhile: search reads the listed clauses
// itself (unindexedCandidates), and a program that stops before the index
// has them leaves them listed for the next Open to index.

// indexing is the index's catching up after imports, shared by the views
// As makes, so that Close waits for it.
type indexing struct {
	running sync.WaitGroup
	mu      sync.Mutex
	err     error // why the last catching up failed; nil when it took in every clause
}

// finished records how a catching up ended: each takes in every clause
// listed, so the last one says whether any is left.
func (ix *indexing) finished(err error) {
	if err != nil {
		// The clauses stay listed: search still finds them, and the next
		// import or Open indexes them.
		err = fmt.Errorf("the search index has not taken in the imported clauses yet: %w", err)
	}
	ix.mu.Lock()
	ix.err = err
	ix.mu.Unlock()
}

// wait waits for the catching up under way and returns what failed.
func (ix *indexing) wait() error {
	ix.running.Wait()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.err
}

// indexInBackground indexes the clauses left unindexed on another
// goroutine, in the write turn the caller holds (done ends it): no other
// write comes between the import and its index, and WaitWrites waits for
// both.
func (s *Store) indexInBackground(ctx context.Context, done func()) {
	s.indexing.running.Add(1)
	indexAfterImport(func() {
		defer s.indexing.running.Done()
		defer done()
		s.indexing.finished(s.indexUnindexed(context.WithoutCancel(ctx)))
	})
}

// indexAfterImport runs an import's index on a goroutine of its own. A
// variable only so that tests can hold the index back and see the register
// between the import and its index.
var indexAfterImport = func(index func()) { go index() }

// indexUnindexed puts every clause listed in clauses_unindexed into the
// full-text index in one transaction; the caller holds the write turn.
func (s *Store) indexUnindexed(ctx context.Context) error {
	tx, err := beginWrite(ctx, s.write)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`INSERT INTO clauses_fts(rowid, heading, body)
			SELECT c.id, c.heading, c.body FROM clauses_unindexed u JOIN clauses c ON c.id = u.id`,
		"DELETE FROM clauses_unindexed",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tx.Rollback()
			return err
		}
	}
	// Not s.commit: the index is nothing the kept deadlines or the list's
	// orders are made from, and the next write keeps them.
	return tx.Commit()
}

// indexLeftOver indexes, at Open, the clauses a program that stopped
// between an import and its index left listed. A register that cannot be
// written to now still opens (search reads those clauses itself), and
// Close reports it.
func (s *Store) indexLeftOver(ctx context.Context) error {
	var left bool
	if err := s.read.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM clauses_unindexed)").Scan(&left); err != nil || !left {
		return err
	}
	if err := s.lock.lock(ctx); err != nil {
		s.indexing.finished(err)
		return nil
	}
	defer func() {
		s.writes.Add(1)
		s.lock.unlock()
	}()
	s.indexing.finished(s.indexUnindexed(ctx))
	return nil
}

// unindexedCandidates returns the clauses of current documents (of the
// plan's agreement, if it has one) with ids in (from, to] that are listed
// as not yet indexed and hold every term, in id order.
func (s *Store) unindexedCandidates(ctx context.Context, plan *searchPlan, terms []term, from, to int64) ([]*candidate, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.heading, c.body
		FROM clauses_unindexed u JOIN clauses c ON c.id = u.id
		WHERE u.id > ? AND u.id <= ?
			AND c.document_id NOT IN (SELECT id FROM documents WHERE superseded = 1) AND (? = '' OR c.agreement_id = ?)
		ORDER BY u.id`, from, to, plan.agreementID, plan.agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	every := searchPlan{check: everyTerm(terms)}
	var out []*candidate
	var buf []byte
	for rows.Next() {
		c := &candidate{}
		if err := rows.Scan(&c.id, &c.heading, &c.body); err != nil {
			return nil, err
		}
		if every.holds(c, terms, &buf) {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

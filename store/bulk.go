package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
)

// BulkBatch is how many agreements one bulk-load transaction writes: large
// enough that commits cost little, small enough that an interrupted load
// loses at most one batch.
const BulkBatch = 200

// BulkStats counts what a bulk load wrote.
type BulkStats struct {
	Agreements    int `json:"agreements"`
	Clauses       int `json:"clauses"`
	SubProcessors int `json:"subprocessors"`
	Incidents     int `json:"incidents"`
	Events        int `json:"events"`
}

// BulkItem is one agreement of a bulk load with what the register keeps
// beside it: its incidents and the events its deadlines count from.
type BulkItem struct {
	Agreement *model.Agreement
	Incidents []model.Incident
	Events    []deadlines.Event
}

// clausesInsertTrigger keeps the full-text index in step with new clauses
// that are not left for it to take in later (clauses_unindexed). It is the
// trigger of migration 019; TestBulkLoadRestoresTrigger fails if the two
// ever differ.
const clausesInsertTrigger = `CREATE TRIGGER IF NOT EXISTS clauses_ai AFTER INSERT ON clauses WHEN NOT EXISTS (SELECT 1 FROM clauses_unindexed WHERE id = new.id) BEGIN
    INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END`

// BulkLoad adds many agreements (a generated register) with their incidents
// and events, BulkBatch agreements per transaction. It only adds: an id
// that is already in the register is an ErrConflict. progress, if not nil,
// is called after each committed batch.
//
// For speed the full-text index is not kept in step row by row: the insert
// trigger is dropped at the start, and at the end one transaction rebuilds
// the index and restores the trigger. If the load fails or ctx is cancelled,
// the batches already committed stay and are indexed before BulkLoad
// returns. If the process dies instead, the trigger is missing from the
// file, and the next Open rebuilds the index and restores it (see
// finishBulk), so the register is whole again either way: it then holds the
// agreements of every committed batch. (Another Avtal opening the file
// during a load does that early; the load then goes on, slower, with the
// trigger in place.)
func (s *Store) BulkLoad(ctx context.Context, items iter.Seq[BulkItem], progress func(BulkStats)) (stats BulkStats, err error) {
	if _, err := s.write.ExecContext(ctx, "DROP TRIGGER IF EXISTS clauses_ai"); err != nil {
		return stats, cancelled(ctx, err)
	}
	defer func() {
		// The index is rebuilt even when the load failed, with a context
		// of its own so a cancelled load still leaves a whole register.
		err = errors.Join(err, s.finishBulk(context.WithoutCancel(ctx), stats))
	}()
	now := s.now()
	batch := &bulkBatch{}
	commit := func() error {
		if err := batch.commit(&stats); err != nil {
			return err
		}
		if progress != nil {
			progress(stats)
		}
		return nil
	}
	for it := range items {
		if batch.tx == nil {
			if err := batch.begin(ctx, s); err != nil {
				return stats, cancelled(ctx, err)
			}
		}
		if err := batch.add(ctx, &it, now); err != nil {
			batch.rollback()
			return stats, cancelled(ctx, err)
		}
		if batch.n == BulkBatch {
			if err := commit(); err != nil {
				return stats, cancelled(ctx, err)
			}
		}
	}
	if batch.tx != nil {
		if err := commit(); err != nil {
			return stats, cancelled(ctx, err)
		}
	}
	return stats, ctx.Err()
}

// cancelled reports a failure that a cancelled ctx caused as the
// cancellation: database/sql rolls a transaction back when its context
// ends, and a statement of it then fails with "statement is closed".
func cancelled(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w (%v)", ctx.Err(), err)
	}
	return err
}

// bulkBatch is one open transaction of a bulk load with its statements.
type bulkBatch struct {
	tx                       *sql.Tx
	done                     func() // ends the batch's turn at the write lock
	exists, incident, events *sql.Stmt
	n                        int
	added                    BulkStats
}

func (b *bulkBatch) begin(ctx context.Context, s *Store) error {
	tx, done, err := s.begin(ctx)
	if err != nil {
		return err
	}
	b.tx, b.done, b.n, b.added = tx, done, 0, BulkStats{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&b.exists, "SELECT count(*) FROM agreements WHERE id = ?"},
		{&b.incident, `INSERT INTO incidents(agreement_id, start, end, planned, excluded, exclude_reason, description, reported, claim_sent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&b.events, "INSERT INTO events(agreement_id, name, date, ref, note) VALUES (?, ?, ?, ?, ?)"},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			b.rollback()
			return err
		}
	}
	return nil
}

// add writes one agreement the way PutAgreement does, then its incidents
// and events.
func (b *bulkBatch) add(ctx context.Context, it *BulkItem, now string) error {
	a := it.Agreement
	if err := a.Validate(); err != nil {
		return fmt.Errorf("%s: %w", a.ID, err)
	}
	var n int
	if err := b.exists.QueryRowContext(ctx, a.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("agreement %q: %w", a.ID, ErrConflict)
	}
	if err := putAgreement(ctx, b.tx, a, now, true); err != nil {
		return fmt.Errorf("%s: %w", a.ID, err)
	}
	for _, in := range it.Incidents {
		if _, err := b.incident.ExecContext(ctx, a.ID, in.Start.Format(time.RFC3339), in.End.Format(time.RFC3339),
			in.Planned, in.Excluded, in.ExcludeReason, in.Description, in.Reported.String(), in.ClaimSent.String()); err != nil {
			return fmt.Errorf("%s: incident: %w", a.ID, err)
		}
	}
	for _, e := range it.Events {
		if _, err := b.events.ExecContext(ctx, a.ID, e.Name, e.Date.String(), e.Ref, e.Note); err != nil {
			return fmt.Errorf("%s: event: %w", a.ID, err)
		}
	}
	b.n++
	b.added.Agreements++
	for _, d := range a.Documents {
		b.added.Clauses += len(d.Clauses)
	}
	b.added.SubProcessors += len(a.Subs)
	b.added.Incidents += len(it.Incidents)
	b.added.Events += len(it.Events)
	return nil
}

// commit commits the batch. Its agreements' deadlines are left to
// finishBulk, which computes the whole register's at once: the batch
// commits the agreements' ids in kept_dirty, so until then (or after a
// crash, until the next write) readers compute what they need.
func (b *bulkBatch) commit(total *BulkStats) error {
	err := b.tx.Commit()
	b.tx = nil
	b.done()
	if err != nil {
		return err
	}
	total.Agreements += b.added.Agreements
	total.Clauses += b.added.Clauses
	total.SubProcessors += b.added.SubProcessors
	total.Incidents += b.added.Incidents
	total.Events += b.added.Events
	return nil
}

func (b *bulkBatch) rollback() {
	if b.tx != nil {
		b.tx.Rollback()
		b.tx = nil
		b.done()
	}
}

// finishBulk rebuilds the full-text index from the clauses and restores
// the insert trigger in one transaction, so either both happen or neither
// does and the next Open tries again. stats, when it counts anything, goes
// to the audit log in the same transaction.
//
// The rebuild collects 64 MB of terms in memory before it writes a segment
// and merges nothing on the way ('optimize' merges once, below); on a
// million clauses that takes it from 50 s to 30 s. Then FTS5's defaults
// come back for everyday writes.
func (s *Store) finishBulk(ctx context.Context, stats BulkStats) error {
	tx, done, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer done()
	defer tx.Rollback()
	for _, q := range []string{
		"INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('hashsize', 67108864)",
		"INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('automerge', 0)",
		"INSERT INTO clauses_fts(clauses_fts) VALUES ('rebuild')",
		// The rebuild took in every clause, those an import left for later too.
		"DELETE FROM clauses_unindexed",
		"INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('hashsize', 1048576)",
		"INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('automerge', 4)",
		clausesInsertTrigger,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuilding the search index: %w", err)
		}
	}
	if err := keepTrigramCounts(ctx, tx); err != nil {
		return fmt.Errorf("counting the search index's trigrams: %w", err)
	}
	if stats.Agreements > 0 {
		after, _ := json.Marshal(stats)
		if err := s.audit(ctx, tx, "register", "", "bulk_load", "", string(after)); err != nil {
			return err
		}
	}
	if err := s.commit(ctx, tx); err != nil {
		return fmt.Errorf("rebuilding the search index: %w", err)
	}
	// Then, each step on its own: the index merged into one segment (a
	// search for a rare word in a million clauses probes one b-tree, not
	// dozens; it halves such searches), fresh statistics for the query
	// planner (sampled, so seconds, not minutes), and the write-ahead log
	// folded back into the file as far as readers allow. A PASSIVE
	// checkpoint: one that truncates the log would, run beside Litestream,
	// make it lose its place and upload the whole register again (it
	// starts a new generation); the log is cut to journalSizeLimit at the
	// next write instead, and removed when the last connection closes.
	for _, q := range []string{
		"INSERT INTO clauses_fts(clauses_fts) VALUES ('optimize')",
		"PRAGMA analysis_limit = 1000",
		"ANALYZE",
		"PRAGMA wal_checkpoint(PASSIVE)",
	} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// repairIndex finishes a bulk load that died before its end: when the
// insert trigger is missing from triggers (the register's), the index is
// rebuilt and the trigger restored.
func (s *Store) repairIndex(ctx context.Context, triggers map[string]bool) error {
	if triggers["clauses_ai"] {
		return nil
	}
	return s.finishBulk(ctx, BulkStats{})
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"
	"time"
	_ "time/tzdata" // incidents end on a Swedish calendar day on any machine

	"avtal/model"
	"avtal/model/deadlines"
)

// factsBatch is how many agreements' facts go to a decoder at a time.
const factsBatch = 256

// scope narrows the engine's inputs to the agreements they are read for:
// every agreement (the zero scope), one, or those a write transaction
// changed (dirtyAgreements).
type scope struct {
	cond string // a condition on an agreement id column, written as %s
	args []any
}

// oneAgreement is the scope of agreement id.
func oneAgreement(id string) scope {
	if id == "" {
		return scope{}
	}
	return scope{cond: "%s = ?", args: []any{id}}
}

// dirtyAgreements is the scope of the agreements whose deadlines the
// running write transaction changed (store/kept.go).
var dirtyAgreements = scope{cond: "%s IN (SELECT agreement_id FROM kept_dirty)"}

// on returns the condition to add to a WHERE clause, " AND …" or "", for
// the agreement id in column.
func (sc scope) on(column string) string {
	if sc.cond == "" {
		return ""
	}
	return " AND " + fmt.Sprintf(sc.cond, column)
}

// engineAgreements reads the engine's facts of the agreements in sc, in
// list order, with their sort keys.
func engineAgreements(ctx context.Context, q querier, sc scope) ([]*model.Agreement, []string, error) {
	batches, err := readFacts(ctx, q, sc, nil)()
	if err != nil {
		return nil, nil, err
	}
	out := make([]*model.Agreement, 0, len(batches)*factsBatch)
	keys := make([]string, 0, len(batches)*factsBatch)
	for _, b := range batches {
		out, keys = append(out, b.out...), append(keys, b.keys...)
	}
	return out, keys, nil
}

// readFacts reads the engine's facts of the agreements in sc in list
// order, a batch at a time, and returns once they are read: each batch is
// decoded on one of the cores while the next ones are read and after, and
// then, when it is not nil, is called there with the batch's number and
// its agreements, so what is computed from them is computed meanwhile too.
// q is free for other statements when readFacts returns. wait waits for
// the decoding (it must be called) and returns the batches in order,
// without their agreements when then was given them.
func readFacts(ctx context.Context, q querier, sc scope, then func(batch int, as []*model.Agreement, keys []string)) (wait func() ([]*factsDecoded, error)) {
	var batches []*factsDecoded // in list order, each filled by a decoder
	// The batches wait for a decoder in a queue of any length: the
	// reading never waits for the decoding, so what q does next (then may
	// wait for it) starts as soon as the rows are read.
	var mu sync.Mutex
	queued := sync.NewCond(&mu)
	taken, read := 0, false
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				mu.Lock()
				for taken == len(batches) && !read {
					queued.Wait()
				}
				if taken == len(batches) {
					mu.Unlock()
					return
				}
				b := batches[taken]
				taken++
				mu.Unlock()
				if b.decode(); b.err == nil && then != nil {
					then(b.n, b.out, b.keys)
					// What then computed is what is kept: the
					// register's facts go as soon as they are used.
					b.out = nil
				}
			}
		})
	}
	err := func() error {
		rows, err := q.QueryContext(ctx, "SELECT id, sort_key, facts FROM agreements WHERE true"+sc.on("id")+" ORDER BY sort_key", sc.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for n := 0; ; n++ {
			b := &factsDecoded{n: n, ids: make([]string, 0, factsBatch), keys: make([]string, 0, factsBatch), texts: make([]string, 0, factsBatch)}
			for len(b.ids) < factsBatch && rows.Next() {
				var id, key, text string
				if err := rows.Scan(&id, &key, &text); err != nil {
					return err
				}
				b.ids, b.keys, b.texts = append(b.ids, id), append(b.keys, key), append(b.texts, text)
			}
			if len(b.ids) == 0 {
				return rows.Err()
			}
			mu.Lock()
			batches = append(batches, b)
			mu.Unlock()
			queued.Signal()
		}
	}()
	mu.Lock()
	read = true
	mu.Unlock()
	queued.Broadcast()
	return func() ([]*factsDecoded, error) {
		wg.Wait()
		if err != nil {
			return nil, err
		}
		for _, b := range batches {
			if b.err != nil {
				return nil, b.err
			}
		}
		return batches, nil
	}
}

// factsDecoded is a batch of facts to decode, and what came of it.
type factsDecoded struct {
	n     int      // its place among the batches
	ids   []string // the agreements' ids as the table has them
	keys  []string // their sort keys
	texts []string // their facts
	out   []*model.Agreement
	err   error
}

func (b *factsDecoded) decode() {
	b.out = make([]*model.Agreement, len(b.texts))
	as := make([]model.Agreement, len(b.texts))
	d := newFactsDecoder(b.texts)
	for i, text := range b.texts {
		f, err := d.decode(text)
		if err != nil {
			b.err = fmt.Errorf("agreement %q is damaged in the database: %w", b.ids[i], err)
			return
		}
		f.into(&as[i])
		b.out[i] = &as[i]
	}
	b.texts = nil // the agreements share nothing with them
}

// DeadlineInputs returns what the deadline engine computes from, for one
// agreement or for the whole register when only is "": the agreements in
// list order, and what the user recorded about them by agreement id. The
// agreements hold only what the engine reads: id, title, dates, term and
// rules. An unknown agreement is ErrNotFound.
func (s *Store) DeadlineInputs(ctx context.Context, only string) ([]*model.Agreement, map[string]deadlines.Record, error) {
	// The records are read on a connection of their own meanwhile.
	var recs map[string]deadlines.Record
	var recsErr error
	var wg sync.WaitGroup
	wg.Go(func() { recs, recsErr = records(ctx, s.read, oneAgreement(only)) })
	as, _, err := engineAgreements(ctx, s.read, oneAgreement(only))
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	if only != "" && len(as) == 0 {
		return nil, nil, fmt.Errorf("agreement %q: %w", only, ErrNotFound)
	}
	return as, recs, recsErr
}

// Records returns what the user has recorded about every agreement, by
// agreement id: the deadline engine's second input. Each source is one
// query over its whole table, however large the register.
func (s *Store) Records(ctx context.Context) (map[string]deadlines.Record, error) {
	return records(ctx, s.read, scope{})
}

// recordSource adds what one table says to the records of the agreements it
// concerns, of those in sc.
type recordSource func(ctx context.Context, q querier, sc scope, recs map[string]deadlines.Record) error

// recordSources are the tables deadlines count from; a new kind of input is
// one more function here.
var recordSources = []recordSource{recordedEvents, downtimes, openNotices, doneDeadlines}

func records(ctx context.Context, q querier, sc scope) (map[string]deadlines.Record, error) {
	recs := map[string]deadlines.Record{}
	for _, src := range recordSources {
		if err := src(ctx, q, sc, recs); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// each runs query, narrowed to the agreements in sc, in the given order,
// and calls row for every result. query ends in a WHERE clause so the
// narrowing can be added to it.
func each(ctx context.Context, q querier, query, order string, sc scope, row func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query+sc.on("agreement_id")+" ORDER BY "+order, sc.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// addEvent appends e to the record of agreement id.
func addEvent(recs map[string]deadlines.Record, id string, e deadlines.Event) {
	r := recs[id]
	r.Events = append(r.Events, e)
	recs[id] = r
}

// recordedEvents are the events the user recorded: a termination, a notice
// received, a delivery.
func recordedEvents(ctx context.Context, q querier, sc scope, recs map[string]deadlines.Record) error {
	return each(ctx, q, "SELECT agreement_id, name, date, ref, note FROM events WHERE true", "id", sc, func(rows *sql.Rows) error {
		var id, date string
		var e deadlines.Event
		if err := rows.Scan(&id, &e.Name, &date, &e.Ref, &e.Note); err != nil {
			return err
		}
		if err := e.Date.UnmarshalText([]byte(date)); err != nil {
			return fmt.Errorf("event %q of %s has a damaged date: %w", e.Name, id, err)
		}
		addEvent(recs, id, e)
		return nil
	})
}

// swedishTime is the zone Swedish agreements count days in.
var swedishTime = sync.OnceValues(func() (*time.Location, error) { return time.LoadLocation("Europe/Stockholm") })

// downtimes are the incidents that count as downtime (not planned, not
// excluded), each a downtime event on the Swedish day it ended: a claim
// window runs from the end of the downtime.
func downtimes(ctx context.Context, q querier, sc scope, recs map[string]deadlines.Record) error {
	loc, err := swedishTime()
	if err != nil {
		return err
	}
	return each(ctx, q, `SELECT id, agreement_id, "end" FROM incidents WHERE planned = 0 AND excluded = 0`, "id", sc, func(rows *sql.Rows) error {
		var n int64
		var id, end string
		if err := rows.Scan(&n, &id, &end); err != nil {
			return err
		}
		t, err := time.Parse(timeLayout, end)
		if err != nil {
			return fmt.Errorf("incident %d of %s has a damaged end time %q", n, id, end)
		}
		addEvent(recs, id, deadlines.Event{Name: "downtime", Date: model.DateOf(t.In(loc)), Ref: fmt.Sprintf("incident %d", n)})
		return nil
	})
}

// openNotices are the sub-processor change notices still undecided, with
// their agreement's policy: each is an objection deadline the engine
// computes from the policy (deadlines.Record.Notices). Each is also a
// notice_received event on the day it arrived, for rules of the agreement's
// own that count from one. A decided notice needs nothing more.
func openNotices(ctx context.Context, q querier, sc scope, recs map[string]deadlines.Record) error {
	rows, err := queryNotices(ctx, q, "n.verdict = ''"+sc.on("n.agreement_id")+" ORDER BY n.received, n.id", sc.args...)
	if err != nil {
		return err
	}
	for _, row := range rows {
		r := recs[row.AgreementID]
		r.Notices, r.Policy = append(r.Notices, row.Notice), row.Policy
		recs[row.AgreementID] = r
		addEvent(recs, row.AgreementID, deadlines.Event{Name: "notice_received", Date: row.Notice.Received, Ref: row.Notice.Sub.Name})
	}
	return nil
}

// doneDeadlines are the deadlines marked done.
func doneDeadlines(ctx context.Context, q querier, sc scope, recs map[string]deadlines.Record) error {
	return each(ctx, q, "SELECT agreement_id, deadline_key FROM decisions WHERE done_on != ''", "rowid", sc, func(rows *sql.Rows) error {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		r := recs[id]
		if r.Done == nil {
			r.Done = map[string]bool{}
		}
		r.Done[key] = true
		recs[id] = r
		return nil
	})
}

// Decision is what the user decided about one deadline: done on a day
// (with a comment), or snoozed until a day.
type Decision struct {
	AgreementID  string
	Key          string // model.Deadline.Key
	DoneOn       model.Date
	SnoozedUntil model.Date
	Comment      string
}

// Decisions returns the decisions on the deadlines of one agreement, or of
// every agreement when agreementID is "", by deadline key.
func (s *Store) Decisions(ctx context.Context, agreementID string) (map[string]Decision, error) {
	out := map[string]Decision{}
	err := each(ctx, s.read, "SELECT agreement_id, deadline_key, done_on, snoozed_until, comment FROM decisions WHERE true", "rowid", oneAgreement(agreementID), func(rows *sql.Rows) error {
		var d Decision
		var done, snoozed string
		if err := rows.Scan(&d.AgreementID, &d.Key, &done, &snoozed, &d.Comment); err != nil {
			return err
		}
		if err := d.DoneOn.UnmarshalText([]byte(done)); err != nil {
			return fmt.Errorf("the decision on %s has a damaged date: %w", d.Key, err)
		}
		if err := d.SnoozedUntil.UnmarshalText([]byte(snoozed)); err != nil {
			return fmt.Errorf("the decision on %s has a damaged date: %w", d.Key, err)
		}
		out[d.Key] = d
		return nil
	})
	return out, err
}

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
)

// The register's deadlines are kept in the database (schema step 12)
// rather than computed at every request: each write transaction computes
// again the deadlines of the agreements whose inputs it changed, the last
// thing before it commits (keep), so a reader never sees the inputs of one
// moment and the deadlines of another, and a write whose deadlines cannot
// be computed fails as a whole.
//
// They are kept over a span of whole years around today (keptSpan). The
// computation does not depend on today, only the span does: a request
// inside the kept span is answered from the table however old the span
// is, and the span moves (every deadline computed again) once a year, with
// the first write or the first request that needs the new one.

// keptSpan is the span the deadlines are kept over on day today: the year
// before today's and the five after it. The calendar's horizon, the past
// year and five ahead, lies inside it every day of the year, and so does
// `avtal deadlines`'s year from today.
func keptSpan(today model.Date) (from, to model.Date) {
	y := today.Year()
	return model.MustDate(y-1, 1, 1), model.MustDate(y+5, 12, 31)
}

// KeptFrom is the first day of the deadlines a store keeps on day today:
// those dated before it are computed when asked for (Deadlines).
func KeptFrom(today model.Date) model.Date {
	from, _ := keptSpan(today)
	return from
}

// span is a kept span as the kept_span row has it, with gap, the most days
// any kept deadline's act-by day comes before its date.
type span struct {
	from, to string
	gap      int
}

func readSpan(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (span, error) {
	var sp span
	err := q.QueryRowContext(ctx, "SELECT from_day, to_day, gap FROM kept_span").Scan(&sp.from, &sp.to, &sp.gap)
	if errors.Is(err, sql.ErrNoRows) {
		return span{}, nil
	}
	return sp, err
}

// covers reports whether the span holds [from, to].
func (sp span) covers(from, to model.Date) bool {
	return sp.from != "" && sp.from <= from.String() && to.String() <= sp.to
}

// keep brings the kept deadlines up to date in tx, before it commits: all
// of them when the span should move (or none are kept yet, as in the
// upgrade to schema 12) or when most agreements changed (a bulk load),
// otherwise those of the agreements the transaction changed. large reports
// whether it computed them all for a register of largeComputation
// agreements or more, whose commit is then worth leaving the log's
// checkpoint to after it (commitLarge).
func (s *Store) keep(ctx context.Context, tx *sql.Tx) (large bool, err error) {
	from, to := keptSpan(model.DateOf(s.clock()))
	have, err := readSpan(ctx, tx)
	if err != nil {
		return false, err
	}
	var total int
	countAll := func() error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM agreements").Scan(&total)
	}
	if have.from != from.String() || have.to != to.String() {
		if err := countAll(); err != nil {
			return false, err
		}
		return total >= largeComputation, keepAll(ctx, tx, from, to, total)
	}
	var dirty int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM kept_dirty").Scan(&dirty); err != nil || dirty == 0 {
		return false, err
	}
	if dirty > 64 {
		if err := countAll(); err != nil {
			return false, err
		}
		if dirty*4 > total {
			return total >= largeComputation, keepAll(ctx, tx, from, to, total)
		}
	}
	return false, keepDirty(ctx, tx, from, to)
}

// largeComputation is the register size from which a full computation
// writes megabytes to the log: below it, checkpointing after the commit on
// another connection (which reads the schema first) costs more than it
// saves, as on a new register's first write. A variable only so that tests
// can cross it with a small register.
var largeComputation = 1000

// keepAll computes every agreement's deadlines over [from, to] again, for
// a register of total agreements.
func keepAll(ctx context.Context, tx *sql.Tx, from, to model.Date, total int) (err error) {
	defer collectLess(total)()
	// The kept tables are tens of megabytes of new pages: with the usual
	// cache of 2 MB, SQLite would write most of them to the log before
	// the commit, and read some of them back, to make room. The cache is
	// made large enough for the while and cut back before the commit
	// (its dirty pages are let go once written).
	var cache int
	if err := tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = -32768"); err != nil {
		return err
	}
	// The whole register's facts and records are read from the file
	// where the system's cache holds them (mapped, as MappedReads does),
	// not each page copied into one of SQLite's: a third of the reading's
	// time. The map goes when the computation is done.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA mmap_size = %d", readMapSize)); err != nil {
		return err
	}
	defer func() {
		_, unmap := tx.ExecContext(ctx, "PRAGMA mmap_size = 0")
		_, undo := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
		err = errors.Join(err, unmap, undo)
	}()
	// What is kept already (each day's digest, each agreement's row) is
	// read while the new deadlines are computed, so that only what
	// changed is written: a new year moves the span by one of its seven
	// years, and the other six years' days come out as they were; an
	// upgrade that only asks for a computation writes nothing. Every page
	// not written is one the commit does not copy into the log nor a
	// checkpoint into the file.
	var was keptRows
	meanwhile := func() (err error) {
		if was, err = readKept(ctx, tx); err != nil {
			return err
		}
		for _, q := range []string{"DELETE FROM kept_dirty", "DELETE FROM kept_span"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO kept_span VALUES (1, ?, ?, 0)", from.String(), to.String())
		return err
	}
	var fresh keptDays
	if err := keepScope(ctx, tx, scope{}, from, to, &fresh, meanwhile, &was); err != nil {
		return err
	}
	// In order, so that a range of days is a run of the table's pages.
	var order []int
	var gone []string
	for n, day := range fresh.names {
		digest, ok := was.days[day]
		delete(was.days, day)
		if ok && digest == fresh.digests[n] {
			continue
		}
		if ok {
			gone = append(gone, day)
		}
		order = append(order, n)
	}
	for day := range was.days {
		gone = append(gone, day)
	}
	all, err := forgetRows(ctx, tx, "kept_days", "act_by", gone, len(fresh.names)-len(order), len(fresh.names))
	if err != nil {
		return err
	}
	if all {
		order = order[:0]
		for n := range fresh.names {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(fresh.names[a], fresh.names[b]) })
	return putRows(ctx, tx, "kept_days(act_by, digest, body)", len(order), func(i int, row []any) {
		n := order[i]
		var digest string
		if fresh.digests != nil { // made to compare with the kept days'
			digest = fresh.digests[n]
		} else {
			digest = dayDigest(fresh.bodies[n])
		}
		row[0], row[1], row[2] = fresh.names[n], []byte(digest), fresh.bodies[n]
	})
}

// lessGC is the garbage collector's percentage while a full computation
// runs (Go's default is 100), for registers of up to lessGCAgreements
// agreements. A full computation of 10 000 agreements makes some 60 MB of
// garbage with 15-20 MB live: collected a quarter as often, it cost an
// eighth to a seventh less processor time (at load 10-15, 505-608 ->
// 440-539 ms by case). The heap grows by at most what the computation
// makes, some 6 KB an agreement; a larger register is collected as usual,
// lest its peak grow with it.
const (
	lessGC           = 400
	lessGCAgreements = 20_000
)

// gcRaised counts the full computations running with lessGC, and keeps
// the percentage from before the first of them.
var gcRaised struct {
	sync.Mutex
	running, was int
}

// collectLess has the garbage collector run as lessGC says while a full
// computation of total agreements runs, until the returned function is
// called. It only ever raises the percentage (a program that collects
// less still, or not at all, is left so), and puts back the one it found
// unless the program set another meanwhile.
func collectLess(total int) (restore func()) {
	if total > lessGCAgreements {
		return func() {}
	}
	gcRaised.Lock()
	defer gcRaised.Unlock()
	if gcRaised.running++; gcRaised.running == 1 {
		gcRaised.was = debug.SetGCPercent(lessGC)
		if gcRaised.was < 0 || gcRaised.was > lessGC {
			debug.SetGCPercent(gcRaised.was)
		}
	}
	return func() {
		gcRaised.Lock()
		defer gcRaised.Unlock()
		if gcRaised.running--; gcRaised.running == 0 {
			if now := debug.SetGCPercent(gcRaised.was); now != lessGC {
				debug.SetGCPercent(now)
			}
		}
	}
}

// keptRows are the kept tables' rows as a full computation finds them: each
// day's digest (dayDigest) by act-by day, each agreement's row by id.
type keptRows struct {
	days       map[string]string
	agreements map[string][5]string
}

// readKept reads what the kept tables hold in tx.
func readKept(ctx context.Context, tx *sql.Tx) (keptRows, error) {
	k := keptRows{days: map[string]string{}, agreements: map[string][5]string{}}
	rows, err := tx.QueryContext(ctx, "SELECT act_by, digest FROM kept_days")
	if err != nil {
		return keptRows{}, err
	}
	for rows.Next() {
		var day, digest string
		if err := rows.Scan(&day, &digest); err != nil {
			rows.Close()
			return keptRows{}, err
		}
		k.days[day] = digest
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return keptRows{}, err
	}
	if rows, err = tx.QueryContext(ctx, "SELECT id, sort_key, title, events, days FROM kept_agreements"); err != nil {
		return keptRows{}, err
	}
	for rows.Next() {
		var a [5]string
		if err := rows.Scan(&a[0], &a[1], &a[2], &a[3], &a[4]); err != nil {
			rows.Close()
			return keptRows{}, err
		}
		k.agreements[a[0]] = a
	}
	return k, errors.Join(rows.Err(), rows.Close())
}

// forgetRows deletes from table the rows that went or changed (gone, by
// key), before the changed and new rows are written; stay of the fresh
// rows are as they were. When fewer than half stay, all go (all is true)
// and every fresh row is to be written: written anew in order, they fill
// fewer pages, and cost less, than each put back between those that stay
// (a new year changes most agreements' rows).
func forgetRows(ctx context.Context, tx *sql.Tx, table, key string, gone []string, stay, fresh int) (all bool, err error) {
	if stay*2 < fresh {
		_, err := tx.ExecContext(ctx, "DELETE FROM "+table)
		return true, err
	}
	if len(gone) == 0 {
		return false, nil
	}
	list, err := json.Marshal(gone)
	if err != nil {
		return false, err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE "+key+" IN (SELECT value FROM json_each(?))", string(list))
	return false, err
}

// rowsAStatement is how many rows putRows inserts with one statement.
const rowsAStatement = 64

// putRows inserts n rows into table(columns), each filled by fill,
// rowsAStatement of them a statement: a statement per row costs more than
// its row. fill runs on a goroutine of its own, a statement ahead of the
// writer, so what it makes is made on the other core while SQLite writes.
// What fill puts in a row of statement k need last only until statement
// k has run, which is before fill is called for statement k+2.
//
// The statements are INSERT OR FAIL: a constraint that fails stops the
// statement where it is, rather than undoing its earlier rows, so SQLite
// keeps no statement journal, which would copy every page it takes back
// from the free list (the kept tables' old pages) before writing it. A
// failed statement fails the whole transaction anyway.
func putRows(ctx context.Context, tx *sql.Tx, table string, n int, fill func(i int, row []any)) (err error) {
	const batch = rowsAStatement
	width := strings.Count(table, ",") + 1
	insert := func(rows int) string {
		row := "(?" + strings.Repeat(", ?", width-1) + ")"
		return "INSERT OR FAIL INTO " + table + " VALUES " + row + strings.Repeat(", "+row, rows-1)
	}
	var put *sql.Stmt // a whole batch's
	defer func() {
		if put != nil {
			err = errors.Join(err, put.Close())
		}
	}()
	// Two statements' arguments: one filled while the other is written.
	free, filled, stop := make(chan []any, 2), make(chan []any, 1), make(chan struct{})
	free <- make([]any, batch*width)
	free <- make([]any, batch*width)
	go func() {
		defer close(filled)
		for start := 0; start < n; start += batch {
			var args []any
			select {
			case args = <-free:
			case <-stop:
				return
			}
			rows := min(batch, n-start)
			args = args[:rows*width]
			for i := range rows {
				fill(start+i, args[i*width:(i+1)*width])
			}
			filled <- args
		}
	}()
	defer func() {
		close(stop)
		for range filled { // fill is done when putRows returns
		}
	}()
	for args := range filled {
		if rows := len(args) / width; rows < batch {
			_, err = tx.ExecContext(ctx, insert(rows), args...)
			return err
		}
		if put == nil {
			if put, err = tx.PrepareContext(ctx, insert(batch)); err != nil {
				return err
			}
		}
		if _, err = put.ExecContext(ctx, args...); err != nil {
			return err
		}
		free <- args[:cap(args)]
	}
	return nil
}

// keepDirty computes again the deadlines of the agreements in kept_dirty:
// the days their old and new deadlines are on are written again, with the
// other agreements' deadlines as they were.
func keepDirty(ctx context.Context, tx *sql.Tx, from, to model.Date) error {
	dirty, affected := map[string]bool{}, map[string]bool{}
	rows, err := tx.QueryContext(ctx, "SELECT d.agreement_id, coalesce(k.days, '') FROM kept_dirty d LEFT JOIN kept_agreements k ON k.id = d.agreement_id")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, days string
		if err := rows.Scan(&id, &days); err != nil {
			rows.Close()
			return err
		}
		dirty[id] = true
		for _, day := range strings.Fields(days) {
			affected[day] = true
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM kept_agreements WHERE id IN (SELECT agreement_id FROM kept_dirty)"); err != nil {
		return err
	}
	var kept keptDays
	if err := keepScope(ctx, tx, dirtyAgreements, from, to, &kept, nil, nil); err != nil {
		return err
	}
	fresh := make(dayBodies, len(kept.names))
	for n, day := range kept.names {
		fresh[day] = kept.bodies[n]
	}
	for day := range fresh {
		affected[day] = true
	}
	old := map[string]string{}
	for day := range affected {
		var body []byte
		err := tx.QueryRowContext(ctx, "SELECT body FROM kept_days WHERE act_by = ?", day).Scan(&body)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		old[day] = string(body)
	}
	sortKeys, err := daySortKeys(ctx, tx, old, fresh)
	if err != nil {
		return err
	}
	for day := range affected {
		merged, err := mergeDay(old[day], dirty, string(fresh[day]), sortKeys)
		if err != nil {
			return fmt.Errorf("the kept deadlines of %s: %w", day, err)
		}
		if len(merged) == 0 {
			_, err = tx.ExecContext(ctx, "DELETE FROM kept_days WHERE act_by = ?", day)
		} else {
			_, err = tx.ExecContext(ctx, "INSERT INTO kept_days(act_by, digest, body) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET digest = excluded.digest, body = excluded.body",
				day, []byte(dayDigest(merged)), merged)
		}
		if err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM kept_dirty")
	return err
}

// daySortKeys returns the sort keys of the agreements whose deadlines are
// in the old or fresh bodies of a day, which the bodies leave out.
func daySortKeys(ctx context.Context, tx *sql.Tx, old map[string]string, fresh dayBodies) (map[string]string, error) {
	seen := map[string]bool{}
	ids := []string{}
	add := func(body string) error {
		for body != "" {
			var e keptEntry
			var err error
			if e, body, err = nextEntry(body); err != nil {
				return err
			}
			if !seen[e.id] {
				seen[e.id] = true
				ids = append(ids, e.id)
			}
		}
		return nil
	}
	for _, body := range old {
		if err := add(body); err != nil {
			return nil, err
		}
	}
	for _, body := range fresh {
		if err := add(string(body)); err != nil {
			return nil, err
		}
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, sort_key FROM kept_agreements WHERE id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	keys := make(map[string]string, len(ids))
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			rows.Close()
			return nil, err
		}
		keys[id] = key
	}
	return keys, errors.Join(rows.Err(), rows.Close())
}

// dayBodies are kept deadlines by act-by day, each day's encoded one after
// another in list order.
type dayBodies map[string][]byte

// keptDays are the deadlines keepScope computed by act-by day.
type keptDays struct {
	names   []string // the days
	bodies  [][]byte // each day's body: its entries in list order
	digests []string // each day's dayDigest, when a full computation compares (digest)
}

// dayDigest is the digest kept_days keeps of a day's body: a full
// computation writes the days whose digest changed. It trusts the digest to
// be its body's: 16 bytes of SHA-256 do not come out the same for two
// bodies by chance.
func dayDigest(body []byte) string {
	sum := sha256.Sum256(body)
	return string(sum[:16])
}

// digest fills kd.digests, each day's dayDigest, half the days on each
// core: what waits for them has little else to do meanwhile.
func (kd *keptDays) digest() {
	kd.digests = make([]string, len(kd.names))
	half := len(kd.names) / 2
	var wg sync.WaitGroup
	wg.Go(func() { kd.digestDays(half, len(kd.names)) })
	kd.digestDays(0, half)
	wg.Wait()
}

// digestDays fills the digests of days [from, to).
func (kd *keptDays) digestDays(from, to int) {
	for n := from; n < to; n++ {
		kd.digests[n] = dayDigest(kd.bodies[n])
	}
}

// keepScope computes the deadlines of the agreements in sc over [from, to]
// into kept, in list order, and writes what the
// calendar shows of each agreement and how early an act-by day came. Each
// batch of agreements is computed, as one run, on the core that decoded
// its facts: the facts are read first, then what the user recorded (the
// computation waits for it, the decoding does not), then, when it is not
// nil, meanwhile runs on tx while the deadlines are computed. When was is
// not nil, meanwhile has read into it what the tables held, only the
// agreements' rows that changed are written, and, when days were kept,
// kept has each day's digest to compare theirs with, made on the other
// core while the agreements' rows are written.
func keepScope(ctx context.Context, tx *sql.Tx, sc scope, from, to model.Date, kept *keptDays, meanwhile func() error, was *keptRows) error {
	var days *dayNames
	if sc.cond == "" {
		days = newDayNames(from, to) // worth it for the whole register only
	}
	var recs map[string]deadlines.Record
	var recsErr error
	recsRead := make(chan struct{}) // closed once recs is read, or could not be
	var mu sync.Mutex
	done := map[int]*keptRun{}
	wait := readFacts(ctx, tx, sc, func(batch int, as []*model.Agreement, keys []string) {
		if <-recsRead; recsErr != nil {
			return
		}
		r := &keptRun{}
		r.compute(as, keys, recs, from, to, days)
		mu.Lock()
		done[batch] = r
		mu.Unlock()
	})
	recs, recsErr = records(ctx, tx, sc)
	close(recsRead)
	err := recsErr
	if err == nil && meanwhile != nil {
		err = meanwhile()
	}
	batches, waitErr := wait()
	if err = errors.Join(err, waitErr); err != nil {
		return err
	}
	runs := make([]keptRun, len(batches))
	for i := range runs {
		runs[i] = *done[i]
	}
	gap, rows := 0, 0
	for i := range runs {
		rows += len(runs[i].agreements)
	}
	// The rows where the runs have them, each sorted by where it points:
	// moving a row is moving five strings.
	agreements := make([]*[5]string, 0, rows)
	for i := range runs {
		for k := range runs[i].agreements {
			agreements = append(agreements, &runs[i].agreements[k])
		}
		gap = max(gap, runs[i].gap)
	}
	// The days' bodies are made on the other core while the agreements are
	// written.
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		*kept = indexDays(runs)
		if was != nil && len(was.days) > 0 {
			kept.digest()
		}
	}()
	// By id, the table's key: each row goes at the end of its pages
	// rather than into the middle of one.
	slices.SortFunc(agreements, func(a, b *[5]string) int { return strings.Compare(a[0], b[0]) })
	if was != nil {
		agreements, err = changedAgreements(ctx, tx, agreements, was.agreements)
	}
	if err == nil {
		err = putRows(ctx, tx, "kept_agreements(id, sort_key, title, events, days)", len(agreements), func(i int, row []any) {
			for k, v := range agreements[i] {
				row[k] = v
			}
		})
	}
	<-indexed
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE kept_span SET gap = max(gap, ?)", gap)
	return err
}

// changedAgreements returns the rows of fresh to write, those not in was as
// they are, and deletes from kept_agreements those of was that are not in
// fresh as they are (forgetRows: all rows when most changed).
func changedAgreements(ctx context.Context, tx *sql.Tx, fresh []*[5]string, was map[string][5]string) ([]*[5]string, error) {
	if len(was) == 0 { // none kept: every row is new
		return fresh, nil
	}
	var changed []*[5]string
	var gone []string
	for _, a := range fresh {
		old, ok := was[a[0]]
		if ok {
			delete(was, a[0])
		}
		switch {
		case ok && old == *a:
			continue
		case ok:
			gone = append(gone, a[0])
		}
		changed = append(changed, a)
	}
	for id := range was {
		gone = append(gone, id)
	}
	all, err := forgetRows(ctx, tx, "kept_agreements", "id", gone, len(fresh)-len(changed), len(fresh))
	if all {
		changed = fresh
	}
	return changed, err
}

// indexDays makes each day's body from runs, its entries in the runs' order.
func indexDays(runs []keptRun) keptDays {
	// The runs' days by one numbering: each run's day i is names[at[run][i]].
	var names []string
	number := map[string]int{}
	at := make([][]int, len(runs))
	for i := range runs {
		for _, day := range runs[i].days {
			n, ok := number[day]
			if !ok {
				n = len(names)
				number[day], names = n, append(names, day)
			}
			at[i] = append(at[i], n)
		}
	}
	// Each day's body, its entries from the runs in order, in one buffer:
	// the runs are read in order, a stream of bytes, and each entry copied
	// to the end of its day's body so far, rather than each body gathered
	// from entries all over the runs as it is written.
	sizes := make([]int, len(names))
	for i := range runs {
		for k, day := range runs[i].dayOf {
			sp := runs[i].spans[k]
			sizes[at[i][day]] += int(sp.end - sp.start)
		}
	}
	ends, total := make([]int, len(names)), 0 // each body's end so far
	for n, size := range sizes {
		ends[n] = total
		total += size
	}
	all, bodies := make([]byte, total), make([][]byte, len(names))
	for i := range runs {
		r := &runs[i]
		for k, day := range r.dayOf {
			sp, n := r.spans[k], at[i][day]
			ends[n] += copy(all[ends[n]:], r.chunks[sp.chunk][sp.start:sp.end])
		}
		r.chunks = nil // copied: free for the garbage collector
	}
	for n, end := range ends {
		bodies[n] = all[end-sizes[n] : end : end]
	}
	return keptDays{names: names, bodies: bodies}
}

// keptRun is what one run of agreements comes to: their deadlines encoded
// one after another in chunks, where each is (spans) and which act-by day
// it is on (days[dayOf[k]]); their kept_agreements rows (id, sort key,
// title, events, days); how early an act-by day came.
type keptRun struct {
	chunks     [][]byte
	spans      []entrySpan
	dayOf      []int32
	days       []string
	agreements [][5]string
	gap        int
	scratch    []byte // an entry before its length is known
}

// entrySpan is where an entry is in its run's chunks.
type entrySpan struct{ chunk, start, end int32 }

// entryChunk is the size of the chunks a run's entries are written into:
// the run's hundreds of kilobytes are taken a chunk at a time, not copied
// into ever larger buffers, each twice the one before, that the garbage
// collector counts.
const entryChunk = 64 << 10

// add appends an encoded entry (encodeEntry) to the run, its length
// before it.
func (r *keptRun) add(entry []byte) {
	size := binary.MaxVarintLen64 + len(entry)
	n := len(r.chunks)
	if n == 0 || len(r.chunks[n-1])+size > cap(r.chunks[n-1]) {
		r.chunks = append(r.chunks, make([]byte, 0, max(entryChunk, size)))
		n++
	}
	c := &r.chunks[n-1]
	start := len(*c)
	*c = append(binary.AppendUvarint(*c, uint64(len(entry))), entry...)
	r.spans = append(r.spans, entrySpan{int32(n - 1), int32(start), int32(len(*c))})
}

func (r *keptRun) compute(as []*model.Agreement, keys []string, recs map[string]deadlines.Record, from, to model.Date, names *dayNames) {
	// A register's deadlines fall on a few thousand days: each is
	// numbered once a run, found by its distance from from (one more than
	// its number in near, past the span in far).
	first := from.AddDays(-dayLead)
	near, far := make([]int32, first.DaysUntil(to)+1), map[int]int32{}
	dayNumber := func(d model.Date) int32 {
		i := first.DaysUntil(d)
		if i >= 0 && i < len(near) && near[i] > 0 {
			return near[i] - 1
		}
		n, ok := far[i]
		if !ok {
			n, r.days = int32(len(r.days)), append(r.days, names.of(d))
			if i >= 0 && i < len(near) {
				near[i] = n + 1
			} else {
				far[i] = n
			}
		}
		return n
	}
	var ds []model.Deadline
	var days []int32
	var dayNames []string
	r.agreements = make([][5]string, 0, len(as))
	for i, a := range as {
		ds = deadlines.Append(ds[:0], a, recs[a.ID], from, to, deadlines.Coded)
		days = days[:0]
		for k := range ds {
			d := &ds[k]
			day := dayNumber(d.ActBy)
			if !slices.Contains(days, day) {
				days = append(days, day)
			}
			r.dayOf = append(r.dayOf, day)
			after := d.ActBy.DaysUntil(d.Date)
			r.gap = max(r.gap, after)
			r.scratch = encodeEntry(r.scratch[:0], after, d)
			r.add(r.scratch)
		}
		dayNames = dayNames[:0]
		for _, day := range days {
			dayNames = append(dayNames, r.days[day])
		}
		r.agreements = append(r.agreements, [5]string{a.ID, keys[i], a.Title, strings.Join(deadlines.EventNames(a), "\n"), strings.Join(dayNames, " ")})
	}
}

// dayNames are the days of a kept span as text, each formatted once for
// all the runs that compute it.
type dayNames struct {
	first model.Date // the day of names[0]
	names []string
}

// dayLead is how many days before its span a kept deadline's act-by day
// may come and still be found in dayNames: a deadline dated on the span's
// first day is acted on before a weekend or a holiday.
const dayLead = 31

func newDayNames(from, to model.Date) *dayNames {
	dn := &dayNames{first: from.AddDays(-dayLead)}
	for d := dn.first; !d.After(to); d = d.AddDays(1) {
		dn.names = append(dn.names, d.String())
	}
	return dn
}

// of returns d as text; a nil dn formats every day.
func (dn *dayNames) of(d model.Date) string {
	if dn == nil {
		return d.String()
	}
	if i := dn.first.DaysUntil(d); i >= 0 && i < len(dn.names) {
		return dn.names[i]
	}
	return d.String()
}

// A day's body is its deadlines one after another, each as its length and
// then: the agreement's id, the days from the act-by day to the date, a
// byte of flags, the kind (a byte: keptKinds[byte-1], or 0 and the kind as
// a text) and the texts, every text as its length and bytes, the title,
// act-by reason and explanation in deadlines' coded form. What the day's
// row or the agreement's says is not repeated in every entry:
// the act-by day is the row's, the list order the agreements' sort keys
// (kept_agreements), and the title, when it is its kind's default
// (deadlines.DefaultTitle), a flag.
const (
	flagSupplierDuty = 1 << iota
	flagDone
	flagDefaultTitle
)

// keptKinds are the kinds a kept entry names by a byte. The kept tables hold
// their order: a new kind goes at the end.
var keptKinds = [...]model.DeadlineKind{
	model.DLTermination, model.DLRenewal, model.DLPriceNotice, model.DLIndexation, model.DLPayment,
	model.DLCreditClaim, model.DLObjection, model.DLAcceptanceEnd, model.DLWarrantyEnd, model.DLNonSolicitEnd,
	model.DLConfidentialEnd, model.DLClaims, model.DLMarketingEnd, model.DLDataReturn, model.DLTermsChange,
	model.DLTermsChangeNotice, model.DLAdvanceNotice, model.DLBreachNotice, model.DLCurePeriod, model.DLCustom,
}

// encodeEntry appends one deadline of a day's body to e, dated after days
// after its act-by day, without the length that goes before it (add).
func encodeEntry(e []byte, after int, d *model.Deadline) []byte {
	text := func(b []byte, s string) []byte { return append(binary.AppendUvarint(b, uint64(len(s))), s...) }
	e = text(e, d.AgreementID)
	e = binary.AppendVarint(e, int64(after))
	var flags byte
	if d.SupplierDuty {
		flags |= flagSupplierDuty
	}
	if d.Done {
		flags |= flagDone
	}
	defaultTitle := d.Title == deadlines.DefaultTitle(d.Kind)
	if defaultTitle {
		flags |= flagDefaultTitle
	}
	e = append(e, flags)
	if k := slices.Index(keptKinds[:], d.Kind); k >= 0 {
		e = append(e, byte(k+1))
	} else {
		e = text(append(e, 0), string(d.Kind))
	}
	e = text(e, d.Clause)
	if !defaultTitle {
		e = text(e, d.Title)
	}
	for _, s := range [...]string{d.Subject, d.ActByReason, d.Explanation} {
		e = text(e, s)
	}
	e = binary.AppendUvarint(e, uint64(len(d.Sample)))
	for _, s := range d.Sample {
		e = text(e, s)
	}
	return e
}

// errDamagedKept is a kept deadline that cannot be read back.
var errDamagedKept = errors.New("a kept deadline is damaged")

// keptEntry is one deadline of a day's body, read as far as its date. A
// day's body is read as one string, and every text of its deadlines is a
// part of it: reading a day costs one allocation, not one per text.
type keptEntry struct {
	whole string // the entry with its length, to copy as it is
	id    string
	after int    // days from the act-by day to the date
	rest  string // the flags and texts
}

// varint is binary.Varint reading a string.
func varint(s string) (int64, int) {
	u, w := deadlines.Uvarint(s)
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x, w
}

// nextEntry reads the first entry of body and returns the rest of it.
func nextEntry(body string) (keptEntry, string, error) {
	e, rest, ok := deadlines.CutText(body)
	if !ok {
		return keptEntry{}, "", errDamagedKept
	}
	k := keptEntry{whole: body[:len(body)-len(rest)]}
	k.id, e, ok = deadlines.CutText(e)
	if ok {
		after, w := varint(e)
		k.after, e, ok = int(after), e[w:], w > 0
	}
	if !ok || len(e) == 0 {
		return keptEntry{}, "", errDamagedKept
	}
	k.rest = e
	return k, rest, nil
}

// decode fills d's flags and texts from the entry, the title, act-by
// reason and explanation in the coded form (deadlines.Word words them).
func (k *keptEntry) decode(d *model.Deadline) error {
	s := k.rest
	flags := s[0]
	d.SupplierDuty, d.Done = flags&flagSupplierDuty != 0, flags&flagDone != 0
	s = s[1:]
	ok := true
	read := func(f *string) {
		if ok {
			*f, s, ok = deadlines.CutText(s)
		}
	}
	if s == "" {
		return errDamagedKept
	}
	switch k := int(s[0]); {
	case k == 0:
		var kind string
		s = s[1:]
		read(&kind)
		d.Kind = model.DeadlineKind(kind)
	case k <= len(keptKinds):
		d.Kind, s = keptKinds[k-1], s[1:]
	default:
		return errDamagedKept
	}
	read(&d.Clause)
	if flags&flagDefaultTitle != 0 {
		d.Title = deadlines.DefaultTitle(d.Kind)
	} else {
		read(&d.Title)
	}
	read(&d.Subject)
	read(&d.ActByReason)
	read(&d.Explanation)
	if !ok {
		return errDamagedKept
	}
	n, w := deadlines.Uvarint(s)
	if w == 0 || n > uint64(len(s)) {
		return errDamagedKept
	}
	s = s[w:]
	if n > 0 {
		d.Sample = make([]string, n)
		for i := range d.Sample {
			if d.Sample[i], s, ok = deadlines.CutText(s); !ok {
				return errDamagedKept
			}
		}
	}
	if s != "" {
		return errDamagedKept
	}
	return nil
}

// mergeDay returns a day's body without the deadlines of the agreements in
// drop and with add's, both in list order, merged by the agreements' sort
// keys.
func mergeDay(old string, drop map[string]bool, add string, sortKeys map[string]string) ([]byte, error) {
	out := make([]byte, 0, len(old)+len(add))
	var next keptEntry
	var err error
	have := add != ""
	if have {
		if next, add, err = nextEntry(add); err != nil {
			return nil, err
		}
	}
	for old != "" {
		var e keptEntry
		if e, old, err = nextEntry(old); err != nil {
			return nil, err
		}
		if drop[e.id] {
			continue
		}
		key, ok := sortKeys[e.id]
		if !ok {
			return nil, errDamagedKept // an agreement no longer kept
		}
		for have && sortKeys[next.id] < key {
			out = append(out, next.whole...)
			if have = add != ""; have {
				if next, add, err = nextEntry(add); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, e.whole...)
	}
	if have {
		out = append(append(out, next.whole...), add...)
	}
	return out, nil
}

// parseDay reads an ISO date as the kept tables and the facts write it.
func parseDay(b string) (model.Date, error) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return model.Date{}, errDamagedKept
	}
	num := func(b string) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[:4]), num(b[5:7]), num(b[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return model.Date{}, errDamagedKept
	}
	return model.NewDate(y, time.Month(m), d)
}

// DeadlineAgreement is what the calendar shows of an agreement whether or
// not it has a deadline in view.
type DeadlineAgreement struct {
	ID      string
	SortKey string // its place in the register's list
	Title   string
	Events  []string // the events its deadlines can count from (deadlines.EventNames)
}

// DeadlineAgreements returns every agreement, or the one named, with its
// title and the events its rules count from, in no particular order. An
// unknown agreement is ErrNotFound.
func (s *Store) DeadlineAgreements(ctx context.Context, only string) ([]DeadlineAgreement, error) {
	out, kept, err := s.keptAgreements(ctx, only)
	if err == nil && !kept && s.WaitWrites(ctx) == nil {
		out, kept, err = s.keptAgreements(ctx, only)
	}
	if err != nil || kept {
		return out, err
	}
	as, keys, err := engineAgreements(ctx, s.read, oneAgreement(only))
	if err != nil {
		return nil, err
	}
	if only != "" && len(as) == 0 {
		return nil, fmt.Errorf("agreement %q: %w", only, ErrNotFound)
	}
	out = make([]DeadlineAgreement, len(as))
	for i, a := range as {
		out[i] = DeadlineAgreement{ID: a.ID, SortKey: keys[i], Title: a.Title, Events: deadlines.EventNames(a)}
	}
	return out, nil
}

// keptAgreements reads what DeadlineAgreements returns from the table when
// it is up to date; kept is false when it is not.
func (s *Store) keptAgreements(ctx context.Context, only string) (out []DeadlineAgreement, kept bool, err error) {
	rtx, err := s.read.BeginTx(ctx, nil) // a snapshot: the read pool is query-only
	if err != nil {
		return nil, false, err
	}
	defer rtx.Rollback()
	if behind, err := keptBehind(ctx, rtx); err != nil || behind {
		return nil, false, err
	}
	sc := oneAgreement(only)
	rows, err := rtx.QueryContext(ctx, "SELECT id, sort_key, title, events FROM kept_agreements WHERE true"+sc.on("id"), sc.args...)
	if err != nil {
		return nil, false, err
	}
	out, err = scanAll(rows, func(r scanner) (DeadlineAgreement, error) {
		var a DeadlineAgreement
		var events string
		err := r.Scan(&a.ID, &a.SortKey, &a.Title, &events)
		a.Events = strings.Split(events, "\n")
		return a, err
	})
	if err == nil && only != "" && len(out) == 0 {
		err = fmt.Errorf("agreement %q: %w", only, ErrNotFound)
	}
	return out, true, err
}

// keptBehind reports whether the kept deadlines wait for a write to bring
// them up to date: none are kept yet, or some agreements wait to be
// computed (dirtyLeft).
func keptBehind(ctx context.Context, q *sql.Tx) (bool, error) {
	sp, err := readSpan(ctx, q)
	if err != nil || sp.from == "" {
		return true, err
	}
	return dirtyLeft(ctx, q)
}

// dirtyLeft reports whether agreements wait in kept_dirty for their
// deadlines to be computed: a bulk load leaves them to its end, or to the
// next write when it was stopped.
func dirtyLeft(ctx context.Context, q *sql.Tx) (bool, error) {
	err := q.QueryRowContext(ctx, "SELECT 1 FROM kept_dirty LIMIT 1").Scan(new(int))
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Deadlines returns the deadlines of every agreement, or of the one named,
// that fall in [from, to] as deadlines.Compute counts them, their texts in
// the coded form (deadlines.Word words the ones shown): by act-by day,
// within a day in list order, and each agreement's in the engine's order
// (deadlines.All's result sorted stably by act-by day). Inside the kept
// span they are read from the table; outside it they are computed. An
// unknown agreement is ErrNotFound.
func (s *Store) Deadlines(ctx context.Context, only string, from, to model.Date) ([]model.Deadline, error) {
	var out []model.Deadline
	err := s.DeadlinesEach(ctx, only, from, to, 0, func(ds []model.Deadline) error {
		out = ds
		return nil
	})
	return out, err
}

// DeadlinesEach is Deadlines a batch at a time, for a command that writes
// them as they are read: fn gets them in order, size or a few more at a
// time (whole days), or all at once when size is 0. It may keep each batch.
// It is not called when there are none, unless size is 0.
func (s *Store) DeadlinesEach(ctx context.Context, only string, from, to model.Date, size int, fn func([]model.Deadline) error) error {
	for tried := false; ; tried = true {
		kept, err := s.keptDeadlines(ctx, only, from, to, size, fn)
		if err != nil || kept {
			return err
		}
		want, wantTo := keptSpan(model.DateOf(s.clock()))
		if tried || from.Before(want) || to.After(wantTo) {
			break
		}
		// The kept deadlines are behind: the year has turned since they
		// were computed, or a bulk load left them to the next write. A
		// write of nothing brings them up to date, once, for every reader.
		if err := s.WaitWrites(ctx); err != nil {
			break
		}
	}
	ds, err := s.computeDeadlines(ctx, only, from, to, deadlines.Coded)
	if err != nil {
		return err
	}
	if size == 0 {
		return fn(ds)
	}
	for len(ds) > 0 {
		n := min(size, len(ds))
		if err := fn(ds[:n:n]); err != nil {
			return err
		}
		ds = ds[n:]
	}
	return nil
}

// keptDeadlines reads the deadlines in [from, to] from the table when the
// kept span holds them and they are up to date, in one snapshot, and gives
// them to fn as DeadlinesEach does; kept is false when they are not (and
// fn was not called).
func (s *Store) keptDeadlines(ctx context.Context, only string, from, to model.Date, size int, fn func([]model.Deadline) error) (kept bool, err error) {
	rtx, err := s.read.BeginTx(ctx, nil) // a snapshot: the read pool is query-only
	if err != nil {
		return false, err
	}
	defer rtx.Rollback()
	sp, err := readSpan(ctx, rtx)
	if err != nil || !sp.covers(from, to) {
		return false, err
	}
	if behind, err := dirtyLeft(ctx, rtx); err != nil || behind {
		return false, err
	}
	lo, hi := from.AddDays(-sp.gap).String(), to.String()
	query, args := "SELECT act_by, body FROM kept_days WHERE act_by BETWEEN ? AND ? ORDER BY act_by", []any{lo, hi}
	if only != "" {
		// The days the agreement has deadlines on, not every day's.
		var days string
		err := rtx.QueryRowContext(ctx, "SELECT days FROM kept_agreements WHERE id = ?", only).Scan(&days)
		if errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("agreement %q: %w", only, ErrNotFound)
		}
		if err != nil {
			return false, err
		}
		args = args[:0]
		for _, day := range strings.Fields(days) {
			if lo <= day && day <= hi {
				args = append(args, day)
			}
		}
		if len(args) == 0 {
			if size == 0 {
				return true, fn(nil)
			}
			return true, nil
		}
		query = "SELECT act_by, body FROM kept_days WHERE act_by IN (?" + strings.Repeat(", ?", len(args)-1) + ") ORDER BY act_by"
	}
	rows, err := rtx.QueryContext(ctx, query, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var days, bodies []string
	for rows.Next() {
		var day, body sql.RawBytes
		if err := rows.Scan(&day, &body); err != nil {
			return false, err
		}
		days, bodies = append(days, string(day)), append(bodies, string(body))
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	var out []model.Deadline
	if size == 0 {
		out = make([]model.Deadline, 0, entries(bodies))
	}
	// A day's deadlines are dated a few days after it: each date is
	// counted once a day.
	var dates [8]model.Date
	for i, body := range bodies {
		actBy, err := parseDay(days[i])
		if err != nil {
			return false, err
		}
		clear(dates[:])
		for body != "" {
			var e keptEntry
			if e, body, err = nextEntry(body); err != nil {
				return false, fmt.Errorf("the kept deadlines of %s: %w", actBy, err)
			}
			if only != "" && e.id != only {
				continue
			}
			var date model.Date
			if e.after >= 0 && e.after < len(dates) {
				if dates[e.after].IsZero() {
					dates[e.after] = actBy.AddDays(e.after)
				}
				date = dates[e.after]
			} else {
				date = actBy.AddDays(e.after)
			}
			if date.Before(from) {
				continue
			}
			// Decoded where it goes: a deadline is some 200 bytes, each
			// copy of it a write barrier per pointer while the GC runs.
			out = append(out, model.Deadline{ActBy: actBy, Date: date, AgreementID: e.id, Coded: true})
			if err := e.decode(&out[len(out)-1]); err != nil {
				return false, fmt.Errorf("a kept deadline of %s on %s: %w", e.id, actBy, err)
			}
		}
		if size > 0 && len(out) >= size {
			if err := fn(out); err != nil {
				return true, err
			}
			out = nil
		}
	}
	if size == 0 || len(out) > 0 {
		return true, fn(out)
	}
	return true, nil
}

// entries counts the deadlines in bodies (at most; a damaged entry ends
// the count of its day), so the result is allocated once: a register's are
// megabytes.
func entries(bodies []string) int {
	n := 0
	for _, body := range bodies {
		for ok := true; ok && body != ""; n++ {
			_, body, ok = deadlines.CutText(body)
		}
	}
	return n
}

// computeDeadlines computes what Deadlines returns, outside the kept span,
// in lang (deadlines.Coded there).
func (s *Store) computeDeadlines(ctx context.Context, only string, from, to model.Date, lang model.Lang) ([]model.Deadline, error) {
	as, recs, err := s.DeadlineInputs(ctx, only)
	if err != nil {
		return nil, err
	}
	out, err := deadlines.All(ctx, as, recs, from, to, lang)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b model.Deadline) int { return b.ActBy.DaysUntil(a.ActBy) })
	return out, nil
}

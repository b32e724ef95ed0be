package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/gen"
	"avtal/model/subproc"
)

// movableClock is a store clock a test can move on, as the days pass under
// a long-running server.
type movableClock struct{ at atomic.Pointer[time.Time] }

func newMovableClock(t time.Time) *movableClock {
	c := &movableClock{}
	c.at.Store(&t)
	return c
}

func (c *movableClock) now() time.Time  { return *c.at.Load() }
func (c *movableClock) set(t time.Time) { c.at.Store(&t) }

// openOnClock opens a new register on a clock that starts at t.
func openOnClock(t *testing.T, at time.Time) (*Store, *movableClock) {
	t.Helper()
	clock := newMovableClock(at)
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "avtal.db"), WithClock(clock.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clock
}

// checkKept fails unless what the store keeps equals a fresh computation:
// the deadlines over the kept span, the calendar's horizon, `avtal
// deadlines`'s year and one agreement's, in both languages, and what the
// calendar shows of every agreement.
func checkKept(t *testing.T, s *Store, step string) {
	t.Helper()
	ctx := context.Background()
	today := model.DateOf(s.clock())
	spanFrom, spanTo := keptSpan(today)
	as, _, err := s.DeadlineInputs(ctx, "")
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	ranges := [][2]model.Date{{spanFrom, spanTo}, {today.AddDays(-365), today.AddMonths(60)}, {today, today.AddMonths(12)}}
	onlys := []string{""}
	if len(as) > 0 {
		onlys = append(onlys, as[len(as)/2].ID)
	}
	for _, only := range onlys {
		for _, r := range ranges {
			coded, err := s.computeDeadlines(ctx, only, r[0], r[1], deadlines.Coded)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			// All at once, and in batches as a command writes them.
			for _, size := range []int{0, 7} {
				var got []model.Deadline
				kept, err := s.keptDeadlines(ctx, only, r[0], r[1], size, func(ds []model.Deadline) error {
					if size > 0 && len(ds) == 0 {
						t.Errorf("%s: an empty batch", step)
					}
					got = append(got, ds...)
					return nil
				})
				if err != nil || !kept {
					t.Fatalf("%s: kept deadlines of %q over %s–%s: kept %v, %v", step, only, r[0], r[1], kept, err)
				}
				if d := firstDifference(got, coded); d != "" {
					t.Fatalf("%s: the kept deadlines of %q over %s–%s (batches of %d) differ from a fresh computation in the coded form: %s", step, only, r[0], r[1], size, d)
				}
				// Worded, they are what each language computes.
				for _, lang := range []model.Lang{model.English, model.Swedish} {
					want, err := s.computeDeadlines(ctx, only, r[0], r[1], lang)
					if err != nil {
						t.Fatalf("%s: %v", step, err)
					}
					if d := firstDifference(worded(t, got, lang), want); d != "" {
						t.Fatalf("%s: the kept deadlines of %q over %s–%s (lang %d, batches of %d), worded, differ from a fresh computation: %s", step, only, r[0], r[1], lang, size, d)
					}
				}
			}
		}
	}
	kept, err := s.DeadlineAgreements(ctx, "")
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if len(kept) != len(as) {
		t.Fatalf("%s: %d agreements kept, %d in the register", step, len(kept), len(as))
	}
	_, keys, err := engineAgreements(ctx, s.read, scope{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]DeadlineAgreement{}
	for _, k := range kept {
		byID[k.ID] = k
	}
	for i, a := range as {
		want := DeadlineAgreement{ID: a.ID, SortKey: keys[i], Title: a.Title, Events: deadlines.EventNames(a)}
		if got := byID[a.ID]; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: agreement %s kept as %+v, want %+v", step, a.ID, got, want)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM kept_dirty"); n != 0 {
		t.Fatalf("%s: %d agreements left dirty", step, n)
	}
	// Each day's digest is its body's, as a full computation trusts.
	rows, err := s.read.QueryContext(ctx, "SELECT act_by, digest, body FROM kept_days")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var digest, body []byte
		if err := rows.Scan(&day, &digest, &body); err != nil {
			t.Fatal(err)
		}
		if string(digest) != dayDigest(body) {
			t.Fatalf("%s: the digest of %s is %x, its body's %x", step, day, digest, dayDigest(body))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// worded returns ds worded in lang (deadlines.Word).
func worded(t *testing.T, ds []model.Deadline, lang model.Lang) []model.Deadline {
	t.Helper()
	out := slices.Clone(ds)
	for i := range out {
		if err := deadlines.Word(&out[i], lang); err != nil {
			t.Fatalf("deadline %d (%s): %v", i, out[i].Key(), err)
		}
	}
	return out
}

// firstDifference describes the first difference between two lists of
// deadlines, or returns "" when they are the same (an empty sample being
// no sample).
func firstDifference(got, want []model.Deadline) string {
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) {
			return fmt.Sprintf("%d deadlines, want %d", len(got), len(want))
		}
		g, w := got[i], want[i]
		if len(g.Sample) == 0 && len(w.Sample) == 0 {
			g.Sample, w.Sample = nil, nil
		}
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("deadline %d is\n%+v\nwant\n%+v", i, g, w)
		}
	}
	return ""
}

// TestKeptDeadlinesFollowEveryWrite applies a seeded random series of
// writes through the store's methods, each of them a change to something
// deadlines count from, and checks after each that the kept deadlines
// equal a fresh computation. Midway the year turns.
func TestKeptDeadlinesFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	s, clock := openOnClock(t, time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC))
	items := slices.Collect(gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 40, Seed: 20, Today: model.MustDate(2026, 6, 1)})))
	if _, err := s.BulkLoad(ctx, slices.Values(items[:30]), nil); err != nil {
		t.Fatal(err)
	}
	checkKept(t, s, "after the bulk load")

	r := rand.New(rand.NewPCG(20, 26))
	ids := func() []string {
		ids, err := s.IDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	pick := func() string { l := ids(); return l[r.IntN(len(l))] }
	day := func() model.Date { return model.MustDate(2026, 1, 1).AddDays(r.IntN(900)) }
	aDeadline := func(id string) (model.Deadline, bool) {
		ds, err := s.Deadlines(ctx, id, model.MustDate(2025, 1, 1), model.MustDate(2028, 12, 31))
		if err != nil || len(ds) == 0 {
			return model.Deadline{}, false
		}
		return ds[r.IntN(len(ds))], true
	}
	next := 30
	writes := []struct {
		name  string
		write func() error
	}{
		{"record an event", func() error {
			id := pick()
			a, err := s.Agreement(ctx, id)
			if err != nil {
				return err
			}
			names := deadlines.EventNames(a)
			_, err = s.RecordEvent(ctx, id, deadlines.Event{Name: names[r.IntN(len(names))], Date: day(), Ref: fmt.Sprint(r.IntN(3))})
			return err
		}},
		{"delete an event", func() error {
			evs, err := s.Events(ctx, pick())
			if err != nil || len(evs) == 0 {
				return err
			}
			_, err = s.DeleteEvent(ctx, evs[r.IntN(len(evs))].ID)
			return err
		}},
		{"add an incident", func() error {
			start := day().Time(time.UTC).Add(time.Duration(r.IntN(24)) * time.Hour)
			inc := model.Incident{AgreementID: pick(), Start: start, End: start.Add(time.Duration(1+r.IntN(30)) * time.Hour),
				Planned: r.IntN(4) == 0, Excluded: r.IntN(4) == 0, Description: "random"}
			if inc.Excluded {
				inc.ExcludeReason = "force majeure"
			}
			_, err := s.AddIncident(ctx, &inc)
			return err
		}},
		{"change or delete an incident", func() error {
			id := pick()
			incs, err := s.Incidents(ctx, id, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil || len(incs) == 0 {
				return err
			}
			inc := incs[r.IntN(len(incs))]
			if r.IntN(2) == 0 {
				return s.DeleteIncident(ctx, id, inc.ID)
			}
			inc.Excluded, inc.Planned = !inc.Excluded, r.IntN(3) == 0
			inc.End = inc.End.Add(time.Duration(r.IntN(72)) * time.Hour)
			if inc.Excluded {
				inc.ExcludeReason = "force majeure"
			}
			return s.UpdateIncident(ctx, &inc)
		}},
		{"record a notice", func() error {
			_, err := s.RecordNotice(ctx, pick(), subproc.Notice{Received: day(), Change: subproc.ChangeAdd,
				Sub: model.SubProcessor{Name: fmt.Sprintf("Underbiträde %d AB", r.IntN(1000)), Country: "SE", Status: model.SubProposed}})
			return err
		}},
		{"decide or reopen a notice", func() error {
			ns, err := s.Notices(ctx, pick())
			if err != nil || len(ns) == 0 {
				return err
			}
			n := ns[r.IntN(len(ns))]
			if n.Notice.Decision != nil {
				_, err = s.UndoDecision(ctx, n.ID)
				return err
			}
			return s.DecideNotice(ctx, n.ID, subproc.Decision{Verdict: subproc.Accept, Date: n.Notice.Received.AddDays(2)})
		}},
		{"mark a deadline done or undo it", func() error {
			id := pick()
			d, ok := aDeadline(id)
			if !ok {
				return nil
			}
			if d.Done {
				return s.UndoDone(ctx, id, d.Key())
			}
			return s.MarkDone(ctx, id, d.Key(), d.ActBy, "done")
		}},
		{"snooze a deadline", func() error {
			id := pick()
			if d, ok := aDeadline(id); ok {
				return s.Snooze(ctx, id, d.Key(), d.ActBy.AddDays(5))
			}
			return nil
		}},
		{"add an own deadline", func() error {
			return s.AddRule(ctx, pick(), model.Rule{Kind: model.DLCustom, Anchor: model.AnchorDate, On: day().String(), Clause: "own", Title: "Own check"})
		}},
		{"set fields", func() error {
			fields := []string{"term.notice=" + fmt.Sprint(1+r.IntN(9)) + " months", "start=" + day().String(), "title=Avtal " + fmt.Sprint(r.IntN(100)), "term.renewal=" + fmt.Sprint(6+r.IntN(18)) + " months"}
			_, err := s.SetFields(ctx, pick(), []string{fields[r.IntN(len(fields))]})
			return err
		}},
		{"edit an agreement", func() error {
			_, err := s.EditAgreement(ctx, pick(), func(a *model.Agreement) error {
				a.Rules = append(a.Rules, model.Rule{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: fmt.Sprintf("%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), Clause: "9.9"})
				return nil
			})
			return err
		}},
		{"replace an agreement", func() error {
			a, err := s.Agreement(ctx, pick())
			if err != nil {
				return err
			}
			a.Title = "Ersatt " + a.Title
			a.Supplier.Name = fmt.Sprintf("Leverantör %d", r.IntN(50))
			return s.PutAgreement(ctx, a, true)
		}},
		{"add an agreement", func() error {
			if next == len(items) {
				return nil
			}
			next++
			return s.PutAgreement(ctx, items[next-1].Agreement, false)
		}},
	}
	for i := range 120 {
		w := writes[r.IntN(len(writes))]
		if i == 60 {
			clock.set(time.Date(2027, time.January, 1, 0, 30, 0, 0, time.UTC))
		}
		err := w.write()
		if err != nil && strings.Contains(err.Error(), "keep the deadlines") {
			t.Fatalf("step %d, %s: %v", i, w.name, err)
		}
		checkKept(t, s, fmt.Sprintf("step %d, %s (%v)", i, w.name, err))
	}
}

// TestKeptDeadlinesMoveWithTheYear: a register opened in one year keeps
// the span of that year; the first request in the next year that needs
// the new span moves it, whether or not anything was written.
func TestKeptDeadlinesMoveWithTheYear(t *testing.T) {
	ctx := context.Background()
	s, clock := openOnClock(t, time.Date(2026, time.December, 31, 23, 0, 0, 0, time.UTC))
	putAll(t, s, withEventRules("a", "Alfa AB"), sampleAgreement("b", "Beta AB"))
	sp, _ := readSpan(ctx, s.read)
	if sp.from != "2025-01-01" || sp.to != "2031-12-31" {
		t.Fatalf("span %+v, want 2025-01-01–2031-12-31", sp)
	}
	clock.set(time.Date(2027, time.January, 1, 1, 0, 0, 0, time.UTC))
	// Inside the old span: read as kept, nothing moves.
	if _, err := s.Deadlines(ctx, "", model.MustDate(2027, 1, 1), model.MustDate(2028, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if sp, _ = readSpan(ctx, s.read); sp.from != "2025-01-01" {
		t.Fatalf("span moved to %+v for a request inside it", sp)
	}
	// The calendar's horizon now reaches 2032: the span moves.
	got, err := s.Deadlines(ctx, "", model.MustDate(2026, 1, 1), model.MustDate(2032, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if sp, _ = readSpan(ctx, s.read); sp.from != "2026-01-01" || sp.to != "2032-12-31" {
		t.Fatalf("span %+v, want 2026-01-01–2032-12-31", sp)
	}
	want, _ := s.computeDeadlines(ctx, "", model.MustDate(2026, 1, 1), model.MustDate(2032, 1, 1), model.English)
	if d := firstDifference(worded(t, got, model.English), want); d != "" {
		t.Fatal(d)
	}
	checkKept(t, s, "after the year turned")
	// Outside any span: computed.
	got, err = s.Deadlines(ctx, "", model.MustDate(2040, 1, 1), model.MustDate(2041, 1, 1))
	want, _ = s.computeDeadlines(ctx, "", model.MustDate(2040, 1, 1), model.MustDate(2041, 1, 1), model.Swedish)
	if err != nil || len(got) == 0 || firstDifference(worded(t, got, model.Swedish), want) != "" {
		t.Fatalf("deadlines of 2040: %d, %v", len(got), err)
	}
	if _, err := s.Deadlines(ctx, "nosuch", model.MustDate(2027, 1, 1), model.MustDate(2028, 1, 1)); !errorsIsNotFound(err) {
		t.Errorf("unknown agreement: %v, want ErrNotFound", err)
	}
}

func errorsIsNotFound(err error) bool {
	return err != nil && strings.Contains(err.Error(), ErrNotFound.Error())
}

// TestWriteFailsWhenItsDeadlinesCannotBeKept: a write whose agreement's
// deadlines cannot be computed (its facts are damaged) is not written at
// all, and the kept deadlines stay as they were.
func TestWriteFailsWhenItsDeadlinesCannotBeKept(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("a", "Alfa AB"))
	before := count(t, s, "SELECT count(*) FROM kept_days")
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO events(agreement_id, name, date) VALUES ('a', 'downtime', '2026-11-02')"); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE agreements SET facts = '{"term": 7' WHERE id = 'a'`)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "keep the deadlines") {
		t.Fatalf("write with damaged facts: %v, want it refused", err)
	}
	if n := count(t, s, "SELECT count(*) FROM events"); n != 0 {
		t.Errorf("%d events written by a failed write", n)
	}
	if n := count(t, s, "SELECT count(*) FROM kept_days"); n != before || n == 0 {
		t.Errorf("%d kept deadlines after the failed write, %d before", n, before)
	}
	checkKept(t, s, "after the failed write")
}

// TestUpgradeKeepsEveryDeadline: opening a register of an earlier schema
// (the schema 1 and schema 8 fixtures, which hold events, incidents, open
// notices and done marks) computes every deadline in the upgrade, equal to
// a fresh computation, and the one that the schema 10 step restores, an
// objection deadline, is among them.
func TestUpgradeKeepsEveryDeadline(t *testing.T) {
	ctx := context.Background()
	for _, fixture := range []string{"schema-1.db", "schema-8.db"} {
		t.Run(fixture, func(t *testing.T) {
			s, err := Open(ctx, copyFixture(t, filepath.Join("testdata", fixture)), testClock)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if n := count(t, s, "SELECT count(*) FROM kept_days"); n == 0 {
				t.Fatal("no deadlines kept after the upgrade")
			}
			checkKept(t, s, "after the upgrade")
			if fixture != "schema-8.db" {
				return
			}
			ds, err := s.Deadlines(ctx, "fixture-dpa", model.MustDate(2026, 11, 1), model.MustDate(2026, 12, 31))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(ds, func(d model.Deadline) bool {
				return d.Kind == model.DLObjection && d.Date == model.MustDate(2026, 11, 16)
			}) {
				t.Errorf("no objection deadline on 2026-11-16 kept: %+v", ds)
			}
		})
	}
}

// TestFullComputationFailsAsAWhole: when the computation of every
// agreement's deadlines fails (one agreement's facts are damaged), the old
// kept rows are all still there.
func TestFullComputationFailsAsAWhole(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("a", "Alfa AB"), sampleAgreement("b", "Beta AB"), sampleAgreement("c", "Gamma AB"))
	days, agreements := count(t, s, "SELECT count(*) FROM kept_days"), count(t, s, "SELECT count(*) FROM kept_agreements")
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM kept_span"); err != nil { // every deadline again
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE agreements SET facts = '{"term": 7' WHERE id = 'b'`)
		return err
	})
	if err == nil {
		t.Fatal("a full computation with damaged facts committed")
	}
	if n := count(t, s, "SELECT count(*) FROM kept_days"); n != days || n == 0 {
		t.Errorf("%d kept days after the failed computation, %d before", n, days)
	}
	if n := count(t, s, "SELECT count(*) FROM kept_agreements"); n != agreements || n != 3 {
		t.Errorf("%d kept agreements after the failed computation, %d before", n, agreements)
	}
	checkKept(t, s, "after the failed computation")
}

// TestPutRowsStopsAtAFailedRow: a row that breaks a constraint fails the
// statement it is in, putRows returns the error without filling the rows
// after that statement's next, and the transaction rolled back keeps none.
func TestPutRowsStopsAtAFailedRow(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const n, repeat = 5 * rowsAStatement, 2*rowsAStatement + 3
	var filled atomic.Int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return putRows(ctx, tx, "kept_dirty(agreement_id)", n, func(i int, row []any) {
			filled.Add(1)
			if i == repeat {
				i = 0 // the key of row 0 again
			}
			row[0] = fmt.Sprintf("id-%04d", i)
		})
	})
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("putRows with a repeated key: %v, want a failed UNIQUE constraint", err)
	}
	if got, most := filled.Load(), int64(4*rowsAStatement); got > most {
		t.Errorf("%d rows filled, want at most %d: fill went on after the failure", got, most)
	}
	if got := count(t, s, "SELECT count(*) FROM kept_dirty"); got != 0 {
		t.Errorf("%d rows left by the failed transaction", got)
	}
}

// TestFullComputationWritesWhatChanged: a full computation puts right
// every kept row that is not what it computes (a day's body changed, a day
// and an agreement missing, a day that has no deadlines) and leaves the
// others as they were, not written again; when most agreements changed,
// it writes them all anew.
func TestFullComputationWritesWhatChanged(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("a", "Alfa AB"), sampleAgreement("b", "Beta AB"), sampleAgreement("c", "Gamma AB"),
		sampleAgreement("d", "Delta AB"), sampleAgreement("e", "Epsilon AB"))
	days := slices.Sorted(maps.Keys(columnSet(t, s.read, "SELECT act_by FROM kept_days")))
	if len(days) < 3 {
		t.Fatalf("%d kept days, want at least 3", len(days))
	}
	changed, missing := days[0], days[1]
	// The writing connection notes every row written, in a table of its own.
	for _, q := range []string{
		"CREATE TEMP TABLE written(key TEXT)",
		"CREATE TEMP TRIGGER days_written AFTER INSERT ON main.kept_days BEGIN INSERT INTO written VALUES (new.act_by); END",
		"CREATE TEMP TRIGGER agreements_written AFTER INSERT ON main.kept_agreements BEGIN INSERT INTO written VALUES (new.id); END",
	} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			"DELETE FROM kept_span", // every deadline again
			"UPDATE kept_days SET body = substr(body, 1, length(body) - 1), digest = x'00' WHERE act_by = '" + changed + "'",
			"DELETE FROM kept_days WHERE act_by = '" + missing + "'",
			"INSERT INTO kept_days VALUES ('1999-01-01', x'00', x'00')",
			"DELETE FROM kept_agreements WHERE id = 'b'",
			"UPDATE kept_agreements SET title = 'Old title' WHERE id = 'c'",
			"DELETE FROM temp.written",
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkKept(t, s, "after the full computation")
	if _, ok := columnSet(t, s.read, "SELECT act_by FROM kept_days")["1999-01-01"]; ok {
		t.Error("a day without deadlines is still kept")
	}
	written := slices.Sorted(maps.Keys(columnSet(t, s.write, "SELECT key FROM temp.written")))
	if want := []string{changed, missing, "b", "c"}; !slices.Equal(written, want) {
		t.Errorf("rows written again: %v, want %v", written, want)
	}

	err = s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM kept_span; UPDATE kept_agreements SET title = 'Old title' WHERE id IN ('a', 'b', 'c'); DELETE FROM temp.written")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkKept(t, s, "after most agreements changed")
	written = slices.Sorted(maps.Keys(columnSet(t, s.write, "SELECT key FROM temp.written")))
	if want := []string{"a", "b", "c", "d", "e"}; !slices.Equal(written, want) {
		t.Errorf("rows written again when most agreements changed: %v, want %v", written, want)
	}
}

// columnSet returns the values of the query's one column.
func columnSet(t *testing.T, db *sql.DB, query string) map[string]bool {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out[v] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFullComputationCheckpointsAfter: a full computation's commit leaves
// its pages in the log, and a checkpoint after it folds them into the file
// (Close waits for it); the writing connection checkpoints again at its
// next commits, so the log does not grow without end.
func TestFullComputationCheckpointsAfter(t *testing.T) {
	defer func(was int) { largeComputation = was }(largeComputation)
	largeComputation = 2
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("a", "Alfa AB"), sampleAgreement("b", "Beta AB"))
	if err := s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM kept_span")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s.checkpoints.Wait()
	var busy, logged, folded int
	if err := s.read.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logged, &folded); err != nil {
		t.Fatal(err)
	}
	if busy != 0 || logged != folded {
		t.Errorf("after the checkpoint: busy %d, %d pages in the log, %d of them in the file", busy, logged, folded)
	}
	var auto int
	if err := s.write.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil {
		t.Fatal(err)
	}
	if auto != autoCheckpoint {
		t.Errorf("the writer checkpoints after %d pages, want %d", auto, autoCheckpoint)
	}
	checkKept(t, s, "after the full computation")
}

// TestCollectLess checks that a full computation raises the garbage
// collector's percentage only while it runs, nested or not, never lowers
// one set higher, and leaves one the program set meanwhile.
func TestCollectLess(t *testing.T) {
	gc := debug.SetGCPercent(100)
	defer debug.SetGCPercent(gc)
	percent := func() int { // reads it without changing it
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	outer := collectLess(10_000)
	inner := collectLess(10_000)
	if p := percent(); p != lessGC {
		t.Fatalf("while two computations run: %d, want %d", p, lessGC)
	}
	inner()
	if p := percent(); p != lessGC {
		t.Fatalf("while one computation runs: %d, want %d", p, lessGC)
	}
	outer()
	if p := percent(); p != 100 {
		t.Fatalf("after the computations: %d, want 100", p)
	}

	collectLess(lessGCAgreements + 1)()
	if p := percent(); p != 100 {
		t.Fatalf("a large register: %d, want 100", p)
	}

	debug.SetGCPercent(800)
	done := collectLess(10_000)
	if p := percent(); p != 800 {
		t.Fatalf("a higher percentage lowered to %d", p)
	}
	done()
	if p := percent(); p != 800 {
		t.Fatalf("a higher percentage put back as %d", p)
	}

	debug.SetGCPercent(100)
	done = collectLess(10_000)
	debug.SetGCPercent(50) // the program's own, meanwhile
	done()
	if p := percent(); p != 50 {
		t.Fatalf("the program's percentage replaced by %d", p)
	}
}

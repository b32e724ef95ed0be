package store

import (
	"context"
	"errors"
	"iter"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"avtal/model/gen"
)

// checkWhole asserts that the file is sound, every reference resolves, and
// the full-text index holds exactly the clauses.
func checkWhole(t *testing.T, s *Store) {
	t.Helper()
	var ok string
	if err := s.read.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q, %v", ok, err)
	}
	rows, err := s.read.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports a row pointing at nothing")
	}
	rows.Close()
	if _, err := s.write.Exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("the search index does not match the clauses: %v", err)
	}
	if n := count(t, s, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'clauses_ai'"); n != 1 {
		t.Error("the insert trigger of the search index is missing")
	}
}

func TestBulkLoadGenerated(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	items := slices.Collect(gen.New(gen.Config{Agreements: 50, Seed: 11}).All())
	bulk := make([]BulkItem, len(items))
	var want BulkStats
	withWord := 0
	for i, it := range items {
		bulk[i] = BulkItem(it)
		want.Agreements++
		want.Clauses += it.Clauses()
		want.SubProcessors += len(it.Agreement.Subs)
		want.Incidents += len(it.Incidents)
		want.Events += len(it.Events)
		for _, d := range it.Agreement.Documents {
			for _, c := range d.Clauses {
				if strings.Contains(strings.ToLower(c.Heading), "uppsägning") || strings.Contains(strings.ToLower(c.Body), "uppsägning") {
					withWord++
				}
			}
		}
	}
	var calls []BulkStats
	got, err := s.BulkLoad(ctx, slices.Values(bulk), func(st BulkStats) { calls = append(calls, st) })
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("stats %+v, want %+v", got, want)
	}
	// 50 agreements fit one batch of 200: one progress call with the total.
	if len(calls) != 1 || calls[0] != want {
		t.Errorf("progress calls %+v, want one with %+v", calls, want)
	}
	for table, n := range map[string]int{"agreements": want.Agreements, "clauses": want.Clauses,
		"subprocessors": want.SubProcessors, "incidents": want.Incidents, "events": want.Events} {
		if c := count(t, s, "SELECT count(*) FROM "+table); c != n {
			t.Errorf("%s holds %d rows, want %d", table, c, n)
		}
	}
	if withWord == 0 {
		t.Fatal("seed 11 has no clause with \"uppsägning\"; pick another seed")
	}
	if n := indexedHolding(t, s, "uppsägning"); n != withWord {
		t.Errorf("search for uppsägning finds %d clauses, want %d", n, withWord)
	}
	// The load's index settings are back to FTS5's defaults for everyday writes.
	if n := count(t, s, "SELECT v FROM clauses_fts_config WHERE k = 'hashsize'"); n != 1048576 {
		t.Errorf("FTS hashsize %d after the load, want the default 1048576", n)
	}
	if n := count(t, s, "SELECT v FROM clauses_fts_config WHERE k = 'automerge'"); n != 4 {
		t.Errorf("FTS automerge %d after the load, want the default 4", n)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE action = 'bulk_load'"); n != 1 {
		t.Errorf("%d bulk_load entries in the audit log, want 1", n)
	}
	checkWhole(t, s)
	for _, i := range []int{0, 49} {
		a, err := s.Agreement(ctx, items[i].Agreement.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, items[i].Agreement) {
			t.Errorf("%s reads back different from what was generated", a.ID)
		}
	}
	var start, reported string
	if err := s.read.QueryRow("SELECT start, reported FROM incidents ORDER BY id LIMIT 1").Scan(&start, &reported); err != nil ||
		!strings.HasSuffix(start, "Z") || len(start) != len("2025-01-02T03:04:05Z") {
		t.Errorf("incident start stored as %q (%v), want RFC 3339", start, err)
	}
}

// The trigger BulkLoad restores is the one the migration made, word for word.
func TestBulkLoadRestoresTrigger(t *testing.T) {
	s := openTemp(t)
	trigger := func() string {
		var q string
		if err := s.read.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'clauses_ai'").Scan(&q); err != nil {
			t.Fatal(err)
		}
		return q
	}
	before := trigger()
	if _, err := s.BulkLoad(context.Background(), gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 1, Seed: 1})), nil); err != nil {
		t.Fatal(err)
	}
	if after := trigger(); after != before {
		t.Errorf("trigger after the load:\n%s\nwant the migration's:\n%s", after, before)
	}
}

func TestBulkLoadOnlyAdds(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	load := func() error {
		_, err := s.BulkLoad(ctx, gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 5, Seed: 2})), nil)
		return err
	}
	if err := load(); err != nil {
		t.Fatal(err)
	}
	if err := load(); !errors.Is(err, ErrConflict) {
		t.Errorf("loading seed 2 twice: %v, want ErrConflict", err)
	}
	if n := count(t, s, "SELECT count(*) FROM agreements"); n != 5 {
		t.Errorf("%d agreements after the refused load, want 5", n)
	}
	checkWhole(t, s)
}

// A cancelled load rolls back its open batch and still leaves the index
// and its trigger whole.
func TestBulkLoadCancelled(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	var items iter.Seq[BulkItem] = func(yield func(BulkItem) bool) {
		i := 0
		for it := range gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 20, Seed: 3})) {
			if i++; i == 10 {
				cancel()
			}
			if !yield(it) {
				return
			}
		}
	}
	_, err := s.BulkLoad(ctx, items, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load: %v, want context.Canceled", err)
	}
	if n := count(t, s, "SELECT count(*) FROM agreements"); n != 0 {
		t.Errorf("%d agreements after a load cancelled in its first batch, want 0", n)
	}
	checkWhole(t, s)
}

// A load that died between batches leaves the trigger dropped and clauses
// unindexed; the next Open rebuilds the index and restores the trigger.
func TestOpenFinishesInterruptedLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "avtal.db")
	ctx := context.Background()
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.Exec("DROP TRIGGER clauses_ai"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAgreement(ctx, sampleAgreement("centuri-saas", "Centuri AB"), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path, testClock); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// sampleAgreement's clause 1.1 reads "Uppsägningstid sex månader."
	if n := indexedHolding(t, s, "uppsägningstid"); n != 1 {
		t.Errorf("search after reopening finds %d clauses, want 1", n)
	}
	checkWhole(t, s)
}

// BenchmarkBulkInsert loads BulkBatch generated agreements (about 20 000
// clauses) into a new register per op, index rebuild and statistics
// included; generating them is not timed.
func BenchmarkBulkInsert(b *testing.B) {
	ctx := context.Background()
	g := gen.New(gen.Config{Agreements: math.MaxInt, Seed: 1})
	clauses := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "avtal.db"), testClock)
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]BulkItem, BulkBatch)
		for i := range batch {
			it, _ := g.Next()
			batch[i], clauses = BulkItem(it), clauses+it.Clauses()
		}
		b.StartTimer()
		if _, err := s.BulkLoad(ctx, slices.Values(batch), nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(clauses)/b.Elapsed().Seconds(), "clauses/s")
}

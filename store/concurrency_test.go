package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
)

// concurrencyTime is how long TestConcurrentSessions writes and reads;
// AVTAL_CONCURRENCY_TIME (a Go duration) makes it longer.
func concurrencyTime(t *testing.T) time.Duration {
	if s := os.Getenv("AVTAL_CONCURRENCY_TIME"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("AVTAL_CONCURRENCY_TIME: %v", err)
		}
		return d
	}
	if testing.Short() {
		return 300 * time.Millisecond
	}
	return 2 * time.Second
}

// written is what one writer stored and must find again afterwards.
type written struct {
	agreements []string
	incidents  map[int64]string // id → description
	notes      map[int64]string // id → text
	notices    map[int64]string // id → sub-processor name
	events     map[int64]string // id → ref
	audits     int              // audit entries its writes must have added
	slowest    time.Duration    // the longest a write took, waits included
}

// TestConcurrentSessions runs 20 writers, each with a Store of its own on
// one file (as 20 programs or SSH sessions would), adding agreements with
// clauses, incidents, clause notes, sub-processor notices and events, while
// 6 more sessions page, read, search and read the audit log. No operation may fail — in particular none with
// "database is locked" — and afterwards every write is there, the counts
// are exact, and the file passes every integrity check.
func TestConcurrentSessions(t *testing.T) {
	const writers, readers = 20, 6
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	setup, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	base := []*model.Agreement{sampleAgreement("base-a", "A"), sampleAgreement("base-b", "B")}
	if err := setup.PutAgreements(ctx, base, false); err != nil {
		t.Fatal(err)
	}
	var clauseID int64
	if err := setup.read.QueryRow("SELECT min(id) FROM clauses WHERE agreement_id = 'base-a'").Scan(&clauseID); err != nil {
		t.Fatal(err)
	}
	setup.Close()

	open := func() *Store {
		s, err := Open(ctx, path, testClock)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	sessions := make([]*Store, writers+readers)
	for i := range sessions {
		sessions[i] = open()
	}

	deadline := time.Now().Add(concurrencyTime(t))
	errs := &errorLog{}
	results := make([]written, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[w] = write(ctx, sessions[w], w, clauseID, deadline, errs)
		}()
	}
	reads := make([]int, readers)
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reads[r] = read(ctx, sessions[writers+r], deadline, errs)
		}()
	}
	wg.Wait()
	for _, err := range errs.first {
		t.Errorf("a session saw an error: %v", err)
	}
	failures := errs.n
	if failures > len(errs.first) {
		t.Errorf("… %d errors in all", failures)
	}

	check := open()
	var wantAgreements, wantIncidents, wantNotes, wantNotices, wantEvents, wantAudits int
	var slowest time.Duration
	for w, res := range results {
		slowest = max(slowest, res.slowest)
		for _, id := range res.agreements {
			a, err := check.Agreement(ctx, id)
			if err != nil || len(a.Documents) != 1 || len(a.Documents[0].Clauses) != 2 {
				t.Errorf("writer %d's agreement %s: %+v, %v; want it with its document and 2 clauses", w, id, a, err)
			}
		}
		for _, c := range []struct {
			query string
			rows  map[int64]string
		}{
			{"SELECT description FROM incidents WHERE id = ?", res.incidents},
			{"SELECT text FROM clause_notes WHERE id = ?", res.notes},
			{"SELECT name FROM sub_notices WHERE id = ?", res.notices},
			{"SELECT ref FROM events WHERE id = ?", res.events},
		} {
			for id, want := range c.rows {
				var got string
				if err := check.read.QueryRow(c.query, id).Scan(&got); err != nil || got != want {
					t.Errorf("writer %d: %s with %d = %q, %v; want %q", w, c.query, id, got, err, want)
				}
			}
		}
		wantAgreements += len(res.agreements)
		wantIncidents += len(res.incidents)
		wantNotes += len(res.notes)
		wantNotices += len(res.notices)
		wantEvents += len(res.events)
		wantAudits += res.audits
	}
	counts := tableCounts(t, check.read)
	if got, want := counts["agreements"], len(base)+wantAgreements; got != want {
		t.Errorf("%d agreements, want %d", got, want)
	}
	for table, want := range map[string]int{"incidents": wantIncidents, "clause_notes": wantNotes, "sub_notices": wantNotices, "events": wantEvents} {
		if got := counts[table]; got != want {
			t.Errorf("%d rows in %s, want %d", got, table, want)
		}
	}
	if got, want := counts["audit_log"], len(base)+wantAudits; got != want {
		t.Errorf("%d audit entries, want %d (one per write)", got, want)
	}
	checkIntact(t, check.write)
	if min(wantAgreements, wantIncidents, wantNotes, wantNotices, wantEvents) == 0 {
		t.Errorf("the writers wrote %d agreements, %d incidents, %d notes, %d notices, %d events; the test proves nothing",
			wantAgreements, wantIncidents, wantNotes, wantNotices, wantEvents)
	}
	totalReads := 0
	for _, n := range reads {
		totalReads += n
	}
	t.Logf("%d writers, %d readers: %d writes (%d agreements with 2 clauses each, %d incidents, %d notes, %d notices, %d events), %d reads, %d errors; slowest write %v",
		writers, readers, wantAgreements+wantIncidents+wantNotes+wantNotices+wantEvents,
		wantAgreements, wantIncidents, wantNotes, wantNotices, wantEvents, totalReads, failures, slowest.Round(time.Millisecond))
}

// errorLog counts the errors the sessions see and keeps the first few.
type errorLog struct {
	mu    sync.Mutex
	n     int
	first []error
}

func (l *errorLog) add(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	if len(l.first) < 10 {
		l.first = append(l.first, err)
	}
}

// write stores agreements, incidents, notes on clauseID, notices and
// events through s, taking turns, each at least once and then until
// deadline, and returns what it stored.
func write(ctx context.Context, s *Store, w int, clauseID int64, deadline time.Time, errs *errorLog) written {
	res := written{incidents: map[int64]string{}, notes: map[int64]string{}, notices: map[int64]string{}, events: map[int64]string{}}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// Each kind of write at least once, however slowly the machine runs.
	for n := 0; n < 5 || time.Now().Before(deadline); n++ {
		label := fmt.Sprintf("w%02d-%05d", w, n)
		var id int64
		var err error
		var rows map[int64]string
		began := time.Now()
		switch n % 5 {
		case 0:
			a := sampleAgreement(label, fmt.Sprintf("Writer %d", w))
			a.Subs = nil
			a.Documents = a.Documents[:1]
			if err = s.PutAgreement(ctx, a, false); err == nil {
				res.agreements = append(res.agreements, a.ID)
			}
		case 1:
			at := start.Add(time.Duration(w*100000+n) * time.Minute)
			inc := model.Incident{AgreementID: "base-a", Start: at, End: at.Add(time.Minute), Description: label}
			id, err = s.AddIncident(ctx, &inc)
			rows = res.incidents
		case 2:
			var note Note
			note, err = s.AddNote(ctx, clauseID, label, "")
			id, rows = note.ID, res.notes
		case 3:
			id, err = s.RecordNotice(ctx, "base-a", subproc.Notice{Received: model.MustDate(2026, 11, 2), Change: subproc.ChangeAdd,
				Sub: model.SubProcessor{Name: label, Country: "SE", Purpose: "drift"}})
			rows = res.notices
		case 4:
			id, err = s.RecordEvent(ctx, "base-a", deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 11, 24), Ref: label})
			rows = res.events
		}
		res.slowest = max(res.slowest, time.Since(began))
		if err != nil {
			errs.add(fmt.Errorf("writer %d, write %s: %w", w, label, err))
			continue
		}
		if rows != nil {
			rows[id] = label
		}
		res.audits++
	}
	return res
}

// read pages the register, reads an agreement, its incidents and the audit
// log, and searches the clauses through s until deadline; it returns how
// many reads it made.
func read(ctx context.Context, s *Store, deadline time.Time, errs *errorLog) int {
	n := 0
	for ; n < 5 || time.Now().Before(deadline); n++ {
		var err error
		switch n % 5 {
		case 0:
			_, err = s.Page(ctx, "", 50, false)
		case 1:
			_, err = s.Agreement(ctx, "base-a")
		case 2:
			_, err = s.Incidents(ctx, "base-a", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		case 3:
			_, err = s.AuditLog(ctx, "", 20)
		case 4:
			_, err = s.Search(ctx, "uppsägningstid", 20, nil)
		}
		if err != nil {
			errs.add(fmt.Errorf("reader, read %d: %w", n, err))
		}
	}
	return n
}

// TestWriteWaitsForAnotherProgram holds the write lock in one session: a
// write in another waits, gives up when its context ends without writing,
// and goes through once the lock is free.
func TestWriteWaitsForAnotherProgram(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	first, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	if err := first.lock.lock(ctx); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := second.PutAgreement(short, sampleAgreement("waiting", "W"), false); err != context.DeadlineExceeded {
		t.Errorf("a write while another program writes: %v, want it to wait until its deadline", err)
	}
	first.lock.unlock()
	if err := second.PutAgreement(ctx, sampleAgreement("waiting", "W"), false); err != nil {
		t.Errorf("the write after the lock was freed: %v", err)
	}
	if n, _ := first.Count(ctx); n != 1 {
		t.Errorf("%d agreements, want the 1 written after the wait", n)
	}
}

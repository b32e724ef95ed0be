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
	audits     int              // audit entries its writes must have added
}

// TestConcurrentSessions runs 20 writers, each with a Store of its own on
// one file (as 20 programs or SSH sessions would), adding agreements with
// clauses and incidents, while 6 more sessions page, read, search and read
// the audit log. No operation may fail — in particular none with
// "database is locked" — and afterwards every write is there, the counts
// are exact, and the file passes every integrity check.
func TestConcurrentSessions(t *testing.T) {
	const writers, readers = 20, 6
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	setup, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	base := []*model.Agreement{sampleAgreement("base-a", "A"), sampleAgreement("base-b", "B")}
	if err := setup.PutAgreements(ctx, base, false); err != nil {
		t.Fatal(err)
	}
	setup.Close()

	open := func() *Store {
		s, err := Open(ctx, path)
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
			results[w] = write(ctx, sessions[w], w, deadline, errs)
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
	var wantAgreements, wantIncidents, wantAudits int
	for w, res := range results {
		for _, id := range res.agreements {
			a, err := check.Agreement(ctx, id)
			if err != nil || len(a.Documents) != 1 || len(a.Documents[0].Clauses) != 2 {
				t.Errorf("writer %d's agreement %s: %+v, %v; want it with its document and 2 clauses", w, id, a, err)
			}
		}
		for id, desc := range res.incidents {
			var got string
			if err := check.read.QueryRow("SELECT description FROM incidents WHERE id = ?", id).Scan(&got); err != nil || got != desc {
				t.Errorf("writer %d's incident %d: %q, %v; want %q", w, id, got, err, desc)
			}
		}
		wantAgreements += len(res.agreements)
		wantIncidents += len(res.incidents)
		wantAudits += res.audits
	}
	counts := tableCounts(t, check.read)
	if got, want := counts["agreements"], len(base)+wantAgreements; got != want {
		t.Errorf("%d agreements, want %d", got, want)
	}
	if got := counts["incidents"]; got != wantIncidents {
		t.Errorf("%d incidents, want %d", got, wantIncidents)
	}
	if got, want := counts["audit_log"], len(base)+wantAudits; got != want {
		t.Errorf("%d audit entries, want %d (one per write)", got, want)
	}
	checkIntact(t, check.write)
	if wantAgreements == 0 || wantIncidents == 0 {
		t.Errorf("the writers wrote %d agreements and %d incidents; the test proves nothing", wantAgreements, wantIncidents)
	}
	totalReads := 0
	for _, n := range reads {
		totalReads += n
	}
	t.Logf("%d writers, %d readers: %d writes (%d agreements with 2 clauses each, %d incidents), %d reads, %d errors",
		writers, readers, wantAgreements+wantIncidents, wantAgreements, wantIncidents, totalReads, failures)
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

// write adds agreements and incidents through s until deadline, taking
// turns, and returns what it stored.
func write(ctx context.Context, s *Store, w int, deadline time.Time, errs *errorLog) written {
	res := written{incidents: map[int64]string{}}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; time.Now().Before(deadline); n++ {
		if n%2 == 0 {
			a := sampleAgreement(fmt.Sprintf("w%02d-%05d", w, n), fmt.Sprintf("Writer %d", w))
			a.Subs = nil
			a.Documents = a.Documents[:1]
			if err := s.PutAgreement(ctx, a, false); err != nil {
				errs.add(fmt.Errorf("writer %d, agreement %s: %w", w, a.ID, err))
				continue
			}
			res.agreements = append(res.agreements, a.ID)
		} else {
			desc := fmt.Sprintf("writer %d incident %d", w, n)
			at := start.Add(time.Duration(w*100000+n) * time.Minute)
			inc := model.Incident{AgreementID: "base-a", Start: at, End: at.Add(time.Minute), Description: desc}
			id, err := s.AddIncident(ctx, &inc)
			if err != nil {
				errs.add(fmt.Errorf("writer %d, incident %d: %w", w, n, err))
				continue
			}
			res.incidents[id] = desc
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
	for ; time.Now().Before(deadline); n++ {
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
			var hits int
			err = s.read.QueryRowContext(ctx, "SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH 'Uppsägningstid'").Scan(&hits)
		}
		if err != nil {
			errs.add(fmt.Errorf("reader, read %d: %w", n, err))
		}
	}
	return n
}

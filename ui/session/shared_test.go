package session

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"avtal/model"
	"avtal/store"
)

var bg = context.Background()

func TestSharedComputesOncePerGeneration(t *testing.T) {
	var s Shared
	var calls atomic.Int32
	compute := func(v string) func() (any, error) {
		return func() (any, error) { calls.Add(1); return v, nil }
	}
	// Ten sessions ask at once: one computes, the others wait for it.
	var wg sync.WaitGroup
	got := make([]any, 10)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = s.Do(bg, 1, "calendar", compute("gen 1"))
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times for ten sessions, want 1", calls.Load())
	}
	for i, v := range got {
		if v != "gen 1" {
			t.Errorf("session %d got %v", i, v)
		}
	}
	// Another key is computed on its own; the register changing drops both.
	s.Do(bg, 1, "other", compute("other 1"))
	if v, _ := s.Do(bg, 2, "calendar", compute("gen 2")); v != "gen 2" || calls.Load() != 3 {
		t.Errorf("after a write: %v after %d computations, want gen 2 after 3", v, calls.Load())
	}
	// A request from before the write gets a fresh result that is not kept.
	if v, _ := s.Do(bg, 1, "calendar", compute("late 1")); v != "late 1" {
		t.Errorf("a late request got %v", v)
	}
	if v, _ := s.Do(bg, 2, "calendar", compute("again")); v != "gen 2" || calls.Load() != 4 {
		t.Errorf("the kept result was replaced: %v after %d computations", v, calls.Load())
	}
	// Errors are not kept: the next request computes again.
	fail := errors.New("disk on fire")
	if _, err := s.Do(bg, 2, "broken", func() (any, error) { return nil, fail }); !errors.Is(err, fail) {
		t.Errorf("error %v, want %v", err, fail)
	}
	if v, err := s.Do(bg, 2, "broken", compute("mended")); err != nil || v != "mended" {
		t.Errorf("after an error: %v, %v; want mended", v, err)
	}
}

// A session whose context ends stops waiting for another session's
// computation at once; the computing session is not disturbed.
func TestSharedWaiterLeavesWhenItsSessionEnds(t *testing.T) {
	var s Shared
	started, release := make(chan struct{}), make(chan struct{})
	computed := make(chan any, 1)
	go func() {
		v, _ := s.Do(bg, 1, "calendar", func() (any, error) { close(started); <-release; return "done", nil })
		computed <- v
	}()
	<-started
	ctx, cancel := context.WithCancel(bg)
	waited := make(chan error, 1)
	go func() {
		_, err := s.Do(ctx, 1, "calendar", func() (any, error) { t.Error("the waiter computed"); return nil, nil })
		waited <- err
	}()
	cancel()
	if err := <-waited; !errors.Is(err, context.Canceled) {
		t.Errorf("the ended session's wait returned %v, want context.Canceled", err)
	}
	close(release)
	if v := <-computed; v != "done" {
		t.Errorf("the computing session got %v", v)
	}
}

// When the session computing a result ends, a session waiting for it
// computes it itself rather than being told "cancelled".
func TestSharedWaiterComputesWhenTheComputingSessionEnds(t *testing.T) {
	var s Shared
	ctx, cancel := context.WithCancel(bg)
	started, release := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		_, err := s.Do(ctx, 1, "calendar", func() (any, error) { close(started); <-release; return nil, ctx.Err() })
		first <- err
	}()
	<-started
	second := make(chan any, 1)
	waiting := make(chan struct{})
	go func() {
		close(waiting)
		v, err := s.Do(bg, 1, "calendar", func() (any, error) { return "mine", nil })
		if err != nil {
			t.Errorf("the waiting session got %v", err)
		}
		second <- v
	}()
	<-waiting
	cancel()
	close(release)
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("the ended session got %v, want context.Canceled", err)
	}
	if v := <-second; v != "mine" {
		t.Errorf("the waiting session got %v, want its own result", v)
	}
}

// A full Shared makes room for a new result by dropping one finished
// result, not every one: the calendar of a large register is kept while
// sessions page through agreements.
func TestFullSharedDropsOneResult(t *testing.T) {
	var s Shared
	for i := range maxShared {
		s.Do(bg, 1, i, func() (any, error) { return i, nil })
	}
	s.Do(bg, 1, "one more", func() (any, error) { return "new", nil })
	if n := len(s.items); n != maxShared {
		t.Errorf("%d results kept, want %d", n, maxShared)
	}
	if _, ok := s.items["one more"]; !ok {
		t.Error("the new result was not kept")
	}
}

// Sessions sharing a register read its first page once per write and get
// the same rows; without a Shared every read is the session's own.
func TestSessionsShareTheFirstPage(t *testing.T) {
	day := time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)
	st, err := store.Open(bg, filepath.Join(t.TempDir(), "avtal.db"), store.WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	put := func(id string) {
		a := &model.Agreement{ID: id, Title: "Agreement " + id, Kind: "subscription", Status: "active", Supplier: model.Party{Name: "Supplier " + id}}
		if err := st.PutAgreement(bg, a, false); err != nil {
			t.Fatal(err)
		}
	}
	put("alpha")
	put("beta")
	var s Shared
	first, err := Page(bg, &s, st, store.ListOrder{}, store.ListCursor{}, 10, false)
	if err != nil || len(first) != 2 {
		t.Fatalf("first page: %d rows, %v; want 2", len(first), err)
	}
	if again, _ := Page(bg, &s, st, store.ListOrder{}, store.ListCursor{}, 10, false); &again[0] != &first[0] {
		t.Error("a second session read the page again")
	}
	if cap(first) != len(first) {
		t.Errorf("the shared page has room to append into (len %d, cap %d)", len(first), cap(first))
	}
	put("gamma")
	if after, _ := Page(bg, &s, st, store.ListOrder{}, store.ListCursor{}, 10, false); len(after) != 3 {
		t.Errorf("after a write: %d rows, want 3", len(after))
	}
	own, _ := Page(bg, nil, st, store.ListOrder{}, store.ListCursor{}, 10, false)
	if again, _ := Page(bg, nil, st, store.ListOrder{}, store.ListCursor{}, 10, false); &again[0] == &own[0] {
		t.Error("without a Shared the rows were shared")
	}
}

// Draw draws a text once for every session asking with the same key, and
// every time without a Shared.
func TestDrawOnceForAll(t *testing.T) {
	s := &Shared{}
	draws := 0
	draw := func(text string) func() string {
		return func() string { draws++; return text }
	}
	for range 3 {
		if got := s.Draw("clause 1 at 80", draw("one")); got != "one" {
			t.Fatalf("got %q", got)
		}
	}
	if got := s.Draw("clause 1 at 120", draw("wider")); got != "wider" || draws != 2 {
		t.Errorf("got %q after %d draws, want wider after 2", got, draws)
	}
	var none *Shared
	none.Draw("k", draw("x"))
	none.Draw("k", draw("x"))
	if draws != 4 {
		t.Errorf("without a Shared: %d draws, want 4", draws)
	}
}

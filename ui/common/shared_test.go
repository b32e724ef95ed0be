package common

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
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

package session

import (
	"context"
	"errors"
	"sync"

	"avtal/store"
)

// Shared holds what the sessions of one register share: results computed
// from the register, kept while it is unchanged. The calendar of 10 000
// agreements is some 15 MB; fifty SSH sessions looking at it compute it
// once and hold it once. The SSH server gives every session the same
// Shared; New gives each State one of its own.
type Shared struct {
	mu    sync.Mutex
	gen   uint64
	items map[any]*sharedItem

	drawMu sync.Mutex
	drawn  map[any]string // see Draw
}

// sharedItem is one result, or one on its way.
type sharedItem struct {
	done  chan struct{}
	value any
	err   error
}

// maxShared bounds the results kept; beyond it one that is done gives way
// to each new one.
const maxShared = 64

// Do returns the result for key computed from the register at generation
// gen (store.Generation, read before the register was): the one kept, the
// one another session is computing (waiting for it), or compute's. Results
// of older generations are dropped; errors are not kept. Results must not
// be changed once returned: every session sees the same one.
//
// ctx is the asking session's: when it ends, Do stops waiting for another
// session's computation and returns ctx's error (compute is expected to
// stop under the same ctx). When the session computing a result ends, the
// sessions waiting for it compute it themselves.
func (s *Shared) Do(ctx context.Context, gen uint64, key any, compute func() (any, error)) (any, error) {
	for {
		it, mine := s.claim(gen, key)
		if it == nil {
			return compute() // asked before a write that others have seen
		}
		if mine {
			return s.run(key, it, compute)
		}
		select {
		case <-it.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if ended(it.err) && ctx.Err() == nil {
			continue // its session ended, this one goes on: compute it here
		}
		return it.value, it.err
	}
}

// Share is Shared.Do for results of one type computed from st: run
// computes the result for key while the register stays at the generation
// read first. Without a Shared (nil) run computes it every time.
func Share[T any](ctx context.Context, s *Shared, st *store.Store, key any, run func() (T, error)) (T, error) {
	if s == nil {
		return run()
	}
	v, err := s.Do(ctx, st.Generation(), key, func() (any, error) { return run() })
	t, _ := v.(T)
	return t, err
}

// ended reports whether err says that a computation's session ended.
func ended(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// claim returns the item for key at generation gen: the one kept or on its
// way, or a new one that the caller computes (mine). It is nil for a
// generation older than the one kept.
func (s *Shared) claim(gen uint64, key any) (it *sharedItem, mine bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case gen < s.gen:
		return nil, false
	case gen > s.gen || s.items == nil:
		s.gen, s.items = gen, map[any]*sharedItem{}
	}
	if it, ok := s.items[key]; ok {
		return it, false
	}
	if len(s.items) >= maxShared {
		s.evictOne()
	}
	it = &sharedItem{done: make(chan struct{})}
	s.items[key] = it
	return it, true
}

// evictOne drops one finished result, any; results still being computed
// stay for their waiters.
func (s *Shared) evictOne() {
	for k, it := range s.items {
		select {
		case <-it.done:
			delete(s.items, k)
			return
		default:
		}
	}
}

// run computes the item claimed for key and keeps it unless it failed. A
// failed item is dropped before its waiters wake, so one that computes it
// again claims a new one.
func (s *Shared) run(key any, it *sharedItem, compute func() (any, error)) (any, error) {
	it.value, it.err = compute()
	if it.err != nil {
		s.mu.Lock()
		if s.items[key] == it {
			delete(s.items, key)
		}
		s.mu.Unlock()
	}
	close(it.done)
	return it.value, it.err
}

// maxDrawn bounds the texts Draw keeps; beyond it they are forgotten.
const maxDrawn = 64

// Draw returns the text draw makes for key, drawn once for all the
// sessions sharing s: a clause fifty screens show after a write is laid
// out once, not fifty times. key must hold everything the text depends on:
// the result read (a shared one, so the same for every session), the
// width, the session's Look and language. Two sessions asking at once may
// both draw it. Without a Shared (nil) draw runs every time.
func (s *Shared) Draw(key any, draw func() string) string {
	if s == nil {
		return draw()
	}
	s.drawMu.Lock()
	text, ok := s.drawn[key]
	s.drawMu.Unlock()
	if ok {
		return text
	}
	text = draw()
	s.drawMu.Lock()
	if s.drawn == nil || len(s.drawn) >= maxDrawn {
		s.drawn = map[any]string{}
	}
	s.drawn[key] = text
	s.drawMu.Unlock()
	return text
}

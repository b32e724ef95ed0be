package common

import "sync"

// Shared holds what the sessions of one register share: results computed
// from the register, kept while it is unchanged. The calendar of 10 000
// agreements is some 15 MB; fifty SSH sessions looking at it compute it
// once and hold it once. The SSH server gives every session the same
// Shared; New gives each Common one of its own.
type Shared struct {
	mu    sync.Mutex
	gen   uint64
	items map[any]*sharedItem
}

// sharedItem is one result, or one on its way.
type sharedItem struct {
	done  chan struct{}
	value any
	err   error
}

// maxShared bounds the results kept; beyond it they start afresh.
const maxShared = 32

// Do returns the result for key computed from the register at generation
// gen (store.Generation, read before the register was): the one kept, the
// one another session is computing (waiting for it), or compute's. Results
// of older generations are dropped; errors are not kept. Results must not
// be changed once returned: every session sees the same one.
func (s *Shared) Do(gen uint64, key any, compute func() (any, error)) (any, error) {
	s.mu.Lock()
	switch {
	case gen < s.gen:
		s.mu.Unlock()
		return compute() // asked before a write that others have seen
	case gen > s.gen || s.items == nil || len(s.items) >= maxShared:
		s.gen, s.items = gen, map[any]*sharedItem{}
	}
	if it, ok := s.items[key]; ok {
		s.mu.Unlock()
		<-it.done
		return it.value, it.err
	}
	it := &sharedItem{done: make(chan struct{})}
	s.items[key] = it
	s.mu.Unlock()
	it.value, it.err = compute()
	close(it.done)
	if it.err != nil {
		s.mu.Lock()
		if s.items[key] == it {
			delete(s.items, key)
		}
		s.mu.Unlock()
	}
	return it.value, it.err
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"time"

	"avtal/model"
)

// lockWait is how long a write waits for another program's write to end
// before it gives up and says so.
const lockWait = 30 * time.Second

// writeLock makes the programs writing one register take turns fairly.
//
// SQLite alone lets a waiting writer sleep between tries, up to 100 ms at a
// time, while writers that are awake take the lock in between: with many
// programs writing at once one of them can wait for seconds and then fail
// with "database is locked". So every write transaction first takes an
// exclusive lock on a file beside the database (PATH-lock); the operating
// system wakes a waiter the moment the lock is free, and SQLite's own lock
// is then all but never contended.
type writeLock struct {
	mu sync.Mutex // one write at a time from this Store, before the file lock
	f  *os.File
}

func openWriteLock(path string) (*writeLock, error) {
	f, err := os.OpenFile(path+"-lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot open the write lock beside %s: %w", path, err)
	}
	return &writeLock{f: f}, nil
}

// lock waits for the lock until ctx ends or lockWait has passed.
func (l *writeLock) lock(ctx context.Context) error {
	l.mu.Lock()
	// A free lock is taken at once: waiting on another goroutine costs a
	// switch of threads, milliseconds when the machine is busy.
	if tryLockFile(l.f) {
		return nil
	}
	got := make(chan error, 1)
	go func() { got <- lockFile(l.f) }()
	timer := time.NewTimer(lockWait)
	defer timer.Stop()
	var err error
	select {
	case err = <-got:
		if err != nil {
			l.mu.Unlock()
			return fmt.Errorf("cannot lock the register for writing: %w", err)
		}
		return nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		// A refusal with a catalogue key, so every face words it in the
		// session's language.
		err = model.Refuse("write_wait", "another program has been writing to the register for over %v; try again", lockWait)
	}
	// The wait goes on in the background; whoever gets the lock there lets
	// it go at once, and only then may this Store write again.
	go func() {
		if <-got == nil {
			unlockFile(l.f)
		}
		l.mu.Unlock()
	}()
	return err
}

func (l *writeLock) unlock() {
	unlockFile(l.f)
	l.mu.Unlock()
}

func (l *writeLock) close() error { return l.f.Close() }

// begin takes the write lock and starts a write transaction; done ends the
// turn and must be called after the transaction commits or rolls back.
func (s *Store) begin(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	if err := s.lock.lock(ctx); err != nil {
		return nil, nil, err
	}
	// A large commit's checkpoint (commitLarge) ends before the next write
	// begins: a write begun while it ran could not start the log over, and
	// full computations one after another would grow it by theirs each.
	s.checkpoints.Wait()
	if tx, err = beginWrite(ctx, s.write); err != nil {
		s.lock.unlock()
		return nil, nil, err
	}
	return tx, func() {
		s.writes.Add(1)
		s.lock.unlock()
	}, nil
}

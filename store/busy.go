package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyWait is how long a write waits for another program's lock: the
// busy_timeout every connection is opened with.
const busyWait = 5 * time.Second

// isBusy reports whether err is SQLite saying another connection holds the
// lock it needs.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// beginWrite starts a write transaction on db. SQLite's busy handler waits
// for most locks, but in a few moments it answers "database is locked" at
// once (another program turning a new file to WAL mode, or recovering the
// log after a crash); those are waited out here too, up to busyWait, so a
// user never sees the message for a lock that is about to be released.
func beginWrite(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	// A timer, not the clock: the wait is a duration, and the program's one
	// clock (which tests fix) says only what day it is.
	giveUp := time.NewTimer(busyWait)
	defer giveUp.Stop()
	for {
		tx, err := db.BeginTx(ctx, nil)
		if err == nil || !isBusy(err) {
			return tx, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-giveUp.C:
			return tx, err
		case <-time.After(10 * time.Millisecond):
		}
	}
}

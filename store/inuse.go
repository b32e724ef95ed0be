package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

// ErrInUse means another program (a workbench, a server, a command) has
// the register open, so it must not be replaced underneath it.
var ErrInUse = errors.New("is open in another Avtal (a workbench, `avtal serve` or a command); close it first")

// ErrOpenElsewhere means a program other than Avtal has the database open,
// so it cannot be replaced: Litestream replicating it, or an SQLite shell.
var ErrOpenElsewhere = errors.New("is open in another program (Litestream replicating it, or an SQLite shell); stop it first")

// The files a register cannot be opened from, restored from or backed up
// to, each named by a PathError so the faces can word it.
var (
	ErrNotDatabase  = errors.New("is not an Avtal database (not an SQLite file); nothing was changed")
	ErrOtherProgram = errors.New("is an SQLite database of another program, not Avtal's; nothing was changed")
	ErrFolder       = errors.New("is a directory, not a database file")
	ErrNoFolder     = errors.New("is not a folder that exists")
	ErrExists       = errors.New("already exists; choose a new file name")
	ErrDamaged      = errors.New("is damaged: SQLite's integrity check fails; nothing was changed")
	ErrIncomplete   = errors.New("is not a complete Avtal database; nothing was changed")
)

// NewerError is a database written by a newer Avtal: its schema version
// and the last one this program knows.
type NewerError struct {
	Path           string
	Version, Known int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("%s was written by a newer Avtal (schema %d; this version knows up to %d); nothing was changed — update Avtal", e.Path, e.Version, e.Known)
}

// InUse reports whether some Store, in this process or another, has the
// database at path open. Each Store holds a shared lock on the first byte
// of its lock file for as long as it is open; InUse asks for an exclusive
// one without waiting. Where the system has no such locks it reports false.
func InUse(path string) (bool, error) {
	f, err := os.OpenFile(path+"-lock", os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	return othersHoldOpen(f)
}

// SetAside moves the database at path out of the way, with everything
// committed to it folded in from the write-ahead log, to
// path.before-WHY-TIME, and returns that name. It refuses a database that
// is open elsewhere.
func SetAside(ctx context.Context, path, why string, now time.Time) (string, error) {
	if busy, err := InUse(path); err != nil {
		return "", err
	} else if busy {
		return "", &PathError{Path: path, Err: ErrInUse}
	}
	if err := checkpoint(ctx, path); err != nil {
		return "", err
	}
	kept := path + ".before-" + why + "-" + now.UTC().Format("20060102T150405Z")
	if err := os.Rename(path, kept); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return kept, err
		}
	}
	return kept, nil
}

// PathError names the database a problem is about.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + " " + e.Err.Error() }

// Unwrap lets errors.Is find ErrInUse and the other refusals.
func (e *PathError) Unwrap() error { return e.Err }

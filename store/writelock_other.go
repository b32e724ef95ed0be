//go:build !unix

package store

import "os"

// Without flock, writers rely on SQLite's busy handler alone.
func lockFile(*os.File) error   { return nil }
func unlockFile(*os.File) error { return nil }
func tryLockFile(*os.File) bool { return true }

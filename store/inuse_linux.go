//go:build linux

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// openByte is the byte of the lock file that open Stores share. Locks on
// it are open-file-description locks: independent of the flock writers take
// on the whole file, and released only when this Store closes its own
// descriptor, not when another Store in the process closes one.
func openByte(kind int16) *unix.Flock_t {
	return &unix.Flock_t{Type: kind, Whence: 0, Start: 0, Len: 1}
}

// holdOpen marks f's database as open for as long as f stays open.
func holdOpen(f *os.File) error {
	return unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, openByte(unix.F_RDLCK))
}

// othersHoldOpen reports whether any descriptor but f holds the open mark.
func othersHoldOpen(f *os.File) (bool, error) {
	err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, openByte(unix.F_WRLCK))
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return false, unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, openByte(unix.F_UNLCK))
}

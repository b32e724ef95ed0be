package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Backup writes a consistent copy of the open database to dest with
// VACUUM INTO, which reads one snapshot while other sessions go on writing.
// dest must not exist: a backup never overwrites anything.
func (s *Store) Backup(ctx context.Context, dest string) error {
	// Lstat: a link, even one pointing nowhere, is something that exists;
	// writing through it would put the copy wherever it points.
	if _, err := os.Lstat(dest); err == nil {
		return &PathError{Path: dest, Err: ErrExists}
	}
	if info, err := os.Stat(filepath.Dir(dest)); err != nil || !info.IsDir() {
		return &PathError{Path: filepath.Dir(dest), Err: ErrNoFolder}
	}
	// A connection of its own: the read pool is query_only and the writer
	// must stay free for other sessions.
	db, err := sql.Open("sqlite", dsn(s.path, nil))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup to %s failed: %w", dest, err)
	}
	return nil
}

// CheckBackup verifies that file is an intact Avtal database this program
// can read: an SQLite file of Avtal's, no newer schema, integrity_check ok,
// and every table, index and trigger its schema version promises.
func CheckBackup(ctx context.Context, file string) error {
	if err := checkExisting(ctx, file); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", fileURI(file)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var appID int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return &PathError{Path: file, Err: ErrOtherProgram}
	}
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("%s cannot be checked: %w", file, err)
	}
	if result != "ok" {
		return &PathError{Path: file, Err: ErrDamaged}
	}
	return checkSchema(ctx, db, file)
}

// Restore replaces the database at path with the backup file, and keeps
// the previous database as path.before-restore-TIME. The backup is copied
// beside path first, with its write-ahead log when it has one, the log is
// folded in, and that copy is checked: the bytes checked are the bytes
// installed, and a change committed only to the backup's log is not lost.
// The copy takes the file mode of the database it replaces. Restore
// refuses while a program has path open (ErrInUse). It returns where the
// previous database was kept ("" when there was none).
func Restore(ctx context.Context, backup, path string, now time.Time) (string, error) {
	if err := checkExisting(ctx, backup); err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".avtal-restore-*")
	if err != nil {
		return "", err
	}
	tmp.Close()
	defer removeDatabase(tmp.Name())
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(backup+suffix, tmp.Name()+suffix); err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			return "", fmt.Errorf("copying %s: %w", backup+suffix, err)
		}
	}
	if err := checkpoint(ctx, tmp.Name()); err != nil {
		return "", fmt.Errorf("%s: %w", backup, err)
	}
	if err := CheckBackup(ctx, tmp.Name()); err != nil {
		return "", errors.New(strings.ReplaceAll(err.Error(), tmp.Name(), backup))
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	kept := ""
	if _, err := os.Stat(path); err == nil {
		if kept, err = SetAside(ctx, path, "restore", now); err != nil {
			return kept, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return kept, err
	}
	return kept, nil
}

// copyFile copies src to dst, synced to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeDatabase removes a database file with its log and shared memory.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// checkpoint folds the write-ahead log into the main file and leaves it in
// rollback-journal mode, so that the file alone holds every committed
// change (the one Restore installs, the one it keeps aside). SQLite leaves
// WAL mode, folding the log in as it does, only on the one connection to
// the file: while another program has it open, Litestream replicating it
// for one, nothing is changed (no checkpoint is forced under the
// replicator) and the error is ErrOpenElsewhere.
func checkpoint(ctx context.Context, path string) error {
	if err := checkExisting(ctx, path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, nil))
	if err != nil {
		return err
	}
	defer db.Close()
	var mode string
	err = db.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode)
	switch {
	case isBusy(err) || (err == nil && mode != "delete"):
		return &PathError{Path: path, Err: ErrOpenElsewhere}
	case err != nil:
		return fmt.Errorf("cannot fold the write-ahead log into %s: %w", path, err)
	}
	return nil
}

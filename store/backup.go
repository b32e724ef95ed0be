package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Backup writes a consistent copy of the open database to dest with
// VACUUM INTO, which reads one snapshot while other sessions go on writing.
// dest must not exist: a backup never overwrites anything.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", dest)
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
// can read: an SQLite file of Avtal's, no newer schema, integrity_check ok.
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
		return fmt.Errorf("%s is not an Avtal backup", file)
	}
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("%s cannot be checked: %w", file, err)
	}
	if result != "ok" {
		return fmt.Errorf("%s is damaged (integrity check: %s)", file, result)
	}
	return nil
}

// Restore replaces the database at path with the backup file after checking
// the backup, and keeps the previous database as path.before-restore-TIME.
// It refuses while a program has path open (ErrInUse). It returns where the
// previous database was kept ("" when there was none).
func Restore(ctx context.Context, backup, path string, now time.Time) (string, error) {
	if err := CheckBackup(ctx, backup); err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".avtal-restore-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	src, err := os.Open(backup)
	if err != nil {
		tmp.Close()
		return "", err
	}
	_, err = io.Copy(tmp, src)
	src.Close()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("copying %s: %w", backup, err)
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

// checkpoint folds the write-ahead log into the main file so that the file
// kept aside by Restore holds every committed change.
func checkpoint(ctx context.Context, path string) error {
	if err := checkExisting(ctx, path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, nil))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("cannot checkpoint %s (is Avtal still running on it?): %w", path, err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
		return fmt.Errorf("cannot close the journal of %s (is Avtal still running on it?): %w", path, err)
	}
	return nil
}

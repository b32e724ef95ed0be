package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "avtal.db")
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	s.PutAgreement(ctx, sampleAgreement("first", "A"), false)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, backup); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup over the first: %v, want a refusal", err)
	}
	// A dangling link is refused too, and its target is not created.
	link, target := filepath.Join(dir, "link.db"), filepath.Join(dir, "elsewhere.db")
	os.Symlink(target, link)
	if err := s.Backup(ctx, link); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a backup onto a dangling link: %v, want a refusal", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("the backup followed the link")
	}
	// A change after the backup must be gone after the restore, and kept in the previous file.
	s.PutAgreement(ctx, sampleAgreement("second", "B"), false)
	s.Close()

	kept, err := Restore(ctx, backup, path, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".before-restore-20261124T100000Z"; kept != want {
		t.Errorf("kept %q, want %q", kept, want)
	}
	for file, want := range map[string]int{path: 1, kept: 2} {
		st, err := Open(ctx, file, testClock)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := st.Count(ctx); n != want {
			t.Errorf("%s holds %d agreements, want %d", filepath.Base(file), n, want)
		}
		st.Close()
	}
}

func TestRestoreRefusesDamagedBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "avtal.db")
	s, _ := Open(ctx, path, testClock)
	s.PutAgreement(ctx, sampleAgreement("first", "A"), false)
	backup := filepath.Join(dir, "backup.db")
	s.Backup(ctx, backup)
	s.Close()

	data, _ := os.ReadFile(backup)
	damaged := filepath.Join(dir, "damaged.db")
	// Keep the header but wipe the pages after the first: the schema points at garbage.
	broken := append([]byte{}, data...)
	for i := 4096; i < len(broken); i++ {
		broken[i] = 0xA5
	}
	os.WriteFile(damaged, broken, 0o644)
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("not a backup"), 0o644)

	before, _ := os.ReadFile(path)
	for _, bad := range []string{damaged, notDB, filepath.Join(dir, "missing.db")} {
		if _, err := Restore(ctx, bad, path, time.Now()); err == nil {
			t.Errorf("restore from %s succeeded, want a refusal", filepath.Base(bad))
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	s.PutAgreement(ctx, sampleAgreement("a", "A"), false)
	entries, err := s.AuditLog(ctx, "a", 10)
	if err != nil || len(entries) != 1 || entries[0].Action != "create" || entries[0].Who != "local" || !strings.Contains(entries[0].After, `"id":"a"`) {
		t.Fatalf("audit log = %+v, %v; want one create entry by local", entries, err)
	}
	if _, err := s.write.Exec("DELETE FROM audit_log"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("deleting the log: %v, want a refusal", err)
	}
	if _, err := s.write.Exec("UPDATE audit_log SET who = 'x'"); err == nil {
		t.Error("changing the log succeeded")
	}
}

// A copy taken with its write-ahead log restores with every change the log
// holds; a file that only carries Avtal's id and version is refused; the
// restored file keeps the mode of the one it replaces.
func TestRestoreInstallsWhatItChecked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	source := filepath.Join(dir, "source.db")
	s, err := Open(ctx, source, testClock)
	if err != nil {
		t.Fatal(err)
	}
	s.PutAgreement(ctx, sampleAgreement("first", "A"), false)
	s.PutAgreement(ctx, sampleAgreement("second", "B"), false)
	// Copied while open, the second agreement is in the log only.
	backup := filepath.Join(dir, "copy.db")
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(source + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(backup+suffix, data, 0o644)
	}
	s.Close()

	path := filepath.Join(dir, "avtal.db")
	own, _ := Open(ctx, path, testClock)
	own.Close()
	os.Chmod(path, 0o600)
	if _, err := Restore(ctx, backup, path, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(ctx); n != 2 {
		t.Errorf("the restored register holds %d agreements, want the 2 of the backup and its log", n)
	}
	st.Close()
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("the restored file has mode %v, want the replaced file's 0600", info.Mode().Perm())
	}

	hollow := filepath.Join(dir, "hollow.db")
	db, _ := sql.Open("sqlite", hollow)
	db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
	db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()))
	db.Exec("CREATE TABLE agreements(id TEXT)")
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Restore(ctx, hollow, path, time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC)); err == nil || !strings.Contains(err.Error(), "hollow.db is not a complete Avtal database") {
		t.Errorf("restore from a hollow file: %v, want it refused by name", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
}

// A trigger that keeps the audit log append-only, dropped with another
// SQLite client, is put back at the next open, which says so.
func TestOpenRestoresTheAuditLogsProtection(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	s, _ := Open(ctx, path, testClock)
	s.PutAgreement(ctx, sampleAgreement("first", "A"), false)
	s.Close()
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec("DROP TRIGGER audit_log_no_delete"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "audit_log_no_delete was missing") {
		t.Errorf("warnings %q", s.Warnings)
	}
	if _, err := s.write.Exec("DELETE FROM audit_log"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("deleting the audit log after the open: %v, want it refused", err)
	}
}

// While another program holds the register open, as Litestream does with
// its long read transaction, restore refuses and saying so is all it does:
// no checkpoint is forced under the replicator, the log stays as it was.
// Once the other program lets go, restore goes ahead.
func TestRestoreRefusesARegisterAnotherProgramHolds(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "avtal.db"), filepath.Join(dir, "backup.db")
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	s.PutAgreement(ctx, sampleAgreement("first", "A"), false)
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.PutAgreement(ctx, sampleAgreement("second", "B"), false)
	s.Close()

	replicator, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer replicator.Close()
	tx, err := replicator.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM agreements").Scan(&n); err != nil {
		t.Fatal(err)
	}
	walBefore := fileBytes(t, path+"-wal")
	if _, err := Restore(ctx, backup, path, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)); !errors.Is(err, ErrOpenElsewhere) {
		t.Fatalf("restore under a replicator: %v, want ErrOpenElsewhere", err)
	}
	if walAfter := fileBytes(t, path+"-wal"); walAfter != walBefore {
		t.Error("the refused restore changed the write-ahead log")
	}
	tx.Rollback()
	replicator.Close()
	if _, err := Restore(ctx, backup, path, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("restore once the replicator stopped: %v", err)
	}
}

// fileBytes is the content of a file, "" when it does not exist.
func fileBytes(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}

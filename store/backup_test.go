package store

import (
	"context"
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

package sshd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"log/slog"
)

func TestParseAuthorizedKeysRoles(t *testing.T) {
	key := authorizedLine(newKey(t))
	tests := []struct {
		line    string
		role    Role
		name    string
		wantErr string
	}{
		{key, Editor, "", ""},
		{key + " anna@laptop", Editor, "anna@laptop", ""},
		{key + " anna@laptop viewer", Viewer, "anna@laptop", ""},
		{key + " role=viewer bo on the desk", Viewer, "bo on the desk", ""},
		{key + " Role=Editor carl", Editor, "carl", ""},
		{`environment="AVTAL_ROLE=viewer" ` + key + " dana", Viewer, "dana", ""},
		// The option wins over the comment.
		{`environment="AVTAL_ROLE=editor" ` + key + " erik viewer", Editor, "erik", ""},
		// Options that only take away what Avtal never offers are accepted.
		{`restrict,no-port-forwarding ` + key + " fia", Editor, "fia", ""},
		{`environment="TZ=Europe/Stockholm" ` + key + " gus", Editor, "gus", ""},
		{key + " role=admin", Editor, "", "line:1: unknown role \"admin\""},
		{`environment="AVTAL_ROLE=owner" ` + key, Editor, "", "unknown role \"owner\""},
		// A restriction this server would not enforce is refused.
		{`from="10.0.0.0/8" ` + key, Editor, "", `option "from=\"10.0.0.0/8\"" is not supported`},
		{"ssh-ed25519 not-base64", Editor, "", "line:1: not a public key line"},
	}
	for _, tt := range tests {
		got, err := parseAuthorizedKeys("line", []byte(tt.line+"\n"))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err %v, want %q", tt.line, err, tt.wantErr)
			}
			continue
		}
		if err != nil || len(got) != 1 {
			t.Errorf("%q: %v, %d entries", tt.line, err, len(got))
			continue
		}
		for _, e := range got {
			if e.role != tt.role || e.name != tt.name {
				t.Errorf("%q: role %v name %q, want %v %q", tt.line, e.role, e.name, tt.role, tt.name)
			}
		}
	}
}

func TestAuthorizedKeysFollowTheFile(t *testing.T) {
	anna, bo := newKey(t), newKey(t)
	path := filepath.Join(t.TempDir(), "authorized_keys")
	write := func(text string, mod time.Time) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, mod, mod)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write(authorizedLine(anna)+"\n", t0)
	keys, err := loadAuthorizedKeys(path, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := keys.lookup(bo.PublicKey()); ok {
		t.Fatal("bo is in before being added")
	}
	write(authorizedLine(anna)+"\n"+authorizedLine(bo)+" viewer\n", t0.Add(time.Minute))
	if e, ok := keys.lookup(bo.PublicKey()); !ok || e.role != Viewer {
		t.Errorf("after adding bo as viewer: %+v, %v", e, ok)
	}
	// A broken edit keeps the last good list.
	write("garbage\n", t0.Add(2*time.Minute))
	if _, ok := keys.lookup(anna.PublicKey()); !ok {
		t.Error("a malformed file locked out the keys that were listed")
	}
	// An edit that keeps the size and puts the modification time back is
	// still seen: anna becomes a viewer.
	write(authorizedLine(anna)+" editor\n", t0)
	write(authorizedLine(anna)+" viewer\n", t0)
	if e, ok := keys.lookup(anna.PublicKey()); !ok || e.role != Viewer {
		t.Errorf("after a same-size edit with its time put back: %+v, %v", e, ok)
	}
	// A key listed twice takes its first line, as OpenSSH does.
	write(authorizedLine(bo)+" viewer\n"+authorizedLine(bo)+" editor\n", t0)
	if e, ok := keys.lookup(bo.PublicKey()); !ok || e.role != Viewer {
		t.Errorf("a key listed twice: %+v, %v; want its first line, viewer", e, ok)
	}
	// A removed file lets no one in.
	os.Remove(path)
	if _, ok := keys.lookup(anna.PublicKey()); ok {
		t.Error("anna still gets in after the file was removed")
	}
}

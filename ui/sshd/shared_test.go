package sshd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"avtal/store"
)

// refusal is how the status bar refuses a viewer's write; it fits an 80
// column status bar beside the visitor's name.
const refusal = "You are a viewer: you cannot change the register."

// team serves st to editors anna and carl and viewer bo, by key.
type team struct {
	srv            *Server
	st             *store.Store
	anna, carl, bo gossh.Signer
	annaID         string // how the audit log names anna: name and key fingerprint
}

func newTeam(t *testing.T) *team {
	t.Helper()
	tm := &team{st: sharedStore(t), anna: newKey(t), carl: newKey(t), bo: newKey(t)}
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	file := authorizedLine(tm.anna) + " anna@laptop\n" +
		authorizedLine(tm.carl) + " carl@desk role=editor\n" +
		authorizedLine(tm.bo) + " bo@desk role=viewer\n"
	if err := os.WriteFile(keys, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.srv = startServer(t, Config{AuthorizedKeysPath: keys, Store: tm.st}, nil)
	tm.annaID = "ssh:anna@laptop " + gossh.FingerprintSHA256(tm.anna.PublicKey())
	return tm
}

// open starts a workbench with key and waits for its first screen.
func (tm *team) open(t *testing.T, key gossh.Signer) *screen {
	t.Helper()
	s := openScreen(t, mustDial(t, tm.srv, "someone", key), termOptions{})
	s.waitFor(0, agreementsMarker)
	return s
}

// step types keys and waits for what they must show.
func (s *screen) step(keys string, want ...string) {
	s.t.Helper()
	at := s.mark()
	s.send(keys)
	s.waitFor(at, want...)
}

// openLicenceAudit finds clause 4.4 (Licensrevision) of Centuri SaaS with
// the Clauses pane's search; jumping to it scopes every pane to Centuri SaaS.
func (s *screen) openLicenceAudit() {
	s.t.Helper()
	s.step("2", clausesMarker)
	s.step("/", "─ Search ─")
	s.step("Licensrevision", "4.4 Licensrevision · Centuri")
	s.step("\r", "scope: Centuri SaaS", "Orderformulär sample")
}

func TestViewerWritesAreRefusedAndTheRegisterUnchanged(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	audit := func() int {
		log, err := tm.st.AuditLog(ctx, "", 1000)
		if err != nil {
			t.Fatal(err)
		}
		return len(log)
	}
	entries, sum := audit(), checksum(t, tm.st.Path())

	// One write key of each pane, each in a fresh workbench (the status
	// bar keeps a refusal, so a second one in the same session would not
	// be drawn again), side by side.
	panes := []struct {
		pane string
		goTo func(*screen)
		key  string
	}{
		{"agreements: import", func(*screen) {}, "i"},
		{"clauses: note", (*screen).openLicenceAudit, "n"},
		{"clauses: tag", (*screen).openLicenceAudit, "t"},
		{"sub-processors: notice", func(s *screen) { s.openLicenceAudit(); s.step("3", "Sub-processors · Centuri") }, "n"},
		{"calendar: own deadline", func(s *screen) { s.step("4", "Agenda") }, "a"},
		{"sla: incident", func(s *screen) { s.openLicenceAudit(); s.step("5", "SLA · Centuri", "Uptime") }, "a"},
	}
	t.Run("every pane", func(t *testing.T) {
		for _, tt := range panes {
			t.Run(tt.pane, func(t *testing.T) {
				t.Parallel()
				s := tm.open(t, tm.bo)
				tt.goTo(s)
				at := s.mark()
				s.send(tt.key)
				if err := s.await(at, refusal); err != nil {
					t.Error(err)
				}
				// Had a form opened after all, this would fill and save it.
				s.send("zz\x13")
				s.send("q")
				s.waitEnd()
			})
		}
	})

	if n := audit(); n != entries {
		t.Errorf("the audit log grew from %d to %d entries", entries, n)
	}
	if checksum(t, tm.st.Path()) != sum {
		t.Error("the database file changed")
	}
}

func TestEditorsSeeEachOthersNoteUnderTheWritersName(t *testing.T) {
	tm := newTeam(t)
	a, b := tm.open(t, tm.anna), tm.open(t, tm.carl)
	a.openLicenceAudit()
	b.openLicenceAudit()
	bAt := b.mark()

	a.step("n", "Note on 4.4 Licensrevision")
	a.step("Ask for the usage report\x13", "Noted on 4.4 (ok).", "Notes (1)")

	// carl pressed nothing: the broker's change redrew his clause.
	b.waitFor(bAt, "Notes (1)", "Ask for the usage report")

	// The note and the audit log name anna by her key.
	ctx := context.Background()
	log, err := tm.st.AuditLog(ctx, "centuri-saas", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != "note" || log[0].Who != tm.annaID {
		t.Errorf("last audit entry %+v, want anna's note by %q", log, tm.annaID)
	}
	clause, err := tm.st.FindClause(ctx, "centuri-saas", "4.4", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := clause.Notes; len(n) != 1 || n[0].Text != "Ask for the usage report" || n[0].Author != tm.annaID {
		t.Errorf("notes on 4.4: %+v, want anna's, by %q", n, tm.annaID)
	}
}

func TestEditorsSeeEachOthersIncident(t *testing.T) {
	tm := newTeam(t)
	a, b := tm.open(t, tm.anna), tm.open(t, tm.carl)
	for _, s := range []*screen{a, b} {
		s.openLicenceAudit()
		s.step("5", "SLA · Centuri", "No incidents this month")
	}
	bAt := b.mark()
	a.step("a", "Add an incident")
	a.step("2026-11-10 10:00\t2026-11-10 12:00\x13", "Incident saved.")
	// November 2026 has 21 working days of 08:00–17:00: 21·540 = 11 340
	// minutes; the Tuesday's 10:00–12:00 takes 120 of them, leaving
	// 11 220/11 340 = 98.9418 %. carl pressed nothing.
	b.waitFor(bAt, "Uptime 98.9418 %", "120 of 11 340 min down")
}

func TestNothingOverSSHReadsTheServersFiles(t *testing.T) {
	tm := newTeam(t)
	s := tm.open(t, tm.anna)
	if _, c := sessionOf(t, tm.srv, "anna@laptop"); c.LocalFiles {
		t.Error("an SSH session may read the server's files")
	}
	s.step("i", "files can only be imported on the machine that holds the register")

	// Comparing a sub-processor list takes it pasted, never from a path:
	// a path typed there is only text.
	s.openLicenceAudit()
	s.step("3", "Sub-processors · Centuri")
	at := s.mark()
	s.step("i", "Paste the list (a header row")
	s.step("/etc/passwd\x13", "row 1: the header has only one column")
	if seen := s.since(at); strings.Contains(seen, "CSV file") || strings.Contains(seen, "root:") {
		t.Errorf("the comparison offered or read a file:\n%s", seen)
	}
}

// since is the text the screen received after position from, without styles.
func (s *screen) since(from int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(string(s.out.Bytes()[from:]))
}

package sshd

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"avtal/model"
	"avtal/store"
	"avtal/ui/session"
)

// Markers of the screens: the Agreements pane's list header and the
// Clauses pane's tree title.
const (
	agreementsMarker = "Period end"
	clausesMarker    = "All agreements"
)

func TestFirstScreenSwitchPanesAndQuit(t *testing.T) {
	srv := startServer(t, Config{}, nil)
	s := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{})
	s.waitFor(0, "Agreements", "Clauses", "Sub-processors", "Calendar", "SLA", agreementsMarker, "anna (editor)")

	at := s.mark()
	s.send("2")
	s.waitFor(at, clausesMarker)
	at = s.mark()
	s.send("1")
	s.waitFor(at, agreementsMarker)

	s.send("q")
	if status := s.waitEnd(); status != 0 {
		t.Errorf("quitting ended the session with status %d, want 0", status)
	}
}

func TestClientLanguageFollowsItsLANG(t *testing.T) {
	srv := startServer(t, Config{}, nil)
	s := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{env: map[string]string{"LANG": "sv_SE.UTF-8"}})
	s.waitFor(0, "Klausuler", "Underbiträden", "anna (redaktör)")
}

func TestSilentTerminalStillGetsTheWorkbench(t *testing.T) {
	srv := startServer(t, Config{}, func(srv *Server) { srv.queryTimeout = 100 * time.Millisecond })
	s := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{silent: true})
	s.waitFor(0, "Agreements", agreementsMarker)
	// A key typed now reaches the workbench, not the abandoned query.
	at := s.mark()
	s.send("2")
	s.waitFor(at, clausesMarker)
}

func TestAuthorizedKeysGiveRolesAndRefuseOthers(t *testing.T) {
	anna, bo, stranger := newKey(t), newKey(t), newKey(t)
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	file := "# the team\n" +
		authorizedLine(anna) + " anna@laptop\n" +
		`environment="AVTAL_ROLE=viewer" ` + authorizedLine(bo) + " bo@desk\n"
	if err := os.WriteFile(keys, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, Config{AuthorizedKeysPath: keys}, nil)

	if _, err := dial(t, srv, "anna", stranger); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("an unlisted key got in (err %v)", err)
	}

	viewer := openScreen(t, mustDial(t, srv, "whoever", bo), termOptions{})
	viewer.waitFor(0, "bo@desk (viewer)")
	_, c := sessionOf(t, srv, "bo@desk")
	if !c.ReadOnly() || !errors.Is(c.CanWrite(), session.ErrReadOnly) {
		t.Errorf("viewer: ReadOnly %v, CanWrite %v; want read-only", c.ReadOnly(), c.CanWrite())
	}

	editor := openScreen(t, mustDial(t, srv, "anna", anna), termOptions{})
	editor.waitFor(0, "anna@laptop (editor)")
	_, c = sessionOf(t, srv, "anna@laptop")
	if c.ReadOnly() || c.CanWrite() != nil || c.Notify == nil {
		t.Errorf("editor: ReadOnly %v, CanWrite %v, Notify set %v; want a writer that notifies", c.ReadOnly(), c.CanWrite(), c.Notify != nil)
	}
}

// Removing a key from authorized_keys closes its open sessions, and
// demoting one makes its open session a viewer at once.
func TestRevocationReachesOpenSessions(t *testing.T) {
	anna, bo := newKey(t), newKey(t)
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	write := func(text string) {
		if err := os.WriteFile(keys, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(authorizedLine(anna) + " anna@laptop\n" + authorizedLine(bo) + " bo@desk\n")
	srv := startServer(t, Config{AuthorizedKeysPath: keys}, func(srv *Server) { srv.keysPoll = 20 * time.Millisecond })
	gone := openScreen(t, mustDial(t, srv, "anna", anna), termOptions{})
	gone.waitFor(0, "anna@laptop (editor)")
	demoted := openScreen(t, mustDial(t, srv, "bo", bo), termOptions{})
	demoted.waitFor(0, "bo@desk (editor)")
	from := demoted.mark()

	write(authorizedLine(bo) + " bo@desk viewer\n")
	gone.waitEnd()
	gone.waitFor(0, "Your key was removed")
	demoted.waitFor(from, "you are now viewer", "bo@desk (viewer)")
	if _, c := sessionOf(t, srv, "bo@desk"); !errors.Is(c.CanWrite(), session.ErrReadOnly) {
		t.Errorf("the demoted session may still write: %v", c.CanWrite())
	}
}

func TestWithoutTerminalAUsageLineAndTheEnd(t *testing.T) {
	srv := startServer(t, Config{}, nil)
	client := mustDial(t, srv, "anna", newKey(t))
	for name, o := range map[string]termOptions{
		"no pty":   {noPty: true},
		"command":  {noPty: true, command: "list"},
		"pty, cmd": {command: "list"},
	} {
		s := openScreen(t, client, o)
		if status := s.waitEnd(); status != 1 {
			t.Errorf("%s: exit status %d, want 1", name, status)
		}
		s.waitFor(0, "interactive workbench")
	}
}

// --max-sessions counts sessions, not connections: the extra client logs
// in, is told the server is full, and gets in once a place is free.
func TestMaxSessionsRefusesTheExtraSession(t *testing.T) {
	srv := startServer(t, Config{MaxSessions: 1}, nil)
	key := newKey(t)
	first := mustDial(t, srv, "anna", key)
	openScreen(t, first, termOptions{}).waitFor(0, agreementsMarker)
	extra := openScreen(t, mustDial(t, srv, "bo", key), termOptions{})
	if status := extra.waitEnd(); status != 1 {
		t.Errorf("a second session with --max-sessions 1: status %d, want 1", status)
	}
	extra.waitFor(0, "The server is full (1 sessions)")
	first.Close()
	// The place is free again once the server has seen the first go.
	until := time.Now().Add(deadline)
	for {
		s := openScreen(t, mustDial(t, srv, "bo", key), termOptions{})
		select {
		case <-s.ended:
			if time.Now().After(until) {
				t.Fatal("the place was not given back")
			}
			continue // still full: the server had not seen the first go yet
		case <-time.After(deadline / 4):
		}
		s.waitFor(0, agreementsMarker)
		return
	}
}

// Connections that have not logged in never take a session's place: a
// crowd of silent ones is bounded on its own, per address too, and each is
// dropped after its wait.
func TestSilentConnectionsCannotLockEditorsOut(t *testing.T) {
	srv := startServer(t, Config{MaxSessions: 1}, func(srv *Server) {
		srv.gate.maxPerHost = 3
		srv.gate.preAuthWait = 2 * time.Second // long enough for four dials on a loaded machine
	})
	var silent []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", srv.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		silent = append(silent, c)
	}
	// Connections are admitted on goroutines of their own: wait until the
	// gate has counted the three, so the fourth is the one over the bound.
	for until := time.Now().Add(deadline); ; {
		srv.gate.mu.Lock()
		waiting := srv.gate.waiting
		srv.gate.mu.Unlock()
		if waiting == 3 {
			break
		}
		if time.Now().After(until) {
			t.Fatalf("the gate counts %d waiting connections, want 3", waiting)
		}
		<-time.After(time.Millisecond)
	}
	// A fourth from the same address is dropped at once.
	extra, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	extra.SetReadDeadline(time.Now().Add(deadline))
	if _, err := extra.Read(make([]byte, 1)); err == nil {
		t.Error("a fourth silent connection from one address was served")
	}
	extra.Close()
	// The silent ones are closed after their wait; then an editor gets in.
	for _, c := range silent {
		c.SetReadDeadline(time.Now().Add(deadline))
		if _, err := io.ReadAll(c); err != nil {
			t.Errorf("a silent connection was not closed by the server: %v", err)
		}
	}
	openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{}).waitFor(0, agreementsMarker)
}

func TestOneWorkbenchPerConnection(t *testing.T) {
	srv := startServer(t, Config{}, nil)
	client := mustDial(t, srv, "anna", newKey(t))
	openScreen(t, client, termOptions{}).waitFor(0, agreementsMarker)
	second := openScreen(t, client, termOptions{})
	if status := second.waitEnd(); status != 1 {
		t.Errorf("second session: status %d, want 1", status)
	}
	second.waitFor(0, "already has a workbench open")
}

func TestIdleSessionIsToldAndClosed(t *testing.T) {
	srv := startServer(t, Config{IdleTimeout: 300 * time.Millisecond}, nil)
	s := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{})
	s.waitFor(0, agreementsMarker)
	s.waitEnd()
	s.waitFor(0, "Disconnected after 300ms without input.")
}

func TestShutdownTellsEverySession(t *testing.T) {
	st := sharedStore(t)
	cfg := Config{Addr: "127.0.0.1:0", HostKeyPath: filepath.Join(t.TempDir(), "k"), Store: st, Now: runningClock()}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	var screens []*screen
	for _, name := range []string{"anna", "bo"} {
		s := openScreen(t, mustDial(t, srv, name, newKey(t)), termOptions{})
		s.waitFor(0, agreementsMarker)
		screens = append(screens, s)
	}
	// SIGTERM comes while the sessions load: the calendar computes the
	// register's deadlines, the clause tree is read. Their work is
	// cancelled and the server is down within the bound all the same.
	ctxs := liveContexts(srv)
	screens[0].send("4")
	screens[1].send("2")
	stop()
	for _, s := range screens {
		s.waitEnd()
		s.waitFor(0, "The Avtal server is shutting down. Everything you saved is kept.")
	}
	ended(t, ctxs, "after shutdown")
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve after shutdown: %v", err)
		}
	case <-time.After(deadline):
		t.Fatal("Serve did not return")
	}
	if n, err := st.Count(context.Background()); err != nil || n == 0 {
		t.Errorf("the register after shutdown: %d agreements, %v", n, err)
	}
}

func TestDemoSessionsGetTheirOwnRegister(t *testing.T) {
	// The real register exists but must never be touched in demo mode.
	real := sharedStore(t).Path()
	before := checksum(t, real)

	srv := startServer(t, Config{Demo: true}, nil)
	a := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{})
	b := openScreen(t, mustDial(t, srv, "bo", newKey(t)), termOptions{})
	a.waitFor(0, agreementsMarker)
	b.waitFor(0, agreementsMarker)
	sa, ca := sessionOf(t, srv, "anna")
	sb, _ := sessionOf(t, srv, "bo")
	pa, pb := sa.store.Path(), sb.store.Path()
	if pa == pb || pa == real || pb == real {
		t.Fatalf("demo registers: %s and %s (real %s); want two private copies", pa, pb, real)
	}
	if ca.Notify != nil {
		t.Error("a demo session broadcasts its writes")
	}

	// A change in anna's copy is not in bo's.
	ctx := context.Background()
	nb, _ := sb.store.Count(ctx)
	extra := &model.Agreement{ID: "demo-extra", Title: "Annas test", Kind: model.KindOrder, Status: model.StatusDraft,
		Supplier: model.Party{Name: "Test AB"}, Start: model.MustDate(2025, 1, 1), Term: model.Term{Indefinite: true}}
	if err := sa.store.PutAgreement(ctx, extra, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := sb.store.Agreement(ctx, "demo-extra"); got != nil {
		t.Error("bo's demo register shows anna's new agreement")
	}
	if n, _ := sb.store.Count(ctx); n != nb {
		t.Errorf("bo's register changed from %d to %d agreements", nb, n)
	}

	a.send("q")
	a.waitEnd()
	if _, err := os.Stat(filepath.Dir(pa)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("anna's demo folder is still there after her session (%v)", err)
	}
	if after := checksum(t, real); after != before {
		t.Error("the real register changed in demo mode")
	}
}

// checksum is the SHA-256 of the database file and its WAL.
func checksum(t *testing.T, path string) [sha256.Size]byte {
	t.Helper()
	h := sha256.New()
	for _, p := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(p)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		h.Write(data)
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func TestAPanicEndsOnlyItsOwnSession(t *testing.T) {
	var calls atomic.Int32
	seed := func(ctx context.Context, st *store.Store) error {
		if calls.Add(1) == 2 {
			panic("a bug in one session")
		}
		return seedSample(ctx, st)
	}
	srv := startServer(t, Config{Demo: true, Seed: seed}, nil)
	calm := openScreen(t, mustDial(t, srv, "anna", newKey(t)), termOptions{})
	calm.waitFor(0, agreementsMarker)

	boom := openScreen(t, mustDial(t, srv, "bo", newKey(t)), termOptions{})
	boom.waitEnd()

	at := calm.mark()
	calm.send("2")
	calm.waitFor(at, clausesMarker)
	openScreen(t, mustDial(t, srv, "carl", newKey(t)), termOptions{}).waitFor(0, agreementsMarker)
	srv.mu.Lock()
	n := len(srv.sessions)
	srv.mu.Unlock()
	if n != 2 {
		t.Errorf("%d sessions registered, want anna's and carl's", n)
	}
	if dirs, _ := os.ReadDir(srv.tempRoot); len(dirs) != 2 {
		t.Errorf("%d demo folders, want anna's and carl's (bo's removed)", len(dirs))
	}
}

// A demo server killed before it removed its visitors' registers has them
// removed at its next start; folders in use or just made are left.
func TestStaleDemoRegistersAreRemoved(t *testing.T) {
	srv := startServer(t, Config{Demo: true}, nil)
	old := srv.now().Add(-2 * time.Minute)
	mk := func(name string, mod time.Time) string {
		dir := filepath.Join(srv.tempRoot, name)
		os.MkdirAll(dir, 0o700)
		st, err := store.Open(context.Background(), filepath.Join(dir, "avtal.db"), store.WithClock(srv.now))
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		os.Chtimes(dir, mod, mod)
		return dir
	}
	stale, fresh, inUse := mk("avtal-demo-1", old), mk("avtal-demo-2", srv.now()), mk("avtal-demo-3", old)
	open, err := store.Open(context.Background(), filepath.Join(inUse, "avtal.db"), store.WithClock(srv.now))
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	os.Chtimes(inUse, old, old)
	srv.cleanStaleDemos()
	for dir, want := range map[string]bool{stale: false, fresh: true, inUse: true} {
		if _, err := os.Stat(dir); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(dir), err == nil, want)
		}
	}
}

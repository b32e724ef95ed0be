package sshd

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"avtal/assets"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// deadline bounds every wait of these tests.
const deadline = 10 * time.Second

// seedSample fills st with the embedded sample register, as main does.
func seedSample(ctx context.Context, st *store.Store) error {
	list, err := assets.Agreements()
	if err != nil {
		return err
	}
	return st.PutAgreements(ctx, list, true)
}

// testDay is the day the server tests live on.
var testDay = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

// runningClock starts on testDay and runs at the real clock's pace: the
// input limits and idle timeouts measure durations on it, and no date the
// sessions show depends on the day the tests run.
func runningClock() func() time.Time {
	start := time.Now()
	return func() time.Time { return testDay.Add(time.Since(start)) }
}

// sharedStore is a seeded register in a temporary folder.
func sharedStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "avtal.db"), store.WithClock(runningClock()))
	if err != nil {
		t.Fatal(err)
	}
	if err := seedSample(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// startServer runs a server on a random loopback port until the test ends.
// tweak may change the server before it serves (timeouts, temp folder).
func startServer(t testing.TB, cfg Config, tweak func(*Server)) *Server {
	t.Helper()
	cfg.Addr = "127.0.0.1:0"
	cfg.HostKeyPath = filepath.Join(t.TempDir(), "host_key")
	cfg.Lang = i18n.EN
	cfg.Now = runningClock()
	if cfg.Demo && cfg.Seed == nil {
		cfg.Seed = seedSample
	} else if !cfg.Demo && cfg.Store == nil {
		cfg.Store = sharedStore(t)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv.tempRoot = t.TempDir()
	if tweak != nil {
		tweak(srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-served:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(deadline):
			t.Error("the server did not shut down")
		}
	})
	return srv
}

// newKey makes a client key pair.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// authorizedLine is key's line in an authorized_keys file, before its comment.
func authorizedLine(key gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key.PublicKey())))
}

// dial connects as user with key.
func dial(t testing.TB, srv *Server, user string, key gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         deadline,
	})
}

func mustDial(t testing.TB, srv *Server, user string, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := dial(t, srv, user, key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// screen is what a client's terminal received, searched as plain text.
type screen struct {
	t       testing.TB
	sess    *gossh.Session
	mu      sync.Mutex
	out     bytes.Buffer
	stdin   io.Writer
	changed chan struct{}
	ended   chan error
}

// termOptions describe the client's terminal.
type termOptions struct {
	noPty   bool
	silent  bool // never answer the server's terminal query
	env     map[string]string
	command string
}

// openScreen starts a session. Like a real terminal it answers the
// server's device-attributes query (ESC [ c), unless silent.
func openScreen(t testing.TB, c *gossh.Client, o termOptions) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range o.env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if !o.noPty {
		if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	s := &screen{t: t, sess: sess, changed: make(chan struct{}, 1), ended: make(chan error, 1)}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.stdin = stdin
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stderr = writerFunc(s.append)
	if o.command != "" {
		err = sess.Start(o.command)
	} else {
		err = sess.Shell()
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		answered := o.silent
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			s.append(buf[:n])
			if !answered && s.contains("\x1b[c") {
				answered = true
				s.send("\x1b[?62;22c")
			}
			if err != nil {
				s.ended <- sess.Wait()
				return
			}
		}
	}()
	t.Cleanup(func() { sess.Close() })
	return s
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func (s *screen) append(p []byte) (int, error) {
	s.mu.Lock()
	s.out.Write(p)
	s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (s *screen) contains(text string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Contains(s.out.Bytes(), []byte(text))
}

// mark is a position in the output; waitFor after it sees only what came later.
func (s *screen) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Len()
}

// waitFor waits until every text has arrived after position from.
func (s *screen) waitFor(from int, texts ...string) {
	s.t.Helper()
	if err := s.await(from, texts...); err != nil {
		s.t.Fatal(err)
	}
}

// await is waitFor for goroutines other than the test's: it returns the
// failure instead of stopping the test.
func (s *screen) await(from int, texts ...string) error {
	timeout := time.NewTimer(deadline)
	defer timeout.Stop()
	for {
		s.mu.Lock()
		// Styles may cut a word into pieces; the text without them may not.
		seen := ansi.Strip(string(s.out.Bytes()[from:]))
		missing := ""
		for _, text := range texts {
			if !strings.Contains(seen, text) {
				missing = text
				break
			}
		}
		s.mu.Unlock()
		if missing == "" {
			return nil
		}
		select {
		case <-s.changed:
		case <-timeout.C:
			return fmt.Errorf("the screen never showed %q; it got:\n%q", missing, s.tail())
		}
	}
}

func (s *screen) tail() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.out.Bytes()
	return string(b[max(0, len(b)-2000):])
}

// send types keys.
func (s *screen) send(keys string) {
	if _, err := io.WriteString(s.stdin, keys); err != nil {
		s.t.Errorf("typing %q: %v", keys, err)
	}
}

// waitEnd waits for the session to end and returns its exit status.
func (s *screen) waitEnd() int {
	s.t.Helper()
	select {
	case err := <-s.ended:
		var exit *gossh.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &exit):
			return exit.ExitStatus()
		default:
			s.t.Fatalf("session ended without a status: %v", err)
		}
	case <-time.After(deadline):
		s.t.Fatalf("the session did not end; the screen got:\n%q", s.tail())
	}
	return -1
}

// sessionOf returns the server's session of the visitor named name and its
// context, once its workbench runs.
func sessionOf(t testing.TB, srv *Server, name string) (*sshSession, *session.State) {
	t.Helper()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	for s := range srv.sessions {
		s.mu.Lock()
		c := s.c
		s.mu.Unlock()
		if s.id.name == name && c != nil {
			return s, c
		}
	}
	t.Fatalf("no running session of %q", name)
	return nil, nil
}

// Addr is the address the server listens on.
func (srv *Server) Addr() net.Addr { return srv.ln.Addr() }

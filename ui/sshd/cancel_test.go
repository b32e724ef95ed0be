package sshd

import (
	"context"
	"testing"
	"time"
)

// liveContexts are the workbench contexts of the sessions open now: the
// context every load and computation of the session runs under.
func liveContexts(srv *Server) []context.Context {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	var out []context.Context
	for s := range srv.sessions {
		out = append(out, s.ctx)
	}
	return out
}

// ended fails the test unless every ctx is done within the deadline.
func ended(t *testing.T, ctxs []context.Context, why string) {
	t.Helper()
	timeout := time.NewTimer(deadline)
	defer timeout.Stop()
	for _, ctx := range ctxs {
		select {
		case <-ctx.Done():
		case <-timeout.C:
			t.Fatalf("%s: a session's work was not cancelled", why)
		}
	}
}

// A client that disconnects while its calendar loads takes the load with
// it: the session's context, which the calendar computes under, ends.
func TestClosedConnectionCancelsItsSessionsWork(t *testing.T) {
	srv := startServer(t, Config{}, nil)
	c := mustDial(t, srv, "anna", newKey(t))
	s := openScreen(t, c, termOptions{})
	s.waitFor(0, agreementsMarker)
	ctxs := liveContexts(srv)
	if len(ctxs) != 1 {
		t.Fatalf("%d sessions, want 1", len(ctxs))
	}
	s.send("4") // the calendar: the register's deadlines are computed
	c.Close()
	ended(t, ctxs, "after the connection closed")
}

// SIGTERM while sessions are loading: every session's work is cancelled
// and the server is down within the bound, with the register intact.
func TestShutdownWhileSessionsLoadIsPrompt(t *testing.T) {
	st := sharedStore(t)
	srv, err := New(Config{Addr: "127.0.0.1:0", HostKeyPath: t.TempDir() + "/k", Store: st, Now: runningClock()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	var screens []*screen
	for _, name := range []string{"anna", "bo", "cecilia"} {
		s := openScreen(t, mustDial(t, srv, name, newKey(t)), termOptions{})
		s.waitFor(0, agreementsMarker)
		screens = append(screens, s)
	}
	ctxs := liveContexts(srv)
	for i, s := range screens {
		s.send([]string{"4", "2", "3"}[i]) // the calendar, clauses, sub-processors start loading
	}
	stop()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(deadline):
		t.Fatal("the server did not shut down with sessions loading")
	}
	ended(t, ctxs, "after shutdown")
	if n, err := st.Count(context.Background()); err != nil || n == 0 {
		t.Errorf("the register after shutdown: %d agreements, %v", n, err)
	}
}

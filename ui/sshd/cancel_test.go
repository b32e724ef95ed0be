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

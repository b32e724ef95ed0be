package sshd

import (
	"errors"
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
)

const (
	// preAuthWait is how long a connection may take to authenticate and
	// ask for its session. A client does both at once; a silent or slow
	// connection is dropped, so it cannot hold a place for long.
	preAuthWait = 10 * time.Second
	// sessionWait is how long a connection may stay open after its session.
	sessionWait = 30 * time.Second
	// maxWaiting and maxWaitingPerHost bound the connections that have no
	// session yet: they cost a handshake each, and one address must not be
	// able to take every place of everyone else's handshakes.
	maxWaiting        = 64
	maxWaitingPerHost = 16
)

// The reasons a session is refused on a connection.
var (
	errOneSession = errors.New("the connection already has a session")
	errFull       = errors.New("every session place is taken")
)

// slotKey finds a connection's slot in its ssh.Context.
var slotKey = &struct{ name string }{"avtal-slot"}

// gate keeps two counts. Sessions, at most --max-sessions, are counted only
// once a client has authenticated and asked for one, so nobody who merely
// reaches the port can lock the editors out. Connections still waiting for
// their session are bounded apart, in all and per address, and each has
// preAuthWait to get there. wish has no such options, so the gate runs in
// the server's ConnCallback, before a handshake costs anything.
type gate struct {
	maxSessions              int
	maxWaiting, maxPerHost   int
	preAuthWait, sessionWait time.Duration

	mu       sync.Mutex
	sessions int
	waiting  int
	perHost  map[string]int
}

func newGate(maxSessions int) *gate {
	return &gate{maxSessions: maxSessions, maxWaiting: maxWaiting, maxPerHost: maxWaitingPerHost,
		preAuthWait: preAuthWait, sessionWait: sessionWait, perHost: map[string]int{}}
}

// admit wraps c in a slot, or returns nil (the server then drops c) when
// too many connections, or too many from c's address, wait for a session.
func (g *gate) admit(ctx ssh.Context, c net.Conn) net.Conn {
	host := hostOf(c.RemoteAddr())
	g.mu.Lock()
	if g.waiting >= g.maxWaiting || g.perHost[host] >= g.maxPerHost {
		g.mu.Unlock()
		return nil
	}
	g.waiting++
	g.perHost[host]++
	g.mu.Unlock()
	s := &slot{Conn: c, gate: g, host: host, waiting: true}
	s.timer = time.AfterFunc(g.preAuthWait, s.expire)
	ctx.SetValue(slotKey, s)
	return s
}

func hostOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// stopWaiting takes a waiting connection out of the waiting counts; the
// caller holds g.mu.
func (g *gate) stopWaiting(s *slot) {
	if !s.waiting {
		return
	}
	s.waiting = false
	g.waiting--
	if g.perHost[s.host]--; g.perHost[s.host] == 0 {
		delete(g.perHost, s.host)
	}
}

// slot is one admitted connection; closing it frees what it holds.
type slot struct {
	net.Conn
	gate *gate
	host string

	// guarded by gate.mu
	waiting bool // no session yet: counted among the waiting
	session bool // a session runs: counted among the sessions

	timer *time.Timer
	once  sync.Once
}

// Close closes the connection and gives its places back, once.
func (s *slot) Close() error {
	s.once.Do(func() {
		s.timer.Stop()
		g := s.gate
		g.mu.Lock()
		g.stopWaiting(s)
		if s.session {
			s.session = false
			g.sessions--
		}
		g.mu.Unlock()
	})
	return s.Conn.Close()
}

// begin starts a session on the connection, which has authenticated by
// now. It refuses a second session on one connection (a way around
// --max-sessions) and a session beyond --max-sessions.
func (s *slot) begin() error {
	g := s.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case s.session:
		return errOneSession
	case g.sessions >= g.maxSessions:
		return errFull
	}
	g.stopWaiting(s)
	s.session = true
	g.sessions++
	s.timer.Stop()
	return nil
}

// end finishes the session, gives its place back and starts the wait
// before the connection is closed.
func (s *slot) end() {
	g := s.gate
	g.mu.Lock()
	if s.session {
		s.session = false
		g.sessions--
	}
	g.mu.Unlock()
	s.timer.Reset(g.sessionWait)
}

func (s *slot) expire() {
	s.gate.mu.Lock()
	idle := !s.session
	s.gate.mu.Unlock()
	if idle {
		s.Conn.Close()
	}
}

// slotOf returns the slot of the session's connection.
func slotOf(ctx ssh.Context) *slot {
	s, _ := ctx.Value(slotKey).(*slot)
	return s
}

package sshd

import (
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
)

// sessionWait is how long a connection may stay open without a session: the
// handshake and authentication before the first, and the time after the last.
// It keeps silent connections from holding the places of --max-sessions.
const sessionWait = 30 * time.Second

// slotKey finds a connection's slot in its ssh.Context.
var slotKey = &struct{ name string }{"avtal-slot"}

// gate admits at most max connections at once. wish has no such option, so
// it runs in the server's ConnCallback, before the SSH handshake costs
// anything; each connection carries one session, so max connections is max
// sessions.
type gate struct {
	max  int
	wait time.Duration

	mu   sync.Mutex
	open int
}

// admit wraps c in a slot, or returns nil (the server then drops c) when
// every place is taken.
func (g *gate) admit(ctx ssh.Context, c net.Conn) net.Conn {
	g.mu.Lock()
	if g.open >= g.max {
		g.mu.Unlock()
		return nil
	}
	g.open++
	g.mu.Unlock()
	s := &slot{Conn: c, gate: g}
	s.timer = time.AfterFunc(g.wait, s.expire)
	ctx.SetValue(slotKey, s)
	return s
}

// slot is one admitted connection; closing it frees its place.
type slot struct {
	net.Conn
	gate *gate

	mu       sync.Mutex
	sessions int
	timer    *time.Timer
	once     sync.Once
}

// Close closes the connection and gives its place back, once.
func (s *slot) Close() error {
	s.once.Do(func() {
		s.timer.Stop()
		s.gate.mu.Lock()
		s.gate.open--
		s.gate.mu.Unlock()
	})
	return s.Conn.Close()
}

// begin starts a session on the connection. It is false when one is
// already running: a second session on one connection would be a way around
// --max-sessions.
func (s *slot) begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessions > 0 {
		return false
	}
	s.sessions++
	s.timer.Stop()
	return true
}

// end finishes the session and starts the wait for another.
func (s *slot) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions--
	s.timer.Reset(s.gate.wait)
}

func (s *slot) expire() {
	s.mu.Lock()
	idle := s.sessions == 0
	s.mu.Unlock()
	if idle {
		s.Conn.Close()
	}
}

// slotOf returns the slot of the session's connection.
func slotOf(ctx ssh.Context) *slot {
	s, _ := ctx.Value(slotKey).(*slot)
	return s
}

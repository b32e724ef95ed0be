package sshd

import (
	"context"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"avtal/store"
	"avtal/ui/app"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// sessionKey finds the running session in its ssh.Context.
var sessionKey = &struct{ name string }{"avtal-session"}

// session is one visitor's workbench: their keyboard, their register (the
// shared one, or a demo copy), their program and why it ended.
type sshSession struct {
	id      identity
	lang    i18n.Lang
	start   time.Time
	in      *input
	store   *store.Store
	tempDir string // the demo copy's folder, removed at the end
	sub     *Subscription
	done    chan struct{}
	// ctx is the workbench's context (session.State.Ctx): it ends when the
	// connection closes, the visitor quits or the server ends the session,
	// and with it every load and computation the session started.
	ctx    context.Context
	cancel context.CancelFunc

	mu         sync.Mutex
	role       Role // the key's role now; authorized_keys may change it
	program    *tea.Program
	c          *session.State
	ended      bool
	reason     string // catalogue key of why the server closed the workbench
	reasonArgs []any
}

// attach records the program and its context; false when the session was
// ended while they were being built (the server began shutting down).
func (s *sshSession) attach(p *tea.Program, c *session.State) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return false
	}
	s.program, s.c = p, c
	return true
}

// end closes the workbench from outside (shutdown, idle); reason is the
// catalogue key of what the visitor is told. The first reason given wins.
func (s *sshSession) end(reason string, args ...any) {
	s.mu.Lock()
	if !s.ended {
		s.ended, s.reason, s.reasonArgs = true, reason, args
	}
	p := s.program
	s.mu.Unlock()
	s.cancel() // what the session computes stops now, before its program has quit
	if p != nil {
		go p.Quit() // Send waits for the program's loop; never hold the caller
	}
}

// setAccess shows role in the status bar and lets the session write only
// as an editor.
func (s *sshSession) setAccess(c *session.State, role Role) {
	c.SetAccess(s.lang.T("sshd.user", s.id.name, s.lang.T("sshd.role."+role.String())), role == Viewer)
}

// changeRole applies a role authorized_keys now gives the session's key:
// from this moment a demoted editor cannot write, and the visitor is told.
// It reports whether the role changed.
func (s *sshSession) changeRole(role Role) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.role == role || s.c == nil {
		return false
	}
	s.role = role
	s.setAccess(s.c, role)
	if p := s.program; p != nil {
		msg := session.Status(s.lang.T("sshd.role_changed", s.lang.T("sshd.role."+role.String())))()
		go p.Send(msg) // Send waits for the program's loop; never hold the caller
	}
	return true
}

// kill stops a program that did not quit in time.
func (s *sshSession) kill() {
	s.mu.Lock()
	p := s.program
	s.mu.Unlock()
	if p != nil {
		p.Kill()
	}
}

// farewell is the line printed after the workbench closes, or "" when the
// visitor quit.
func (s *sshSession) farewell() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reason == "" {
		return ""
	}
	return s.lang.T(s.reason, s.reasonArgs...)
}

// why names for the log how the session ended.
func (s *sshSession) why() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reason == "" {
		return "quit"
	}
	return s.reason
}

// watchIdle ends the session after timeout without a keystroke. Output does
// not count: a session that only receives other editors' changes is idle.
func (s *sshSession) watchIdle(timeout time.Duration, now func() time.Time) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
			left := timeout - now().Sub(s.in.idleSince())
			if left <= 0 {
				s.end("sshd.bye.idle", timeout)
				return
			}
			t.Reset(left)
		}
	}
}

// newProgram is the bubbletea middleware's ProgramHandler: the same root
// model as the local app, over this session's renderer, store and role.
func (srv *Server) newProgram(s ssh.Session) *tea.Program {
	sess, ok := s.Context().Value(sessionKey).(*sshSession)
	if !ok {
		return nil
	}
	c := session.New(srv.renderer(s, sess.in), sess.store, sess.lang, srv.now)
	c.Ctx = sess.ctx
	sess.role = sess.id.role
	sess.setAccess(c, sess.id.role)
	opts := []tea.ProgramOption{tea.WithInput(sess.in), tea.WithOutput(s), tea.WithAltScreen(),
		// The server's own SIGINT/SIGTERM are for the server, which tells
		// every session itself; a program must not quit on them silently.
		tea.WithoutSignalHandler()}
	if !srv.cfg.NoMouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	p := app.NewProgram(app.New(c), opts...)
	if srv.broker != nil {
		sess.sub = srv.broker.Subscribe(p)
		c.Notify, c.Shared = sess.sub.Publish, srv.shared
	}
	if !sess.attach(p, c) {
		return nil
	}
	return p
}

// renderer builds the session's lipgloss renderer with bm.MakeRenderer,
// which asks the client's terminal for its background colour. A terminal
// that never answers costs at most queryTimeout: the question's reads give
// up then (the keys typed meanwhile stay for the workbench). Should the
// question itself hang, the session goes on in plain ASCII.
func (srv *Server) renderer(s ssh.Session, in *input) *lipgloss.Renderer {
	ctx, cancel := context.WithTimeout(context.Background(), srv.queryTimeout)
	defer cancel()
	made := make(chan *lipgloss.Renderer, 1)
	go func() { made <- bm.MakeRenderer(querySession{Session: s, in: in, ctx: ctx}) }()
	hung := time.NewTimer(2 * srv.queryTimeout)
	defer hung.Stop()
	select {
	case r := <-made:
		return r
	case <-hung.C:
		srv.log.Warn("terminal query hung; plain ASCII for this session", "remote", s.RemoteAddr().String())
		return lipgloss.NewRenderer(s, termenv.WithProfile(termenv.Ascii))
	}
}

// querySession is the session as the terminal query sees it: reads come
// from the session's input and stop at ctx's deadline.
type querySession struct {
	ssh.Session
	in  *input
	ctx context.Context
}

func (q querySession) Read(p []byte) (int, error) { return q.in.read(q.ctx, p) }

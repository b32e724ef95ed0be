package sshd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"avtal/ui/i18n"
	"avtal/ui/session"
)

// Timing of the server. Variables of Server so tests can shorten them.
const (
	queryTimeout = 2 * time.Second  // a client's terminal answering the colour query
	shutdownWait = 10 * time.Second // sessions closing their workbench on shutdown
	exitWait     = time.Second      // their exit statuses reaching the clients
)

// Server is the SSH face of Avtal.
type Server struct {
	cfg          Config
	log          *slog.Logger
	ssh          *ssh.Server
	ln           net.Listener
	fingerprint  string
	keys         *authorizedKeys // nil: anyone may connect
	broker       *Broker         // nil in demo mode: nothing is shared
	shared       *session.Shared // what the sessions compute once for all; nil in demo mode
	gate         *gate
	tempRoot     string
	queryTimeout time.Duration
	shutdownWait time.Duration
	keysPoll     time.Duration
	now          func() time.Time // Config.Now: the sessions' today and every timestamp and duration

	mu       sync.Mutex
	closing  bool
	sessions map[*sshSession]struct{}
	running  sync.WaitGroup
}

// New checks cfg, loads (or creates) the host key and the authorized keys,
// and listens on cfg.Addr. Without authorized keys it refuses an address
// other machines can reach, unless in demo mode.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Lang == "" {
		cfg.Lang = i18n.EN
	}
	if cfg.MaxSessions < 1 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	switch {
	case cfg.Demo && cfg.Seed == nil:
		return nil, errors.New("demo mode needs a way to seed the sample register")
	case cfg.Now == nil:
		return nil, errors.New("no clock to serve with")
	case !cfg.Demo && cfg.Store == nil:
		return nil, errors.New("no register to serve")
	case cfg.AuthorizedKeysPath == "" && !cfg.Demo && !isLoopback(cfg.Addr):
		return nil, errors.New(cfg.Lang.T("sshd.needs_keys", cfg.Addr))
	}
	srv := &Server{
		cfg: cfg, log: cfg.Logger, tempRoot: os.TempDir(),
		keysPoll:     keysPoll,
		gate:         newGate(cfg.MaxSessions),
		queryTimeout: queryTimeout, shutdownWait: shutdownWait, now: cfg.Now,
		sessions: map[*sshSession]struct{}{},
	}
	if !cfg.Demo {
		srv.broker, srv.shared = NewBroker(), &session.Shared{}
	}
	signer, err := hostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	srv.fingerprint = gossh.FingerprintSHA256(signer.PublicKey())
	if cfg.AuthorizedKeysPath != "" {
		if srv.keys, err = loadAuthorizedKeys(cfg.AuthorizedKeysPath, srv.log); err != nil {
			return nil, err
		}
	}
	if srv.ssh, err = wish.NewServer(srv.options(signer)...); err != nil {
		return nil, err
	}
	if srv.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		return nil, err
	}
	return srv, nil
}

// options wire the server: host key, authentication, the connection gate
// and the middleware chain (run from the last to the first: identify, then
// terminal check, then session, then the Bubble Tea program), all inside
// wish's recover middleware so one session's panic ends only that session.
func (srv *Server) options(signer gossh.Signer) []ssh.Option {
	panics := slog.NewLogLogger(srv.log.Handler(), slog.LevelError)
	opts := []ssh.Option{
		func(s *ssh.Server) error { s.AddHostKey(signer); return nil },
		wish.WithMiddleware(recover.MiddlewareWithLogger(panics,
			bm.MiddlewareWithProgramHandler(srv.newProgram, termenv.Ascii),
			srv.serveSession,
			srv.requireTerminal,
			srv.identify,
		)),
		ssh.WrapConn(srv.admit),
		func(s *ssh.Server) error {
			s.ConnectionFailedCallback = func(c net.Conn, err error) {
				srv.log.Info("connection failed", "remote", c.RemoteAddr().String(), "err", err.Error())
			}
			return nil
		},
	}
	if srv.keys != nil {
		return append(opts, wish.WithPublicKeyAuth(func(_ ssh.Context, k ssh.PublicKey) bool {
			_, ok := srv.keys.lookup(k)
			return ok
		}))
	}
	// Anyone may connect: any key is accepted (so the logs can name it),
	// and clients without one get in with an empty keyboard-interactive.
	return append(opts,
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }))
}

// admit is the ConnCallback: the gate bounds the connections that have no
// session yet.
func (srv *Server) admit(ctx ssh.Context, c net.Conn) net.Conn {
	wrapped := srv.gate.admit(ctx, c)
	if wrapped == nil {
		srv.log.Warn("connection refused: too many connections waiting to log in", "remote", c.RemoteAddr().String())
	}
	return wrapped
}

// Serve accepts sessions until ctx ends, then shuts down gracefully: no new
// connections, every session told and closed (a program that does not quit
// within the wait is stopped), writes already begun finished. The caller
// closes the store after Serve returns.
func (srv *Server) Serve(ctx context.Context) error {
	srv.printStart()
	if srv.cfg.Demo {
		srv.cleanStaleDemos()
	}
	failed := make(chan error, 1)
	go func() { failed <- srv.ssh.Serve(srv.ln) }()
	if srv.keys != nil {
		watch, stop := context.WithCancel(ctx)
		defer stop()
		go srv.watchKeys(watch)
	}
	var err error
	select {
	case err = <-failed:
	case <-ctx.Done():
	}
	srv.shutdown()
	return err
}

func (srv *Server) printStart() {
	out := srv.cfg.Out
	if out == nil {
		return
	}
	t := srv.cfg.Lang.T
	host, port, _ := net.SplitHostPort(srv.ln.Addr().String())
	fmt.Fprint(out, t("sshd.listening", port, host, srv.fingerprint, srv.cfg.HostKeyPath))
	switch {
	case srv.keys != nil:
		fmt.Fprint(out, t("sshd.access.keys", srv.cfg.AuthorizedKeysPath))
	default:
		fmt.Fprint(out, t("sshd.access.open"))
	}
	if srv.cfg.Demo {
		fmt.Fprint(out, t("sshd.access.demo"))
	}
}

func (srv *Server) shutdown() {
	srv.ln.Close()
	srv.mu.Lock()
	srv.closing = true
	live := make([]*sshSession, 0, len(srv.sessions))
	for s := range srv.sessions {
		live = append(live, s)
	}
	srv.mu.Unlock()
	srv.log.Info("shutting down", "sessions", len(live))
	for _, s := range live {
		s.end("sshd.bye.shutdown")
	}
	if !srv.waitSessions(srv.shutdownWait) {
		for _, s := range live {
			s.kill()
		}
	}
	// Every session is over (or its client stopped reading). The SSH
	// library sends a session's exit status only after its handler has
	// returned, so the connections get a moment to close by themselves
	// before they are dropped, which unblocks whatever still writes to them.
	exit, cancel := context.WithTimeout(context.Background(), exitWait)
	srv.ssh.Shutdown(exit)
	cancel()
	srv.ssh.Close()
	srv.running.Wait()
	if srv.cfg.Store != nil {
		// A write a session began before it closed is committed before the
		// caller closes the store.
		if err := srv.cfg.Store.WaitWrites(context.Background()); err != nil {
			srv.log.Error("waiting for the last writes", "err", err.Error())
		}
	}
	srv.log.Info("stopped")
}

// waitSessions waits up to d for every session to end.
func (srv *Server) waitSessions(d time.Duration) bool {
	done := make(chan struct{})
	go func() { srv.running.Wait(); close(done) }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}

// open prepares a session's register and keyboard and registers it, so a
// shutdown will tell it.
func (srv *Server) open(s ssh.Session, id identity, lang i18n.Lang) (*sshSession, error) {
	sess := &sshSession{id: id, lang: lang, start: srv.now(), done: make(chan struct{})}
	sess.ctx, sess.cancel = context.WithCancel(s.Context())
	if srv.cfg.Demo {
		var err error
		if sess.store, sess.tempDir, err = srv.demoStore(s.Context(), id.audit()); err != nil {
			srv.log.Error("demo register not prepared", "err", err.Error())
			return nil, errors.New(lang.T("sshd.demo_failed", err))
		}
	} else {
		sess.store = srv.cfg.Store.As(id.audit())
	}
	srv.mu.Lock()
	closing := srv.closing
	if !closing {
		srv.sessions[sess] = struct{}{}
		srv.running.Add(1)
	}
	srv.mu.Unlock()
	if closing {
		sess.dropStore()
		return nil, errors.New(lang.T("sshd.closing"))
	}
	sess.in = newInput(s, newBucket(inputRate, inputBurst, srv.now), srv.now, sess.done)
	if srv.cfg.IdleTimeout > 0 {
		go sess.watchIdle(srv.cfg.IdleTimeout, srv.now)
	}
	pty, _, _ := s.Pty()
	srv.log.Info("session start", "user", id.name, "fingerprint", id.fingerprint, "role", id.role.String(),
		"remote", s.RemoteAddr().String(), "term", pty.Term, "width", pty.Window.Width, "height", pty.Window.Height,
		"db", sess.store.Path())
	return sess, nil
}

// close ends what open began: the subscription, a demo register and its
// folder, the registration.
func (srv *Server) close(sess *sshSession) {
	sess.cancel()
	close(sess.done)
	if sess.sub != nil {
		sess.sub.Close()
	}
	sess.dropStore()
	srv.log.Info("session end", "user", sess.id.name, "fingerprint", sess.id.fingerprint, "role", sess.id.role.String(),
		"duration", srv.now().Sub(sess.start).Round(time.Millisecond).String(), "reason", sess.why())
	srv.mu.Lock()
	delete(srv.sessions, sess)
	srv.mu.Unlock()
	srv.running.Done()
}

// isLoopback reports whether addr can only be reached from this machine.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

package cli

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/spf13/pflag"

	"avtal/ui/sshd"
)

// serve runs the SSH server until SIGINT or SIGTERM. The store is closed
// only after the server has shut down, so no session's write is cut off.
func serve(fs *pflag.FlagSet) runFunc {
	var cfg sshd.Config
	fs.StringVar(&cfg.Addr, "addr", sshd.DefaultAddr, "")
	fs.StringVar(&cfg.HostKeyPath, "host-key", "", "")
	fs.StringVar(&cfg.AuthorizedKeysPath, "authorized-keys", "", "")
	fs.BoolVar(&cfg.Demo, "demo", false, "")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", sshd.DefaultMaxSessions, "")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", sshd.DefaultIdleTimeout, "")
	return func(ctx context.Context, env *Env, _ []string) error {
		g := env.g
		switch {
		case cfg.MaxSessions < 1:
			return &UsageError{Msg: g.lang.T("cli.serve_max_sessions", cfg.MaxSessions)}
		case cfg.IdleTimeout < 0:
			return &UsageError{Msg: g.lang.T("cli.serve_idle_negative")}
		}
		if cfg.HostKeyPath == "" {
			cfg.HostKeyPath = sshd.DefaultHostKey(filepath.Dir(g.db))
		}
		ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
		cfg.Lang, cfg.Seed, cfg.Out, cfg.Now, cfg.NoMouse = g.lang, seedSample, env.Stdout, g.now, g.noMouse
		cfg.Logger = slog.New(slog.NewJSONHandler(env.Stderr, nil))
		if !cfg.Demo {
			st, err := openStore(ctx, g, env.Stderr)
			if err != nil {
				return err
			}
			defer st.Close()
			cfg.Store = st
		}
		srv, err := sshd.New(cfg)
		if err != nil {
			return err
		}
		return srv.Serve(ctx)
	}
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"avtal/ui/sshd"
)

// serve runs the SSH server until SIGINT or SIGTERM. The store is closed
// only after the server has shut down, so no session's write is cut off.
func serve(g globals, args []string, stdout, stderr io.Writer) int {
	cfg, err := sshd.ParseFlags(args, filepath.Dir(g.db))
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, commandUsage(g.lang, "serve"))
		return ExitOK
	}
	if err != nil {
		usageError(stderr, g.lang, "serve", translateFlagError(g.lang, err))
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg.Lang, cfg.Seed, cfg.Out, cfg.Now, cfg.NoMouse = g.lang, seedSample, stdout, g.now, g.noMouse
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	if !cfg.Demo {
		st, err := openStore(ctx, g, stderr)
		if err != nil {
			fmt.Fprintln(stderr, "avtal serve: "+err.Error())
			return ExitFail
		}
		defer st.Close()
		cfg.Store = st
	}
	srv, err := sshd.New(cfg)
	if err == nil {
		err = srv.Serve(ctx)
	}
	if err != nil {
		fmt.Fprintln(stderr, "avtal serve: "+err.Error())
		return ExitFail
	}
	return ExitOK
}

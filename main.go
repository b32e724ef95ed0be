// Command avtal is a terminal workbench for people who manage agreements:
// the register in one SQLite file, panes for clauses, sub-processors,
// deadlines and SLA credits, the same capabilities as subcommands, and the
// workbench served over SSH.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // Swedish agreements mean Europe/Stockholm on any machine

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/assets"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/app"
	"avtal/ui/cli"
	"avtal/ui/common"
	"avtal/ui/i18n"
	"avtal/ui/sshd"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// globals are the flags every subcommand accepts.
type globals struct {
	db    string
	lang  i18n.Lang
	leads deadlines.LeadTimes // reminder lead times, AVTAL_LEAD_TIMES over the defaults
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv, time.Now))
}

// run is the whole program behind main; tests call it with their own
// output, environment and clock.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	g, rest, err := parseGlobals(args, getenv)
	if err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		fmt.Fprint(stderr, g.lang.T("cli.usage"))
		return cli.ExitUsage
	}
	name := ""
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	ctx := context.Background()
	switch {
	case name == "version":
		fmt.Fprintf(stdout, "avtal %s (schema %d)\n", version, store.SchemaVersion())
		return cli.ExitOK
	case name == "help" || name == "-h" || name == "--help":
		fmt.Fprint(stdout, g.lang.T("cli.usage"))
		return cli.ExitOK
	case name == "demo":
		return demo(ctx, g, stdout, stderr)
	case name == "restore":
		return restore(ctx, g, rest, stdout, stderr, now)
	case name == "serve":
		return serve(g, rest, stdout, stderr)
	case name != "" && !cli.Has(name):
		fmt.Fprintln(stderr, "avtal: "+g.lang.T("cli.unknown_command", name))
		fmt.Fprint(stderr, g.lang.T("cli.usage"))
		return cli.ExitUsage
	}
	open := openStore
	if name == "gen" {
		// A register to generate into starts empty, without the sample.
		open = func(ctx context.Context, path string) (*store.Store, error) { return store.Open(ctx, path) }
	}
	st, err := open(ctx, g.db)
	if err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		return cli.ExitFail
	}
	defer st.Close()
	if name == "" {
		return runTUI(st, g, stderr, now, backupDir(g.db, getenv))
	}
	return cli.Run(ctx, &cli.Env{Store: st, Lang: g.lang, Stdout: stdout, Stderr: stderr, Now: now, Leads: g.leads}, name, rest)
}

// parseGlobals takes --db and --lang from anywhere in args and returns the
// rest. Other flags before the subcommand are a usage error.
func parseGlobals(args []string, getenv func(string) string) (globals, []string, error) {
	var g globals
	var langFlag string
	var rest []string
	seenCommand := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" || (name != "db" && name != "lang") {
			if strings.HasPrefix(a, "-") && !seenCommand && a != "-h" && a != "--help" {
				return g, nil, fmt.Errorf("unknown flag %s", a)
			}
			seenCommand = true
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return g, nil, fmt.Errorf("flag %s needs a value", a)
			}
			i++
			value = args[i]
		}
		if name == "db" {
			g.db = value
		} else {
			langFlag = value
		}
	}
	lang, err := i18n.Detect(langFlag, getenv)
	g.lang = lang
	if err != nil {
		return g, nil, err
	}
	if g.leads, err = deadlines.ParseLeadTimes(getenv("AVTAL_LEAD_TIMES")); err != nil {
		return g, nil, fmt.Errorf("AVTAL_LEAD_TIMES: %w", err)
	}
	if g.db == "" {
		g.db = getenv("AVTAL_DB")
	}
	if g.db == "" {
		g.db = defaultDBPath(getenv)
	}
	return g, rest, nil
}

// defaultDBPath is $XDG_DATA_HOME/avtal/avtal.db, or ~/.local/share/avtal/avtal.db.
func defaultDBPath(getenv func(string) string) string {
	dir := getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "avtal", "avtal.db")
}

// openStore opens the register and seeds a new one with the sample register.
func openStore(ctx context.Context, path string) (*store.Store, error) {
	st, err := store.Open(ctx, path, store.WithUser(localUser()))
	if err != nil {
		return nil, err
	}
	if st.Created {
		if err := seed(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// localUser names who writes from this machine in the audit log.
func localUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "local:" + u.Username
	}
	return "local"
}

func seed(ctx context.Context, st *store.Store) error {
	sample, err := assets.Agreements()
	if err != nil {
		return fmt.Errorf("the built-in sample register is broken: %w", err)
	}
	return st.PutAgreements(ctx, sample, true)
}

// demo (re)creates a database holding only the sample register.
func demo(ctx context.Context, g globals, stdout, stderr io.Writer) int {
	if _, err := os.Stat(g.db); err == nil {
		// Only replace what is ours: a foreign file is refused untouched.
		st, err := store.Open(ctx, g.db)
		if err != nil {
			fmt.Fprintln(stderr, "avtal demo: "+err.Error())
			return cli.ExitFail
		}
		st.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(g.db + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				fmt.Fprintln(stderr, "avtal demo: "+err.Error())
				return cli.ExitFail
			}
		}
	}
	st, err := openStore(ctx, g.db)
	if err != nil {
		fmt.Fprintln(stderr, "avtal demo: "+err.Error())
		return cli.ExitFail
	}
	defer st.Close()
	n, _ := st.Count(ctx)
	fmt.Fprintln(stdout, g.lang.T("cli.demo_done", g.db, n))
	return cli.ExitOK
}

// restore puts a checked backup in place of the database; it runs without
// the store open, since the file is swapped underneath.
func restore(ctx context.Context, g globals, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "avtal restore: "+g.lang.T("cli.needs_restore_file"))
		return cli.ExitUsage
	}
	kept, err := store.Restore(ctx, args[0], g.db, now())
	if err != nil {
		fmt.Fprintln(stderr, "avtal restore: "+err.Error())
		return cli.ExitFail
	}
	fmt.Fprintln(stdout, g.lang.T("cli.restore_done", g.db, args[0]))
	if kept != "" {
		fmt.Fprintln(stdout, g.lang.T("cli.restore_kept", kept))
	}
	return cli.ExitOK
}

// backupDir is where the TUI offers its daily backup on quit: backups/ next
// to the database, or nowhere when AVTAL_BACKUP_ON_QUIT=off.
func backupDir(db string, getenv func(string) string) string {
	if strings.EqualFold(getenv("AVTAL_BACKUP_ON_QUIT"), "off") {
		return ""
	}
	return filepath.Join(filepath.Dir(db), "backups")
}

func runTUI(st *store.Store, g globals, stderr io.Writer, now func() time.Time, backups string) int {
	c := common.New(lipgloss.DefaultRenderer(), st, g.lang, now)
	c.BackupDir = backups
	c.Leads = g.leads
	c.LocalFiles = true
	if _, err := tea.NewProgram(app.New(c), tea.WithAltScreen(), tea.WithFPS(app.FrameRate)).Run(); err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		return cli.ExitFail
	}
	return cli.ExitOK
}

// serve runs the SSH server until SIGINT or SIGTERM. The store is closed
// only after the server has shut down, so no session's write is cut off.
func serve(g globals, args []string, stdout, stderr io.Writer) int {
	cfg, err := sshd.ParseFlags(args, filepath.Dir(g.db))
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, g.lang.T("cli.usage"))
		return cli.ExitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "avtal serve: "+err.Error())
		return cli.ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg.Lang, cfg.Seed, cfg.Out = g.lang, seed, stdout
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	if !cfg.Demo {
		st, err := openStore(ctx, g.db)
		if err != nil {
			fmt.Fprintln(stderr, "avtal serve: "+err.Error())
			return cli.ExitFail
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
		return cli.ExitFail
	}
	return cli.ExitOK
}

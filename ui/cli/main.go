package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // Swedish agreements mean Europe/Stockholm on any machine

	"avtal/assets"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/i18n"
)

// version is set at build time with -ldflags "-X avtal/ui/cli.version=…".
var version = "dev"

// globals are what every subcommand gets: the flags they all accept and
// the program's one clock.
type globals struct {
	db    string
	ownDB bool // db is the default path, whose folder Avtal makes
	// noMouse (--no-mouse) leaves the mouse to the terminal, for selecting
	// text, instead of clicks and the wheel in the workbench.
	noMouse bool
	lang    i18n.Lang
	leads   deadlines.LeadTimes // reminder lead times, AVTAL_LEAD_TIMES over the defaults
	now     func() time.Time    // every date and timestamp of the run comes from it
}

// Main is the whole avtal program: it reads the global flags, then starts
// the TUI or runs the subcommand in args, and returns the exit code. The
// binary's main calls it with the process's own output, environment and
// clock; tests call it with theirs.
func Main(args []string, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	g, rest, err := parseGlobals(args, getenv)
	g.now = now
	if err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		fmt.Fprintln(stderr, g.lang.T("cli.see_help"))
		return ExitUsage
	}
	name := ""
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	ctx := context.Background()
	switch {
	case name == "version":
		fmt.Fprintf(stdout, "avtal %s (schema %d)\n", version, store.SchemaVersion())
		return ExitOK
	case name == "help" || name == "-h" || name == "--help":
		fmt.Fprint(stdout, g.lang.T("cli.usage"))
		return ExitOK
	case name == "demo":
		return demo(ctx, g, rest, stdout, stderr)
	case name == "restore":
		return restore(ctx, g, rest, stdout, stderr)
	case name == "serve":
		return serve(g, rest, stdout, stderr)
	case name != "" && !Has(name):
		fmt.Fprintln(stderr, "avtal: "+g.lang.T("cli.unknown_command", name))
		fmt.Fprintln(stderr, g.lang.T("cli.see_help"))
		return ExitUsage
	}
	open := openStore
	if name == "gen" {
		// A register to generate into starts empty, without the sample.
		open = func(ctx context.Context, g globals, _ io.Writer) (*store.Store, error) {
			if err := g.makeOwnDir(); err != nil {
				return nil, err
			}
			return store.Open(ctx, g.db, store.WithClock(g.now))
		}
	}
	st, err := open(ctx, g, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		return ExitFail
	}
	defer st.Close()
	for _, w := range st.Warnings {
		fmt.Fprintln(stderr, "avtal: "+g.lang.T("cli.warning", w))
	}
	if name == "" {
		return runTUI(ctx, st, g, stderr, backupDir(g.db, getenv))
	}
	return Run(ctx, &Env{Store: st, Lang: g.lang, Stdout: stdout, Stderr: stderr, Now: now, Leads: g.leads}, name, rest)
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
		if a == "--no-mouse" || a == "-no-mouse" {
			g.noMouse = true
			continue
		}
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
		g.db, g.ownDB = defaultDBPath(getenv), true
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

// makeOwnDir makes the default register's folder; a folder named with
// --db or AVTAL_DB must exist already.
func (g globals) makeOwnDir() error {
	if !g.ownDB {
		return nil
	}
	return os.MkdirAll(filepath.Dir(g.db), 0o755)
}

// openStore opens the register on the program's clock and seeds a new one
// with the sample register, saying so on stderr.
func openStore(ctx context.Context, g globals, stderr io.Writer) (*store.Store, error) {
	if err := g.makeOwnDir(); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, g.db, store.WithUser(localUser()), store.WithClock(g.now))
	if err != nil {
		return nil, err
	}
	if st.Created {
		if err := seedSample(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
		fmt.Fprintln(stderr, "avtal: "+g.lang.T("cli.created_register", g.db))
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

// seedSample puts the built-in sample register into st.
func seedSample(ctx context.Context, st *store.Store) error {
	sample, err := assets.Agreements()
	if err != nil {
		return fmt.Errorf("the built-in sample register is broken: %w", err)
	}
	return st.PutAgreements(ctx, sample, true)
}

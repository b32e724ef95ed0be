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

	"github.com/spf13/pflag"

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
	backups string              // where the workbench offers its backup on quit
}

// Main is the whole avtal program: it starts the TUI or runs the
// subcommand in args, and returns the exit code. The binary's main calls it
// with the process's own output, environment and clock; tests call it with
// theirs.
func Main(args []string, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	a := &program{stdout: stdout, stderr: stderr, getenv: getenv}
	a.g.now = now
	lang, err := i18n.Detect(langArg(args), getenv)
	a.g.lang = lang
	if err == nil {
		if a.g.leads, err = deadlines.ParseLeadTimes(getenv("AVTAL_LEAD_TIMES")); err != nil {
			err = fmt.Errorf("AVTAL_LEAD_TIMES: %w", err)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "avtal: "+lang.FieldErrors(err).Error())
		fmt.Fprintln(stderr, lang.T("cli.see_help"))
		return ExitUsage
	}
	return a.execute(context.Background(), args)
}

// langArg is the value of --lang in args. The help texts are built in the
// language before the command line is parsed, so it is looked for first.
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-") || name != "lang":
		case hasValue:
			return value
		case i+1 < len(args):
			return args[i+1]
		}
	}
	return ""
}

// resolveDB names the register: --db, else AVTAL_DB, else the default path.
func (g *globals) resolveDB(getenv func(string) string) {
	if g.db == "" {
		g.db = getenv("AVTAL_DB")
	}
	if g.db == "" {
		g.db, g.ownDB = defaultDBPath(getenv), true
	}
	g.backups = backupDir(g.db, getenv)
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
func openStore(ctx context.Context, g globals, stderr io.Writer, opts ...store.Option) (*store.Store, error) {
	if err := g.makeOwnDir(); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, g.db, append(opts, store.WithUserLookup(localUser), store.WithClock(g.now), upgradeNotice(g, stderr))...)
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

// upgradeNotice says on stderr that an older register is being brought to
// this schema before the work starts.
func upgradeNotice(g globals, stderr io.Writer) store.Option {
	return store.WithUpgradeNotice(func(from, to int) {
		fmt.Fprintln(stderr, "avtal: "+g.lang.T("cli.upgrading", g.db, from, to))
	})
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

// printVersion is avtal version.
func printVersion(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, _ []string) error {
		_, err := fmt.Fprintf(env.Stdout, "avtal %s (schema %d)\n", version, store.SchemaVersion())
		return err
	}
}

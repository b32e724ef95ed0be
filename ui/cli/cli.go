// Package cli is the command-line face of Avtal: every capability of the
// panes as a subcommand with plain and --json output, over the same store
// and model.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/common"
	"avtal/ui/i18n"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1 // bad input or a failed operation
	ExitUsage = 2
)

// Env is what a command runs with.
type Env struct {
	Store  *store.Store
	Lang   i18n.Lang
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	// Leads are the reminder lead times (nil: the defaults).
	Leads deadlines.LeadTimes
}

// UsageError is a mistake in how a command was called; it exits with 2.
type UsageError struct {
	Msg string
}

func (e *UsageError) Error() string { return e.Msg }

// command is one subcommand.
type command func(ctx context.Context, env *Env, args []string) error

// commands maps subcommand names to their implementation.
var commands = map[string]command{
	"list":          list,
	"show":          show,
	"import":        importFiles,
	"export":        export,
	"backup":        backup,
	"log":           auditLog,
	"sla":           sla,
	"gen":           generate,
	"proposals":     proposals,
	"set":           set,
	"edit":          edit,
	"subprocessors": subprocessors,
	"notice":        notice,
	"clauses":       agreementClauses,
	"search":        search,
	"tag":           tagClause,
	"note":          note,
	"compare":       compare,

	"deadlines": listDeadlines,
	"event":     event,
	"done":      markDone,
	"snooze":    snooze,
}

// Has reports whether name is a subcommand handled here.
func Has(name string) bool { _, ok := commands[name]; return ok }

// Run runs subcommand name and returns the process exit code. Errors are
// written to stderr as one line.
func Run(ctx context.Context, env *Env, name string, args []string) int {
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintln(env.Stderr, env.Lang.T("cli.unknown_command", name))
		fmt.Fprintln(env.Stderr, env.Lang.T("cli.see_help"))
		return ExitUsage
	}
	out := &safeWriter{w: env.Stdout}
	safe := *env
	safe.Stdout = out
	err := cmd(ctx, &safe, args)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	var usage *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, commandUsage(env.Lang, name))
		return ExitOK
	case errors.As(err, &usage):
		// One line saying what is wrong, and where the command's flags are.
		usageError(env.Stderr, env.Lang, name, translateFlagError(env.Lang, err))
		return ExitUsage
	default:
		// An error can quote the register (a title, a file's line).
		fmt.Fprintln(env.Stderr, "avtal "+name+": "+common.Sanitize(err.Error()))
		return ExitFail
	}
}

// flags returns a flag set that reports mistakes as a UsageError instead of
// printing and exiting.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args, allowing flags after positional arguments
// (`avtal show centuri-saas --json`).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &UsageError{Msg: err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// ownFlags parses the flags of a subcommand that runs before the store is
// opened and returns its positional arguments. done is true when nothing
// is left to do: help was asked for (printed, exit 0), or a flag was wrong
// (exit 2).
func ownFlags(g globals, name string, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	pos, err := parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, commandUsage(g.lang, name))
		return nil, ExitOK, true
	case err != nil:
		usageError(stderr, g.lang, name, translateFlagError(g.lang, err))
		return nil, ExitUsage, true
	}
	return pos, ExitOK, false
}

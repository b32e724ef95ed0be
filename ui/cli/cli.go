// Package cli is the command-line face of Avtal: every capability of the
// panes as a subcommand with plain and --json output, over the same store
// and model. The commands are one table (commands.go) that cobra parses,
// completes and documents.
package cli

import (
	"context"
	"io"
	"time"

	"github.com/spf13/pflag"

	"avtal/model/deadlines"
	"avtal/store"
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
	// g are the globals, for the commands that handle the register's file
	// themselves (demo, restore, serve, the workbench).
	g globals
}

// UsageError is a mistake in how a command was called; it exits with 2.
type UsageError struct {
	Msg string
}

func (e *UsageError) Error() string { return e.Msg }

// runFunc is a command's body: it runs with the positional arguments once
// the flags are parsed.
type runFunc func(ctx context.Context, env *Env, args []string) error

// declare adds a command's flags to fs and returns the body that reads them.
type declare func(fs *pflag.FlagSet) runFunc

package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"avtal/store"
	"avtal/ui/i18n"
)

// restore puts a checked backup in place of the database; it runs without
// the store open, since the file is swapped underneath.
func restore(*pflag.FlagSet) runFunc {
	return func(ctx context.Context, env *Env, args []string) error {
		g := env.g
		if len(args) != 1 {
			return &UsageError{Msg: g.lang.T("cli.needs_restore_file")}
		}
		kept, err := store.Restore(ctx, args[0], g.db, g.now())
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, g.lang.T("cli.restore_done", g.db, args[0]))
		if kept != "" {
			fmt.Fprintln(env.Stdout, g.lang.T("cli.restore_kept", kept))
		}
		return nil
	}
}

// storeFileProblems are the refusals of a register file.
var storeFileProblems = []i18n.Problem{
	{Err: store.ErrInUse, Key: "cli.in_use"},
	{Err: store.ErrOpenElsewhere, Key: "cli.open_elsewhere"},
	{Err: store.ErrNotDatabase, Key: "store.err.not_database"},
	{Err: store.ErrOtherProgram, Key: "store.err.other_program"},
	{Err: store.ErrFolder, Key: "store.err.folder"},
	{Err: store.ErrNoFolder, Key: "store.err.no_folder"},
	{Err: store.ErrExists, Key: "store.err.exists"},
	{Err: store.ErrDamaged, Key: "store.err.damaged"},
	{Err: store.ErrIncomplete, Key: "store.err.incomplete"},
}

// storeFileError words what the store refused about a register file (one
// to open, restore or back up to), wherever it is wrapped, in the
// session's language; other errors stay as they are.
func storeFileError(lang i18n.Lang, err error) error {
	var pe *store.PathError
	var newer *store.NewerError
	switch {
	case errors.As(err, &newer):
		return errors.New(strings.Replace(err.Error(), newer.Error(), lang.T("store.err.newer", newer.Path, newer.Version, newer.Known), 1))
	case errors.As(err, &pe):
		if text, ok := lang.Word(pe.Err, storeFileProblems, pe.Path); ok {
			return errors.New(strings.Replace(err.Error(), pe.Error(), text, 1))
		}
	}
	return err
}

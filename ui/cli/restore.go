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

// storeFileProblems are the keys of the refusals of a register file.
var storeFileProblems = []struct {
	err error
	key string
}{
	{store.ErrInUse, "cli.in_use"},
	{store.ErrOpenElsewhere, "cli.open_elsewhere"},
	{store.ErrNotDatabase, "store.err.not_database"},
	{store.ErrOtherProgram, "store.err.other_program"},
	{store.ErrFolder, "store.err.folder"},
	{store.ErrNoFolder, "store.err.no_folder"},
	{store.ErrExists, "store.err.exists"},
	{store.ErrDamaged, "store.err.damaged"},
	{store.ErrIncomplete, "store.err.incomplete"},
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
	case !errors.As(err, &pe):
		return err
	}
	for _, p := range storeFileProblems {
		if errors.Is(pe.Err, p.err) {
			return errors.New(strings.Replace(err.Error(), pe.Error(), lang.T(p.key, pe.Path), 1))
		}
	}
	return err
}

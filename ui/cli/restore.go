package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"avtal/store"
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
			return storeFileError(g, err)
		}
		fmt.Fprintln(env.Stdout, g.lang.T("cli.restore_done", g.db, args[0]))
		if kept != "" {
			fmt.Fprintln(env.Stdout, g.lang.T("cli.restore_kept", kept))
		}
		return nil
	}
}

// storeFileError says what went wrong replacing the register file, in the
// session's language when it is open elsewhere.
func storeFileError(g globals, err error) error {
	switch {
	case errors.Is(err, store.ErrInUse):
		return errors.New(g.lang.T("cli.in_use", g.db))
	case errors.Is(err, store.ErrOpenElsewhere):
		return errors.New(g.lang.T("cli.open_elsewhere", g.db))
	}
	return err
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"avtal/store"
)

// restore puts a checked backup in place of the database; it runs without
// the store open, since the file is swapped underneath.
func restore(ctx context.Context, g globals, args []string, stdout, stderr io.Writer) int {
	args, code, done := ownFlags(g, "restore", flags("restore"), args, stdout, stderr)
	if done {
		return code
	}
	if len(args) != 1 {
		fmt.Fprintln(stderr, "avtal restore: "+g.lang.T("cli.needs_restore_file"))
		return ExitUsage
	}
	kept, err := store.Restore(ctx, args[0], g.db, g.now())
	if err != nil {
		fmt.Fprintln(stderr, "avtal restore: "+storeFileError(g, err))
		return ExitFail
	}
	fmt.Fprintln(stdout, g.lang.T("cli.restore_done", g.db, args[0]))
	if kept != "" {
		fmt.Fprintln(stdout, g.lang.T("cli.restore_kept", kept))
	}
	return ExitOK
}

// storeFileError says what went wrong replacing the register file, in the
// session's language when it is open elsewhere.
func storeFileError(g globals, err error) string {
	switch {
	case errors.Is(err, store.ErrInUse):
		return g.lang.T("cli.in_use", g.db)
	case errors.Is(err, store.ErrOpenElsewhere):
		return g.lang.T("cli.open_elsewhere", g.db)
	}
	return err.Error()
}

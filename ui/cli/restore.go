package cli

import (
	"context"
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
		fmt.Fprintln(stderr, "avtal restore: "+err.Error())
		return ExitFail
	}
	fmt.Fprintln(stdout, g.lang.T("cli.restore_done", g.db, args[0]))
	if kept != "" {
		fmt.Fprintln(stdout, g.lang.T("cli.restore_kept", kept))
	}
	return ExitOK
}

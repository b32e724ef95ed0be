package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"avtal/store"
)

// demo (re)creates a database holding only the sample register.
func demo(ctx context.Context, g globals, stdout, stderr io.Writer) int {
	if _, err := os.Stat(g.db); err == nil {
		// Only replace what is ours: a foreign file is refused untouched.
		st, err := store.Open(ctx, g.db)
		if err != nil {
			fmt.Fprintln(stderr, "avtal demo: "+err.Error())
			return ExitFail
		}
		st.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(g.db + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				fmt.Fprintln(stderr, "avtal demo: "+err.Error())
				return ExitFail
			}
		}
	}
	st, err := openStore(ctx, g.db)
	if err != nil {
		fmt.Fprintln(stderr, "avtal demo: "+err.Error())
		return ExitFail
	}
	defer st.Close()
	n, _ := st.Count(ctx)
	fmt.Fprintln(stdout, g.lang.T("cli.demo_done", g.db, n))
	return ExitOK
}

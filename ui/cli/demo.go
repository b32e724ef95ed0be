package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"avtal/assets"
	"avtal/store"
)

// demo (re)creates a database holding only the sample register. A
// database with changes of the user's own is replaced only with --replace:
// without --db, `avtal demo` names the user's own register.
func demo(ctx context.Context, g globals, args []string, stdout, stderr io.Writer) int {
	fs := flags("demo")
	replace := fs.Bool("replace", false, "")
	pos, code, done := ownFlags(g, "demo", fs, args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintln(stderr, "avtal demo: "+fmt.Sprintf("unexpected argument %q", pos[0]))
		fmt.Fprintln(stderr, g.lang.T("cli.see_help"))
		return ExitUsage
	}
	if _, err := os.Stat(g.db); err == nil {
		// Only replace what is ours: a foreign file is refused untouched.
		st, err := store.Open(ctx, g.db, store.WithClock(g.now))
		if err != nil {
			fmt.Fprintln(stderr, "avtal demo: "+err.Error())
			return ExitFail
		}
		own, err := changedBeyondSample(ctx, st)
		st.Close()
		if err != nil {
			fmt.Fprintln(stderr, "avtal demo: "+err.Error())
			return ExitFail
		}
		if own && !*replace {
			fmt.Fprintln(stderr, "avtal demo: "+g.lang.T("cli.demo_would_replace", g.db))
			return ExitFail
		}
		kept, err := store.SetAside(ctx, g.db, "demo", g.now())
		if err != nil {
			fmt.Fprintln(stderr, "avtal demo: "+storeFileError(g, err))
			return ExitFail
		}
		if own {
			defer fmt.Fprintln(stdout, g.lang.T("cli.demo_kept", kept))
		} else if err := os.Remove(kept); err != nil {
			// Only the sample was in it: nothing of the user's is lost.
			fmt.Fprintln(stderr, "avtal demo: "+err.Error())
			return ExitFail
		}
	}
	st, err := openStore(ctx, g, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "avtal demo: "+err.Error())
		return ExitFail
	}
	defer st.Close()
	n, _ := st.Count(ctx)
	fmt.Fprintln(stdout, g.lang.T("cli.demo_done", g.db, n))
	return ExitOK
}

// changedBeyondSample reports whether the audit log of st holds anything
// but the sample register being put in: an import, a note, a deadline
// marked done, a generated register.
func changedBeyondSample(ctx context.Context, st *store.Store) (bool, error) {
	sample, err := assets.Agreements()
	if err != nil {
		return false, err
	}
	isSample := map[string]bool{}
	for _, a := range sample {
		isSample[a.ID] = true
	}
	log, err := st.AuditLog(ctx, "", len(sample)+1)
	if err != nil {
		return false, err
	}
	if len(log) > len(sample) {
		return true, nil
	}
	for _, e := range log {
		if e.Action != "create" || e.Entity != "agreement" || !isSample[e.EntityID] {
			return true, nil
		}
	}
	return false, nil
}

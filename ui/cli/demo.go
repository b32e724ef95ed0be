package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"avtal/assets"
	"avtal/store"
)

// demo (re)creates a database holding only the sample register. A
// database with changes of the user's own is replaced only with --replace:
// without --db, `avtal demo` names the user's own register.
func demo(fs *pflag.FlagSet) runFunc {
	replace := fs.Bool("replace", false, "")
	return func(ctx context.Context, env *Env, _ []string) error {
		g := env.g
		if _, err := os.Stat(g.db); err == nil {
			// Only replace what is ours: a foreign file is refused untouched.
			st, err := store.Open(ctx, g.db, store.WithClock(g.now))
			if err != nil {
				return err
			}
			own, err := changedBeyondSample(ctx, st)
			st.Close()
			if err != nil {
				return err
			}
			if own && !*replace {
				return errors.New(g.lang.T("cli.demo_would_replace", g.db))
			}
			kept, err := store.SetAside(ctx, g.db, "demo", g.now())
			if err != nil {
				return err
			}
			if own {
				defer fmt.Fprintln(env.Stdout, g.lang.T("cli.demo_kept", kept))
			} else if err := os.Remove(kept); err != nil {
				// Only the sample was in it: nothing of the user's is lost.
				return err
			}
		}
		st, err := openStore(ctx, g, env.Stderr)
		if err != nil {
			return err
		}
		defer st.Close()
		n, _ := st.Count(ctx)
		fmt.Fprintln(env.Stdout, g.lang.T("cli.demo_done", g.db, n))
		return nil
	}
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

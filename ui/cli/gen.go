package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/spf13/pflag"

	"avtal/model/gen"
	"avtal/store"
)

// genResult is `avtal gen --json`.
type genResult struct {
	store.BulkStats
	Seed    uint64  `json:"seed"`
	DB      string  `json:"db"`
	Seconds float64 `json:"seconds"`
	Bytes   int64   `json:"bytes"`
}

// generate fills a new register with made-up agreements for trying Avtal at
// scale. It refuses a register that already holds agreements unless told
// --append, so generated agreements never mix silently with real ones.
func generate(fs *pflag.FlagSet) runFunc {
	n := fs.Int("agreements", 0, "")
	seed := fs.Uint64("seed", 1, "")
	appendTo := fs.Bool("append", false, "")
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, _ []string) error {
		if *n <= 0 {
			return &UsageError{Msg: env.Lang.T("gen.needs_count")}
		}
		if have, err := env.Store.Count(ctx); err != nil {
			return err
		} else if have > 0 && !*appendTo {
			return errors.New(env.Lang.T("gen.refuse", env.Store.Path(), have))
		}

		// Ctrl-C stops the load between batches and the index is still built;
		// a second Ctrl-C kills at once (the next open then builds the index).
		ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
		go func() { <-ctx.Done(); stop() }()

		began := env.Now()
		progress := func(s store.BulkStats) {
			rate := float64(s.Agreements) / max(env.Now().Sub(began).Seconds(), 1e-9)
			fmt.Fprint(env.Stderr, env.Lang.T("gen.progress", s.Agreements, *n, s.Clauses, rate))
			if s.Agreements == *n {
				fmt.Fprint(env.Stderr, env.Lang.T("gen.indexing"))
			}
		}
		stats, err := env.Store.BulkLoad(ctx, gen.AllAs[store.BulkItem](gen.New(gen.Config{Agreements: *n, Seed: *seed})), progress)
		if errors.Is(err, context.Canceled) {
			// The interruption was the user's own Ctrl-C: saying what was
			// kept is the whole message ("context canceled" is noise), on a
			// line of its own after the progress line.
			if stats.Agreements > 0 {
				fmt.Fprintln(env.Stderr)
			}
			return errors.New(env.Lang.T("gen.interrupted", stats.Agreements))
		}
		if err != nil {
			return err
		}
		res := genResult{BulkStats: stats, Seed: *seed, DB: env.Store.Path(), Seconds: env.Now().Sub(began).Seconds()}
		if info, err := os.Stat(env.Store.Path()); err == nil {
			res.Bytes = info.Size()
		}
		if *asJSON {
			return writeJSON(env.Stdout, res)
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("gen.done", stats.Agreements, stats.Clauses, stats.SubProcessors, stats.Incidents,
			stats.Events, *seed, res.DB, time.Duration(res.Seconds*float64(time.Second)).Round(100*time.Millisecond), res.Bytes>>20))
		return nil
	}
}

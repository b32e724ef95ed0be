package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"
)

func backup(fs *pflag.FlagSet) runFunc {
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_backup_file")}
		}
		if err := env.Store.Backup(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.backup_done", pos[0]))
		return nil
	}
}

func auditLog(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 100, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		id := ""
		if len(pos) == 1 {
			id = pos[0]
		}
		entries, err := env.Store.AuditLog(ctx, id, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			if entries == nil {
				return writeJSON(env.Stdout, []any{})
			}
			return writeJSON(env.Stdout, entries)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
		for _, e := range entries {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.At, e.Who, env.Lang.AuditWhat(e.Action, e.Entity), e.EntityID)
		}
		if len(entries) == 0 {
			fmt.Fprintln(env.Stdout, strings.TrimSpace(env.Lang.T("cli.log_empty")))
		}
		return tw.Flush()
	}
}

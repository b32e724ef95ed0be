package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"avtal/store"
	"avtal/ui/session"
)

// listEvents prints the events recorded for one agreement, by date.
func listEvents(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.event_list_usage")}
		}
		if _, err := loadAgreement(ctx, env, pos[0]); err != nil {
			return err
		}
		list, err := env.Store.Events(ctx, pos[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, list)
		}
		t := env.Lang.T
		if len(list) == 0 {
			fmt.Fprintln(env.Stdout, t("cli.event_none", pos[0]))
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join([]string{"ID", t("col.date"), t("col.event"), t("col.ref"), t("col.note")}, "\t"))
		for _, e := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.ID, e.Date, e.Name, session.Sanitize(e.Ref), session.Sanitize(e.Note))
		}
		return tw.Flush()
	}
}

// deleteResult is `avtal event delete --json`.
type deleteResult struct {
	Deleted store.RecordedEvent `json:"deleted"`
}

// deleteEvent deletes one recorded event by the id `event list` shows.
func deleteEvent(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		id, err := idArg(env, pos, "cli.event_delete_usage", "cli.event_bad_id")
		if err != nil {
			return err
		}
		e, err := env.Store.DeleteEvent(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return errors.New(env.Lang.T("cli.event_not_found", id))
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, deleteResult{e})
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.event_deleted", e.ID, e.Name, e.AgreementID, e.Date))
		return nil
	}
}

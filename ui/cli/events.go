package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"avtal/store"
	"avtal/ui/common"
)

// event records an event deadlines count from (`avtal event ID NAME
// DATE`); `list` shows an agreement's recorded events with their ids and
// `delete` deletes one recorded by mistake.
func event(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return listEvents(ctx, env, args[1:])
		case "delete":
			return deleteEvent(ctx, env, args[1:])
		}
	}
	return recordEvent(ctx, env, args)
}

// listEvents prints the events recorded for one agreement, by date.
func listEvents(ctx context.Context, env *Env, args []string) error {
	fs := flags("event list")
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
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
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.ID, e.Date, e.Name, common.Sanitize(e.Ref), common.Sanitize(e.Note))
	}
	return tw.Flush()
}

// deleteResult is `avtal event delete --json`.
type deleteResult struct {
	Deleted store.RecordedEvent `json:"deleted"`
}

// deleteEvent deletes one recorded event by the id `event list` shows.
func deleteEvent(ctx context.Context, env *Env, args []string) error {
	fs := flags("event delete")
	asJSON := fs.Bool("json", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := idArg(env, pos, "cli.event_delete_usage", "cli.event_bad_id")
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return &UsageError{Msg: env.Lang.T("subcli.unexpected", pos[1])}
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

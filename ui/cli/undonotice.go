package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
)

// undoNotice withdraws the decision on a notice (`avtal notice undo N`),
// made by mistake: the notice is open again, its register entries stand as
// before the decision, and what it gives the customer is printed again.
func undoNotice(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		t := env.Lang.T
		id, err := idArg(env, pos, "subcli.undo_usage", "subcli.bad_notice_id")
		if err != nil {
			return err
		}
		r, err := env.Store.UndoDecision(ctx, id)
		var changed *subproc.ChangedSinceError
		switch {
		case errors.Is(err, store.ErrNotFound):
			return errors.New(t("subcli.no_notice", id))
		case errors.Is(err, store.ErrNotDecided):
			return errors.New(t("subcli.not_decided", id))
		case errors.As(err, &changed):
			return errors.New(t("subprocs.err.changed_since", changed.Name))
		case err != nil:
			return err
		}
		res := assess(r, r.Policy, model.DateOf(env.Now()), env.Lang.Model())
		if *asJSON {
			return writeJSON(env.Stdout, res)
		}
		fmt.Fprintln(env.Stdout, t("subcli.undone", id, r.AgreementID, t("change."+string(r.Notice.Change)), r.Notice.Sub.Name))
		return writeAssessment(env, res)
	}
}

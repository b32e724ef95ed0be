package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/store"
	"avtal/ui/importfile"
)

// maxEvidence is how much of a proposal's evidence the plain list shows.
const maxEvidence = 70

// proposals lists an agreement's pending proposals (all with --all), or
// accepts or rejects some, or undoes the decision on some: `avtal
// proposals ID accept 3 4`, `avtal proposals ID undo 3`.
func proposals(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	all := fs.Bool("all", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) == 0 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "proposals")}
		}
		id := pos[0]
		if len(pos) > 1 && pos[1] == "correct" {
			return correct(ctx, env, id, pos[2:])
		}
		if len(pos) > 1 {
			return decide(ctx, env, id, pos[1], pos[2:])
		}
		status := store.ProposalPending
		if *all {
			status = ""
		}
		list, err := env.Store.Proposals(ctx, id, status)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			if err := mustExist(ctx, env, id); err != nil {
				return err
			}
		}
		if *asJSON {
			return writeJSON(env.Stdout, list)
		}
		if len(list) == 0 {
			// Decided proposals are only listed with --all: say so, or an
			// agreement just reviewed seems to have had none.
			if decided, err := env.Store.Proposals(ctx, id, ""); err == nil && len(decided) > 0 && !*all {
				fmt.Fprintln(env.Stdout, env.Lang.T("proposals.none_left", id, len(decided)))
				return nil
			}
			fmt.Fprintln(env.Stdout, env.Lang.T("proposals.none", id))
			return nil
		}
		t := env.Lang.T
		tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "ID\t%s\t%s\t%s\t%s\t%s\n", t("col.kind"), t("proposals.col.clause"), t("proposals.col.proposal"), t("col.status"), t("proposals.col.evidence"))
		for _, p := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", p.ID, t("proposal."+string(p.Kind)), p.Clause, importfile.Describe(env.Lang, p),
				t("proposal.status."+p.Status), ansi.Truncate(p.Evidence, maxEvidence, "…"))
		}
		return tw.Flush()
	}
}

// decide accepts, rejects or undoes the decision on the proposals named by
// ids, after checking that every one is a proposal of the agreement in a
// state that allows it, so a typo decides none.
func decide(ctx context.Context, env *Env, agreementID, action string, ids []string) error {
	t := env.Lang.T
	if action != "accept" && action != "reject" && action != "undo" {
		return &UsageError{Msg: t("proposals.bad_action", action)}
	}
	if len(ids) == 0 {
		return &UsageError{Msg: t("proposals.needs_ids", agreementID, action)}
	}
	list, err := env.Store.Proposals(ctx, agreementID, "")
	if err != nil {
		return err
	}
	byID := map[int64]store.ProposalRow{}
	for _, p := range list {
		byID[p.ID] = p
	}
	var chosen []int64
	for _, s := range ids {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return &UsageError{Msg: t("proposals.bad_id", s)}
		}
		p, ok := byID[n]
		switch {
		case !ok:
			return errors.New(t("proposals.not_found", n, agreementID))
		case action == "undo" && p.Status == store.ProposalPending:
			return errors.New(t("proposals.undo_pending", n))
		case action != "undo" && p.Status != store.ProposalPending:
			return errors.New(t("proposals.conflict", n, t("proposal.status."+p.Status)))
		}
		chosen = append(chosen, n)
	}
	for _, n := range chosen {
		if action == "undo" {
			p, err := env.Store.UndoProposal(ctx, n)
			if err != nil {
				return errors.New(t("proposals.undo_refused", n, env.Lang.FieldErrors(err)))
			}
			fmt.Fprintln(env.Stdout, t("proposals.undone", p.ID, importfile.Which(env.Lang, p)))
			continue
		}
		p, err := env.Store.DecideProposal(ctx, n, action == "accept")
		if err != nil {
			return err
		}
		verb := t("proposals.accepted")
		if action == "reject" {
			verb = t("proposals.rejected")
		}
		fmt.Fprintln(env.Stdout, t("proposals.decided", verb, p.ID, importfile.Which(env.Lang, p)))
	}
	return nil
}

// mustExist tells an unknown agreement apart from one without proposals.
func mustExist(ctx context.Context, env *Env, id string) error {
	_, err := env.Store.Agreement(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(env.Lang.T("cli.not_found", id))
	}
	return err
}

// correct accepts one pending proposal with some of its values corrected:
// `avtal proposals ID correct 3 offset="30 days"` (store.CorrectProposal),
// or names the value refused and stores nothing.
func correct(ctx context.Context, env *Env, agreementID string, args []string) error {
	t := env.Lang.T
	if len(args) < 2 {
		return &UsageError{Msg: t("proposals.correct_usage", agreementID)}
	}
	n, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return &UsageError{Msg: t("proposals.bad_id", args[0])}
	}
	values := map[string]string{}
	for _, a := range args[1:] {
		name, value, ok := strings.Cut(a, "=")
		if !ok {
			return &UsageError{Msg: t("proposals.correct_usage", agreementID)}
		}
		values[strings.TrimSpace(name)] = value
	}
	list, err := env.Store.Proposals(ctx, agreementID, "")
	if err != nil {
		return err
	}
	i := slices.IndexFunc(list, func(p store.ProposalRow) bool { return p.ID == n })
	switch {
	case i < 0:
		return errors.New(t("proposals.not_found", n, agreementID))
	case list[i].Status != store.ProposalPending:
		return errors.New(t("proposals.conflict", n, t("proposal.status."+list[i].Status)))
	}
	p, err := env.Store.CorrectProposal(ctx, n, values)
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return errors.New(t("proposals.correct_refused", n, fe.Field+": "+env.Lang.Field(fe)))
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, t("proposals.decided", t("proposals.corrected"), p.ID, importfile.Which(env.Lang, p)))
	fmt.Fprintln(env.Stdout, "  "+importfile.Describe(env.Lang, p))
	return nil
}

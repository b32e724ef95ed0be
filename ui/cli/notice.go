package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/i18n"
)

// noticeResult is a notice with what Avtal computes for it, in `avtal
// notice --json` and in the notices of `avtal subprocessors ID --json`.
type noticeResult struct {
	ID          int64          `json:"id"`
	AgreementID string         `json:"agreement_id"`
	Notice      subproc.Notice `json:"notice"`
	// Status is where the notice stands today: open, accepted, objected,
	// objected_late, deemed_accepted or lapsed.
	Status      subproc.Status         `json:"status"`
	ObjectionBy *model.Date            `json:"objection_by"` // null: the policy gives no deadline
	ActBy       *model.Date            `json:"act_by"`
	DaysLeft    *int                   `json:"days_left"` // to act_by; negative when passed
	Basis       subproc.ObjectionBasis `json:"objection_basis"`
	// EarliestEffective is received + the advance notice the policy requires.
	EarliestEffective *model.Date `json:"earliest_effective"`
	// SufficientNotice is null when it cannot be told (no effective date,
	// or the policy requires no advance notice); NoticeCheck says which.
	SufficientNotice *bool               `json:"sufficient_notice"`
	NoticeCheck      subproc.Sufficiency `json:"notice_check"`
	RequiredNotice   model.Period        `json:"required_notice,omitzero"`
	GivenNotice      model.Period        `json:"given_notice,omitzero"`
	SilenceAccepts   bool                `json:"silence_accepts"`
	Remedy           subproc.Remedy      `json:"remedy"`
	Clause           string              `json:"clause"`
	Explanation      string              `json:"explanation"`
}

// assess evaluates a stored notice under the agreement's policy on today,
// explained in lang.
func assess(r store.NoticeRow, policy *model.SubPolicy, today model.Date, lang model.Lang) noticeResult {
	a := subproc.Evaluate(policy, r.Notice)
	res := noticeResult{ID: r.ID, AgreementID: r.AgreementID, Notice: r.Notice, Status: subproc.StatusOn(r.Notice, a, today),
		ObjectionBy: datePtr(a.ObjectionBy), ActBy: datePtr(a.ActBy), Basis: a.Basis, EarliestEffective: datePtr(a.EarliestEffective),
		NoticeCheck: a.SufficientNotice, RequiredNotice: a.Required, GivenNotice: a.Given, SilenceAccepts: a.SilenceAccepts,
		Remedy: a.Remedy, Clause: a.Clause, Explanation: a.Explain(lang)}
	if !a.ActBy.IsZero() {
		days := today.DaysUntil(a.ActBy)
		res.DaysLeft = &days
	}
	switch a.SufficientNotice {
	case subproc.NoticeSufficient, subproc.NoticeInsufficient:
		ok := a.SufficientNotice == subproc.NoticeSufficient
		res.SufficientNotice = &ok
	}
	return res
}

func datePtr(d model.Date) *model.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// noticeFlags are the options of `avtal notice`.
type noticeFlags struct {
	received, effective, add, remove, replace, country, region, purpose, org string
	asJSON                                                                   bool
}

// notice records a change notice for an agreement and prints what it
// gives the customer; `notice undo N` withdraws the decision on one.
func notice(fs *pflag.FlagSet) runFunc {
	var f noticeFlags
	fs.StringVar(&f.received, "received", "", "")
	fs.StringVar(&f.effective, "effective", "", "")
	fs.StringVar(&f.add, "add", "", "")
	fs.StringVar(&f.remove, "remove", "", "")
	fs.StringVar(&f.replace, "replace", "", "")
	fs.StringVar(&f.country, "country", "", "")
	fs.StringVar(&f.region, "region", "", "")
	fs.StringVar(&f.purpose, "purpose", "", "")
	fs.StringVar(&f.org, "org", "", "")
	fs.BoolVar(&f.asJSON, "json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "notice")}
		}
		a, err := loadAgreement(ctx, env, pos[0])
		if err != nil {
			return err
		}
		n, err := buildNotice(env.Lang, f, a.Subs)
		if err != nil {
			return err
		}
		id, err := env.Store.RecordNotice(ctx, a.ID, n)
		if err != nil {
			return err
		}
		res := assess(store.NoticeRow{ID: id, AgreementID: a.ID, Notice: n}, a.SubPolicy, model.DateOf(env.Now()), env.Lang.Model())
		res.Notice.Sub.Status = model.SubProposed
		if f.asJSON {
			return writeJSON(env.Stdout, res)
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("subcli.recorded", id, a.ID, env.Lang.T("change."+string(n.Change)), n.Sub.Name, n.Received))
		return writeAssessment(env, res)
	}
}

// buildNotice turns the flags into a notice, naming the flag that is wrong.
// The sub-processor of a remove, and of a replace that names no new one,
// is taken from the register.
func buildNotice(lang i18n.Lang, f noticeFlags, subs []model.SubProcessor) (subproc.Notice, error) {
	var n subproc.Notice
	if f.received == "" {
		return n, &UsageError{Msg: lang.T("subcli.needs_received")}
	}
	var err error
	if n.Received, err = model.ParseDate(f.received); err != nil {
		return n, fmt.Errorf("--received: %w", err)
	}
	if f.effective != "" {
		if n.Effective, err = model.ParseDate(f.effective); err != nil {
			return n, fmt.Errorf("--effective: %w", err)
		}
	}
	switch {
	case f.remove != "" && (f.add != "" || f.replace != ""):
		return n, &UsageError{Msg: lang.T("subcli.one_change")}
	case f.remove != "":
		n.Change, n.Sub.Name = subproc.ChangeRemove, f.remove
	case f.replace != "":
		n.Change, n.Replaces, n.Sub.Name = subproc.ChangeReplace, f.replace, f.add
	case f.add != "":
		n.Change, n.Sub.Name = subproc.ChangeAdd, f.add
	default:
		return n, &UsageError{Msg: lang.T("subcli.needs_change")}
	}
	if f.country != "" {
		c, err := subproc.ParseCountry(f.country)
		if err != nil {
			return n, fmt.Errorf("--country: %w", err)
		}
		n.Sub.Country = c.Code
	}
	if n.Sub.Region, err = model.ParseRegion(f.region); err != nil {
		return n, fmt.Errorf("--region: %w", err)
	}
	if f.purpose != "" {
		n.Sub.Purpose = f.purpose
	}
	if f.org != "" {
		n.Sub.OrgNumber = f.org
	}
	// The register check is the pane's too (subproc.FitRegister); its
	// message names the flag to change.
	n, err = subproc.FitRegister(n, subs)
	var re *subproc.RegisterError
	if errors.As(err, &re) {
		return n, fmt.Errorf("%s: %s", noticeFlag(re.Field, n.Change), lang.T("subprocs.err."+re.Key, re.Args...))
	}
	return n, err
}

// noticeFlag is the flag that sets a notice's field.
func noticeFlag(field string, change subproc.ChangeKind) string {
	switch {
	case field == "subprocessor.country":
		return "--country"
	case field == "subprocessor.region":
		return "--region"
	case field == "effective":
		return "--effective"
	case field == "replaces" || change == subproc.ChangeReplace:
		return "--replace"
	case change == subproc.ChangeRemove:
		return "--remove"
	}
	return "--add"
}

// writeAssessment prints the computed dates and checks of a notice.
func writeAssessment(env *Env, r noticeResult) error {
	t := env.Lang.T
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", label, value) }
	row(t("subprocs.col.object_by"), dateOr(r.ObjectionBy, t("subprocs.no_deadline")))
	row(t("subprocs.col.act_by"), dateOr(r.ActBy, "—"))
	row(t("subprocs.earliest"), dateOr(r.EarliestEffective, "—"))
	row(t("subprocs.sufficient"), env.Lang.NoticeCheck(r.NoticeCheck, r.GivenNotice, r.RequiredNotice))
	row(t("subprocs.remedy"), env.Lang.Remedy(r.Remedy))
	row(t("subprocs.col.clause"), env.Lang.OrNone(r.Clause))
	row(t("subprocs.col.notice_status"), t("nstatus."+string(r.Status)))
	row(t("subprocs.explanation"), r.Explanation)
	return tw.Flush()
}

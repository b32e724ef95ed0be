package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/model/workdays"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// slaNeedsSub is `avtal sla` without one of its subcommands.
func slaNeedsSub(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, args []string) error {
		if len(args) == 0 {
			return &UsageError{Msg: env.Lang.T("sla.cli.needs_sub")}
		}
		return &UsageError{Msg: env.Lang.T("sla.cli.unknown_sub", args[0])}
	}
}

// repeated collects every value of a flag given more than once.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, " ") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }
func (r *repeated) Type() string       { return "list" }

// flagError is bad input in one flag: exit 1 with the flag named.
func flagError(name string, err error) error { return fmt.Errorf("--%s: %w", name, err) }

// creditResult is `avtal sla credit --json`.
type creditResult struct {
	Agreement       string            `json:"agreement,omitempty"`
	Month           slacredit.Month   `json:"month"`
	Window          model.Window      `json:"window"`
	TZ              string            `json:"tz"`
	WindowMinutes   int               `json:"window_minutes"`
	DowntimeMinutes int               `json:"downtime_minutes"`
	UptimePct       float64           `json:"uptime_pct"`
	TargetPct       float64           `json:"target_pct"`
	BelowTarget     bool              `json:"below_target"`
	Tier            *model.CreditTier `json:"tier"`
	CreditPct       float64           `json:"credit_pct"`
	MonthlyFee      model.Amount      `json:"monthly_fee"`
	Currency        string            `json:"currency,omitempty"`
	FeeBasis        string            `json:"fee_basis"`
	CreditAmount    model.Amount      `json:"credit_amount"`
	CapAmount       model.Amount      `json:"cap_amount"`
	Capped          bool              `json:"capped"`
	Discretionary   bool              `json:"discretionary"`
	ClaimBy         *model.Date       `json:"claim_by"`
	ActBy           *model.Date       `json:"act_by"`
	DaysLeft        *int              `json:"days_left"`
	Incidents       []creditIncident  `json:"incidents"`
	// ExcludedDays are the holidays the service-hours window leaves out.
	ExcludedDays []workdays.Holiday `json:"excluded_days,omitempty"`
}

// creditIncident is one incident's share of the month in creditResult.
type creditIncident struct {
	ID             int64       `json:"id,omitempty"`
	Start          time.Time   `json:"start"`
	End            time.Time   `json:"end"`
	Planned        bool        `json:"planned"`
	Excluded       bool        `json:"excluded"`
	CountedMinutes int         `json:"counted_minutes"`
	ClaimBy        *model.Date `json:"claim_by,omitempty"`
	ActBy          *model.Date `json:"act_by,omitempty"`
}

// creditFlags are the flags of `avtal sla credit`.
type creditFlags struct {
	agreement, preset, tiers, window, tz, month, fee, capPct, target, claimWindow string

	discretionary, json bool

	downtime, planned repeated

	// set names the flags given, so that --discretionary=false can
	// override an agreement whose remedy is discretionary.
	set map[string]bool
}

func slaCredit(fs *pflag.FlagSet) runFunc {
	var f creditFlags
	for name, p := range map[string]*string{"agreement": &f.agreement, "preset": &f.preset, "tiers": &f.tiers, "window": &f.window,
		"tz": &f.tz, "month": &f.month, "fee": &f.fee, "cap-pct": &f.capPct, "target": &f.target, "claim-window": &f.claimWindow} {
		fs.StringVar(p, name, "", "")
	}
	fs.BoolVar(&f.discretionary, "discretionary", false, "")
	fs.Var(&f.downtime, "downtime", "")
	fs.Var(&f.planned, "planned", "")
	fs.BoolVar(&f.json, "json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		f.set = map[string]bool{}
		fs.Visit(func(fl *pflag.Flag) { f.set[fl.Name] = true })
		switch {
		case f.month == "":
			return &UsageError{Msg: env.Lang.T("sla.cli.needs_month")}
		case f.agreement != "" && f.preset != "":
			return &UsageError{Msg: env.Lang.T("sla.cli.agreement_or_preset")}
		case f.agreement == "" && f.fee == "":
			return &UsageError{Msg: env.Lang.T("sla.cli.needs_fee")}
		}
		month, err := slacredit.ParseMonth(f.month)
		if err != nil {
			return flagError("month", err)
		}
		var a *model.Agreement
		if f.agreement != "" {
			if a, err = findAgreement(ctx, env, f.agreement); err != nil {
				return err
			}
		}
		terms, err := creditTerms(env, a, &f)
		if err != nil {
			return err
		}
		fee, basis, err := creditFee(env, a, f.fee)
		if err != nil {
			return err
		}
		loc, err := slacredit.Location(terms.Window)
		if err != nil {
			return err
		}
		incidents, err := creditIncidents(ctx, env, a, month, loc, &f)
		if err != nil {
			return err
		}
		r, err := slacredit.Credit(terms, month, fee, incidents)
		if err != nil {
			return err
		}
		res := newCreditResult(r, terms, incidents, fee, basis, model.DateOf(env.Now().In(loc)))
		res.TZ = loc.String()
		if a != nil {
			res.Agreement, res.Currency = a.ID, a.Fee.Currency
		}
		if f.json {
			return writeJSON(env.Stdout, res)
		}
		return writeCredit(env, res)
	}
}

// findAgreement loads an agreement, with the CLI's words for an unknown id.
func findAgreement(ctx context.Context, env *Env, id string) (*model.Agreement, error) {
	a, err := env.Store.Agreement(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errors.New(env.Lang.T("cli.not_found", id))
	}
	return a, err
}

// creditTerms are the terms `sla credit` computes on (slacredit.CreditTerms:
// the agreement's or the preset's, with the flags over them).
func creditTerms(env *Env, a *model.Agreement, f *creditFlags) (model.SLATerms, error) {
	o := slacredit.Overrides{Preset: f.preset, Window: f.window, TZ: f.tz, Tiers: f.tiers,
		TargetPct: f.target, CapPct: f.capPct, ClaimWindow: f.claimWindow}
	if f.set["discretionary"] {
		o.Discretionary = &f.discretionary
	}
	terms, err := slacredit.CreditTerms(a, o)
	var oe *slacredit.OverrideError
	if err != nil && !errors.As(err, &oe) { // the merged terms fail Validate
		return terms, fmt.Errorf("%s: %w", env.Lang.T("sla.cli.terms"), err)
	}
	return terms, overrideFlagError(env, err)
}

// overrideFlags are the flags of the overrides slacredit.OverrideError names.
var overrideFlags = map[string]string{"preset": "preset", "window": "window", "tz": "tz", "tiers": "tiers",
	"target_pct": "target", "cap_pct": "cap-pct", "claim_window": "claim-window", "fee": "fee"}

// overrideFlagError words a refused override in the session's language,
// with the flag named.
func overrideFlagError(env *Env, err error) error {
	var oe *slacredit.OverrideError
	if !errors.As(err, &oe) {
		return err
	}
	msg := errors.New(env.Lang.Override(oe))
	if name := overrideFlags[oe.Field]; name != "" {
		return flagError(name, msg)
	}
	return msg
}

// creditFee is --fee when given, else the agreement's fee as a monthly fee.
func creditFee(env *Env, a *model.Agreement, flagFee string) (model.Amount, string, error) {
	if flagFee != "" {
		fee, err := slacredit.ParseFee(flagFee)
		return fee, "flag", overrideFlagError(env, err)
	}
	fee, basis, err := slacredit.MonthlyFee(a.Fee)
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w (%s)", a.ID, err, env.Lang.T("sla.cli.give_fee"))
	}
	return fee, string(basis), nil
}

// creditIncidents are the agreement's recorded incidents of the month plus
// the downtime and planned time given as flags.
func creditIncidents(ctx context.Context, env *Env, a *model.Agreement, m slacredit.Month, loc *time.Location, f *creditFlags) ([]model.Incident, error) {
	var out []model.Incident
	if a != nil {
		span := m.Span(loc)
		recorded, err := env.Store.Incidents(ctx, a.ID, span.Start, span.End)
		if err != nil {
			return nil, err
		}
		out = recorded
	}
	for _, g := range []struct {
		name    string
		values  repeated
		planned bool
	}{{"downtime", f.downtime, false}, {"planned", f.planned, true}} {
		for _, v := range g.values {
			s, err := slacredit.ParseDowntime(v, loc)
			if err != nil {
				return nil, flagError(g.name, err)
			}
			out = append(out, model.Incident{Start: s.Start, End: s.End, Planned: g.planned})
		}
	}
	return out, nil
}

func newCreditResult(r slacredit.Report, terms model.SLATerms, incidents []model.Incident, fee model.Amount, basis string, today model.Date) creditResult {
	res := creditResult{
		Month: r.Month, Window: terms.Window, WindowMinutes: r.WindowMinutes, DowntimeMinutes: r.DowntimeMinutes,
		UptimePct: r.UptimePct, TargetPct: r.TargetPct, BelowTarget: r.BelowTarget, Tier: r.Tier, CreditPct: r.CreditPct,
		MonthlyFee: fee, FeeBasis: basis, CreditAmount: r.CreditAmount, CapAmount: r.CapAmount, Capped: r.Capped,
		Discretionary: r.Discretionary, Incidents: []creditIncident{}, ExcludedDays: r.ExcludedDays,
	}
	if !r.ClaimBy.IsZero() {
		by, act := r.ClaimBy, r.ClaimActBy
		days := today.DaysUntil(act)
		res.ClaimBy, res.ActBy, res.DaysLeft = &by, &act, &days
	}
	for _, ir := range r.Incidents {
		inc := incidents[ir.Index]
		ci := creditIncident{ID: inc.ID, Start: inc.Start, End: inc.End, Planned: inc.Planned, Excluded: inc.Excluded, CountedMinutes: ir.CountedMinutes}
		if ir.Claim != nil {
			ci.ClaimBy, ci.ActBy = &ir.Claim.By, &ir.Claim.ActBy
		}
		res.Incidents = append(res.Incidents, ci)
	}
	return res
}

func writeCredit(env *Env, r creditResult) error {
	t := env.Lang.T
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", label, value) }
	if r.Agreement != "" {
		row("ID", r.Agreement)
	}
	row(t("sla.cli.month"), r.Month.String()+" ("+r.TZ+")")
	row(t("sla.cli.window"), t("sla.cli.minutes", r.WindowMinutes))
	if len(r.ExcludedDays) > 0 {
		days := make([]string, len(r.ExcludedDays))
		for i, h := range r.ExcludedDays {
			days[i] = h.Date.String() + " " + h.Name
		}
		row(t("sla.cli.excluded"), strings.Join(days, ", "))
	}
	row(t("sla.cli.downtime"), t("sla.cli.minutes", r.DowntimeMinutes))
	state := t("sla.cli.met")
	if r.BelowTarget {
		state = t("sla.cli.missed")
	}
	row(t("sla.cli.uptime"), t("sla.cli.uptime_value", env.Lang.Decimal(fmt.Sprintf("%.4f", r.UptimePct)), env.Lang.Pct(r.TargetPct), state))
	money := func(a model.Amount) string { return strings.TrimSpace(a.Grouped() + " " + r.Currency) }
	fee := t("sla.cli.fee_value", money(r.MonthlyFee), t("sla.fee."+r.FeeBasis))
	switch {
	case r.Discretionary:
		row(t("sla.cli.credit"), t("sla.cli.discretionary"))
	case r.Tier != nil:
		row(t("sla.cli.tier"), t("sla.cli.tier_value", env.Lang.Pct(r.Tier.Below), env.Lang.Pct(r.Tier.CreditPct)))
		credit := t("sla.cli.credit_value", money(r.CreditAmount), env.Lang.Pct(r.CreditPct))
		if r.Capped {
			credit += " " + t("sla.cli.capped")
		}
		row(t("sla.cli.credit"), credit)
	default:
		row(t("sla.cli.credit"), t("sla.cli.no_credit"))
	}
	row(t("sla.cli.fee"), fee)
	if r.ClaimBy != nil {
		row(t("sla.cli.claim_by"), t("sla.cli.claim_value", r.ClaimBy.String(), r.ActBy.String(), model.Period{N: *r.DaysLeft, Unit: model.Days}))
	}
	return tw.Flush()
}

// slaIncidents runs `avtal sla incidents ID [--month YYYY-MM] [--json]`.
func slaIncidents(fs *pflag.FlagSet) runFunc {
	monthFlag := fs.String("month", "", "")
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "sla incidents")}
		}
		a, err := findAgreement(ctx, env, pos[0])
		if err != nil {
			return err
		}
		loc := slacredit.Zone(a.SLA)
		from, to := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
		if *monthFlag != "" {
			m, err := slacredit.ParseMonth(*monthFlag)
			if err != nil {
				return flagError("month", err)
			}
			span := m.Span(loc)
			from, to = span.Start, span.End
		}
		list, err := env.Store.Incidents(ctx, a.ID, from, to)
		if err != nil {
			return err
		}
		if *asJSON {
			if list == nil {
				list = []model.Incident{}
			}
			return writeJSON(env.Stdout, list)
		}
		if len(list) == 0 {
			fmt.Fprintln(env.Stdout, env.Lang.T("sla.cli.no_incidents"))
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
		t := env.Lang.T
		fmt.Fprintln(tw, strings.Join([]string{"ID", t("sla.col.start"), t("sla.col.end"), t("sla.col.minutes"), t("sla.col.kind"), t("sla.col.description")}, "\t"))
		for _, inc := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", inc.ID, inc.Start.In(loc).Format(timeShape), inc.End.In(loc).Format(timeShape),
				int(inc.End.Sub(inc.Start).Minutes()), session.Sanitize(incidentKind(env, inc)), session.Sanitize(inc.Description))
		}
		return tw.Flush()
	}
}

// timeShape is how the CLI writes local times: the form it reads them in.
const timeShape = "2006-01-02T15:04"

// incidentKind says whether an incident counts: down, planned, or excluded and why.
func incidentKind(env *Env, inc model.Incident) string {
	switch {
	case inc.Excluded:
		return env.Lang.T("sla.kind.excluded_because", inc.ExcludeReason)
	case inc.Planned:
		return env.Lang.T("sla.kind.planned")
	}
	return env.Lang.T("sla.kind.down")
}

// slaAdd runs `avtal sla add ID --start … --end … [--planned] [--excluded REASON] [--description TEXT]`.
func slaAdd(fs *pflag.FlagSet) runFunc {
	start := fs.String("start", "", "")
	end := fs.String("end", "", "")
	planned := fs.Bool("planned", false, "")
	excluded := fs.String("excluded", "", "")
	description := fs.String("description", "", "")
	reported := fs.String("reported", "", "")
	claimSent := fs.String("claim-sent", "", "")
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		switch {
		case len(pos) != 1:
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "sla add")}
		case *start == "" || *end == "":
			return &UsageError{Msg: env.Lang.T("sla.cli.needs_times")}
		}
		excludedSet := false
		fs.Visit(func(fl *pflag.Flag) { excludedSet = excludedSet || fl.Name == "excluded" })
		a, err := findAgreement(ctx, env, pos[0])
		if err != nil {
			return err
		}
		loc := slacredit.Zone(a.SLA)
		inc := model.Incident{AgreementID: a.ID, Planned: *planned, Excluded: excludedSet,
			ExcludeReason: strings.TrimSpace(*excluded), Description: strings.TrimSpace(*description)}
		if inc.Start, err = slacredit.ParseTime(*start, loc); err != nil {
			return flagError("start", err)
		}
		if inc.End, err = slacredit.ParseTime(*end, loc); err != nil {
			return flagError("end", err)
		}
		for _, d := range []struct {
			name, value string
			into        *model.Date
		}{{"reported", *reported, &inc.Reported}, {"claim-sent", *claimSent, &inc.ClaimSent}} {
			if err := d.into.UnmarshalText([]byte(d.value)); err != nil {
				return flagError(d.name, err)
			}
		}
		if inc.ID, err = env.Store.AddIncident(ctx, &inc); err != nil {
			return incidentFlagError(env.Lang, err)
		}
		if *asJSON {
			return writeJSON(env.Stdout, inc)
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("sla.cli.added", inc.ID, a.ID, inc.Start.In(loc).Format(timeShape),
			inc.End.In(loc).Format(timeShape), int(inc.End.Sub(inc.Start).Minutes())))
		return nil
	}
}

// incidentFlagError names the flag behind a refused incident field and
// words the refusal as the SLA pane does.
func incidentFlagError(lang i18n.Lang, err error) error {
	var ie *model.IncidentError
	if !errors.As(err, &ie) {
		return err
	}
	name := map[string]string{"start": "start", "end": "end", "exclude_reason": "excluded"}[ie.Field]
	if name == "" {
		return err
	}
	return flagError(name, errors.New(lang.Incident(ie)))
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/i18n"
)

// subEntry is a register entry in `avtal subprocessors ID --json`: its
// fields, "region" the one it names in place of a country, and where it
// stands under the transfer rules (subproc.SubRegion).
type subEntry struct {
	model.SubProcessor
	TransferRegion subproc.Region `json:"transfer_region"`
}

// flagItem is a flag with its text in the chosen language.
type flagItem struct {
	subproc.Flag
	Message string `json:"message"`
}

// registerResult is `avtal subprocessors ID --json`.
type registerResult struct {
	AgreementID   string            `json:"agreement_id"`
	Title         string            `json:"title"`
	Policy        *model.SubPolicy  `json:"policy"`
	Subprocessors []subEntry        `json:"subprocessors"`
	Notices       []noticeResult    `json:"notices"`
	Flags         []flagItem        `json:"flags"`
	History       []store.SubChange `json:"history"`
	Today         model.Date        `json:"today"`
}

// portfolioResult is `avtal subprocessors --json`.
type portfolioResult struct {
	Filter subproc.GroupFilter `json:"filter"`
	Groups []subproc.Summary   `json:"groups"`
}

// subprocessors shows an agreement's register, or without an id the
// portfolio; `import` and `export` compare and write lists.
func subprocessors(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	regions := fs.String("region", "", "")
	statuses := fs.String("status", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) == 1 {
			return showRegister(ctx, env, pos[0], *asJSON)
		}
		filter, err := parseFilter(env.Lang, *regions, *statuses)
		if err != nil {
			return err
		}
		return portfolio(ctx, env, filter, *asJSON)
	}
}

// parseFilter reads --region and --status, comma-separated.
func parseFilter(lang i18n.Lang, regions, statuses string) (subproc.GroupFilter, error) {
	var f subproc.GroupFilter
	for _, r := range splitList(regions) {
		region := subproc.Region(r)
		if !slices.Contains(subRegions, region) {
			return f, &UsageError{Msg: lang.T("subcli.bad_region", r)}
		}
		f.Regions = append(f.Regions, region)
	}
	for _, s := range splitList(statuses) {
		status := model.SubStatus(s)
		if !slices.Contains(model.SubStatuses, status) {
			return f, &UsageError{Msg: lang.T("subcli.bad_status", s)}
		}
		f.Statuses = append(f.Statuses, status)
	}
	return f, nil
}

// subRegions are the regions a filter may name.
var subRegions = []subproc.Region{subproc.RegionEU, subproc.RegionEEA, subproc.RegionAdequacy, subproc.RegionThird, subproc.RegionUnknown}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func portfolio(ctx context.Context, env *Env, filter subproc.GroupFilter, asJSON bool) error {
	tallies, err := env.Store.SubTallies(ctx, subproc.ThirdCountries())
	if err != nil {
		return err
	}
	groups := subproc.Summarise(tallies, filter)
	if asJSON {
		if groups == nil {
			groups = []subproc.Summary{}
		}
		return writeJSON(env.Stdout, portfolioResult{Filter: filter, Groups: groups})
	}
	t := env.Lang.T
	if len(groups) == 0 {
		fmt.Fprintln(env.Stdout, t("subcli.portfolio_empty"))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{t("subprocs.col.name"), t("subprocs.col.agreements"), t("subprocs.col.countries"),
		t("subprocs.col.regions"), t("subprocs.col.flagged")}, "\t"))
	for _, g := range groups {
		regions := make([]string, len(g.Regions))
		for i, r := range g.Regions {
			regions[i] = t("region." + string(r))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", g.Name, g.Agreements, env.Lang.OrNone(strings.Join(g.Countries, ", ")),
			strings.Join(regions, ", "), env.Lang.OrNone(countOrEmpty(g.Flagged)))
	}
	return tw.Flush()
}

func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// loadAgreement reads one agreement, with a message naming the id when it
// is not in the register.
func loadAgreement(ctx context.Context, env *Env, id string) (*model.Agreement, error) {
	a, err := env.Store.Agreement(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errors.New(env.Lang.T("cli.not_found", id))
	}
	return a, err
}

func showRegister(ctx context.Context, env *Env, id string, asJSON bool) error {
	a, err := loadAgreement(ctx, env, id)
	if err != nil {
		return err
	}
	rows, err := env.Store.Notices(ctx, id)
	if err != nil {
		return err
	}
	history, err := env.Store.SubHistory(ctx, id)
	if err != nil {
		return err
	}
	today := model.DateOf(env.Now())
	res := registerResult{AgreementID: a.ID, Title: a.Title, Policy: a.SubPolicy, Subprocessors: []subEntry{}, Notices: []noticeResult{},
		Flags: []flagItem{}, History: history, Today: today}
	if res.History == nil {
		res.History = []store.SubChange{}
	}
	for _, s := range a.Subs {
		res.Subprocessors = append(res.Subprocessors, subEntry{s, subproc.SubRegion(s)})
	}
	notices := make([]subproc.Notice, len(rows))
	for i, r := range rows {
		notices[i] = r.Notice
		res.Notices = append(res.Notices, assess(r, a.SubPolicy, today, env.Lang.Model()))
	}
	for _, f := range subproc.Check(a, notices, subproc.CheckOptions{Today: today}) {
		res.Flags = append(res.Flags, flagItem{f, env.Lang.Flag(f)})
	}
	if asJSON {
		return writeJSON(env.Stdout, res)
	}
	return writeRegister(env, res)
}

func writeRegister(env *Env, r registerResult) error {
	t := env.Lang.T
	fmt.Fprintf(env.Stdout, "%s (%s)\n", r.Title, r.AgreementID)
	if p := r.Policy; p != nil {
		fmt.Fprintln(env.Stdout, env.Lang.SubPolicy(p))
		if p.ListURL != "" {
			fmt.Fprintln(env.Stdout, t("subprocs.list_at", p.ListURL, env.Lang.OrNone(p.ListChecked.String())))
		}
	}
	fmt.Fprintln(env.Stdout)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	if len(r.Subprocessors) == 0 {
		fmt.Fprintln(env.Stdout, t("subcli.no_subs", r.AgreementID))
	} else {
		fmt.Fprintln(tw, strings.Join([]string{t("subprocs.col.name"), t("subprocs.col.org"), t("subprocs.col.country"), t("subprocs.col.region"),
			t("subprocs.col.status"), t("subprocs.col.clause"), t("subprocs.col.purpose")}, "\t"))
		for _, s := range r.Subprocessors {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Name, env.Lang.OrNone(s.OrgNumber), env.Lang.OrNone(s.Country), env.Lang.Region(s.SubProcessor),
				t("substatus."+string(s.Status)), env.Lang.OrNone(s.Clause), s.Purpose)
		}
		tw.Flush()
	}
	if len(r.Notices) > 0 {
		fmt.Fprintln(env.Stdout, "\n"+t("subprocs.notices"))
		fmt.Fprintln(tw, strings.Join([]string{"ID", t("subprocs.col.received"), t("subprocs.col.change"), t("subprocs.col.name"),
			t("subprocs.col.effective"), t("subprocs.col.object_by"), t("subprocs.col.act_by"), t("subprocs.col.notice_status")}, "\t"))
		for _, n := range r.Notices {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n.ID, n.Notice.Received, t("change."+string(n.Notice.Change)), n.Notice.Sub.Name,
				env.Lang.OrNone(n.Notice.Effective.String()), dateOr(n.ObjectionBy, "—"), dateOr(n.ActBy, "—"), t("nstatus."+string(n.Status)))
		}
		tw.Flush()
	}
	if len(r.Flags) > 0 {
		fmt.Fprintln(env.Stdout, "\n"+t("subprocs.flags"))
		for _, f := range r.Flags {
			fmt.Fprintf(env.Stdout, "%s %s\n", i18n.SeverityMark(f.Severity), f.Message)
		}
	}
	return nil
}

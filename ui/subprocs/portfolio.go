package subprocs

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// The filters r and s step through, with the catalogue keys that name them.
var (
	regionFilters = [][]subproc.Region{nil, {subproc.RegionEU, subproc.RegionEEA}, {subproc.RegionAdequacy},
		{subproc.RegionThird}, {subproc.RegionUnknown}}
	regionFilterKeys = []string{"subprocs.filter.all", "subprocs.filter.eu_eea", "region.adequacy", "region.third_country", "region.unknown"}
	statusFilters    = [][]model.SubStatus{nil, {model.SubApproved, model.SubProposed, model.SubObjected}, {model.SubApproved},
		{model.SubProposed}, {model.SubObjected}, {model.SubRemoved}}
	statusFilterKeys = []string{"subprocs.filter.all", "subprocs.filter.in_use", "substatus.approved", "substatus.proposed",
		"substatus.objected", "substatus.removed"}
)

// portfolio is every sub-processor across the register, grouped, with the
// filter the reviewer chose and the agreements of the groups looked at.
type portfolio struct {
	tallies []subproc.Tally
	groups  []subproc.Summary
	region  int // index into regionFilters
	status  int // index into statusFilters
	uses    map[string]usesMsg
}

func newPortfolio() *portfolio { return &portfolio{uses: map[string]usesMsg{}} }

func (p *portfolio) filter() subproc.GroupFilter {
	return subproc.GroupFilter{Regions: regionFilters[p.region], Statuses: statusFilters[p.status]}
}

func (m *Model) gotPortfolio(msg portfolioMsg) tea.Cmd {
	if ok, cmd := m.arrived(msg.seq, msg.err); !ok {
		return cmd
	}
	m.port.tallies = msg.tallies
	return m.regroup()
}

// regroup sums the tallies under the current filter; the tallies are
// already counted by SQL, so this is quick however large the register.
func (m *Model) regroup() tea.Cmd {
	m.port.groups = m.keptGroups(subproc.Summarise(m.port.tallies, m.port.filter()))
	m.list.Reset(len(m.port.groups)+1, m.skip)
	m.shown = -1
	return m.showDetail()
}

func (p *portfolio) cycleRegion(m *Model) tea.Cmd {
	p.region = (p.region + 1) % len(regionFilters)
	return m.regroup()
}

func (p *portfolio) cycleStatus(m *Model) tea.Cmd {
	p.status = (p.status + 1) % len(statusFilters)
	return m.regroup()
}

// title names the portfolio box with its filter.
func (p *portfolio) title(c *session.State) string {
	return c.T("subprocs.portfolio_title", len(p.groups), c.T(regionFilterKeys[p.region]), c.T(statusFilterKeys[p.status]))
}

// groupColumns: name, agreements, countries, regions, flagged.
var groupColumns = []col{{flex: true}, {w: 10}, {w: 10, from: 70}, {w: 18, from: 60}, {w: 8}}

func (m *Model) renderGroup(i int) string {
	t := m.c.T
	w := layout(m.rowW(), groupColumns)
	if i == 0 {
		return cells(m.rowW(), w, t("subprocs.col.name"), t("subprocs.col.agreements"), t("subprocs.col.countries"),
			t("subprocs.col.regions"), t("subprocs.col.flagged"))
	}
	g := m.port.groups[i-1]
	flagged := ""
	if g.Flagged > 0 {
		flagged = fmt.Sprintf("! %d", g.Flagged)
	}
	return cells(m.rowW(), w, g.Name, fmt.Sprint(g.Agreements), strings.Join(g.Countries, " "), m.regionNames(g.Regions), flagged)
}

func (m *Model) regionNames(rs []subproc.Region) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = m.c.T("region." + string(r))
	}
	return strings.Join(names, ", ")
}

// groupStyle: a group with a critical flag is red, with a warning yellow.
func (m *Model) groupStyle(i int) lipgloss.Style {
	if i == 0 {
		return m.c.Styles.Header
	}
	worst := subproc.SeverityInfo
	for _, t := range m.port.groups[i-1].Tallies {
		for _, f := range t.Flags {
			if f.Severity == subproc.SeverityCritical || (f.Severity == subproc.SeverityWarning && worst == subproc.SeverityInfo) {
				worst = f.Severity
			}
		}
	}
	if worst == subproc.SeverityInfo {
		return m.c.Styles.Row
	}
	return severityStyle(m.c.Styles, worst)
}

// usesKey names one group under one filter.
func (p *portfolio) usesKey(g subproc.Summary) string {
	return fmt.Sprintf("%d/%d/%s", p.region, p.status, strings.Join(g.Names, "\x1f"))
}

// usesQuery selects a group's entries under the filter: its names and,
// when a region is chosen, where its kept entries are (their countries, or
// for those without one the regions they name).
func (p *portfolio) usesQuery(g subproc.Summary) store.UseQuery {
	q := store.UseQuery{Names: g.Names, Statuses: statusFilters[p.status]}
	if p.region == 0 {
		return q
	}
	for _, t := range g.Tallies {
		if t.Sub.Country != "" {
			q.Countries = append(q.Countries, t.Sub.Country)
		} else {
			q.Regions = append(q.Regions, t.Sub.Region)
		}
	}
	return q
}

func (m *Model) gotUses(msg usesMsg) tea.Cmd {
	m.port.uses[msg.key] = msg
	if msg.err != nil {
		return session.Fail(msg.err)
	}
	m.shown = -1
	return m.showDetail()
}

// groupDetail describes a group: its names, numbers, countries, statuses,
// flags, and the agreements that depend on it. It asks for the agreements
// the first time the group is shown.
func (m *Model) groupDetail(g subproc.Summary) (string, tea.Cmd) {
	d := newDetail(m.c, m.detail.Width)
	t := m.c.T
	d.title(g.Name)
	if len(g.Names) > 1 {
		d.field(t("subprocs.also_named"), strings.Join(slices.DeleteFunc(slices.Clone(g.Names), func(n string) bool { return n == g.Name }), "; "))
	}
	d.field(t("subprocs.col.org"), strings.Join(g.OrgNumbers, ", "))
	d.field(t("subprocs.col.countries"), m.c.Lang.OrNone(strings.Join(g.Countries, ", ")))
	d.field(t("subprocs.col.regions"), m.regionNames(g.Regions))
	var statuses []string
	for _, s := range model.SubStatuses {
		if n := g.Statuses[s]; n > 0 {
			statuses = append(statuses, fmt.Sprintf("%d %s", n, t("substatus."+string(s))))
		}
	}
	d.field(t("subprocs.col.agreements"), fmt.Sprintf("%d (%s)", g.Agreements, strings.Join(statuses, ", ")))
	for _, tl := range g.Tallies {
		for _, f := range tl.Flags {
			d.b.WriteString("\n")
			d.para(i18n.SeverityMark(f.Severity)+" "+m.c.Lang.Flag(f)+" "+t("subprocs.in_agreements", tl.Agreements), severityStyle(m.c.Styles, f.Severity).Render)
		}
	}
	d.section(t("subprocs.used_by", g.Agreements))
	key := m.port.usesKey(g)
	res, ok := m.port.uses[key]
	var cmd tea.Cmd
	switch {
	case !ok:
		m.port.uses[key] = usesMsg{key: key} // asked; the reply replaces it
		cmd = loadUses(m.c.Ctx, m.c.Store, key, m.port.usesQuery(g))
		fallthrough
	case res.uses == nil && res.err == nil:
		d.para(t("loading"), m.c.Styles.Dim.Render)
	default:
		for _, u := range res.uses { // one line each: there may be a hundred
			line := u.Title + " · " + t("substatus."+string(u.Sub.Status))
			if u.Sub.Name != g.Name {
				line += " · " + u.Sub.Name
			}
			d.b.WriteString(cells(d.width, []int{d.width}, line) + "\n")
		}
		if more := g.Agreements - len(res.uses); len(res.uses) == usesPage && more > 0 {
			d.para(t("subprocs.more_uses", more), m.c.Styles.Dim.Render)
		}
	}
	return d.String(), cmd
}

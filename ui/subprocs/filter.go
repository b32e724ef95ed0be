package subprocs

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/subproc"
	"avtal/store"
)

// The "/" filter keeps the lines of the list whose words match: in the
// register the sub-processors, notices and flags (headings and hints
// stay), across all agreements the open notices and flags, in the
// portfolio the groups. Each mode keeps every line it loaded and shows
// the ones the filter keeps, so the cursor and every action work on the
// lines shown.

// fitList gives the list its rows: one fewer while the field is open above it.
func (m *Model) fitList() {
	h := m.listH
	if m.list.Filter.Typing() {
		h--
	}
	m.list.SetHeight(h)
}

// refilter lists the lines the filter keeps in the current mode, the cursor
// from the top.
func (m *Model) refilter() tea.Cmd {
	m.list.Top()
	switch {
	case m.mode == modePortfolio && m.port.tallies != nil:
		return m.regroup()
	case m.mode == modeOverview && m.overview != nil:
		m.overview.entries = m.kept(m.overview.all, m.overview.notices, m.overview.flags, m.overview.titles)
		m.list.Reset(len(m.overview.entries), m.skip)
	case m.mode == modeRegister && m.reg != nil:
		m.reg.entries = m.kept(m.reg.all, m.reg.notices, m.reg.flags, nil)
		m.list.Reset(len(m.reg.entries), m.skip)
	}
	m.shown = -1
	return m.showDetail()
}

// kept returns the entries of all the filter keeps, in the order chosen:
// every heading and hint, and the sub-processors, notices and flags that
// match.
func (m *Model) kept(all []entry, notices []noticeView, flags []subproc.Flag, titles map[string]string) []entry {
	if !m.list.Filter.Active() {
		return m.sorted(all, notices, flags)
	}
	t := m.c.T
	return m.sorted(slices.DeleteFunc(slices.Clone(all), func(e entry) bool {
		switch e.kind {
		case entrySub:
			s := m.reg.a.Subs[e.i]
			return !m.list.Filter.Matches(s.Name, s.OrgNumber, s.Country, m.countryName(s.Country), m.c.Lang.Region(s), t("substatus."+string(s.Status)), s.Clause, s.Purpose)
		case entryNotice:
			n := notices[e.i]
			nt := n.row.Notice
			return !m.list.Filter.Matches(n.row.AgreementTitle, t("change."+string(nt.Change)), nt.Sub.Name, nt.Sub.Country, m.countryName(nt.Sub.Country),
				nt.Received.String(), t("nstatus."+string(n.status)))
		case entryFlag:
			f := flags[e.i]
			return !m.list.Filter.Matches(m.c.Lang.Flag(f), f.Sub, titles[f.AgreementID])
		}
		return false
	}), notices, flags)
}

// byName is the sort column that orders the lines by the sub-processor's
// name; 0 is each list's own order.
const byName = 1

// sorted orders each run of sub-processors, notices or flags by the
// sub-processor's name when s chose it; headings, hints and the policy
// stay where they are.
func (m *Model) sorted(es []entry, notices []noticeView, flags []subproc.Flag) []entry {
	if m.list.Sort() != byName {
		return es
	}
	name := func(e entry) string {
		switch e.kind {
		case entrySub:
			return store.FoldText(m.reg.a.Subs[e.i].Name)
		case entryNotice:
			return store.FoldText(notices[e.i].row.Notice.Sub.Name)
		case entryFlag:
			return store.FoldText(flags[e.i].Sub)
		}
		return ""
	}
	es = slices.Clone(es)
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].kind == es[i].kind {
			j++
		}
		if es[i].kind >= entrySub {
			slices.SortStableFunc(es[i:j], func(a, b entry) int { return strings.Compare(name(a), name(b)) })
		}
		i = j
	}
	return es
}

// keptGroups returns the portfolio groups the filter keeps, in the order
// chosen.
func (m *Model) keptGroups(groups []subproc.Summary) []subproc.Summary {
	if m.list.Filter.Active() {
		groups = slices.DeleteFunc(groups, func(g subproc.Summary) bool {
			fields := append(slices.Clone(g.Names), g.OrgNumbers...)
			fields = append(fields, g.Countries...)
			return !m.list.Filter.Matches(append(fields, m.regionNames(g.Regions))...)
		})
	}
	if m.list.Sort() == byName {
		slices.SortStableFunc(groups, func(a, b subproc.Summary) int {
			return strings.Compare(store.FoldText(a.Name), store.FoldText(b.Name))
		})
	}
	return groups
}

// filteredTitle adds the filter and how many lines it keeps to a list title.
func (m *Model) filteredTitle(title string) string {
	if !m.list.Filter.Active() {
		return title
	}
	n := 0
	for i := range m.list.Len() {
		if !m.skip(i) && !m.isPolicy(i) {
			n++
		}
	}
	return title + m.c.T("subprocs.filtered", n, oneLine(m.list.Filter.Query()))
}

// isPolicy tells the register's policy line, which every filter keeps.
func (m *Model) isPolicy(i int) bool {
	return m.mode == modeRegister && m.reg != nil && m.reg.entries[i].kind == entryPolicy
}

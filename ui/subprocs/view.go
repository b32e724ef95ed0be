package subprocs

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model/subproc"
	"avtal/ui/session"
)

// View draws the list and the detail, or the open form, in the size given.
func (m *Model) View() string {
	st := m.c.Styles
	frameW, frameH := st.Pane.GetFrameSize()
	innerW, innerH := max(0, m.width-frameW), max(0, m.height-frameH)
	if m.modal != nil {
		return st.Box(session.Clip(m.modal.view(innerW, innerH), innerW, innerH), innerW, innerH, true, "")
	}
	if !m.loaded && !m.hasData() { // a reload keeps showing what it replaces
		return st.Empty.Render(m.c.T("loading"))
	}
	if empty := m.emptyText(); empty != "" {
		return st.Box(session.Clip(st.Empty.Width(innerW).Render(empty), innerW, innerH), innerW, innerH, true, m.listTitle())
	}
	render, style := m.lineFuncs()
	var lines []string
	if m.list.Filter.Typing() {
		lines = append(lines, st.Unmarked(m.list.Filter.View(m.rowW())))
	}
	m.list.PlaceInBox(st, 0, 0, len(lines), m.rowW())
	lines = append(lines, m.list.Rows(st, m.listW, render, style)...)
	list := st.Box(strings.Join(lines, "\n"), m.listW, m.listH, true, m.listTitle())
	if m.detailBox == "" {
		m.detailBox = st.Box(m.detail.View(), m.detail.Width, m.detail.Height, false, "")
	}
	detail := m.detailBox
	if m.wide {
		return session.Beside(list, detail)
	}
	return lipgloss.JoinVertical(lipgloss.Left, list, detail)
}

// lineFuncs returns how the current mode renders and colours line i.
func (m *Model) lineFuncs() (render func(int) string, style func(int) lipgloss.Style) {
	switch m.mode {
	case modePortfolio:
		return m.renderGroup, m.groupStyle
	case modeOverview:
		o := m.overview
		return func(i int) string { return m.renderEntry(o.entries[i], o.notices, o.flags) },
			func(i int) lipgloss.Style { return m.entryStyle(o.entries[i], o.notices, o.flags) }
	}
	r := m.reg
	return func(i int) string { return m.renderEntry(r.entries[i], r.notices, r.flags) },
		func(i int) lipgloss.Style { return m.entryStyle(r.entries[i], r.notices, r.flags) }
}

// hasData reports whether the current mode has something to show.
func (m *Model) hasData() bool {
	switch m.mode {
	case modeRegister:
		return m.reg != nil
	case modeOverview:
		return m.overview != nil
	}
	return m.port.tallies != nil
}

// emptyText says what to do when there is nothing to list, or "".
func (m *Model) emptyText() string {
	switch {
	case m.loadErr != nil && m.mode == modeRegister:
		return m.c.T("subprocs.empty.unreadable", m.scopeTitle)
	case m.loadErr != nil:
		return m.c.T("subprocs.empty.unreadable", m.c.T("scope.all"))
	case m.mode == modePortfolio && len(m.port.tallies) == 0:
		return m.c.T("subprocs.empty.portfolio")
	case m.mode == modePortfolio && len(m.port.groups) == 0 && !m.list.Filter.Active():
		return m.c.T("subprocs.empty.filtered")
	}
	return ""
}

// listTitle names the list box: the agreement, the overview, or the
// portfolio with its filter.
func (m *Model) listTitle() string {
	switch m.mode {
	case modePortfolio:
		return m.filteredTitle(m.port.title(m.c))
	case modeOverview:
		return m.filteredTitle(m.c.T("subprocs.overview_title"))
	}
	return m.filteredTitle(m.c.T("subprocs.register_title", oneLine(m.scopeTitle)))
}

// showDetail puts the selected line's detail in the detail box when the
// selection changed; it may ask for the agreements of a portfolio group.
func (m *Model) showDetail() tea.Cmd {
	i := m.list.Selected()
	if i == m.shown {
		return nil
	}
	m.shown = i
	var text string
	var cmd tea.Cmd
	switch m.mode {
	case modePortfolio:
		if i > 0 && i <= len(m.port.groups) {
			text, cmd = m.groupDetail(m.port.groups[i-1])
		}
	case modeOverview:
		if m.overview == nil {
			break
		}
		if e, ok := selectedEntry(m.overview.entries, i); ok {
			text = m.entryDetail(e, m.overview.notices, m.overview.flags, m.overview.titles)
		}
	default:
		if m.reg != nil {
			if e, ok := selectedEntry(m.reg.entries, i); ok {
				text = m.entryDetail(e, m.reg.notices, m.reg.flags, nil)
			}
		}
	}
	if text == "" {
		text = m.c.Styles.Dim.Render(m.c.T("subprocs.detail_hint"))
	}
	m.detail.SetContent(text)
	m.detail.GotoTop()
	m.detailBox = ""
	return cmd
}

// entryDetail is the detail of a register or overview line.
func (m *Model) entryDetail(e entry, notices []noticeView, flags []subproc.Flag, titles map[string]string) string {
	switch e.kind {
	case entryPolicy:
		return m.policyDetail(m.reg.a.SubPolicy)
	case entrySub:
		return m.subDetail(m.reg.a.Subs[e.i])
	case entryNotice:
		return m.noticeDetail(notices[e.i])
	case entryFlag:
		f := flags[e.i]
		return m.flagDetail(f, titles[f.AgreementID])
	}
	return ""
}

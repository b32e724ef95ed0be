package app

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the tab bar, the focused pane (or the full help) and the status bar.
func (m *Model) View() string {
	w, h := m.c.Width, m.c.Height
	if w == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return m.c.Styles.Empty.Width(w).Render(m.c.T("too.small", w, h, minWidth, minHeight))
	}
	body := h - 3
	var main string
	if m.showHelp {
		main = m.help.FullHelpView(m.fullHelp())
	} else {
		main = m.panes[m.focus].View()
	}
	main = m.c.Styles.App.Height(body).MaxHeight(body).Render(main)
	return lipgloss.JoinVertical(lipgloss.Left, m.tabBar(), main, m.statusBar(), m.help.ShortHelpView(m.shortHelp()))
}

func (m *Model) tabBar() string {
	st := m.c.Styles
	tabs := make([]string, len(titleKeys))
	for i, k := range titleKeys {
		label := string(rune('1'+i)) + " " + m.c.T(k)
		if paneID(i) == m.focus {
			tabs[i] = st.ActiveTab.Render(label)
		} else {
			tabs[i] = st.Tab.Render(label)
		}
	}
	bar := strings.Join(tabs, st.TabGap.Render("│"))
	scope := st.Dim.Render(m.c.T("scope.all"))
	if m.scopeID != "" {
		scope = st.Scope.Render(m.c.T("scope.one", m.scope))
	}
	gap := m.c.Width - ansi.StringWidth(bar) - ansi.StringWidth(scope) - 1
	if gap < 1 {
		return ansi.Truncate(bar, m.c.Width, "…")
	}
	return bar + strings.Repeat(" ", gap) + scope
}

func (m *Model) statusBar() string {
	st := m.c.Styles
	left := st.StatusBar.Render(m.status)
	if m.isErr {
		left = st.StatusErr.Render(m.status)
	}
	right := st.Dim.Render(m.c.T("status.db", m.c.Store.Path()))
	if m.c.User != "" {
		right = st.Dim.Render(m.c.User) + "  " + right
	}
	room := m.c.Width - ansi.StringWidth(right) - 2
	if room < 20 {
		return ansi.Truncate(left, m.c.Width, "…")
	}
	left = ansi.Truncate(left, room, "…")
	return left + strings.Repeat(" ", max(1, m.c.Width-ansi.StringWidth(left)-ansi.StringWidth(right))) + right
}

func (m *Model) globalKeys() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.NextTab, k.PrevTab, k.GotoTab, k.Unscope, k.Help, k.Quit}
}

func (m *Model) shortHelp() []key.Binding {
	k := m.c.Keys
	return append(m.panes[m.focus].ShortHelp(), k.NextTab, k.Help, k.Quit)
}

func (m *Model) fullHelp() [][]key.Binding {
	return append([][]key.Binding{m.globalKeys()}, m.panes[m.focus].FullHelp()...)
}

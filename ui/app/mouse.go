package app

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/ui/session"
)

// mouse handles the mouse the same way for every pane: a click on a tab
// opens it, a click in a pane goes to the pane when it answers clicks, and
// the wheel scrolls the viewer under the pointer, or else moves as the
// arrow keys do (in the help, it scrolls the help).
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.offer != "" || m.panes[m.focus].Capturing() {
		return nil // a question or a form waits for keys
	}
	var arrow tea.KeyType
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		arrow = tea.KeyUp
	case msg.Button == tea.MouseButtonWheelDown:
		arrow = tea.KeyDown
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress && msg.Y == 0:
		if tab, ok := m.tabAt(msg.X); ok {
			return m.focusOn(tab)
		}
		return nil
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if p, ok := m.tell(m.focus).(session.Clickable); ok && !m.showHelp {
			return p.Click(msg.X, msg.Y-1) // the pane starts under the tab bar
		}
		return nil
	default:
		return nil
	}
	if m.showHelp {
		m.helpKey(tea.KeyMsg{Type: arrow})
		return nil
	}
	lines := wheelLines
	if arrow == tea.KeyUp {
		lines = -lines
	}
	if p, ok := m.tell(m.focus).(session.Wheeled); ok && p.Wheel(msg.X, msg.Y-1, lines) {
		return nil
	}
	return m.tell(m.focus).Update(tea.KeyMsg{Type: arrow})
}

// wheelLines is how far one turn of the wheel scrolls a viewer.
const wheelLines = 3

// tabAt is the tab drawn at column x of the tab bar.
func (m *Model) tabAt(x int) (paneID, bool) {
	st := m.c.Styles
	tab, active, gap := st.Tab, st.ActiveTab, ansi.StringWidth(st.TabGap.Render("│"))
	if ansi.StringWidth(m.tabs(tab, active)) > m.c.Width {
		tab, active = tab.Padding(0), active.Padding(0)
	}
	left := 0
	for i := range titleKeys {
		w := ansi.StringWidth(m.tab(paneID(i), tab, active))
		if x >= left && x < left+w {
			return paneID(i), true
		}
		left += w + gap
	}
	return 0, false
}

package agreements

import tea "github.com/charmbracelet/bubbletea"

// Click selects the list row at x, y of the pane (see common.Clickable).
func (m *Model) Click(x, y int) tea.Cmd {
	if m.Capturing() || !m.list.Click(x, y) {
		return nil
	}
	return m.moved()
}

package agreements

import tea "github.com/charmbracelet/bubbletea"

// Click selects the row at x, y of the pane (see common.Clickable): of the
// list, or of the proposals while they are reviewed.
func (m *Model) Click(x, y int) tea.Cmd {
	if m.review != nil && m.importForm == nil && m.editing == nil {
		m.review.rows.Click(x, y)
		return nil
	}
	if m.Capturing() || !m.list.Click(x, y) {
		return nil
	}
	return m.moved()
}

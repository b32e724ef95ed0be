package agreements

import (
	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/session"
)

// Wheel scrolls the detail when the pointer is over it (see session.Wheeled).
func (m *Model) Wheel(x, y, lines int) bool {
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	if m.Capturing() || m.wide && x < m.listW+frameW || !m.wide && y < m.listH+1+frameH {
		return false
	}
	session.Scroll(&m.detail.Model, lines)
	return true
}

// Click selects the row at x, y of the pane (see session.Clickable): of the
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

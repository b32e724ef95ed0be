package agreements

import tea "github.com/charmbracelet/bubbletea"

// Click selects the list row at x, y of the pane (see common.Clickable):
// below the frame's top edge and the column header.
func (m *Model) Click(x, y int) tea.Cmd {
	if m.Capturing() || x < 1 || x > m.listW+2 {
		return nil
	}
	row := y - 2 // the frame's top edge, then the header
	if row < 0 || row >= m.listH || m.offset+row >= len(m.rows) {
		return nil
	}
	return m.move(m.offset + row - m.cursor)
}

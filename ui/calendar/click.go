package calendar

import (
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
)

// Click selects the day clicked in the month grid or the deadline clicked
// in the agenda (see session.Clickable).
func (m *Model) Click(x, y int) tea.Cmd {
	if m.events != nil && m.events.question == nil && m.form == nil {
		m.events.list.Click(x, y)
		return nil
	}
	if m.data == nil || m.Capturing() {
		return nil
	}
	if m.gridShown() && x < m.layout.gridW && y < m.layout.gridH {
		return m.clickDay(x, y)
	}
	if m.focus != detailFocus && m.agendaList.Click(x, y) {
		m.focus = agendaFocus
		m.followSelection()
	}
	return nil
}

// clickDay selects the day clicked in the month grid: inside the grid's
// frame, after the week numbers, one cell per day, the weeks under the
// weekday header.
func (m *Model) clickDay(x, y int) tea.Cmd {
	col, week := (x-2-weekW)/dayW, y-2
	if x-2-weekW < 0 || col > 6 || week < 0 || week > 5 {
		return nil
	}
	first := model.MustDate(m.cursor.Year(), m.cursor.Month(), 1)
	day := first.AddDays(1 - isoWeekday(first) + 7*week + col)
	if day.Month() != m.cursor.Month() {
		return nil
	}
	m.focus = gridFocus
	return m.moveTo(day)
}

// gridShown reports whether the month grid is on screen: always beside
// the agenda, above it unless something is being read, and alone while
// the grid has the focus in the narrow layout.
func (m *Model) gridShown() bool {
	switch m.layout.mode {
	case wideLayout:
		return true
	case stackedLayout:
		return m.form == nil && m.events == nil && m.focus != detailFocus
	}
	return m.focus == gridFocus && m.form == nil && m.events == nil
}

package calendar

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/model/workdays"
	"avtal/ui/session"
)

// The month grid's size inside its box: a week-number column and seven day
// columns of four cells; a weekday header, six weeks and a line about the
// selected day.
const (
	weekW    = 3
	dayW     = 4
	gridInW  = weekW + 7*dayW
	gridInH  = 8
	minAgW   = 60 // the agenda's width at which it goes beside the grid
	minAgH   = 5  // the fewest agenda rows worth showing below the grid
	minDayBW = 22 // the narrowest day box worth showing
)

// layoutMode is how the pane arranges its boxes.
type layoutMode int

const (
	wideLayout    layoutMode = iota // grid and day box left, agenda right
	stackedLayout                   // grid and day box on top, agenda below
	compactLayout                   // the grid or the agenda, whichever has the focus
)

// layout is the size of every box, worked out once per resize.
type layout struct {
	mode                     layoutMode
	frameW, frameH           int
	gridW, gridH             int // outer size of the grid box
	dayW, dayH               int // outer size of the day box; 0 when there is none
	agendaW, agendaH         int // outer size of the agenda box
	agendaRows, agendaInnerW int
}

func newLayout(st *session.Styles, w, h int) layout {
	fw, fh := st.Pane.GetFrameSize()
	l := layout{frameW: fw, frameH: fh, gridW: gridInW + fw, gridH: gridInH + fh}
	switch {
	case w >= l.gridW+minAgW:
		l.mode = wideLayout
		l.agendaW, l.agendaH = w-l.gridW, h
		if h-l.gridH >= fh+2 {
			l.dayW, l.dayH = l.gridW, h-l.gridH
		}
	case h-l.gridH >= minAgH+fh:
		l.mode = stackedLayout
		l.agendaW, l.agendaH = w, h-l.gridH
	default:
		l.mode = compactLayout
		l.agendaW, l.agendaH = w, h
	}
	if l.mode != wideLayout && w-l.gridW >= minDayBW {
		l.dayW, l.dayH = w-l.gridW, l.gridH
	}
	l.agendaInnerW, l.agendaRows = max(0, l.agendaW-fw), max(0, l.agendaH-fh)
	return l
}

// View draws the grid, the day box and the agenda (or a form or a
// deadline's explanation in the agenda's place).
func (m *Model) View() string {
	st := m.c.Styles
	if m.width == 0 {
		return ""
	}
	if m.data == nil {
		text := m.c.T("cal.loading")
		if m.err != nil {
			text = m.c.T("status.error", m.err)
		}
		return st.Empty.Width(m.width).Render(text)
	}
	l := m.layout
	reading := m.form != nil || m.events != nil || m.focus == detailFocus
	if l.mode == stackedLayout && reading {
		// Below the grid a form or an explanation gets a handful of rows
		// and loses its last lines; it takes the whole pane until esc.
		return m.sideView(m.width-l.frameW, m.height-l.frameH)
	}
	top := m.topView()
	side := m.sideView(l.agendaInnerW, l.agendaRows)
	switch {
	case l.mode == wideLayout:
		return lipgloss.JoinHorizontal(lipgloss.Top, top, side)
	case l.mode == stackedLayout:
		return lipgloss.JoinVertical(lipgloss.Left, top, side)
	case m.gridShown():
		return top
	}
	return side
}

// topView is the grid with the day box beside it (or, wide, below it).
func (m *Model) topView() string {
	l := m.layout
	grid := m.c.Styles.Box(m.gridView(), gridInW, gridInH, m.focus == gridFocus && m.form == nil && m.events == nil, m.monthTitle())
	if l.dayW == 0 {
		return grid
	}
	day := m.dayBox(l.dayW-l.frameW, l.dayH-l.frameH)
	if l.mode == wideLayout {
		return lipgloss.JoinVertical(lipgloss.Left, grid, day)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, grid, day)
}

// sideAt is where the agenda's box is in the pane: right of the grid,
// below it, or in its place.
func (m *Model) sideAt() (x, y int) {
	switch {
	case m.layout.mode == wideLayout:
		return m.layout.gridW, 0
	case m.layout.mode == stackedLayout && m.form == nil && m.events == nil && m.focus != detailFocus:
		return 0, m.layout.gridH
	}
	return 0, 0
}

// sideView is the agenda box, w×h inside, with whatever it shows now.
func (m *Model) sideView(w, h int) string {
	st := m.c.Styles
	switch {
	case m.form != nil:
		// The form's own lines can run a cell wide, and a refusal from the
		// store is a long sentence: give it room and wrap.
		return st.Box(session.Clip(ansi.Wrap(m.form.ViewIn(w-1, h), w, ""), w, h), w, h, true, "")
	case m.events != nil:
		x, y := m.sideAt()
		return st.Box(m.eventsView(w, h, x, y), w, h, true, ansi.Truncate(m.c.T("cal.events.title", session.Sanitize(m.events.title)), max(0, w-4), "…"))
	case m.focus == detailFocus:
		return st.Box(session.Clip(strings.Join(m.detailText, "\n"), w, h), w, h, true, m.agendaTitle())
	case len(m.data.order) == 0 && len(m.data.attention) == 0:
		return st.Box(st.Empty.Width(w).Render(m.emptyText()), w, h, false, m.agendaTitle())
	}
	return st.Box(m.agendaView(w, h), w, h, m.focus == agendaFocus, m.agendaTitle())
}

func (m *Model) emptyText() string {
	if m.scope != "" {
		return m.c.T("cal.empty_scoped", session.Sanitize(m.scopeTitle))
	}
	return m.c.T("cal.empty")
}

func (m *Model) agendaTitle() string {
	if m.scope != "" {
		return m.c.T("cal.agenda") + " · " + session.Sanitize(m.scopeTitle)
	}
	return m.c.T("cal.agenda")
}

func (m *Model) monthTitle() string {
	t := m.c.T("month."+strconv.Itoa(int(m.cursor.Month()))) + " " + strconv.Itoa(m.cursor.Year())
	if m.loading {
		t += " …"
	}
	return t
}

// longDate writes a day as "Tu 24 November 2026".
func (m *Model) longDate(d model.Date) string {
	return m.c.T("cal.day", m.c.T("wd."+strconv.Itoa(isoWeekday(d))), d.Day(), m.c.T("month."+strconv.Itoa(int(d.Month()))), d.Year())
}

// isoWeekday numbers the days of the week from Monday = 1 to Sunday = 7.
func isoWeekday(d model.Date) int {
	return (int(d.Weekday())+6)%7 + 1
}

// gridView draws the month of the cursor: weekday header, six weeks with
// ISO week numbers, and a line about the selected day.
func (m *Model) gridView() string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render(cell(m.c.T("cal.wk"), weekW)))
	for wd := 1; wd <= 7; wd++ {
		b.WriteString(st.Header.Render(" " + cell(m.c.T("wd."+strconv.Itoa(wd)), dayW-1)))
	}
	first := model.MustDate(m.cursor.Year(), m.cursor.Month(), 1)
	monday := first.AddDays(1 - isoWeekday(first))
	for week := range 6 {
		b.WriteByte('\n')
		start := monday.AddDays(7 * week)
		if start.Month() != m.cursor.Month() && start.AddDays(6).Month() != m.cursor.Month() {
			b.WriteString(strings.Repeat(" ", gridInW))
			continue
		}
		b.WriteString(st.Dim.Render(cell(strconv.Itoa(start.ISOWeek()), weekW)))
		for i := range 7 {
			b.WriteString(m.dayCell(start.AddDays(i)))
		}
	}
	b.WriteString("\n" + m.dayLine())
	return b.String()
}

// dayCell draws one day: its number coloured by the urgency of its
// deadlines and a mark (• open, ✓ done, ! missed or overdue); weekends and
// holidays dimmed, today underlined, the cursor highlighted.
func (m *Model) dayCell(d model.Date) string {
	st := m.c.Styles
	if d.Month() != m.cursor.Month() {
		return strings.Repeat(" ", dayW)
	}
	mk, style := markNone, st.Row
	if !d.Before(m.data.first) && !d.After(m.data.to) {
		mk = m.data.marks[m.data.day(d)]
	}
	left := m.data.today.DaysUntil(d)
	switch {
	case mk == markAttention:
		style = st.Danger
	case mk == markDone:
		style = st.OK
	case mk == markOpen && left < 0:
		style = st.Dim
	case mk == markOpen && left <= 7:
		style = st.Danger
	case mk == markOpen && left <= 30:
		style = st.Warn
	case mk == markOpen:
		style = st.Highlight
	case !workdays.IsWorkingDay(d):
		style = st.Dim
	}
	sign := " "
	switch mk {
	case markOpen:
		sign = "•"
	case markDone:
		sign = "✓"
	case markAttention:
		sign = "!"
	}
	text := " " + pad2(d.Day()) + sign
	switch {
	case d == m.cursor: // marked in text too, for a terminal without colour
		return st.Selected.Render(session.Cursor + pad2(d.Day()) + sign)
	case left == 0:
		return style.Bold(true).Underline(true).Render(text)
	}
	return style.Render(text)
}

// dayLine says which day the cursor is on, whether it is today and
// whether it is a holiday.
func (m *Model) dayLine() string {
	text := m.longDate(m.cursor)
	if m.cursor == m.data.today {
		text += " · " + m.c.T("cal.today")
	}
	if name := workdays.HolidayName(m.cursor); name != "" {
		text += " · " + name
	}
	return m.c.Styles.Label.Render(ansi.Truncate(text, gridInW, "…"))
}

// dayBox lists the deadlines acted on the cursor's day, with the grid's
// legend at the foot when there is room.
func (m *Model) dayBox(w, h int) string {
	st := m.c.Styles
	lo, hi := m.data.onDay(m.cursor)
	title := m.c.T("cal.n_on_day.other", hi-lo)
	switch hi - lo {
	case 0:
		title = ""
	case 1:
		title = m.c.T("cal.n_on_day.one")
	}
	room := h
	if h >= 4 {
		room = h - 2 // a blank line and the legend
	}
	var lines []string
	moved := m.data.movedFrom(m.cursor)
	if hi == lo && len(moved) == 0 {
		lines = append(lines, st.Dim.Render(ansi.Truncate(m.c.T("cal.no_day"), w, "…")))
	}
	// Two lines a deadline: its kind, then its agreement.
	for i := lo; i < hi && len(lines)+2 <= room; i++ {
		if len(lines)+4 > room && hi-i > 1 {
			lines = append(lines, st.Dim.Render(ansi.Truncate(m.c.T("cal.more_on_day", hi-i), w, "…")))
			break
		}
		d := m.data.at(i)
		sign, style := "• ", st.Row
		if d.Done {
			sign, style = "✓ ", st.Dim
		}
		lines = append(lines, style.Render(ansi.Truncate(sign+m.c.Lang.DeadlineKind(*d), w, "…")),
			st.Dim.Render(ansi.Truncate("  "+m.data.title(d.AgreementID), w, "…")))
	}
	// A deadline dated today whose act-by day came earlier shows here too,
	// saying where it went: the day you put it on is where you look.
	for _, d := range moved {
		if len(lines)+2 > room {
			break
		}
		lines = append(lines, st.Warn.Render(ansi.Truncate("→ "+m.c.Lang.DeadlineKind(*d), w, "…")),
			st.Dim.Render(ansi.Truncate("  "+m.c.T("cal.moved_to", d.ActBy.String(), m.data.title(d.AgreementID)), w, "…")))
	}
	if room < h {
		lines = append(lines, make([]string, room-len(lines)+1)...)
		lines = append(lines, st.Dim.Render(ansi.Truncate(m.c.T("cal.legend"), w, "…")))
	}
	return st.Box(strings.Join(lines, "\n"), w, h, false, title)
}

func pad2(n int) string {
	if n < 10 {
		return " " + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

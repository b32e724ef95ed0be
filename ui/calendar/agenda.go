package calendar

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/ui/common"
)

// rowKind is what one row of the agenda is.
type rowKind int

const (
	attentionHeader rowKind = iota // "Missed and overdue (3)"
	attentionRow                   // a missed or overdue deadline
	moreRow                        // "… 12 more"
	fromHeader                     // "From 24 November 2026"
	deadlineRow                    // a deadline from the base day on
	endRow                         // "No more deadlines up to …"
	noRow                          // past the end
)

// row is one row of the agenda: its kind and, for deadline rows, the
// position of its deadline in the dataset's act-by order.
type row struct {
	kind rowKind
	pos  int
}

// agenda is the list the agenda shows, never built: the missed and overdue
// deadlines (at most a third of the box unless listed alone), then every
// deadline from the base day on. at computes any row from a few numbers,
// so drawing and moving cost what is on screen.
type agenda struct {
	d          *dataset
	missedOnly bool
	shown      int // attention rows shown
	more       int // attention rows left out, behind a "more" row
	start      int // position of the first deadline from the base day
}

func (m *Model) agenda() agenda {
	ag := agenda{d: m.data, missedOnly: m.missedOnly}
	if m.data == nil {
		return ag
	}
	n := len(m.data.attention)
	ag.shown = n
	if limit := max(1, m.layout.agendaRows/3); !m.missedOnly && n > limit {
		ag.shown, ag.more = limit-1, n-limit+1
	}
	ag.start = m.data.fromDay(m.base)
	return ag
}

// head is the number of rows before the "from" header.
func (ag agenda) head() int {
	if ag.d == nil || len(ag.d.attention) == 0 {
		return 0
	}
	n := 1 + ag.shown
	if ag.more > 0 {
		n++
	}
	return n
}

func (ag agenda) count() int {
	switch {
	case ag.d == nil:
		return 0
	case ag.missedOnly:
		return 1 + len(ag.d.attention)
	}
	return ag.head() + 1 + len(ag.d.order) - ag.start + 1
}

func (ag agenda) at(i int) row {
	if ag.d == nil || i < 0 || i >= ag.count() {
		return row{kind: noRow}
	}
	if ag.missedOnly {
		if i == 0 {
			return row{kind: attentionHeader}
		}
		return row{kind: attentionRow, pos: int(ag.d.attention[i-1])}
	}
	head := ag.head()
	switch {
	case i < head && i == 0:
		return row{kind: attentionHeader}
	case i < head && i-1 < ag.shown:
		return row{kind: attentionRow, pos: int(ag.d.attention[i-1])}
	case i < head:
		return row{kind: moreRow}
	case i == head:
		return row{kind: fromHeader}
	case i == ag.count()-1:
		return row{kind: endRow}
	}
	return row{kind: deadlineRow, pos: ag.start + i - head - 1}
}

// selectable tells the rows the selection stops on.
func (r row) selectable() bool {
	return r.kind == attentionRow || r.kind == moreRow || r.kind == deadlineRow
}

// firstUpcoming is the row of the first deadline from the base day, else
// the first row that can be selected.
func (ag agenda) firstUpcoming() int {
	if !ag.missedOnly && ag.at(ag.head()+1).kind == deadlineRow {
		return ag.head() + 1
	}
	i, _ := ag.nearest(0, 1)
	return i
}

// rowOf finds the row of the deadline with key: among the attention rows
// shown, or among the deadlines from the base day.
func (ag agenda) rowOf(key string) (int, bool) {
	if ag.d == nil {
		return 0, false
	}
	pos, ok := ag.d.find(key)
	if !ok {
		return 0, false
	}
	shown := ag.shown
	if ag.missedOnly {
		shown = len(ag.d.attention)
	}
	for j, p := range ag.d.attention[:shown] {
		if int(p) == pos {
			return j + 1, true
		}
	}
	if ag.missedOnly || pos < ag.start {
		return 0, false
	}
	return ag.head() + 1 + pos - ag.start, true
}

// moveSelection moves the agenda's selection by delta rows, stepping over
// headers, and puts the grid's cursor on the selected deadline's day.
func (m *Model) moveSelection(delta int) {
	ag := m.agenda()
	n := ag.count()
	if n == 0 {
		return
	}
	sel := min(max(m.sel+delta, 0), n-1)
	dir := 1
	if delta < 0 {
		dir = -1
	}
	// The nearest selectable row onwards, else back the other way.
	for _, step := range []int{dir, -dir} {
		if i, ok := ag.nearest(sel, step); ok {
			m.sel = i
			break
		}
	}
	m.clampSelection()
	if d := m.selected(); d != nil {
		m.cursor = d.ActBy
	}
}

// nearest returns the first selectable row from i on in steps of step.
func (ag agenda) nearest(i, step int) (int, bool) {
	for ; i >= 0 && i < ag.count(); i += step {
		if ag.at(i).selectable() {
			return i, true
		}
	}
	return 0, false
}

// clampSelection keeps the selection inside the list and in view.
func (m *Model) clampSelection() {
	n := m.agenda().count()
	m.sel = min(max(m.sel, 0), max(n-1, 0))
	h := max(1, m.layout.agendaRows)
	if m.focus == gridFocus {
		m.offset = 0
		return
	}
	if m.sel < m.offset {
		m.offset = m.sel
		// Keep the header above the first rows in sight.
		if m.offset == 1 {
			m.offset = 0
		}
	}
	if m.sel >= m.offset+h {
		m.offset = m.sel - h + 1
	}
}

// selected returns the deadline selected in the agenda, or nil.
func (m *Model) selected() *model.Deadline {
	if m.data == nil || m.focus == gridFocus {
		return nil
	}
	r := m.agenda().at(m.sel)
	if r.kind != attentionRow && r.kind != deadlineRow {
		return nil
	}
	return m.data.at(r.pos)
}

// columns are the widths of the agenda's columns; zero hides one.
type columns struct{ kind, agreement, clause int }

const (
	markW = 2
	dateW = 10
	daysW = 6 // "+1826d": five years ahead
)

func agendaColumns(width int) columns {
	rest := width - markW - dateW - 1 - daysW - 1
	switch {
	case rest >= 70:
		return columns{kind: 24, clause: 12, agreement: rest - 24 - 12 - 2}
	case rest >= 50:
		return columns{kind: 22, clause: 7, agreement: rest - 22 - 7 - 2}
	case rest >= 36:
		return columns{kind: 18, clause: 6, agreement: rest - 18 - 6 - 2}
	}
	return columns{kind: rest / 2, agreement: rest - rest/2 - 1}
}

func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// daysLeft says how far off a day is: "+36d", "-3d" or "today".
func (m *Model) daysLeft(day model.Date) string {
	n := m.data.today.DaysUntil(day)
	if n == 0 {
		return m.c.T("cal.today")
	}
	return fmt.Sprintf(m.c.T("cal.days_left"), n)
}

// deadlineLine formats one deadline as an agenda row of width cells.
func (m *Model) deadlineLine(d *model.Deadline, attention bool, width int) string {
	st := m.c.Styles
	cols := agendaColumns(width)
	markText, style := "  ", st.Row
	switch {
	case attention && d.Kind == model.DLTermination:
		markText, style = "! ", st.Danger
	case attention:
		markText, style = "! ", st.Warn
	case d.Done:
		markText, style = "✓ ", st.Dim
	case m.data.snoozed(d):
		markText, style = "z ", st.Dim
	}
	line := markText + d.ActBy.String() + " " + fmt.Sprintf("%*s", daysW, m.daysLeft(d.ActBy)) + " " +
		cell(common.Sanitize(m.c.Lang.DeadlineKind(*d)), cols.kind) + " " + cell(m.data.titles[d.AgreementID], cols.agreement)
	if cols.clause > 0 {
		line += " " + cell(common.Sanitize(d.Clause), cols.clause)
	}
	return style.Render(ansi.Truncate(line, width, ""))
}

// maxCached is how many rendered agenda rows are kept; scrolling far
// empties the cache rather than letting it grow with the register.
const maxCached = 4096

// cachedLine renders a deadline row once per computation and width, so a
// key that only moves the selection redraws nothing it drew before.
func (m *Model) cachedLine(r row, width int) string {
	key := r.pos
	if r.kind == attentionRow {
		key = -r.pos - 1
	}
	if m.lines == nil || m.linesFor != m.data || m.linesW != width || len(m.lines) > maxCached {
		m.lines, m.linesFor, m.linesW = map[int]string{}, m.data, width
	}
	line, ok := m.lines[key]
	if !ok {
		line = m.deadlineLine(m.data.at(r.pos), r.kind == attentionRow, width)
		m.lines[key] = line
	}
	return line
}

// agendaView draws the visible rows of the agenda in width×height cells,
// each right of the cursor column.
func (m *Model) agendaView(width, height int) string {
	st := m.c.Styles
	ag := m.agenda()
	lines := make([]string, 0, height)
	rowW := width - common.CursorW
	for i := m.offset; i < min(ag.count(), m.offset+height); i++ {
		r := ag.at(i)
		var line string
		switch r.kind {
		case attentionHeader:
			if m.missedOnly {
				line = st.Danger.Render(ansi.Truncate(m.c.T("cal.attention_all", len(m.data.attention)), rowW, "…"))
			} else {
				line = st.Danger.Render(ansi.Truncate(m.c.T("cal.attention", len(m.data.attention)), rowW, "…"))
			}
		case attentionRow, deadlineRow:
			line = m.cachedLine(r, rowW)
		case moreRow:
			line = st.Warn.Render(ansi.Truncate(m.c.T("cal.more", ag.more), rowW, "…"))
		case fromHeader:
			line = st.Header.Render(ansi.Truncate(m.c.T("cal.from", m.longDate(m.base)), rowW, "…"))
		case endRow:
			line = st.Dim.Render(ansi.Truncate(m.c.T("cal.end", m.data.to), rowW, "…"))
		}
		lines = append(lines, st.ListRow(line, width, i == m.sel && m.focus != gridFocus))
	}
	return strings.Join(lines, "\n")
}

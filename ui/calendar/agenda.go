package calendar

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/store"
	"avtal/ui/session"
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
	attention  []int32 // the attention rows: d.attention, or those the filter keeps
	// upcoming are the positions from the base day the filter keeps; nil
	// without a filter, when every deadline from start on is a row.
	upcoming []int32
	shown    int // attention rows shown
	more     int // attention rows left out, behind a "more" row
	start    int // position of the first deadline from the base day
}

func (m *Model) agenda() agenda {
	ag := agenda{d: m.data, missedOnly: m.missedOnly}
	if m.data == nil {
		return ag
	}
	ag.start = m.data.fromDay(m.base)
	ag.attention = m.data.attention
	if m.agendaList.Filter.Active() {
		ag.attention, ag.upcoming = m.matching(ag.start)
	}
	n := len(ag.attention)
	ag.shown = n
	if limit := max(1, m.rows()/3); !m.missedOnly && n > limit {
		ag.shown, ag.more = limit-1, n-limit+1
	}
	return ag
}

// matches are the deadlines the filter keeps, kept until the filter, the
// computation or the base day changes: a key that moves the selection
// must not search every deadline again.
type matches struct {
	d         *dataset
	query     string
	start     int
	attention []int32
	upcoming  []int32
	// folded holds, by position, the fields of d's deadlines the filter
	// looks in, folded once per computation: folding them at every key
	// would cost a large register a fifth of a second.
	folded []string
}

// matching returns the attention rows and the deadlines from start on that
// the filter keeps; a deadline matches on its date, kind, agreement and clause.
func (m *Model) matching(start int) (attention, upcoming []int32) {
	c := &m.matched
	if c.d == m.data && c.query == m.agendaList.Filter.Query() && c.start == start {
		return c.attention, c.upcoming
	}
	if c.d != m.data {
		c.folded = m.foldDeadlines()
	}
	c.d, c.query, c.start, c.attention, c.upcoming = m.data, m.agendaList.Filter.Query(), start, []int32{}, []int32{}
	keep := func(pos int) bool { return m.agendaList.Filter.MatchesFolded(c.folded[pos]) }
	for _, pos := range m.data.attention {
		if keep(int(pos)) {
			c.attention = append(c.attention, pos)
		}
	}
	for pos := start; pos < len(m.data.order); pos++ {
		if keep(pos) {
			c.upcoming = append(c.upcoming, int32(pos))
		}
	}
	return c.attention, c.upcoming
}

// foldDeadlines folds the fields the filter looks in for every deadline:
// its date, kind, agreement and clause. Kinds, titles and clauses repeat,
// so each distinct text is folded once.
func (m *Model) foldDeadlines() []string {
	seen := map[string]string{}
	fold := func(s string) string {
		f, ok := seen[s]
		if !ok {
			f = store.FoldText(s)
			seen[s] = f
		}
		return f
	}
	out := make([]string, len(m.data.order))
	for pos := range out {
		d := m.data.at(pos)
		out[pos] = d.ActBy.String() + "\x00" + fold(m.c.Lang.DeadlineKind(*d)) + "\x00" + fold(m.data.title(d.AgreementID)) + "\x00" + fold(d.Clause)
	}
	return out
}

// upcomingCount is how many deadline rows follow the "from" header.
func (ag agenda) upcomingCount() int {
	if ag.upcoming != nil {
		return len(ag.upcoming)
	}
	return len(ag.d.order) - ag.start
}

// head is the number of rows before the "from" header.
func (ag agenda) head() int {
	if ag.d == nil || len(ag.attention) == 0 {
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
		return 1 + len(ag.attention)
	}
	return ag.head() + 1 + ag.upcomingCount() + 1
}

func (ag agenda) at(i int) row {
	if ag.d == nil || i < 0 || i >= ag.count() {
		return row{kind: noRow}
	}
	if ag.missedOnly {
		if i == 0 {
			return row{kind: attentionHeader}
		}
		return row{kind: attentionRow, pos: int(ag.attention[i-1])}
	}
	head := ag.head()
	switch {
	case i < head && i == 0:
		return row{kind: attentionHeader}
	case i < head && i-1 < ag.shown:
		return row{kind: attentionRow, pos: int(ag.attention[i-1])}
	case i < head:
		return row{kind: moreRow}
	case i == head:
		return row{kind: fromHeader}
	case i == ag.count()-1:
		return row{kind: endRow}
	}
	if ag.upcoming != nil {
		return row{kind: deadlineRow, pos: int(ag.upcoming[i-head-1])}
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
		shown = len(ag.attention)
	}
	for j, p := range ag.attention[:shown] {
		if int(p) == pos {
			return j + 1, true
		}
	}
	if ag.missedOnly || pos < ag.start {
		return 0, false
	}
	if ag.upcoming != nil {
		j, found := slices.BinarySearch(ag.upcoming, int32(pos))
		return ag.head() + 1 + j, found
	}
	return ag.head() + 1 + pos - ag.start, true
}

// followSelection puts the grid's cursor on the selected deadline's day.
func (m *Model) followSelection() {
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

// rows is how many agenda rows are in sight: one fewer while the filter
// is typed above them.
func (m *Model) rows() int {
	if m.agendaList.Filter.Typing() {
		return m.layout.agendaRows - 1
	}
	return m.layout.agendaRows
}

// clampSelection gives the agenda's list the rows the agenda has now (they
// change with the data, the day, the filter and the height), keeping the
// selection inside it, off the headers, and in view.
func (m *Model) clampSelection() {
	ag := m.agenda()
	m.agendaList.SetHeight(m.rows())
	m.agendaList.Reset(ag.count(), func(i int) bool { return !ag.at(i).selectable() })
}

// selected returns the deadline selected in the agenda, or nil.
func (m *Model) selected() *model.Deadline {
	if m.data == nil || m.focus == gridFocus {
		return nil
	}
	r := m.agenda().at(m.agendaList.Cursor())
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
		cell(session.Sanitize(m.c.Lang.DeadlineKind(*d)), cols.kind) + " " + cell(m.data.title(d.AgreementID), cols.agreement)
	if cols.clause > 0 {
		line += " " + cell(session.Sanitize(d.Clause), cols.clause)
	}
	return m.agendaList.Filter.HighlightIn(ansi.Truncate(line, width, ""), st.Highlight, style)
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
	if m.lines == nil || m.linesFor != m.data || m.linesW != width || m.linesQ != m.agendaList.Filter.Query() || len(m.lines) > maxCached {
		m.lines, m.linesFor, m.linesW, m.linesQ = map[int]string{}, m.data, width, m.agendaList.Filter.Query()
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
	m.clampSelection()
	ag := m.agenda()
	lines := make([]string, 0, height)
	rowW := width - session.CursorW
	if m.agendaList.Filter.Typing() {
		lines = append(lines, st.Unmarked(m.agendaList.Filter.View(rowW)))
	}
	x, y := m.sideAt()
	m.agendaList.PlaceInBox(st, x, y, len(lines), rowW)
	from, to := m.agendaList.Visible()
	if m.focus == gridFocus {
		// The month has the focus: the agenda from its top, nothing selected.
		from, to = 0, min(ag.count(), m.agendaList.Height())
	}
	for i := from; i < to; i++ {
		r := ag.at(i)
		var line string
		switch r.kind {
		case attentionHeader:
			if m.missedOnly {
				line = st.Danger.Render(ansi.Truncate(m.c.T("cal.attention_all", len(ag.attention)), rowW, "…"))
			} else {
				line = st.Danger.Render(ansi.Truncate(m.c.T("cal.attention", len(ag.attention)), rowW, "…"))
			}
		case attentionRow, deadlineRow:
			line = m.cachedLine(r, rowW)
		case moreRow:
			line = st.Warn.Render(ansi.Truncate(m.c.T("cal.more", ag.more), rowW, "…"))
		case fromHeader:
			from := m.c.T("cal.from", m.longDate(m.base))
			if m.agendaList.Filter.Active() {
				from += m.c.T("cal.filtered", ag.upcomingCount(), session.Sanitize(m.agendaList.Filter.Query()))
			}
			line = st.Header.Render(ansi.Truncate(from, rowW, "…"))
		case endRow:
			line = st.Dim.Render(ansi.Truncate(m.c.T("cal.end", m.data.to), rowW, "…"))
		}
		if m.focus == gridFocus {
			lines = append(lines, st.Unmarked(line))
		} else {
			lines = append(lines, m.agendaList.Row(st, i, line, width))
		}
	}
	return strings.Join(lines, "\n")
}

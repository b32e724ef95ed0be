// Package calendar is the deadline calendar pane: a month grid with the
// days that have deadlines marked by urgency, the agenda of deadlines by
// act-by day with missed and overdue ones on top, the arithmetic behind
// each, and forms to mark one done, snooze it or add one's own.
package calendar

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/form"
	"avtal/ui/list"
	"avtal/ui/session"
)

// focus is the part of the pane that takes the keys.
type focus int

const (
	gridFocus   focus = iota // the month grid
	agendaFocus              // the agenda list
	detailFocus              // one deadline's explanation
)

// Model is the Calendar pane.
type Model struct {
	c    *session.State
	keys keyMap

	data *dataset // nil until the first computation arrives
	// all is the last computation over every agreement, kept so widening
	// the scope again costs nothing until the register changes.
	all       *dataset
	seq       int
	loading   bool
	announced bool
	err       error

	scope, scopeTitle string
	focus             focus
	// cursor is the day selected in the grid; base the day the agenda
	// starts from. Moving in the grid moves both; moving in the agenda
	// moves the cursor to the selected deadline's day only.
	cursor, base model.Date
	missedOnly   bool
	agendaList   list.List // the agenda's rows (see syncAgenda), with its "/" filter
	keep         string    // the key to select again after a recomputation

	form       *form.Form
	submit     func(values map[string]string) tea.Cmd
	saving     bool // a form's write is on its way
	detailText []string
	events     *eventList // the recorded events, while listed

	width, height int
	layout        layout
	// lines caches rendered agenda rows of linesFor at width linesW.
	lines    map[int]string
	linesFor *dataset
	linesW   int
	linesQ   string // the filter the rows are highlighted for

	matched matches
}

// New returns the Calendar pane for one session.
func New(c *session.State) *Model {
	today := model.DateOf(c.Now())
	return &Model{c: c, keys: newKeyMap(c), cursor: today, base: today}
}

func (m *Model) today() model.Date { return model.DateOf(m.c.Now()) }

// Init computes the deadlines of the register: the near months first, so
// the pane can be shown right after start-up, then the whole horizon.
func (m *Model) Init() tea.Cmd {
	from, to := nearHorizon(m.today())
	return m.load(from, to, true)
}

// Capturing is true while a form or the list of recorded events is open.
func (m *Model) Capturing() bool {
	return m.form != nil || m.events != nil || m.agendaList.Filter.Typing()
}

// BelowTop is true in the agenda and the detail, where esc goes back to
// the month, and while a filter is set, which esc drops first (see
// session.Leveled).
func (m *Model) BelowTop() bool { return m.focus != gridFocus || m.agendaList.Filter.Active() }

// reload recomputes the current scope over a horizon around the cursor.
func (m *Model) reload() tea.Cmd {
	from, to := horizon(m.today(), m.cursor)
	return m.load(from, to, false)
}

// load computes the current scope over [from, to].
func (m *Model) load(from, to model.Date, near bool) tea.Cmd {
	m.seq++
	m.loading = true
	return load(m.c.Ctx, m.c.Store, m.c.Shared, m.seq, loadKey{m.scope, m.today(), from, to, m.c.Lang.Model(), near})
}

// Update handles keys, the pane's own replies, scope and changes.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		return m.loaded(msg)
	case writtenMsg:
		return m.written(msg)
	case eventsMsg:
		return m.eventsLoaded(msg)
	case session.ScopeMsg:
		return m.setScope(msg)
	case session.ChangedMsg:
		return m.changed(msg)
	case tea.KeyMsg:
		switch {
		case m.form != nil:
			return m.formKey(msg)
		case m.events != nil:
			return m.eventsKey(msg)
		case m.agendaList.Filter.Typing():
			return m.filterKey(msg)
		}
		return m.handleKey(msg)
	}
	return nil
}

// changed recomputes after a write: only the agreement written when the
// whole register is on screen, wholly computed, and nothing else is being
// computed, else everything in scope.
func (m *Model) changed(msg session.ChangedMsg) tea.Cmd {
	m.all = nil
	m.remember()
	var events tea.Cmd
	if m.events != nil {
		events = m.loadEvents()
	}
	if msg.AgreementID == "" || m.scope != "" || m.data == nil || m.data.near || m.loading {
		return tea.Batch(events, m.reload())
	}
	m.seq++
	m.loading = true
	return tea.Batch(events, patch(m.c.Ctx, m.c.Store, m.c.Shared, m.seq, m.data, msg.AgreementID))
}

// loaded takes a computation in, unless a newer one was asked for.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil
	}
	m.loading = false
	if msg.err != nil {
		m.err = msg.err
		return session.Fail(msg.err)
	}
	m.err = nil
	m.data = msg.data
	m.reselect()
	if msg.near {
		// Shown already; the whole horizon follows, and the summary
		// waits for it (reminder times reach beyond the near months).
		return m.reload()
	}
	if m.scope == "" {
		m.all = msg.data
	}
	if m.announced {
		return nil
	}
	m.announced = true
	return session.Announce(m.summaryText())
}

// remember notes the selected deadline so it is selected again after the
// next computation, wherever it moved.
func (m *Model) remember() {
	m.keep = ""
	if d := m.selected(); d != nil {
		m.keep = d.Key()
	}
}

// reselect selects the remembered deadline again. When it is no longer
// among the rows shown (marked done, it left the missed ones), the agenda
// moves to its day so it stays in sight.
func (m *Model) reselect() {
	key := m.keep
	m.keep = ""
	if key == "" || m.focus == gridFocus {
		m.clampSelection()
		return
	}
	row, ok := m.agenda().rowOf(key)
	if pos, found := m.data.find(key); !ok && found {
		m.missedOnly = false
		m.cursor = m.data.at(pos).ActBy
		m.base = m.cursor
		row, ok = m.agenda().rowOf(key)
	}
	m.clampSelection()
	if ok {
		m.agendaList.Select(row)
	}
	if m.focus == detailFocus {
		m.openDetail()
	}
}

// setScope shows one agreement's deadlines, or every agreement's again,
// keeping the selected deadline selected when it is in the new scope.
func (m *Model) setScope(msg session.ScopeMsg) tea.Cmd {
	if msg.ID == m.scope {
		return nil
	}
	m.remember()
	m.scope, m.scopeTitle = msg.ID, msg.Title
	m.missedOnly = false
	m.agendaList.Top()
	if msg.ID == "" && m.all != nil && m.all.covers(m.cursor) {
		m.seq++ // a computation still running for the old scope is stale
		m.data, m.loading = m.all, false
		m.reselect()
		return nil
	}
	m.data = nil
	return m.reload()
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Today):
		m.focus = gridFocus
		return m.moveTo(m.today())
	case key.Matches(msg, k.Missed):
		return m.toggleMissed()
	case key.Matches(msg, k.Done):
		return m.openDone()
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Snooze):
		return m.openSnooze()
	case key.Matches(msg, k.Add):
		return m.openAdd()
	case key.Matches(msg, k.Event):
		return m.openEvent()
	case key.Matches(msg, k.Events):
		return m.openEvents()
	case key.Matches(msg, k.nav.Filter) && m.data != nil:
		if m.focus != agendaFocus {
			m.enterAgenda()
		}
		return m.agendaList.Filter.Open(m.c.T("cal.filter_hint"), m.c.Styles)
	case key.Matches(msg, k.nav.ClearFilter) && m.focus != detailFocus && m.agendaList.Filter.Active():
		m.remember()
		m.agendaList.Filter.Clear()
		m.reselect()
		return nil
	}
	switch m.focus {
	case gridFocus:
		return m.gridKey(msg)
	case agendaFocus:
		return m.agendaKey(msg)
	}
	return m.detailKeyPress(msg)
}

func (m *Model) gridKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.PrevDay):
		return m.moveTo(m.cursor.AddDays(-1))
	case key.Matches(msg, k.NextDay):
		return m.moveTo(m.cursor.AddDays(1))
	case key.Matches(msg, k.PrevWeek):
		return m.moveTo(m.cursor.AddDays(-7))
	case key.Matches(msg, k.NextWeek):
		return m.moveTo(m.cursor.AddDays(7))
	case key.Matches(msg, k.PrevMonth):
		return m.moveTo(m.cursor.AddMonths(-1))
	case key.Matches(msg, k.NextMonth):
		return m.moveTo(m.cursor.AddMonths(1))
	case key.Matches(msg, k.Agenda):
		m.enterAgenda()
	}
	return nil
}

// moveTo selects a day in the grid and starts the agenda there. A day
// outside the computed horizon asks for a new computation around it.
func (m *Model) moveTo(day model.Date) tea.Cmd {
	m.cursor, m.base = day, day
	m.missedOnly = false
	m.agendaList.Top()
	if m.data != nil && !m.data.covers(day) && !m.loading {
		return m.reload()
	}
	return nil
}

func (m *Model) agendaKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	m.clampSelection()
	switch {
	case m.agendaList.Nav(msg, k.nav):
		m.followSelection()
	case key.Matches(msg, k.Open):
		return m.open()
	case key.Matches(msg, k.Back):
		m.focus = gridFocus
		m.cursor = m.base
		m.agendaList.Top()
	}
	return nil
}

// filterKey takes a key while the filter is typed: the agenda keeps the
// deadlines that match and the selection moves to the first of them.
func (m *Model) filterKey(msg tea.KeyMsg) tea.Cmd {
	changed, cmd := m.agendaList.Filter.Update(msg)
	if changed {
		m.agendaList.Top()
		m.clampSelection()
		m.agendaList.Select(m.agenda().firstUpcoming())
		m.followSelection()
	}
	return cmd
}

// open explains the selected deadline, or on the "more" row lists every
// missed and overdue one.
func (m *Model) open() tea.Cmd {
	if m.agenda().at(m.agendaList.Cursor()).kind == moreRow {
		return m.toggleMissed()
	}
	if m.selected() != nil {
		m.focus = detailFocus
		m.openDetail()
	}
	return nil
}

func (m *Model) detailKeyPress(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Goto):
		if d := m.selected(); d != nil {
			id, title := d.AgreementID, m.data.title(d.AgreementID)
			return func() tea.Msg { return session.ScopeMsg{ID: id, Title: title} }
		}
	case key.Matches(msg, k.Back):
		m.focus = agendaFocus
	}
	return nil
}

// enterAgenda moves the focus into the agenda, on the first deadline from
// the selected day on.
func (m *Model) enterAgenda() {
	if m.data == nil {
		return
	}
	m.focus = agendaFocus
	m.clampSelection()
	m.agendaList.Select(m.agenda().firstUpcoming())
}

// toggleMissed switches the agenda between every deadline and the missed
// and overdue ones alone.
func (m *Model) toggleMissed() tea.Cmd {
	if m.data == nil || len(m.data.attention) == 0 && !m.missedOnly {
		return nil
	}
	m.missedOnly = !m.missedOnly
	m.focus = agendaFocus
	m.agendaList.Top()
	m.clampSelection()
	if !m.missedOnly {
		m.agendaList.Select(m.agenda().firstUpcoming())
	}
	return nil
}

// SetSize lays the pane out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout = newLayout(m.c.Styles, w, h)
	m.clampSelection()
	if m.focus == detailFocus {
		m.openDetail()
	}
}

// summaryText is the start-up message: what needs action this week, what
// else is inside its reminder time, and what was missed or is overdue.
func (m *Model) summaryText() string {
	d := m.data
	summary := d.summarize(m.c.Leads)
	var parts []string
	add := func(n int, key string) {
		switch {
		case n == 1:
			parts = append(parts, m.c.T(key+".one"))
		case n > 1:
			parts = append(parts, m.c.T(key+".other", n))
		}
	}
	add(summary.ThisWeek, "cal.summary.week")
	add(summary.InBand-summary.ThisWeek, "cal.summary.band")
	add(len(d.attention)-d.overdue, "cal.summary.missed")
	add(d.overdue, "cal.summary.overdue")
	if len(parts) == 0 {
		return m.c.T("cal.summary.none")
	}
	// Say where to look: the missed and overdue ones are behind m.
	where := "cal.summary.see"
	if len(d.attention) > 0 {
		where = "cal.summary.see_missed"
	}
	return strings.Join(parts, " · ") + m.c.T(where)
}

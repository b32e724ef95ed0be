package calendar

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/store"
	"avtal/ui/list"
	"avtal/ui/session"
)

// eventList shows the events recorded for one agreement in the agenda's
// place, so one recorded by mistake can be deleted; the deadlines counting
// from it go with it.
type eventList struct {
	agreementID, title string
	rows               []store.RecordedEvent
	list               list.List // the events on screen, same index as rows
	loaded             bool
	question           *session.Question // the delete question, while asked
}

// eventsMsg is the store's answer to the list of an agreement's events.
type eventsMsg struct {
	agreementID string
	rows        []store.RecordedEvent
	err         error
}

// openEvents lists the events of the agreement in scope, else of the
// selected deadline's.
func (m *Model) openEvents() tea.Cmd {
	id := m.defaultAgreement()
	if id == "" || m.data == nil {
		return session.Status(m.c.T("cal.events.pick"))
	}
	m.events = &eventList{agreementID: id, title: m.data.title(id)}
	m.events.list.SetSorts(m.c.T("list.own_order"), m.c.T("cal.events.col.name"))
	return m.loadEvents()
}

func (m *Model) loadEvents() tea.Cmd {
	ctx, st, id := m.c.Ctx, m.c.Store, m.events.agreementID
	return func() tea.Msg {
		rows, err := st.Events(ctx, id)
		return eventsMsg{agreementID: id, rows: rows, err: err}
	}
}

// eventsLoaded shows the list, if it is still open on that agreement.
func (m *Model) eventsLoaded(msg eventsMsg) tea.Cmd {
	l := m.events
	if l == nil || l.agreementID != msg.agreementID {
		return nil
	}
	if msg.err != nil {
		m.events = nil
		return session.Fail(msg.err)
	}
	l.rows, l.loaded = msg.rows, true
	l.sortRows()
	l.list.Reset(len(l.rows), nil)
	return nil
}

// sortRows orders the events by the sort column: as the store lists them
// (by date), or by name.
func (l *eventList) sortRows() {
	byDate := func(a, b store.RecordedEvent) int {
		return cmp.Or(a.Date.DaysUntil(b.Date)*-1, cmp.Compare(a.ID, b.ID))
	}
	by := byDate
	if l.list.Sort() == 1 {
		by = func(a, b store.RecordedEvent) int {
			return cmp.Or(strings.Compare(store.FoldText(a.Name), store.FoldText(b.Name)), byDate(a, b))
		}
	}
	slices.SortStableFunc(l.rows, by)
}

// eventsKey moves in the list, asks before a delete and takes the answer,
// or closes the list.
func (m *Model) eventsKey(msg tea.KeyMsg) tea.Cmd {
	l, k := m.events, m.keys
	if q := l.question; q != nil {
		l.question = nil
		return q.Answer(msg)
	}
	switch {
	case l.list.Nav(msg, k.nav):
	case key.Matches(msg, k.nav.Sort):
		cmd := l.list.NextSort(m.c)
		l.sortRows()
		l.list.Invalidate()
		return cmd
	case key.Matches(msg, k.DeleteEvent):
		return m.askDeleteEvent()
	case key.Matches(msg, k.CloseEvents, k.nav.Quit):
		// q closes the list as it closes the other overlays without text.
		m.events = nil
	}
	return nil
}

// askDeleteEvent asks before the selected event is deleted.
func (m *Model) askDeleteEvent() tea.Cmd {
	l := m.events
	i := l.list.Selected()
	if i < 0 || i >= len(l.rows) {
		return nil
	}
	e := l.rows[i]
	st := m.c.Store
	yes := m.write(e.AgreementID, m.c.T("cal.status.event_deleted", e.Name, e.Date, e.AgreementID), func(ctx context.Context) error {
		_, err := st.DeleteEvent(ctx, e.ID)
		return err
	})
	var cmd tea.Cmd
	l.question, cmd = m.c.Ask(m.c.T("cal.events.confirm", e.Name, e.Date), yes)
	return cmd
}

// eventsView draws the list in w×h cells, in a box at x, y of the pane:
// what to do when there are no events, the open question, and as many
// events as fit around the selected one.
func (m *Model) eventsView(w, h, x, y int) string {
	l, st := m.events, m.c.Styles
	var lines []string
	say := func(style lipgloss.Style, text string) {
		for _, line := range strings.Split(ansi.Wrap(text, w, " "), "\n") {
			lines = append(lines, style.Render(line))
		}
	}
	switch {
	case !l.loaded:
		say(st.Dim, m.c.T("loading"))
	case len(l.rows) == 0:
		say(st.Dim, m.c.T("cal.events.none"))
	}
	if l.question != nil {
		say(st.Warn, l.question.Text)
	}
	l.list.SetHeight(h - len(lines))
	l.list.PlaceInBox(st, x, y, len(lines), w-session.CursorW)
	render := func(i int) string {
		e := l.rows[i]
		about := e.Ref
		if e.Note != "" && about != "" {
			about += " · "
		}
		line := fmt.Sprintf("%s  %-16s %s", e.Date, session.Sanitize(e.Name), session.Sanitize(about+e.Note))
		return ansi.Truncate(line, w-session.CursorW, "…")
	}
	return session.Clip(strings.Join(append(lines, l.list.Rows(st, w, render, nil)...), "\n"), w, h)
}

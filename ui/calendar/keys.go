package calendar

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/session"
)

// keyMap is the Calendar pane's own bindings plus the shared navigation.
type keyMap struct {
	nav *session.KeyMap
	// In the month grid.
	PrevDay, NextDay   key.Binding
	PrevWeek, NextWeek key.Binding
	PrevMonth          key.Binding
	NextMonth          key.Binding
	Agenda             key.Binding
	// In the agenda and the explanation.
	Open key.Binding
	Goto key.Binding
	Back key.Binding
	// Everywhere.
	Today  key.Binding
	Missed key.Binding
	Done   key.Binding
	Undo   key.Binding
	Snooze key.Binding
	Add    key.Binding
	Event  key.Binding
	Events key.Binding
	// In the list of recorded events.
	DeleteEvent key.Binding
	CloseEvents key.Binding
}

func newKeyMap(c *session.State) keyMap {
	return keyMap{
		nav:       c.Keys,
		PrevDay:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←→/hl", c.T("key.cal.day"))),
		NextDay:   key.NewBinding(key.WithKeys("right", "l")),
		PrevWeek:  key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓/kj", c.T("key.cal.week"))),
		NextWeek:  key.NewBinding(key.WithKeys("down", "j")),
		PrevMonth: key.NewBinding(key.WithKeys("[", "pgup"), key.WithHelp("[ ]", c.T("key.cal.month"))),
		NextMonth: key.NewBinding(key.WithKeys("]", "pgdown")),
		Agenda:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.cal.agenda"))),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.cal.open"))),
		Goto:      key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", c.T("key.cal.goto"))),
		Back:      key.NewBinding(key.WithKeys("esc", "backspace", "left", "h"), key.WithHelp("h/esc", c.T("key.cal.back"))),
		Today:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("key.cal.today"))),
		Missed:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", c.T("key.cal.missed"))),
		Done:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("key.cal.done"))),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("key.cal.undo"))),
		Snooze:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("key.cal.snooze"))),
		Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.cal.add"))),
		Event:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("key.cal.event"))),
		Events:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("key.cal.events"))),

		DeleteEvent: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", c.T("key.cal.delete_event"))),
		CloseEvents: key.NewBinding(key.WithKeys("esc", "r"), key.WithHelp("esc", c.T("key.cal.close_events"))),
	}
}

// ShortHelp is the one-line help for where the focus is.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return m.form.ShortHelp()
	case m.events != nil:
		return []key.Binding{k.nav.Up, k.nav.Down, k.DeleteEvent, k.nav.Sort, k.CloseEvents}
	case m.agendaList.Filter.Typing():
		return []key.Binding{k.nav.KeepFilter, k.nav.ClearFilter}
	case m.focus == agendaFocus && m.agendaList.Filter.Active():
		return []key.Binding{k.nav.Up, k.Open, k.nav.ClearFilter, k.Done, k.Snooze, k.nav.Filter}
	case m.focus == gridFocus:
		return []key.Binding{k.PrevDay, k.PrevWeek, k.PrevMonth, k.Agenda, k.nav.Filter, k.Today, k.Add, k.Event, k.Events}
	case m.focus == agendaFocus:
		return []key.Binding{k.nav.Up, k.Open, k.Back, k.Done, k.Snooze, k.Missed, k.nav.Filter}
	}
	return []key.Binding{k.Goto, k.Back, k.Done, k.Undo, k.Snooze}
}

// FullHelp is the pane's part of the ? help.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return m.form.FullHelp()
	case m.events != nil:
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{k.PrevDay, k.PrevWeek, k.PrevMonth, k.Today, k.Agenda},
		{k.nav.Up, k.nav.Down, k.nav.PageUp, k.nav.PageDown, k.Open, k.Back, k.Missed, k.nav.Filter, k.nav.ClearFilter},
		{k.Goto, k.Done, k.Undo, k.Snooze, k.Add, k.Event, k.Events},
	}
}

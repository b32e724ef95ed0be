package app

import (
	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/session"
)

// A change to the register reloads only the pane in view; every other pane
// keeps what it would have been told and hears it when it comes into view.
// With fifty sessions on one register this is the difference between one
// reload per screen and five.

// changed tells the focused pane of msg at once and keeps it for the others.
func (m *Model) changed(msg session.ChangedMsg) tea.Cmd {
	m.dirty = true
	for i := range m.panes {
		if paneID(i) == m.focus {
			continue
		}
		switch prev := m.pending[i]; {
		case prev == nil:
			m.pending[i] = &msg
		case *prev != msg:
			// Two different changes: reload everything.
			m.pending[i] = &session.ChangedMsg{}
		}
	}
	return m.tell(m.focus).Update(msg)
}

// focusOn brings pane id into view, telling it of the changes it missed.
// A pane whose first load is still waiting starts it now (startup.go),
// which reads the register as it is: the changes it missed are in it.
func (m *Model) focusOn(id paneID) tea.Cmd {
	m.focus = id
	msg := m.pending[id]
	m.pending[id] = nil
	if load := m.loadNow(id); load != nil || msg == nil {
		return load
	}
	return m.tell(id).Update(*msg)
}

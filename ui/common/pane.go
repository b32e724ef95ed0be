package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Pane is one tab of the workbench. Update takes a pointer receiver and
// returns only a command; the root owns the program loop.
type Pane interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	help.KeyMap
	// Capturing reports that the pane is taking every key (a form or a
	// search field is open), so the root must not treat q or 1–5 as its own.
	Capturing() bool
}

// ScopeMsg narrows every pane to one agreement (ID), or widens to all ("").
type ScopeMsg struct {
	ID    string
	Title string
}

// StatusMsg puts a message in the status bar.
type StatusMsg struct{ Text string }

// ErrMsg puts an error in the status bar, in words for a contract manager.
type ErrMsg struct{ Err error }

// ChangedMsg tells every pane that the register changed (a write in this
// session, or another session's write relayed by the server), so panes
// reload what they show.
type ChangedMsg struct {
	AgreementID string
	Entity      string
}

// Status returns a command that shows text in the status bar.
func Status(text string) tea.Cmd { return func() tea.Msg { return StatusMsg{text} } }

// Fail returns a command that shows err in the status bar.
func Fail(err error) tea.Cmd { return func() tea.Msg { return ErrMsg{err} } }

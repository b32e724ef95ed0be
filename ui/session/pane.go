package session

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/viewport"
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

// Textless is a capturing pane that can say it takes no text just now
// (a list of proposals to decide, not a form): ? then opens the help over
// it, as on any pane, instead of going to the pane as a typed character.
type Textless interface {
	TakesNoText() bool
}

// Leveled is a pane with levels of its own (the calendar's month, agenda
// and detail). While it is below its top level, esc goes back one level
// inside it and the scope stays; only at the top does esc drop the scope.
type Leveled interface {
	BelowTop() bool
}

// Clickable is a pane that answers a click at x, y of its own area (the
// Agreements list selects the row clicked).
type Clickable interface {
	Click(x, y int) tea.Cmd
}

// Wheeled is a pane with a viewer beside its list (a detail, a clause's
// text): the wheel over the viewer scrolls it by lines (down when
// positive) and Wheel reports true; elsewhere it reports false and the
// wheel moves the list.
type Wheeled interface {
	Wheel(x, y, lines int) bool
}

// Scroll moves a viewer by lines, down when positive (a Wheeled pane's
// wheel).
func Scroll(v *viewport.Model, lines int) {
	if lines > 0 {
		v.ScrollDown(lines)
	} else {
		v.ScrollUp(-lines)
	}
}

// ScopeMsg narrows every pane to one agreement (ID), or widens to all ("").
type ScopeMsg struct {
	ID    string
	Title string
}

// ShowClauseMsg brings the Clauses pane into view on one clause of an
// agreement (the clause a proposal under review cites), scoping every pane
// to the agreement when it is another one.
type ShowClauseMsg struct {
	AgreementID string
	Title       string
	ClauseID    int64
}

// StatusMsg puts a message in the status bar.
type StatusMsg struct{ Text string }

// AnnounceMsg puts news nobody asked for (the calendar's start-up summary)
// in the status bar, unless something else has been said there since the
// start: a late background answer must not hide what an action reported.
type AnnounceMsg struct{ Text string }

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

// Announce returns a command that announces text in the status bar.
func Announce(text string) tea.Cmd { return func() tea.Msg { return AnnounceMsg{text} } }

// Fail returns a command that shows err in the status bar.
func Fail(err error) tea.Cmd { return func() tea.Msg { return ErrMsg{err} } }

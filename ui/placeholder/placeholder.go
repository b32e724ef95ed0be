// Package placeholder is the stand-in for a pane whose issue has not landed:
// it says what will be there and what to use meanwhile.
package placeholder

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/common"
)

// Model is a pane that only explains itself.
type Model struct {
	c             *common.Common
	textKey       string
	width, height int
}

// New returns a placeholder showing the catalogue text textKey.
func New(c *common.Common, textKey string) *Model { return &Model{c: c, textKey: textKey} }

// Init does nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Update ignores every message.
func (m *Model) Update(tea.Msg) tea.Cmd { return nil }

// SetSize records the size.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Capturing is false.
func (m *Model) Capturing() bool { return false }

// ShortHelp has no pane keys.
func (m *Model) ShortHelp() []key.Binding { return nil }

// FullHelp has no pane keys.
func (m *Model) FullHelp() [][]key.Binding { return nil }

// View shows the explanation.
func (m *Model) View() string {
	st := m.c.Styles
	text := m.c.T(m.textKey) + "\n\n" + m.c.T("placeholder.hint")
	return st.Empty.Width(m.width).Render(text)
}

package agreements

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/common"
)

// keyMap is the Agreements pane's own bindings plus the shared navigation.
type keyMap struct {
	nav        *common.KeyMap
	Scope      key.Binding
	DetailUp   key.Binding
	DetailDown key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	return keyMap{
		nav:        c.Keys,
		Scope:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.scope"))),
		DetailUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/J", c.T("key.detail_scroll"))),
		DetailDown: key.NewBinding(key.WithKeys("J", "shift+down")),
	}
}

// ShortHelp is the one-line help of the pane.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.nav.Up, m.keys.nav.Down, m.keys.Scope, m.keys.DetailUp}
}

// FullHelp is the pane's part of the ? help.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.keys.nav.Navigation(), {m.keys.Scope, m.keys.DetailUp}}
}

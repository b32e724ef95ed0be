package clauses

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/session"
)

// keyMap is the Clauses pane's own bindings plus the shared navigation.
type keyMap struct {
	nav        *session.KeyMap
	Toggle     key.Binding
	Expand     key.Binding
	Collapse   key.Binding
	Search     key.Binding
	Tag        key.Binding
	Untag      key.Binding
	Note       key.Binding
	EditNote   key.Binding
	DeleteNote key.Binding
	Compare    key.Binding
	Versions   key.Binding
	ViewerUp   key.Binding
	ViewerDown key.Binding

	// In the search field and the compare view.
	ResultUp   key.Binding
	ResultDown key.Binding
	Jump       key.Binding
	Close      key.Binding
	Left       key.Binding
	Right      key.Binding
}

func newKeyMap(c *session.State) keyMap {
	return keyMap{
		nav:        c.Keys,
		Toggle:     key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter/space", c.T("clauses.key.toggle"))),
		Expand:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/←", c.T("clauses.key.expand"))),
		Collapse:   key.NewBinding(key.WithKeys("left", "h")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", c.T("clauses.key.search"))),
		Tag:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("clauses.key.tag"))),
		Untag:      key.NewBinding(key.WithKeys("T"), key.WithHelp("T", c.T("clauses.key.untag"))),
		Note:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("clauses.key.note"))),
		EditNote:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("clauses.key.edit_note"))),
		DeleteNote: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", c.T("clauses.key.delete_note"))),
		Compare:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("clauses.key.compare"))),
		Versions:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", c.T("clauses.key.versions"))),
		ViewerUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/J", c.T("clauses.key.scroll"))),
		ViewerDown: key.NewBinding(key.WithKeys("J", "shift+down")),
		ResultUp:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/↓", c.T("clauses.key.results"))),
		ResultDown: key.NewBinding(key.WithKeys("down", "ctrl+n")),
		Jump:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("clauses.key.jump"))),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("clauses.key.close"))),
		Left:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", c.T("clauses.key.columns"))),
		Right:      key.NewBinding(key.WithKeys("right", "l")),
	}
}

// ShortHelp is the one-line help of the pane, or of its open search,
// form or comparison.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return m.form.ShortHelp()
	case m.search != nil:
		return []key.Binding{k.ResultUp, k.Jump, k.Close}
	case m.compare != nil:
		return []key.Binding{k.Left, k.nav.Down, k.Close}
	}
	return []key.Binding{k.Search, k.Toggle, k.Tag, k.Note, k.EditNote, k.DeleteNote, k.Compare, k.nav.Up}
}

// FullHelp is the pane's part of the ? help: its own keys before the
// shared navigation, so a narrow terminal keeps them in sight.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Search, k.Tag, k.Untag, k.Note, k.EditNote, k.DeleteNote, k.Compare},
		{k.Toggle, k.Expand, k.ViewerUp, k.Versions},
		m.keys.nav.Navigation(),
	}
}

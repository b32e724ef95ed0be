package agreements

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/session"
)

// keyMap is the Agreements pane's own bindings plus the shared navigation.
type keyMap struct {
	nav        *session.KeyMap
	Scope      key.Binding
	DetailUp   key.Binding
	DetailDown key.Binding
	Import     key.Binding
	Review     key.Binding
	Edit       key.Binding
	// Keys of the proposal review.
	Accept  key.Binding
	Reject  key.Binding
	Undo    key.Binding
	Correct key.Binding
	Cited   key.Binding
	Close   key.Binding
}

func newKeyMap(c *session.State) keyMap {
	return keyMap{
		nav:        c.Keys,
		Scope:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.scope"))),
		DetailUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/J", c.T("key.detail_scroll"))),
		DetailDown: key.NewBinding(key.WithKeys("J", "shift+down")),
		Import:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", c.T("key.import_document"))),
		Review:     key.NewBinding(key.WithKeys("P"), key.WithHelp("P", c.T("key.review_proposals"))),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("key.edit_agreement"))),
		Accept:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.accept_proposal"))),
		Reject:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("key.reject_proposal"))),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("key.undo_proposal"))),
		Correct:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("key.correct_proposal"))),
		Cited:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.cited_clause"))),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("key.close_review"))),
	}
}

// ShortHelp is the one-line help of the pane, or of its open form or review.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.importForm != nil:
		return m.importForm.ShortHelp()
	case m.editing != nil:
		return m.editing.form.ShortHelp()
	case m.review != nil:
		return []key.Binding{k.nav.Up, k.nav.Down, k.Accept, k.Correct, k.Reject, k.Undo, k.Edit, k.Close}
	case m.list.Filter.Typing():
		return []key.Binding{k.nav.KeepFilter, k.nav.ClearFilter}
	case m.list.Filter.Active():
		return []key.Binding{k.nav.Up, k.nav.Down, k.Scope, k.nav.Filter, k.nav.ClearFilter, k.Edit}
	}
	return []key.Binding{k.nav.Up, k.nav.Down, k.Scope, k.nav.Filter, k.Import, k.Review, k.Edit, k.DetailUp}
}

// FullHelp is the pane's part of the ? help.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch {
	case m.importForm != nil:
		return m.importForm.FullHelp()
	case m.editing != nil:
		return m.editing.form.FullHelp()
	case m.review != nil:
		return [][]key.Binding{k.nav.Navigation(), {k.Accept, k.Correct, k.Reject, k.Undo, k.Cited, k.Edit, k.nav.Sort, k.Close}}
	}
	return [][]key.Binding{k.nav.Navigation(), {k.Scope, k.nav.Filter, k.nav.ClearFilter, k.nav.Sort, k.DetailUp}, {k.Import, k.Review, k.Edit}}
}

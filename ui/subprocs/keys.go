package subprocs

import (
	"github.com/charmbracelet/bubbles/key"

	"avtal/ui/session"
)

// keyMap is the pane's own bindings plus the shared navigation.
type keyMap struct {
	nav        *session.KeyMap
	Portfolio  key.Binding
	Add        key.Binding
	Edit       key.Binding
	Remove     key.Binding
	Notice     key.Binding
	Decide     key.Binding
	Undo       key.Binding
	Compare    key.Binding
	Checked    key.Binding
	Region     key.Binding
	Status     key.Binding
	Open       key.Binding
	DetailUp   key.Binding
	DetailDown key.Binding
}

func newKeyMap(c *session.State) keyMap {
	return keyMap{
		nav:        c.Keys,
		Portfolio:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("subprocs.key.portfolio"))),
		Add:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("subprocs.key.add"))),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("subprocs.key.edit"))),
		Remove:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("subprocs.key.remove"))),
		Notice:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("subprocs.key.notice"))),
		Decide:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", c.T("subprocs.key.decide"))),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("subprocs.key.undo"))),
		Compare:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", c.T("subprocs.key.compare"))),
		Checked:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", c.T("subprocs.key.checked"))),
		Region:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("subprocs.key.region"))),
		Status:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("subprocs.key.status"))),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("subprocs.key.open"))),
		DetailUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/J", c.T("key.detail_scroll"))),
		DetailDown: key.NewBinding(key.WithKeys("J", "shift+down")),
	}
}

// ShortHelp is the one-line help for what the pane shows now.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.modal != nil:
		return m.modal.ShortHelp()
	case m.list.Filter.Typing():
		return []key.Binding{k.nav.KeepFilter, k.nav.ClearFilter}
	}
	var short []key.Binding
	switch m.mode {
	case modePortfolio:
		short = []key.Binding{k.Portfolio, k.Region, k.Status, k.DetailUp, k.nav.Filter}
	case modeOverview:
		short = []key.Binding{k.Portfolio, k.Open, k.nav.Filter}
	default:
		short = []key.Binding{k.Notice, k.Decide, k.Undo, k.Add, k.Compare, k.Portfolio, k.nav.Filter}
	}
	if m.list.Filter.Active() {
		short = append(short, k.nav.ClearFilter)
	}
	return short
}

// FullHelp is the pane's part of the ? help: every key, by what it works on.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	// One column for the pane's own keys, so the help fits 80 columns.
	return [][]key.Binding{
		m.keys.nav.Navigation(),
		{k.Add, k.Edit, k.Remove, k.Notice, k.Decide, k.Undo, k.Compare, k.Checked, k.Portfolio, k.Region, k.Status, k.Open, k.DetailUp, k.nav.Filter, k.nav.ClearFilter, k.nav.Sort},
	}
}

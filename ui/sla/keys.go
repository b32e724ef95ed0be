package sla

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/slacredit"
	"avtal/ui/list"
	"avtal/ui/session"
)

// keyMap is the SLA pane's own bindings plus the shared navigation.
type keyMap struct {
	nav           *session.KeyMap
	PrevMonth     key.Binding
	NextMonth     key.Binding
	ThisMonth     key.Binding
	PrevAgreement key.Binding
	NextAgreement key.Binding
	Add           key.Binding
	Edit          key.Binding
	Delete        key.Binding
	Planned       key.Binding
	Exclude       key.Binding
	Fee           key.Binding
}

func newKeyMap(c *session.State) keyMap {
	return keyMap{
		nav:           c.Keys,
		PrevMonth:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h →/l", c.T("sla.key.month"))),
		NextMonth:     key.NewBinding(key.WithKeys("right", "l")),
		ThisMonth:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("sla.key.this_month"))),
		PrevAgreement: key.NewBinding(key.WithKeys("["), key.WithHelp("[ ]", c.T("sla.key.agreement"))),
		NextAgreement: key.NewBinding(key.WithKeys("]")),
		Add:           key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("sla.key.add"))),
		Edit:          key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", c.T("sla.key.edit"))),
		Delete:        key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("sla.key.delete"))),
		Planned:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("sla.key.planned"))),
		Exclude:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", c.T("sla.key.exclude"))),
		Fee:           key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.T("sla.key.fee"))),
	}
}

// handleKey routes a key to the open form, the delete question, or the pane.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.form != nil:
		return m.updateForm(msg)
	case m.deleting != nil:
		return m.answerDelete(msg)
	}
	if cmd, ok := m.listKey(msg); ok {
		return cmd
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.PrevMonth):
		return m.setMonth(m.month.Add(-1))
	case key.Matches(msg, k.NextMonth):
		return m.setMonth(m.month.Add(1))
	case key.Matches(msg, k.ThisMonth):
		return m.setMonth(slacredit.MonthOf(m.today()))
	case key.Matches(msg, k.PrevAgreement):
		return m.cycle(-1)
	case key.Matches(msg, k.NextAgreement):
		return m.cycle(1)
	case key.Matches(msg, k.Add):
		return m.openAdd()
	case key.Matches(msg, k.Edit):
		return m.openEdit()
	case key.Matches(msg, k.Delete):
		return m.askDelete()
	case key.Matches(msg, k.Planned):
		return m.togglePlanned()
	case key.Matches(msg, k.Exclude):
		return m.toggleExcluded()
	case key.Matches(msg, k.Fee):
		return m.openFee()
	}
	return nil
}

// setMonth shows another month, from the cache when it was computed before.
func (m *Model) setMonth(month slacredit.Month) tea.Cmd {
	m.month = month
	m.rows.Top()
	return m.show()
}

// cycle shows the next (or previous) agreement with SLA terms; only when
// no agreement is in scope.
func (m *Model) cycle(delta int) tea.Cmd {
	if m.scopeID != "" {
		return nil
	}
	if f, fetch := m.choices.step(delta); fetch {
		return m.loadChoices(f)
	}
	m.rows.Top()
	return m.show()
}

// listKey gives a key to the incident list: movement, the filter, the
// sort. A new filter lists its matches from the top; a new order keeps the
// incident selected.
func (m *Model) listKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if m.data() == nil && !m.rows.Filter.Typing() {
		return nil, false
	}
	keep := m.selected()
	ev, cmd := m.rows.Key(msg, m.c, m.c.T("sla.filter_hint"))
	switch ev {
	case list.Ignored:
		return nil, false
	case list.Refilter:
		m.rows.Top()
		return tea.Batch(cmd, m.show()), true
	case list.Resort:
		if keep != nil {
			m.selectID = keep.ID
		}
		return tea.Batch(cmd, m.show()), true
	}
	return cmd, true
}

// Click selects the incident clicked (see session.Clickable).
func (m *Model) Click(x, y int) tea.Cmd {
	if !m.Capturing() {
		m.rows.Click(x, y)
	}
	return nil
}

// ShortHelp is the one-line help of the pane (or of its open form).
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.ShortHelp()
	}
	k := m.keys
	if m.rows.Filter.Typing() {
		return []key.Binding{k.nav.KeepFilter, k.nav.ClearFilter}
	}
	short := []key.Binding{k.PrevMonth, k.Add, k.Edit, k.Delete, k.Exclude, k.nav.Filter}
	if m.rows.Filter.Active() {
		short = append(short, k.nav.ClearFilter)
	}
	if m.scopeID == "" {
		short = append(short, k.PrevAgreement)
	}
	return short
}

// FullHelp is the pane's part of the ? help.
func (m *Model) FullHelp() [][]key.Binding {
	if m.form != nil {
		return m.form.FullHelp()
	}
	k := m.keys
	return [][]key.Binding{
		{k.PrevMonth, k.ThisMonth, k.PrevAgreement, k.Fee},
		{k.Add, k.Edit, k.Delete, k.Planned, k.Exclude},
		{k.nav.Filter, k.nav.ClearFilter, k.nav.Sort},
		{k.nav.Up, k.nav.Down, k.nav.PageUp, k.nav.PageDown, k.nav.Top, k.nav.Bottom},
	}
}

package sla

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/slacredit"
	"avtal/ui/common"
)

// keyMap is the SLA pane's own bindings plus the shared navigation.
type keyMap struct {
	nav           *common.KeyMap
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

func newKeyMap(c *common.Common) keyMap {
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
	case m.filter.Typing():
		changed, cmd := m.filter.Update(msg)
		if changed {
			m.cursor, m.offset = 0, 0
			return tea.Batch(cmd, m.show())
		}
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
	case key.Matches(msg, k.nav.Down):
		m.move(1)
	case key.Matches(msg, k.nav.Up):
		m.move(-1)
	case key.Matches(msg, k.nav.PageDown):
		m.move(max(1, m.listRows()-1))
	case key.Matches(msg, k.nav.PageUp):
		m.move(-max(1, m.listRows()-1))
	case key.Matches(msg, k.nav.Top):
		m.move(-m.cursor)
	case key.Matches(msg, k.nav.Bottom):
		if d := m.data(); d != nil {
			m.move(len(m.shown(d)))
		}
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
	case key.Matches(msg, k.nav.Filter):
		return m.filter.Open(m.c.T("sla.filter_hint"), m.c.Styles)
	case key.Matches(msg, k.nav.ClearFilter) && m.filter.Clear():
		m.cursor, m.offset = 0, 0
		return m.show()
	}
	return nil
}

// setMonth shows another month, from the cache when it was computed before.
func (m *Model) setMonth(month slacredit.Month) tea.Cmd {
	m.month = month
	m.cursor, m.offset = 0, 0
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
	m.cursor, m.offset = 0, 0
	return m.show()
}

// move shifts the incident cursor by delta and keeps it visible.
func (m *Model) move(delta int) {
	d := m.data()
	if d == nil || len(m.shown(d)) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+delta, 0), len(m.shown(d))-1)
	m.scrollToCursor()
}

func (m *Model) scrollToCursor() {
	rows := max(1, m.listRows())
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
}

// ShortHelp is the one-line help of the pane (or of its open form).
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.ShortHelp()
	}
	k := m.keys
	if m.filter.Typing() {
		return []key.Binding{k.nav.KeepFilter, k.nav.ClearFilter}
	}
	short := []key.Binding{k.PrevMonth, k.Add, k.Edit, k.Delete, k.Exclude, k.nav.Filter}
	if m.filter.Active() {
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
		{k.nav.Filter, k.nav.ClearFilter},
		{k.nav.Up, k.nav.Down, k.nav.PageUp, k.nav.PageDown, k.nav.Top, k.nav.Bottom},
	}
}

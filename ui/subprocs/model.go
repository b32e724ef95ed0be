// Package subprocs is the Sub-processors pane: an agreement's register of
// sub-processors with its change notices, their objection deadlines and the
// flags a reviewer should see; across all agreements, the open notices and
// the portfolio of every sub-processor grouped by who depends on it; and
// the forms to add, edit, record, decide and compare lists.
package subprocs

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/list"
	"avtal/ui/session"
)

// mode is what the pane shows.
type mode int

const (
	modeRegister  mode = iota // one agreement: register, notices, flags
	modeOverview              // all agreements: open notices and agreement flags
	modePortfolio             // all agreements: every sub-processor, grouped
)

// modal takes every key while open: a form or the list comparison.
type modal interface {
	update(tea.KeyMsg) tea.Cmd
	view(width, height int) string
	ShortHelp() []key.Binding
}

// Model is the Sub-processors pane.
type Model struct {
	c    *session.State
	keys keyMap

	scopeID, scopeTitle string
	mode                mode
	width, height       int
	wide                bool
	listW, listH        int

	list      list.List // its Filter is the "/" filter of the list shown
	detail    viewport.Model
	shown     int    // the list line the detail shows; -1 for none
	detailBox string // the framed detail as last drawn; "" when it must be drawn again

	reg      *register // modeRegister's data, nil until loaded
	overview *overview // modeOverview's data
	port     *portfolio

	modal    modal
	question *session.Question // the undo question, while asked
	seq      int               // tags loads; replies to older ones are dropped
	loaded   bool              // the current mode's data has arrived
	loadErr  error             // why it could not be read
}

// New returns the Sub-processors pane for one session, showing all
// agreements until a scope is chosen.
func New(c *session.State) *Model {
	m := &Model{c: c, keys: newKeyMap(c), mode: modeOverview, detail: viewport.New(0, 0), shown: -1, port: newPortfolio()}
	m.list.SetSorts(c.T("list.own_order"), c.T("subprocs.col.name"))
	return m
}

// Init loads what the pane shows first.
func (m *Model) Init() tea.Cmd { return m.load() }

// Capturing is true while a form, the list comparison or a question is
// open.
func (m *Model) Capturing() bool {
	return m.modal != nil || m.question != nil || m.list.Filter.Typing()
}

// BelowTop is true while a filter is set: esc drops the filter before the
// scope (see session.Leveled).
func (m *Model) BelowTop() bool { return m.list.Filter.Active() }

// today is the session's date.
func (m *Model) today() model.Date { return model.DateOf(m.c.Now()) }

// load asks the store for the current mode's data.
func (m *Model) load() tea.Cmd {
	m.seq++
	m.loaded = false
	switch m.mode {
	case modeRegister:
		return loadRegister(m.c.Ctx, m.c.Store, m.seq, m.scopeID)
	case modePortfolio:
		return loadPortfolio(m.c.Ctx, m.c.Store, m.seq)
	}
	return loadOverview(m.c.Ctx, m.c.Store, m.c.Shared, m.seq, m.today())
}

// arrived takes the reply to the current load: false for a stale one
// (dropped) or a failure, which empties the list and goes to the status bar.
func (m *Model) arrived(seq int, err error) (bool, tea.Cmd) {
	if seq != m.seq {
		return false, nil
	}
	m.loaded, m.loadErr = true, err
	if err != nil {
		m.list.Reset(0, nil)
		return false, session.Fail(err)
	}
	return true, nil
}

// Update handles keys, scope changes, writes anywhere, and the pane's own
// replies.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch q := m.question; {
		case m.modal != nil:
			return m.modal.update(msg)
		case q != nil:
			m.question = nil
			return q.Answer(msg)
		case m.list.Filter.Typing():
			cmd, _ := m.listKey(msg)
			return cmd
		}
		return m.handleKey(msg)
	case session.ScopeMsg:
		m.scopeID, m.scopeTitle, m.modal, m.reg = msg.ID, msg.Title, nil, nil
		m.mode = modeOverview
		if msg.ID != "" {
			m.mode = modeRegister
		}
		m.port.uses = map[string]usesMsg{}
		m.list.Reset(0, nil)
		m.list.Top()
		return tea.Batch(m.relist(), m.load())
	case session.ChangedMsg:
		m.port.uses = map[string]usesMsg{}
		return m.load()
	case registerMsg:
		return m.gotRegister(msg)
	case overviewMsg:
		return m.gotOverview(msg)
	case portfolioMsg:
		return m.gotPortfolio(msg)
	case usesMsg:
		return m.gotUses(msg)
	case savedMsg:
		return m.saved(msg)
	case compareMsg:
		if cm, ok := m.modal.(*compareModal); ok {
			return cm.compared(msg)
		}
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if cmd, ok := m.listKey(msg); ok {
		return cmd
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.DetailDown):
		m.detail.ScrollDown(1)
		m.detailBox = ""
	case key.Matches(msg, k.DetailUp):
		m.detail.ScrollUp(1)
		m.detailBox = ""
	case key.Matches(msg, k.Portfolio):
		return m.togglePortfolio()
	case key.Matches(msg, k.Region) && m.mode == modePortfolio:
		return m.port.cycleRegion(m)
	case key.Matches(msg, k.Status) && m.mode == modePortfolio:
		return m.port.cycleStatus(m)
	case key.Matches(msg, k.Open):
		return m.openSelected()
	default:
		return m.writeKey(msg)
	}
	return nil
}

// togglePortfolio switches between the portfolio and the scope's own view.
func (m *Model) togglePortfolio() tea.Cmd {
	switch {
	case m.mode != modePortfolio:
		m.mode = modePortfolio
	case m.scopeID != "":
		m.mode = modeRegister
	default:
		m.mode = modeOverview
	}
	m.list.Reset(0, nil)
	m.list.Top()
	return tea.Batch(m.relist(), m.load())
}

// relist shows what the current mode last loaded while it loads afresh.
func (m *Model) relist() tea.Cmd {
	switch {
	case m.mode == modePortfolio && m.port.tallies != nil:
		return m.regroup()
	case m.mode == modeOverview && m.overview != nil:
		m.list.Reset(len(m.overview.entries), m.skip)
	case m.mode == modeRegister && m.reg != nil:
		m.list.Reset(len(m.reg.entries), m.skip)
	}
	m.shown = -1
	return m.showDetail()
}

// listKey gives a key to the list: movement, the filter, the sort.
func (m *Model) listKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	ev, cmd := m.list.Key(msg, m.c, m.c.T("subprocs.filter_hint"))
	m.fitList()
	switch ev {
	case list.Ignored:
		return nil, false
	case list.Refilter, list.Resort:
		return tea.Batch(cmd, m.refilter()), true
	}
	return tea.Batch(cmd, m.showDetail()), true
}

// Wheel scrolls the detail when the pointer is over it (see
// session.Wheeled).
func (m *Model) Wheel(x, y, lines int) bool {
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	if m.Capturing() || m.wide && x < m.listW+frameW || !m.wide && y < m.listH+frameH {
		return false
	}
	session.Scroll(&m.detail, lines)
	m.detailBox = ""
	return true
}

// Click selects the line clicked in the list (see session.Clickable).
func (m *Model) Click(x, y int) tea.Cmd {
	if m.Capturing() || !m.list.Click(x, y) {
		return nil
	}
	return m.showDetail()
}

// openSelected scopes every pane to the agreement of the selected line of
// the overview.
func (m *Model) openSelected() tea.Cmd {
	if m.mode != modeOverview {
		return nil
	}
	id, title := m.overview.agreementOf(m.list.Selected())
	if id == "" {
		return nil
	}
	return func() tea.Msg { return session.ScopeMsg{ID: id, Title: title} }
}

// rowW is the width of a line of the list, right of the cursor column.
func (m *Model) rowW() int { return max(0, m.listW-session.CursorW) }

// SetSize lays the list and the detail side by side when there is room,
// else one above the other.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	m.wide = width >= 120
	if m.wide {
		m.listW = width*60/100 - frameW
		m.listH = height - frameH
		m.detail.Width, m.detail.Height = width-width*60/100-frameW, height-frameH
	} else {
		m.listW = width - frameW
		m.listH = max(3, height*55/100-frameH)
		m.detail.Width, m.detail.Height = width-frameW, height-(m.listH+frameH)-frameH
	}
	m.listW = max(0, m.listW)
	m.detail.Width, m.detail.Height = max(0, m.detail.Width), max(0, m.detail.Height)
	m.fitList()
	m.list.Invalidate()
	m.shown = -1
	m.showDetail()
}

// noticeView is a notice with what Avtal computes for it today.
type noticeView struct {
	row    store.NoticeRow
	as     subproc.Assessment
	status subproc.Status
}

// viewNotice evaluates a stored notice under its agreement's policy.
func viewNotice(r store.NoticeRow, policy *model.SubPolicy, today model.Date) noticeView {
	as := subproc.Evaluate(policy, r.Notice)
	return noticeView{row: r, as: as, status: subproc.StatusOn(r.Notice, as, today)}
}

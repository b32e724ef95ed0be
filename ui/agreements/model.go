// Package agreements is the register pane: a windowed list of every
// agreement, frameworks with their call-offs beneath them, and the detail
// of the selected one.
package agreements

import (
	"cmp"
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/list"
	"avtal/ui/session"
)

const (
	pageSize  = 100
	maxWindow = 600 // rows kept in memory; the rest is fetched again on demand
	prefetch  = 30  // fetch the next page when the cursor comes this close to the edge

	historyLength = 10 // audit entries shown in the detail view
	maxDetails    = 64 // agreements kept for the detail view; then it starts afresh
)

// direction says where a fetched page goes in the window.
type direction int

const (
	reset    direction = iota // replace the window (first or last page)
	forward                   // append
	backward                  // prepend
	refresh                   // read the window again where it is
	around                    // replace the window with the rows around an agreement
)

// pageMsg carries a fetched page, tagged with the request it answers so
// stale pages are dropped.
type pageMsg struct {
	seq     int
	dir     direction
	fromEnd bool
	limit   int    // rows asked for: fewer means the end was reached
	top     bool   // the rows begin with the first agreement (refresh)
	base    int    // the first row's position in the list (around)
	keep    string // the agreement the cursor goes to (around, matched)
	rows    []store.Row
	total   int
	err     error
}

// detailMsg carries one agreement's full record for the detail view.
type detailMsg struct {
	id      string
	a       *model.Agreement
	related []model.Relation
	history []store.AuditEntry
	// terminated is the day notice of termination was given, or zero.
	terminated model.Date
	err        error
}

// Model is the Agreements pane.
type Model struct {
	c    *session.State
	keys keyMap

	rows   []store.Row
	list   list.List // the rows on screen, same index as rows; its filter's query goes to the store
	base   int       // position of rows[0] in the whole register
	atTop  bool      // rows[0] is the first agreement
	atEnd  bool      // the last row is the last agreement
	total  int
	seq    int
	busy   bool
	loaded bool

	width, height int
	listW, listH  int
	wide          bool
	detail        session.Viewer
	detailID      string
	details       map[string]detailMsg

	importForm *form.Form // open while the user picks a file to import
	importing  bool       // an import is running
	// imported is the agreement an import just created: the list goes to
	// it when it reads the register again, so closing the review leaves
	// the cursor on what was imported.
	imported  string
	review    *review // open while the user reviews proposals
	reviewSeq int
	editing   *editing // the edit form, over the list or the review
}

// New returns the Agreements pane for one session.
func New(c *session.State) *Model {
	m := &Model{c: c, keys: newKeyMap(c), detail: session.NewViewer(), details: map[string]detailMsg{}}
	m.list.SetSorts(c.T("list.own_order"), c.T("col.supplier"), c.T("col.title"), c.T("col.status"), c.T("col.period_end"), c.T("col.next"))
	return m
}

// Init loads the first page of the register.
func (m *Model) Init() tea.Cmd { return m.fetch(reset, store.ListCursor{}, false) }

// Capturing is true while the import form, the edit form or the proposal
// review is open:
// they take every key.
func (m *Model) Capturing() bool {
	return m.importForm != nil || m.review != nil || m.editing != nil || m.list.Filter.Typing()
}

// TakesNoText is true while the review of proposals is open with no form
// over it: its keys are commands, so ? may open the help (session.Textless).
func (m *Model) TakesNoText() bool {
	return m.review != nil && m.editing == nil && m.importForm == nil
}

// BelowTop is true while a filter is set: esc drops the filter before the
// scope (see session.Leveled).
func (m *Model) BelowTop() bool { return m.list.Filter.Active() }

// fetch asks the store for a page in a command; the store call runs off the
// Update loop.
func (m *Model) fetch(dir direction, after store.ListCursor, fromEnd bool) tea.Cmd {
	m.seq++
	m.busy = true
	ctx, seq, st, shared, o := m.c.Ctx, m.seq, m.c.Store, m.c.Shared, m.order()
	return func() tea.Msg {
		back := dir == backward || fromEnd
		rows, err := session.Page(ctx, shared, st, o, after, pageSize, back)
		msg := pageMsg{seq: seq, dir: dir, fromEnd: fromEnd, limit: pageSize, rows: rows, err: err}
		if err == nil && dir == reset {
			msg.total, msg.err = session.Count(ctx, shared, st)
		}
		return msg
	}
}

// refresh reads the window again after a write anywhere (this session's or
// another's), from the same place and as long as it is, so the cursor stays
// on the agreement it was on.
func (m *Model) refresh() tea.Cmd {
	m.seq++
	m.busy = true
	ctx, seq, st, shared, o := m.c.Ctx, m.seq, m.c.Store, m.c.Shared, m.order()
	var first *store.ListCursor
	limit := max(pageSize, len(m.rows))
	if !m.atTop && len(m.rows) > 0 {
		at := m.rows[0].Cursor()
		first = &at
	}
	return func() tea.Msg {
		msg := pageMsg{seq: seq, dir: refresh, limit: limit}
		var after store.ListCursor
		if first != nil {
			// A page is read after a cursor: start from the row before the window.
			prev, err := session.Page(ctx, shared, st, o, *first, 1, true)
			if err != nil {
				msg.err = err
				return msg
			}
			if len(prev) > 0 {
				after = prev[0].Cursor()
			}
		}
		msg.top = after == store.ListCursor{}
		if msg.rows, msg.err = session.Page(ctx, shared, st, o, after, limit, false); msg.err == nil {
			msg.total, msg.err = session.Count(ctx, shared, st)
		}
		return msg
	}
}

func (m *Model) fetchDetail(id string) tea.Cmd {
	if _, ok := m.details[id]; ok || id == "" {
		return nil
	}
	ctx, st, shared := m.c.Ctx, m.c.Store, m.c.Shared
	return func() tea.Msg {
		// Every session starts on the same agreement: the register's
		// sessions read it once per write (session.Shared).
		msg, err := session.Share(ctx, shared, st, detailKey{id}, func() (detailMsg, error) {
			msg := readDetail(ctx, st, id)
			return msg, msg.err
		})
		if err != nil {
			return detailMsg{id: id, err: err}
		}
		return msg
	}
}

// detailKey names an agreement's detail among the results the sessions of
// a register share.
type detailKey struct{ id string }

// readDetail reads what the detail of agreement id shows.
func readDetail(ctx context.Context, st *store.Store, id string) detailMsg {
	a, err := st.Agreement(ctx, id)
	if err != nil {
		return detailMsg{id: id, err: err}
	}
	rel, err := st.Related(ctx, id)
	if err != nil {
		return detailMsg{id: id, err: err}
	}
	terminated, err := st.Terminated(ctx, id)
	if err != nil {
		return detailMsg{id: id, err: err}
	}
	history, err := st.AuditLog(ctx, id, historyLength)
	return detailMsg{id: id, a: a, related: rel, history: history, terminated: terminated, err: err}
}

// Update handles keys and the pane's own replies.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg:
		return m.applyPage(msg)
	case detailMsg:
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		if len(m.details) >= maxDetails {
			m.details = map[string]detailMsg{} // an agreement with its clauses is tens of KB
		}
		m.details[msg.id] = msg
		m.detailArrived(msg)
	case session.ChangedMsg:
		m.details = map[string]detailMsg{}
		keep := cmp.Or(m.imported, m.selectedID())
		m.imported = ""
		var list tea.Cmd
		switch {
		case m.list.Filter.Active():
			list = m.refetch(keep)
		case keep != m.selectedID():
			list = m.fetchAround(keep)
		default:
			list = m.refresh()
		}
		if m.review != nil {
			return tea.Batch(list, m.loadProposals())
		}
		return list
	case importDoneMsg:
		return m.importDone(msg)
	case proposalsMsg:
		return m.applyProposals(msg)
	case decidedMsg:
		return m.decided(msg)
	case agreementMsg:
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		return m.openEdit(msg.a, nil)
	case editedMsg:
		return m.edited(msg)
	case correctedMsg:
		return m.corrected(msg)
	case tea.KeyMsg:
		switch {
		case m.importForm != nil:
			return m.updateImport(msg)
		case m.editing != nil:
			return m.updateEdit(msg)
		case m.review != nil:
			return m.updateReview(msg)
		}
		return m.handleKey(msg)
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.list.Filter.Typing():
	case key.Matches(msg, k.nav.Top) && !m.atTop:
		return m.fetch(reset, store.ListCursor{}, false)
	case key.Matches(msg, k.nav.Bottom) && !m.atEnd:
		return m.fetch(reset, store.ListBottom, true)
	}
	if cmd, ok := m.listKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.DetailDown):
		m.detail.ScrollDown(1)
	case key.Matches(msg, k.DetailUp):
		m.detail.ScrollUp(1)
	case key.Matches(msg, k.Import):
		return m.openImport()
	case key.Matches(msg, k.Review):
		if r := m.selected(); r != nil {
			return m.openReview(r.Agreement.ID, r.Agreement.Title)
		}
	case key.Matches(msg, k.Edit):
		if r := m.selected(); r != nil {
			return m.fetchForEdit(r.Agreement.ID)
		}
	case key.Matches(msg, k.Scope):
		if r := m.selected(); r != nil {
			id, title := r.Agreement.ID, r.Agreement.Title
			return func() tea.Msg { return session.ScopeMsg{ID: id, Title: title} }
		}
	}
	return nil
}

// moved follows the cursor: it fetches the neighbouring page when the
// cursor nears the edge of the window, and shows the selected agreement.
func (m *Model) moved() tea.Cmd {
	if len(m.rows) == 0 {
		return nil
	}
	var fetch tea.Cmd
	nearTop, nearEnd := m.list.Near(prefetch)
	switch {
	case m.busy:
	case !m.atEnd && nearEnd:
		fetch = m.fetch(forward, m.rows[len(m.rows)-1].Cursor(), false)
	case !m.atTop && nearTop:
		fetch = m.fetch(backward, m.rows[0].Cursor(), false)
	}
	m.showDetail()
	return tea.Batch(fetch, m.fetchDetail(m.selectedID()))
}

func (m *Model) applyPage(msg pageMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil // a newer request superseded this one
	}
	m.busy = false
	m.loaded = true
	if msg.err != nil {
		return session.Fail(msg.err)
	}
	full := len(msg.rows) == msg.limit
	keep := m.selectedID()
	switch msg.dir {
	case refresh:
		m.total = msg.total
		m.rows = msg.rows
		m.atTop, m.atEnd = msg.top, !full
		if msg.top {
			m.base = 0
		}
		m.list.Reset(len(m.rows), nil)
		m.selectID(keep)
	case around:
		m.total = msg.total
		m.rows = msg.rows
		m.base = msg.base
		m.atTop, m.atEnd = msg.base == 0, msg.base+len(msg.rows) >= msg.total
		m.list.Reset(len(m.rows), nil)
		m.list.Top()
		m.selectID(msg.keep)
	case matched:
		m.total = msg.total
		m.rows = msg.rows
		m.atTop, m.atEnd = true, true
		m.base = 0
		m.list.Reset(len(m.rows), nil)
		m.list.Top()
		m.selectID(msg.keep)
	case reset:
		m.total = msg.total
		m.rows = msg.rows
		m.atTop, m.atEnd = !msg.fromEnd || !full, msg.fromEnd || !full
		m.base = 0
		m.list.Reset(len(m.rows), nil)
		m.list.Top()
		if msg.fromEnd {
			m.base = m.total - len(m.rows)
			m.list.Move(len(m.rows))
		}
	case forward:
		m.rows = append(m.rows, msg.rows...)
		m.list.Append(len(msg.rows))
		m.atEnd = !full
		if drop := len(m.rows) - maxWindow; drop > 0 {
			m.rows = m.rows[drop:]
			m.list.DropFirst(drop)
			m.base += drop
			m.atTop = false
		}
	case backward:
		m.rows = append(msg.rows, m.rows...)
		m.list.Prepend(len(msg.rows))
		m.base -= len(msg.rows)
		m.atTop = !full
		if drop := len(m.rows) - maxWindow; drop > 0 {
			m.rows = m.rows[:len(m.rows)-drop]
			m.list.DropLast(drop)
			m.atEnd = false
		}
	}
	m.showDetail()
	return m.fetchDetail(m.selectedID())
}

func (m *Model) selected() *store.Row {
	i := m.list.Selected()
	if i < 0 || i >= len(m.rows) {
		return nil
	}
	return &m.rows[i]
}

// selectID puts the cursor on the agreement id when the window holds it.
func (m *Model) selectID(id string) {
	for i, r := range m.rows {
		if r.Agreement.ID == id {
			m.list.Select(i)
			return
		}
	}
}

func (m *Model) selectedID() string {
	if r := m.selected(); r != nil {
		return r.Agreement.ID
	}
	return ""
}

// SetSize lays the list and the detail out side by side when there is room,
// else one above the other.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	m.wide = width >= 110
	if m.wide {
		m.listW = width*55/100 - frameW
		m.listH = height - frameH - 1 // one line for the column header
		m.detail.Width, m.detail.Height = width-width*55/100-frameW, height-frameH
	} else {
		m.listW = width - frameW
		m.listH = max(3, height*45/100-frameH-1)
		m.detail.Width, m.detail.Height = width-frameW, height-(m.listH+1+frameH)-frameH
	}
	m.detail.Width, m.detail.Height = max(0, m.detail.Width), max(0, m.detail.Height)
	m.list.Invalidate()
	m.list.SetHeight(m.listH)
	if m.review != nil {
		m.review.rows.Invalidate()
		m.review.rows.SetHeight(m.reviewRows())
	}
	m.detailID = "" // re-wrap at the new width
	m.showDetail()
}

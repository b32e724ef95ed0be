// Package clauses is the Clauses pane: the clause tree of the scoped
// agreement (or of every agreement), the selected clause's text with what
// was found in it and the amendments that touch it, search as you type over
// every clause, tags, notes, and one kind of clause compared across the
// register.
package clauses

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/list"
	"avtal/ui/session"
)

const (
	pageSize = 100 // agreements fetched at a time when every agreement is shown
	prefetch = 20  // fetch the next page when the cursor comes this close to the end
)

// pageMsg carries a page of agreements for the unscoped tree.
type pageMsg struct {
	gen  int
	rows []store.Row
	err  error
}

// treeMsg carries one agreement's documents and clauses.
type treeMsg struct {
	gen         int
	agreementID string
	docs        []store.DocumentNode
	err         error
}

// detailMsg carries one clause in full, for the viewer.
type detailMsg struct {
	id     int64
	detail *store.ClauseDetail
	err    error
}

// Model is the Clauses pane.
type Model struct {
	c    *session.State
	keys keyMap

	scopeID, scopeTitle string
	withOld             bool // show superseded document versions too
	// gen counts tree reloads; replies for an older tree are dropped.
	gen        int
	loaded     bool
	paging     bool   // a page of agreements is on its way
	atEnd      bool   // every agreement is loaded
	after      string // sort key of the last agreement loaded
	empty      bool   // the register holds no agreement at all
	agreements []*agreementNode
	open       map[string]bool // nodes opened or closed by the user
	rows       []row
	tree       list.List // the rows on screen, same index as rows
	// pendingJump is a clause to select once its agreement's tree is in;
	// keep is the node to select again after a reload.
	pendingJump int64
	// queued is a form asked for while the selected clause was still on
	// its way; it opens when the clause arrives, so the key is not lost.
	queued editKind
	keep   string

	details map[int64]*store.ClauseDetail
	shown   string // what the viewer holds, so it is only redrawn on change

	width, height int
	treeW, treeH  int
	wide          bool
	viewer        session.Viewer

	search   *searchState
	form     *form.Form
	editing  edit
	question *session.Question // the delete question, while asked
	compare  *compareView
	// debounce is how long search waits after a key for the next one.
	debounce time.Duration
}

// New returns the Clauses pane for one session, showing every agreement
// until a scope arrives.
func New(c *session.State) *Model {
	return &Model{c: c, keys: newKeyMap(c), open: map[string]bool{}, details: map[int64]*store.ClauseDetail{},
		viewer: session.NewViewer(), debounce: 150 * time.Millisecond}
}

// Init loads the tree.
func (m *Model) Init() tea.Cmd { return m.reload(false) }

// Capturing is true while the search field, a form, a comparison or a
// question is open: they take every key, esc included.
func (m *Model) Capturing() bool {
	return m.search != nil || m.form != nil || m.compare != nil || m.question != nil
}

// reload starts the tree afresh for the current scope, keeping the
// selected node selected when asked to.
func (m *Model) reload(keepSelection bool) tea.Cmd {
	m.keep = ""
	if r := m.selectedRow(); r != nil && keepSelection {
		m.keep = m.key(*r)
	}
	m.gen++
	m.agreements, m.rows, m.loaded, m.atEnd, m.after, m.empty = nil, nil, false, false, "", false
	m.tree.Reset(0, nil)
	m.details, m.shown = map[int64]*store.ClauseDetail{}, ""
	if m.scopeID != "" {
		m.agreements = []*agreementNode{{id: m.scopeID, title: m.scopeTitle, loading: true}}
		return m.fetchTree(m.scopeID)
	}
	return m.fetchPage()
}

func (m *Model) fetchPage() tea.Cmd {
	m.paging = true
	ctx, gen, after, st, shared := m.c.Ctx, m.gen, m.after, m.c.Store, m.c.Shared
	return func() tea.Msg {
		rows, err := session.Page(ctx, shared, st, store.ListOrder{}, store.ListCursor{SortKey: after}, pageSize, false)
		return pageMsg{gen: gen, rows: rows, err: err}
	}
}

func (m *Model) fetchTree(id string) tea.Cmd {
	ctx, gen, withOld, st, shared := m.c.Ctx, m.gen, m.withOld, m.c.Store, m.c.Shared
	return func() tea.Msg {
		docs, err := session.ClauseTree(ctx, shared, st, id, withOld)
		return treeMsg{gen: gen, agreementID: id, docs: docs, err: err}
	}
}

// fetchDetail loads a clause for the viewer unless it is cached.
func (m *Model) fetchDetail(id int64) tea.Cmd {
	if _, ok := m.details[id]; ok || id == 0 {
		return nil
	}
	return m.readDetail(id)
}

// readDetail reads a clause for the viewer.
func (m *Model) readDetail(id int64) tea.Cmd {
	ctx, st, shared := m.c.Ctx, m.c.Store, m.c.Shared
	return func() tea.Msg {
		d, err := session.Clause(ctx, shared, st, id)
		return detailMsg{id: id, detail: d, err: err}
	}
}

// Update handles keys and the pane's own replies.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case session.ScopeMsg:
		if msg.ID == m.scopeID {
			return nil
		}
		m.scopeID, m.scopeTitle = msg.ID, msg.Title
		m.tree.Top()
		return tea.Batch(m.reload(false), m.rescope())
	case session.ChangedMsg:
		return m.changed(msg)
	case session.ShowClauseMsg:
		return m.showCited(msg)
	case pageMsg:
		return m.applyPage(msg)
	case treeMsg:
		return m.applyTree(msg)
	case detailMsg:
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		m.details[msg.id] = msg.detail
		if m.shown == clauseKey(msg.id) {
			m.shown = "" // read again after a write: shown anew
		}
		cmd := m.showSelected()
		if k := m.queued; k != 0 {
			if sel := m.selectedClause(); sel != nil && sel.ID == msg.id {
				m.queued = 0
				return tea.Batch(cmd, m.openForm(k))
			}
		}
		return cmd
	case searchTickMsg, searchMsg:
		return m.updateSearch(msg)
	case writtenMsg:
		return m.written(msg)
	case tagsMsg, compareMsg:
		return m.updateCompare(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return nil
}

// changed reloads what a write touched: the agreement's tree and clauses.
func (m *Model) changed(msg session.ChangedMsg) tea.Cmd {
	if msg.AgreementID == "" {
		return m.reload(true)
	}
	// The clause in the viewer stays there until it is read again: the
	// screen shows no "loading" in its place on every write of the
	// register's other editors, and draws it once, when it comes.
	var cmds []tea.Cmd
	rereading := false
	for id, d := range m.details {
		switch {
		case d.AgreementID != msg.AgreementID:
		case m.shown == clauseKey(id):
			rereading = true
			cmds = append(cmds, m.readDetail(id))
		default:
			delete(m.details, id)
		}
	}
	for _, a := range m.agreements {
		if a.id == msg.AgreementID && a.loaded {
			cmds = append(cmds, m.fetchTree(a.id))
		}
	}
	if !rereading {
		m.shown = ""
		cmds = append(cmds, m.showSelected())
	}
	return tea.Batch(cmds...)
}

func (m *Model) applyPage(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.paging, m.loaded = false, true
	if msg.err != nil {
		return session.Fail(msg.err)
	}
	var trees []tea.Cmd
	for _, r := range msg.rows {
		a := &agreementNode{id: r.Agreement.ID, title: r.Agreement.Title}
		m.agreements = append(m.agreements, a)
		m.after = r.SortKey
		if m.open["a:"+a.id] { // opened before a reload
			a.loading = true
			trees = append(trees, m.fetchTree(a.id))
		}
	}
	m.atEnd = len(msg.rows) < pageSize
	m.empty = len(m.agreements) == 0
	m.flatten()
	return tea.Batch(append(trees, m.showSelected())...)
}

func (m *Model) applyTree(msg treeMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.loaded = true
	for _, a := range m.agreements {
		if a.id != msg.agreementID {
			continue
		}
		a.loading = false
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		a.loaded, a.docs = true, make([]docTree, len(msg.docs))
		for i, d := range msg.docs {
			a.docs[i] = newDocTree(d)
		}
	}
	m.flatten()
	if m.pendingJump != 0 && m.reveal(m.pendingJump) {
		m.pendingJump = 0
	}
	return m.showSelected()
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	m.queued = 0 // another key: the user has moved on
	switch q := m.question; {
	case q != nil:
		m.question = nil
		return q.Answer(msg)
	case m.form != nil:
		return m.updateForm(msg)
	case m.search != nil:
		return m.updateSearch(msg)
	case m.compare != nil:
		return m.updateCompare(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Toggle):
		return m.toggle()
	case key.Matches(msg, k.Expand):
		return m.expand()
	case key.Matches(msg, k.Collapse):
		return m.collapse()
	case key.Matches(msg, k.ViewerDown):
		m.viewer.ScrollDown(1)
	case key.Matches(msg, k.ViewerUp):
		m.viewer.ScrollUp(1)
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.Tag):
		return m.openForm(tagEdit)
	case key.Matches(msg, k.Untag):
		return m.openForm(untagEdit)
	case key.Matches(msg, k.Note):
		return m.openForm(noteEdit)
	case key.Matches(msg, k.EditNote):
		return m.openNoteChange(noteChange)
	case key.Matches(msg, k.DeleteNote):
		return m.openNoteChange(noteDelete)
	case key.Matches(msg, k.Compare):
		return m.openForm(compareEdit)
	case key.Matches(msg, k.Versions):
		m.withOld = !m.withOld
		status := "clauses.versions_off"
		if m.withOld {
			status = "clauses.versions_on"
		}
		return tea.Batch(m.reload(true), session.Status(m.c.T(status)))
	case m.tree.Nav(msg, k.nav):
		return m.moved()
	}
	return nil
}

// moved follows the cursor: with every agreement shown, it fetches the
// next page of agreements as the cursor nears the end.
func (m *Model) moved() tea.Cmd {
	if len(m.rows) == 0 {
		return nil
	}
	m.keep = ""
	var page tea.Cmd
	if _, nearEnd := m.tree.Near(prefetch); m.scopeID == "" && !m.atEnd && !m.paging && nearEnd {
		page = m.fetchPage()
	}
	return tea.Batch(page, m.showSelected())
}

// Wheel scrolls the clause's text when the pointer is over it (see
// session.Wheeled).
func (m *Model) Wheel(x, y, lines int) bool {
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	if m.form != nil || m.compare != nil || m.wide && x < m.treeW+frameW || !m.wide && y < m.treeH+frameH {
		return false
	}
	session.Scroll(&m.viewer.Model, lines)
	return true
}

// Click selects the row clicked, in the tree or in the search results (see
// session.Clickable).
func (m *Model) Click(x, y int) tea.Cmd {
	switch {
	case m.form != nil || m.compare != nil || m.question != nil:
		return nil
	case m.search != nil:
		if m.search.shown.Click(x, y) {
			return m.moveHit(0)
		}
		return nil
	case m.tree.Click(x, y):
		return m.moved()
	}
	return nil
}

// toggle opens or closes the node under the cursor.
func (m *Model) toggle() tea.Cmd {
	r := m.selectedRow()
	if r == nil {
		return nil
	}
	if m.isOpen(*r) && r.children {
		return m.collapse()
	}
	return m.expand()
}

// expand opens the node under the cursor, loading an agreement's clauses
// the first time.
func (m *Model) expand() tea.Cmd {
	r := m.selectedRow()
	if r == nil || !r.children {
		return nil
	}
	m.open[m.key(*r)] = true
	if r.kind == agreementRow {
		a := m.agreements[r.agr]
		if !a.loaded && !a.loading {
			a.loading = true
			return m.fetchTree(a.id)
		}
	}
	m.flatten()
	return m.showSelected()
}

// collapse closes the node under the cursor, or moves to its parent when
// it has nothing to close, as file trees do.
func (m *Model) collapse() tea.Cmd {
	r := m.selectedRow()
	if r == nil {
		return nil
	}
	if r.children && m.isOpen(*r) {
		m.open[m.key(*r)] = false
		m.flatten()
		return m.showSelected()
	}
	if r.parent >= 0 {
		m.tree.Select(r.parent)
	}
	return m.showSelected()
}

// SetSize records the pane's size and lays it out.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.layout()
	if m.compare != nil {
		m.compare.layout(m)
	}
}

// layout puts the tree (or the search results, given more room) and the
// viewer side by side when there is room, else one above the other.
func (m *Model) layout() {
	width, height := m.width, m.height
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	m.wide = width >= wideWidth
	if m.wide {
		tw := max(minTreeWidth, width*40/100) // 2 cells of it are the cursor column
		if m.search != nil {
			tw = max(tw, width/2)
		}
		m.treeW, m.treeH = tw-frameW, height-frameH
		m.viewer.Width, m.viewer.Height = width-tw-frameW, height-frameH
	} else {
		th := max(3+frameH, height*45/100)
		m.treeW, m.treeH = width-frameW, th-frameH
		m.viewer.Width, m.viewer.Height = width-frameW, height-th-frameH
	}
	m.treeW, m.treeH = max(0, m.treeW), max(1, m.treeH)
	m.viewer.Width, m.viewer.Height = max(0, m.viewer.Width), max(0, m.viewer.Height)
	m.tree.Invalidate()
	m.tree.SetHeight(m.treeH)
	if m.search != nil {
		m.search.shown.SetHeight(m.hitRows())
	}
	m.shown = ""
	m.showSelected()
}

// Layout thresholds: side by side from wideWidth columns, the tree never
// narrower than minTreeWidth.
const (
	wideWidth    = 76
	minTreeWidth = 32
)

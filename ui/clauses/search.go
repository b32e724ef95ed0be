package clauses

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/list"
	"avtal/ui/session"
)

// searchPage is how many hits a search fetches at a time.
const searchPage = 50

// searchState is the open search: the field, and the hits of the latest
// query that has answered.
type searchState struct {
	input textinput.Model
	// seq numbers the queries typed; only the latest one's answer is shown.
	seq   int
	query string // the query the hits answer
	page  *store.SearchPage
	hits  []store.Hit
	next  *store.SearchCursor
	busy  bool
	shown list.List // the hits on screen, same index as hits
}

// searchTickMsg fires when the typing paused: if no key came since, seq is
// still the latest and the search runs.
type searchTickMsg struct{ seq int }

// searchMsg answers a search, tagged with the query it answers; more
// means it continues the hits already shown.
type searchMsg struct {
	seq   int
	query string
	more  bool
	page  *store.SearchPage
	err   error
}

func (m *Model) openSearch() tea.Cmd {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = m.placeholder()
	in.PromptStyle = m.c.Styles.Highlight
	in.TextStyle = m.c.Styles.Value
	in.PlaceholderStyle = m.c.Styles.Dim
	in.Cursor.Style = m.c.Styles.Highlight
	in.Cursor.SetMode(cursor.CursorStatic) // no blinking: over SSH every blink is a repaint
	in.Focus()
	m.search = &searchState{input: in}
	m.search.shown.SetRowLines(2)
	m.layout()
	return m.showSelected()
}

// closeSearch returns to the tree as it was.
func (m *Model) closeSearch() tea.Cmd {
	m.search = nil
	m.layout()
	return m.showSelected()
}

// updateSearch handles keys in the search field, the debounce ticks and
// the answers.
func (m *Model) updateSearch(msg tea.Msg) tea.Cmd {
	s := m.search
	if s == nil {
		return nil
	}
	switch msg := msg.(type) {
	case searchTickMsg:
		if msg.seq != s.seq {
			return nil // another key came: that one's tick will search
		}
		return m.runSearch(false)
	case searchMsg:
		return m.applySearch(msg)
	case tea.KeyMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Close):
			return m.closeSearch()
		case key.Matches(msg, k.Jump):
			return m.jump()
		case key.Matches(msg, k.ResultDown):
			return m.moveHit(1)
		case key.Matches(msg, k.ResultUp):
			return m.moveHit(-1)
		case key.Matches(msg, k.nav.PageDown) && msg.String() != " ":
			return m.moveHit(max(1, m.hitRows()-1))
		case key.Matches(msg, k.nav.PageUp):
			return m.moveHit(-max(1, m.hitRows()-1))
		}
		before := s.input.Value()
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		if s.input.Value() == before {
			return cmd
		}
		s.seq++
		seq := s.seq
		return tea.Batch(cmd, tea.Tick(m.debounce, func(time.Time) tea.Msg { return searchTickMsg{seq} }))
	}
	return nil
}

// runSearch asks the store in a command: the first page of the field's
// query, or the next page of the one shown, in the scoped agreement's
// clauses or, unscoped, in every agreement's.
func (m *Model) runSearch(more bool) tea.Cmd {
	s := m.search
	query := strings.TrimSpace(s.input.Value())
	var after *store.SearchCursor
	if more {
		query, after = s.query, s.next
	}
	if query == "" {
		s.query, s.page, s.hits, s.next = "", nil, nil, nil
		s.shown.Reset(0, nil)
		return m.showSelected()
	}
	s.busy = true
	ctx, seq, st, scope := m.c.Ctx, s.seq, m.c.Store, m.scopeID
	return func() tea.Msg {
		p, err := st.SearchIn(ctx, scope, query, searchPage, after)
		return searchMsg{seq: seq, query: query, more: more, page: p, err: err}
	}
}

func (m *Model) applySearch(msg searchMsg) tea.Cmd {
	s := m.search
	if msg.seq != s.seq {
		return nil // typed on since: this answers an old query
	}
	s.busy = false
	if msg.err != nil {
		return session.Fail(msg.err)
	}
	if msg.more {
		s.hits = append(s.hits, msg.page.Hits...)
		s.shown.Append(len(msg.page.Hits))
	} else {
		s.hits = msg.page.Hits
		s.shown.Reset(len(s.hits), nil)
		s.shown.Top()
	}
	s.query, s.page, s.next = msg.query, msg.page, msg.page.Next
	return m.showSelected()
}

// rescope runs an open search again over the new scope; answers for the
// old one are dropped as stale.
func (m *Model) rescope() tea.Cmd {
	s := m.search
	if s == nil {
		return nil
	}
	s.seq++
	s.input.Placeholder = m.placeholder()
	return m.runSearch(false)
}

// placeholder says in the empty field what the search looks through.
func (m *Model) placeholder() string {
	if m.scopeID != "" {
		return m.c.T("clauses.search_placeholder_in")
	}
	return m.c.T("clauses.search_placeholder")
}

// hitRows is how many hits fit the results box: two lines each, under the field.
func (m *Model) hitRows() int { return max(0, (m.treeH-2)/2) }

func (m *Model) moveHit(delta int) tea.Cmd {
	s := m.search
	if len(s.hits) == 0 {
		return nil
	}
	s.shown.Move(delta)
	var more tea.Cmd
	if _, nearEnd := s.shown.Near(prefetch); s.next != nil && !s.busy && nearEnd {
		more = m.runSearch(true)
	}
	return tea.Batch(more, m.showSelected())
}

// showHit previews the selected hit's clause in the viewer.
func (m *Model) showHit() tea.Cmd {
	s := m.search
	if len(s.hits) == 0 {
		help := m.c.T("clauses.search_help")
		if m.scopeID != "" {
			help = m.c.T("clauses.search_help_in", session.Sanitize(m.scopeTitle))
		}
		help += "\n\n" + m.c.T("clauses.search_tips")
		m.setViewer("help:"+m.scopeID, func() string { return m.c.Styles.Dim.Width(max(1, m.viewer.Width)).Render(help) })
		return nil
	}
	return m.showClause(s.hits[s.shown.Cursor()].ClauseID)
}

// showCited selects the clause a ShowClauseMsg names, scoping every pane
// to its agreement first when it is another one, as a search hit does.
func (m *Model) showCited(msg session.ShowClauseMsg) tea.Cmd {
	m.search = nil
	m.layout()
	if msg.AgreementID != m.scopeID {
		m.pendingJump = msg.ClauseID
		return func() tea.Msg { return session.ScopeMsg{ID: msg.AgreementID, Title: msg.Title} }
	}
	if !m.reveal(msg.ClauseID) {
		m.pendingJump = msg.ClauseID // the tree is on its way
		return nil
	}
	return m.showSelected()
}

// jump closes the search and selects the hit's clause in the tree, scoping
// every pane to its agreement first when it is another one.
func (m *Model) jump() tea.Cmd {
	s := m.search
	if len(s.hits) == 0 {
		return nil
	}
	h := s.hits[s.shown.Cursor()]
	m.search = nil
	m.layout()
	if h.AgreementID != m.scopeID {
		m.pendingJump = h.ClauseID
		return func() tea.Msg { return session.ScopeMsg{ID: h.AgreementID, Title: h.Agreement} }
	}
	m.reveal(h.ClauseID)
	return m.showSelected()
}

// searchView draws the field and the hits, two lines each: where the
// clause is, then the snippet, with the matching words highlighted.
func (m *Model) searchView() string {
	st := m.c.Styles
	s := m.search
	w := m.treeW
	s.input.Width = max(1, w-ansi.StringWidth(s.input.Prompt)-1)
	var b strings.Builder
	b.WriteString(s.input.View() + "\n")
	status := ""
	switch {
	case s.busy:
		status = m.c.T("clauses.searching")
	case s.page == nil:
	case len(s.page.Words) == 0:
		status = m.c.T("clauses.too_short", store.MinWordLen)
	case len(s.hits) == 0:
		status = m.c.T("clauses.no_hits", s.query)
	case s.next != nil:
		status = m.c.T("clauses.hits_more", len(s.hits))
	default:
		status = m.c.T("clauses.hits", len(s.hits))
	}
	if s.page != nil && len(s.page.Ignored) > 0 && len(s.page.Words) > 0 {
		status += " · " + m.c.T("clauses.ignored", strings.Join(s.page.Ignored, " "))
	}
	b.WriteString(st.Dim.Render(ansi.Truncate(status, w, "…")))
	s.shown.PlaceInBox(st, 0, 0, 2, w-session.CursorW)
	from, to := s.shown.Visible()
	for i := from; i < to && m.hitRows() > 0; i++ {
		h := s.hits[i]
		where := session.Sanitize(h.Number) + " " + marked(m.c, h.Heading, h.HeadingMarks, st.Value)
		// Scoped, every hit is of the one agreement the title names.
		from := ""
		if m.scopeID == "" {
			from = st.Dim.Render(" · " + session.Sanitize(h.Agreement))
		}
		line1 := ansi.Truncate(where+from, w-2, "…")
		// Without a snippet (a heading alone matched) the document says where it is.
		line2 := "  " + ansi.Truncate(marked(m.c, h.Snippet, h.Marks, st.Dim), w-2, "…")
		if h.Snippet == "" {
			line2 = "  " + st.Dim.Render(ansi.Truncate(session.Sanitize(h.Document), w-2, "…"))
		}
		b.WriteString("\n" + st.Mark(i == s.shown.Selected()) + line1 + "\n" + line2)
	}
	title := m.c.T("clauses.search_title")
	if m.scopeID != "" {
		title = m.c.T("clauses.search_title_in", session.Sanitize(m.scopeTitle))
	}
	return st.Box(b.String(), m.treeW, m.treeH, true, ansi.Truncate(title, max(0, m.treeW-4), "…"))
}

// marked renders text with the spans in marks highlighted and the rest in
// base, sanitizing each piece (the spans index the raw text).
func marked(c *session.State, text string, marks []extract.Span, base lipgloss.Style) string {
	var b strings.Builder
	at := 0
	for _, sp := range marks {
		if sp.Start < at || sp.End > len(text) {
			continue
		}
		b.WriteString(base.Render(session.Sanitize(text[at:sp.Start])))
		b.WriteString(c.Styles.Highlight.Render(session.Sanitize(text[sp.Start:sp.End])))
		at = sp.End
	}
	b.WriteString(base.Render(session.Sanitize(text[at:])))
	return b.String()
}

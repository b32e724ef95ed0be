package clauses

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// Tree markers.
const (
	markOpen    = "▾ "
	markClosed  = "▸ "
	markLeaf    = "  "
	markNote    = "●"
	markChanged = "Δ"
	markRemoved = "×"
)

// View draws the tree (or the search results) beside the viewer, or the
// comparison over the whole pane.
func (m *Model) View() string {
	st := m.c.Styles
	if m.compare != nil {
		return m.compare.view(m)
	}
	var left string
	if m.search != nil {
		left = m.searchView()
	} else {
		left = m.treeView()
	}
	var viewer string
	if m.form != nil {
		viewer = st.Box(m.formView(), m.viewer.Width, m.viewer.Height, true, "")
	} else {
		viewer = m.viewer.Box(m.c)
	}
	if m.wide {
		return session.Beside(left, viewer)
	}
	return lipgloss.JoinVertical(lipgloss.Left, left, viewer)
}

// treeView draws the visible rows of the tree in its box.
func (m *Model) treeView() string {
	st := m.c.Styles
	title := m.c.T("clauses.all")
	if m.scopeID != "" {
		title = session.Sanitize(m.scopeTitle)
	}
	var body string
	switch {
	case !m.loaded:
		body = st.Dim.Render(m.c.T("loading"))
	case m.empty:
		body = st.Dim.Width(m.treeW).Render(m.c.T("clauses.empty_register"))
	case m.scopeID != "" && len(m.rows) == 0:
		body = st.Dim.Width(m.treeW).Render(m.c.T("clauses.empty_agreement", m.scopeID))
	default:
		m.tree.PlaceInBox(st, 0, 0, 0, m.treeW-session.CursorW)
		body = strings.Join(m.tree.Rows(st, m.treeW, func(i int) string { return m.renderRow(m.rows[i]) }, nil), "\n")
	}
	return st.Box(body, m.treeW, m.treeH, m.search == nil && m.form == nil, ansi.Truncate(title, max(0, m.treeW-4), "…"))
}

// renderRow formats one row of the tree to the width right of the cursor
// column.
func (m *Model) renderRow(r row) string {
	st := m.c.Styles
	width := m.treeW - session.CursorW
	a := m.agreements[r.agr]
	fold := markLeaf
	if r.children {
		fold = markClosed
		if m.isOpen(r) {
			fold = markOpen
		}
	}
	indent := strings.Repeat("  ", r.depth) + fold
	var text, marks string
	switch r.kind {
	case agreementRow:
		text = session.Sanitize(a.title)
		if a.loading {
			marks = " " + st.Dim.Render(m.c.T("loading"))
		}
	case documentRow:
		d := a.docs[r.doc]
		text = st.Title.Render(session.Sanitize(d.Name))
		if d.Superseded {
			marks = " " + st.Warn.Render(m.c.T("clauses.old_version"))
		}
		// The version goes when it would cut the name.
		if version := " " + st.Dim.Render(session.Sanitize(d.Version)); d.Version != "" &&
			ansi.StringWidth(indent+text+version+marks) <= width {
			marks = version + marks
		}
	case clauseRow:
		c := a.docs[r.doc].Clauses[r.clause]
		text = strings.TrimSpace(session.Sanitize(c.Number + " " + c.Heading))
		if c.Amended == store.AmendRemoved {
			text = st.Dim.Render(text)
		}
		marks = m.clauseMarks(c)
	}
	line := indent + text
	room := width - ansi.StringWidth(marks)
	if ansi.StringWidth(line) > room {
		line = ansi.Truncate(line, max(0, room), "…")
	}
	return ansi.Truncate(line+marks, width, "")
}

// clauseMarks are the markers after a clause: amended or removed, and its
// notes in the colour of their gravest risk.
func (m *Model) clauseMarks(c store.ClauseNode) string {
	st := m.c.Styles
	var marks string
	switch c.Amended {
	case store.AmendChanged:
		marks += " " + st.Warn.Render(markChanged)
	case store.AmendRemoved:
		marks += " " + st.Danger.Render(markRemoved)
	}
	if c.Notes > 0 {
		marks += " " + m.riskStyle(c.Risk).Render(markNote)
	}
	return marks
}

// riskStyle colours a risk level.
func (m *Model) riskStyle(risk string) lipgloss.Style {
	switch risk {
	case model.RiskRisk:
		return m.c.Styles.Danger
	case model.RiskWatch:
		return m.c.Styles.Warn
	}
	return m.c.Styles.OK
}

// showSelected puts what the cursor is on into the viewer, fetching a
// clause the first time, and redraws only when that changed.
func (m *Model) showSelected() tea.Cmd {
	if m.search != nil {
		return m.showHit()
	}
	r := m.selectedRow()
	if r == nil {
		m.setViewer("", func() string { return "" })
		return nil
	}
	a := m.agreements[r.agr]
	switch r.kind {
	case agreementRow:
		m.setViewer("a:"+a.id, func() string { return m.agreementText(a) })
	case documentRow:
		d := a.docs[r.doc]
		m.setViewer("d:"+d.Name+d.Version, func() string { return m.documentText(a, d) })
	case clauseRow:
		c := a.docs[r.doc].Clauses[r.clause]
		return m.showClause(c.ID)
	}
	return nil
}

// showClause shows a clause in the viewer, or fetches it.
func (m *Model) showClause(id int64) tea.Cmd {
	d, ok := m.details[id]
	if !ok {
		m.setViewer("", func() string { return m.c.Styles.Dim.Render(m.c.T("loading")) })
		return m.fetchDetail(id)
	}
	m.setViewer(clauseKey(id), func() string {
		// Every screen on this clause shows the same text: drawn once for
		// all the sessions of one look.
		key := drawnClause{d, m.viewer.Width, m.c.Styles.Look, m.c.Lang}
		return m.c.Shared.Draw(key, func() string { return m.clauseText(d) })
	})
	return nil
}

// drawnClause is what a clause's text in the viewer depends on.
type drawnClause struct {
	detail *store.ClauseDetail
	width  int
	look   session.Look
	lang   i18n.Lang
}

// setViewer replaces the viewer's content when the key changed, drawing it
// only then; the empty key always redraws.
func (m *Model) setViewer(key string, content func() string) {
	if key != "" && key == m.shown {
		return
	}
	m.shown = key
	m.viewer.SetContent(content())
	m.viewer.GotoTop()
}

package clauses

import (
	"errors"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/session"
)

const (
	comparePage = 50 // agreements fetched at a time
	minColumn   = 34 // narrowest readable column; below two of them the view stacks
	columnGap   = " │ "
)

// compareView shows the clauses with one tag from every agreement side by
// side, or one under the other when the pane is narrow.
type compareView struct {
	tag     string
	groups  []store.CompareGroup
	atEnd   bool
	loading bool
	first   int // first agreement shown as a column
	cols    int // columns that fit
	colW    int
	vp      viewport.Model
}

// tagsMsg carries the tags in use, for the compare form.
type tagsMsg struct {
	tags []string
	err  error
}

// compareMsg carries a page of the comparison of tag.
type compareMsg struct {
	tag    string
	after  string
	groups []store.CompareGroup
	err    error
}

// openCompareForm asks which tag to compare, offering the selected
// clause's first tag, and fetches the tags in use for the hint.
func (m *Model) openCompareForm() tea.Cmd {
	c := m.c
	value := ""
	if sel := m.selectedClause(); sel != nil {
		if d := m.details[sel.ID]; d != nil && len(d.Tags) > 0 {
			value = d.Tags[0]
		}
	}
	m.editing = edit{kind: compareEdit, hint: c.T("loading")}
	m.form = form.New(c, c.T("clauses.compare_title"), form.Field{Key: "tag", Label: c.T("clauses.tag_label"), Value: value,
		Required: true, Suggestions: tagIDs(), Check: func(v string) error {
			id, err := extract.CheckTag(v)
			switch {
			case err != nil:
				return c.Lang.TagErrors(err)
			case m.editing.inUse != nil && !slices.Contains(m.editing.inUse, id):
				return errors.New(c.T("clauses.tag_unused", id))
			}
			return nil
		}})
	m.shown = ""
	ctx, st := c.Ctx, c.Store
	return func() tea.Msg {
		tags, err := st.TagsInUse(ctx)
		return tagsMsg{tags: tags, err: err}
	}
}

func (m *Model) fetchCompare(tag, after string) tea.Cmd {
	ctx, st := m.c.Ctx, m.c.Store
	return func() tea.Msg {
		groups, err := st.Compare(ctx, tag, after, comparePage)
		return compareMsg{tag: tag, after: after, groups: groups, err: err}
	}
}

// updateCompare handles the tags for the form, the comparison's pages and
// the keys of the open comparison.
func (m *Model) updateCompare(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tagsMsg:
		if m.form == nil || m.editing.kind != compareEdit {
			return nil
		}
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		m.editing.inUse = msg.tags
		m.editing.hint = m.c.T("clauses.tags_in_use", session.Sanitize(strings.Join(msg.tags, ", ")))
		if len(msg.tags) == 0 {
			m.editing.hint = m.c.T("clauses.no_tags_in_use")
		}
	case compareMsg:
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		if msg.after == "" {
			m.compare = &compareView{tag: msg.tag, vp: viewport.New(0, 0)}
		} else if m.compare == nil || m.compare.tag != msg.tag {
			return nil // closed, or another tag, since
		}
		cv := m.compare
		cv.groups = append(cv.groups, msg.groups...)
		cv.atEnd, cv.loading = len(msg.groups) < comparePage, false
		cv.layout(m)
	case tea.KeyMsg:
		return m.compareKey(msg)
	}
	return nil
}

func (m *Model) compareKey(msg tea.KeyMsg) tea.Cmd {
	cv, k := m.compare, m.keys
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Compare), key.Matches(msg, k.nav.Quit):
		m.compare = nil
		return nil
	case key.Matches(msg, k.Left):
		cv.first = max(0, cv.first-1)
	case key.Matches(msg, k.Right):
		cv.first = min(max(0, len(cv.groups)-cv.cols), cv.first+1)
	case key.Matches(msg, k.nav.Down):
		cv.vp.ScrollDown(1)
		return nil
	case key.Matches(msg, k.nav.Up):
		cv.vp.ScrollUp(1)
		return nil
	case key.Matches(msg, k.nav.PageDown):
		cv.vp.PageDown()
		return nil
	case key.Matches(msg, k.nav.PageUp):
		cv.vp.PageUp()
		return nil
	default:
		return nil
	}
	cv.layout(m)
	if !cv.atEnd && !cv.loading && cv.first+cv.cols >= len(cv.groups) && len(cv.groups) > 0 {
		cv.loading = true
		return m.fetchCompare(cv.tag, cv.groups[len(cv.groups)-1].SortKey)
	}
	return nil
}

// layout fits the columns to the pane and renders them into the viewport.
func (cv *compareView) layout(m *Model) {
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	w, h := max(1, m.width-frameW), max(1, m.height-frameH)
	cv.cols = max(1, min(len(cv.groups), (w+len(columnGap))/(minColumn+len(columnGap))))
	cv.first = min(cv.first, max(0, len(cv.groups)-cv.cols))
	cv.vp.Width, cv.vp.Height = w, h
	if cv.cols == 1 {
		cv.colW = w
		var parts []string
		for _, g := range cv.groups {
			parts = append(parts, m.compareColumn(g, w))
		}
		cv.vp.SetContent(strings.Join(parts, "\n\n"))
		return
	}
	cv.colW = (w - (cv.cols-1)*len(columnGap)) / cv.cols
	var cols []string
	tallest := 0
	for _, g := range cv.groups[cv.first : cv.first+cv.cols] {
		col := m.compareColumn(g, cv.colW)
		tallest = max(tallest, lipgloss.Height(col))
		cols = append(cols, m.c.Styles.App.Width(cv.colW).Render(col))
	}
	gap := m.c.Styles.Dim.Render(strings.TrimSuffix(strings.Repeat(columnGap+"\n", tallest), "\n"))
	joined := []string{}
	for i, col := range cols {
		if i > 0 {
			joined = append(joined, gap)
		}
		joined = append(joined, col)
	}
	cv.vp.SetContent(lipgloss.JoinHorizontal(lipgloss.Top, joined...))
}

// compareColumn renders one agreement's tagged clauses in width cells.
func (m *Model) compareColumn(g store.CompareGroup, width int) string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Width(width).Render(session.Sanitize(g.Agreement)) + "\n")
	b.WriteString(st.Dim.Render(g.AgreementID))
	for _, c := range g.Clauses {
		b.WriteString("\n\n" + st.Header.Width(width).Render(strings.TrimSpace(session.Sanitize(c.Number+" "+c.Heading))))
		b.WriteString("\n" + st.Dim.Width(width).Render(session.Sanitize(c.Document)))
		if body := session.Sanitize(c.Body); strings.TrimSpace(body) != "" {
			b.WriteString("\n" + st.Value.Width(width).Render(m.highlight(body, c.Number, st.Value)))
		}
	}
	return b.String()
}

// view draws the comparison over the whole pane.
func (cv *compareView) view(m *Model) string {
	st := m.c.Styles
	var title string
	switch {
	case len(cv.groups) == 0:
		return st.Box(st.Dim.Width(cv.vp.Width).Render(m.c.T("clauses.compare_empty", cv.tag)), cv.vp.Width, cv.vp.Height, true,
			m.c.T("clauses.compare_of", cv.tag))
	case cv.cols == 1:
		title = m.c.T("clauses.compare_stacked", cv.tag, len(cv.groups))
	default:
		title = m.c.T("clauses.compare_columns", cv.tag, cv.first+1, cv.first+cv.cols, len(cv.groups))
	}
	return st.Box(cv.vp.View(), cv.vp.Width, cv.vp.Height, true, title)
}

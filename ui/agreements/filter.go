package agreements

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/common"
)

// maxMatches is how many matching agreements the filtered list holds; a
// filter that keeps more than this shows the first ones and says so.
const maxMatches = maxWindow

// matched marks a page that is the whole filtered list.
const matched direction = refresh + 1

// openFilter starts typing a filter ("/"), keeping the one already set.
func (m *Model) openFilter() tea.Cmd {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = m.c.T("agreements.filter_hint")
	in.PlaceholderStyle = m.c.Styles.Dim
	in.SetValue(m.query)
	in.CursorEnd()
	in.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would keep the program awake
	m.filter = &in
	return m.filter.Focus()
}

// updateFilter takes the keys while the filter is typed: the list follows
// every key; enter keeps the filter and goes back to the list, esc drops it.
func (m *Model) updateFilter(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		m.filter = nil
		return nil
	case tea.KeyEsc:
		return m.clearFilter()
	}
	var cmd tea.Cmd
	*m.filter, cmd = m.filter.Update(msg)
	if q := strings.TrimSpace(m.filter.Value()); q != m.query {
		m.query = q
		return tea.Batch(cmd, m.refetch())
	}
	return cmd
}

// clearFilter drops the filter and shows the whole register again.
func (m *Model) clearFilter() tea.Cmd {
	m.filter, m.query = nil, ""
	return m.fetch(reset, "", false)
}

// refetch reads the list again: the matches of the filter, or the whole
// register from the top.
func (m *Model) refetch() tea.Cmd {
	if m.query == "" {
		return m.fetch(reset, "", false)
	}
	m.seq++
	m.busy = true
	ctx, seq, st, terms := m.c.Ctx, m.seq, m.c.Store, m.terms()
	return func() tea.Msg {
		rows, err := st.Matching(ctx, terms, maxMatches)
		return pageMsg{seq: seq, dir: matched, limit: maxMatches, rows: rows, total: len(rows), err: err}
	}
}

// terms are the filter's words, each with the stored kinds and statuses
// whose name in the session's language holds it ("ramavtal" finds the
// framework agreements in Swedish).
func (m *Model) terms() [][]string {
	var terms [][]string
	for _, word := range strings.Fields(m.query) {
		alts := []string{word}
		w := strings.ToLower(word)
		for _, k := range model.Kinds {
			if strings.Contains(strings.ToLower(m.c.T("kind."+string(k))), w) {
				alts = append(alts, string(k))
			}
		}
		for _, s := range model.Statuses {
			if strings.Contains(strings.ToLower(m.c.T("status."+string(s))), w) {
				alts = append(alts, string(s))
			}
		}
		terms = append(terms, alts)
	}
	return terms
}

// listTitle is the list's frame title: where the cursor is, and the filter
// when one is set.
func (m *Model) listTitle() string {
	if m.query == "" {
		return m.c.T("agreements.count", m.base+m.cursor+1, m.total)
	}
	pos := 0
	if len(m.rows) > 0 {
		pos = m.cursor + 1
	}
	key := "agreements.filtered"
	if m.total >= maxMatches {
		key = "agreements.filtered_first"
	}
	return m.c.T(key, pos, m.total, common.Sanitize(m.query))
}

// highlight marks where the filter's words are in a cell's text.
func (m *Model) highlight(text string) string {
	if m.query == "" {
		return text
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return text // a letter whose lower case is longer: leave it plain
	}
	marked := make([]bool, len(text))
	for _, w := range strings.Fields(strings.ToLower(m.query)) {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			for j := from + i; j < from+i+len(w); j++ {
				marked[j] = true
			}
			from += i + len(w)
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && marked[j] == marked[i] {
			j++
		}
		if marked[i] {
			b.WriteString(m.c.Styles.Highlight.Render(text[i:j]))
		} else {
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

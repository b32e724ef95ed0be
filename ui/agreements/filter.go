package agreements

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/store"
	"avtal/ui/list"
	"avtal/ui/session"
)

// maxMatches is how many matching agreements the filtered list holds; a
// filter that keeps more than this shows the first ones and says so.
const maxMatches = maxWindow

// matched marks a page that is the whole filtered list.
const matched direction = around + 1

// listKey gives a key to the list: movement, the filter ("/": the list
// follows every key typed; enter keeps the filter, esc drops it) and the
// sort.
func (m *Model) listKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	ev, cmd := m.list.Key(msg, m.c, m.c.T("agreements.filter_hint"))
	switch ev {
	case list.Ignored:
		return nil, false
	case list.Refilter:
		return tea.Batch(cmd, m.refetch("")), true
	case list.Resort:
		return m.resort(cmd), true
	}
	return tea.Batch(cmd, m.moved()), true
}

// refetch reads the list again, in its order: the matches of the filter,
// or the whole register from the top. The cursor goes to agreement keep
// when it is among the matches, else to the first.
func (m *Model) refetch(keep string) tea.Cmd {
	if !m.list.Filter.Active() {
		return m.fetch(reset, store.ListCursor{}, false)
	}
	m.seq++
	m.busy = true
	ctx, seq, st, o, terms := m.c.Ctx, m.seq, m.c.Store, m.order(), m.terms()
	return func() tea.Msg {
		rows, err := st.MatchingBy(ctx, o, terms, maxMatches)
		return pageMsg{seq: seq, dir: matched, limit: maxMatches, rows: rows, total: len(rows), keep: keep, err: err}
	}
}

// terms are the filter's words, each with the stored kinds and statuses
// whose name in the session's language holds it ("ramavtal" finds the
// framework agreements in Swedish).
func (m *Model) terms() [][]string {
	var terms [][]string
	for _, word := range strings.Fields(m.list.Filter.Query()) {
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
	if !m.list.Filter.Active() {
		return m.c.T("agreements.count", m.base+m.list.Cursor()+1, m.total)
	}
	pos := 0
	if len(m.rows) > 0 {
		pos = m.list.Cursor() + 1
	}
	key := "agreements.filtered"
	if m.total >= maxMatches {
		key = "agreements.filtered_first"
	}
	return m.c.T(key, pos, m.total, session.Sanitize(m.list.Filter.Query()))
}

// highlight marks where the filter's words are in a cell's text.
func (m *Model) highlight(text string) string {
	return m.list.Filter.Highlight(text, m.c.Styles.Highlight)
}

package agreements

import (
	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/ui/session"
)

// The columns s sorts the list by, after the register's own order
// (frameworks with their call-offs beneath them), in the order s cycles
// through them: each is a store.ListSort. Sorted, the list is flat: a
// call-off stands in its own place, not under its framework, and the
// status line says so. The register is read from the store a page at a
// time in the order (store.PageBy), and a filter's matches in it
// (store.MatchingBy).
var sorts = []store.ListSort{store.OwnOrder, store.BySupplier, store.ByTitle, store.ByStatus, store.ByEnd, store.ByCancelBy}

// order is the order the list is read in: the sort column, the statuses
// by their names in the session's language.
func (m *Model) order() store.ListOrder { return session.ListOrder(sorts[m.list.Sort()], m.c.Lang) }

// resort follows a new sort column, the cursor staying on its agreement:
// the filter's matches, or the register around the agreement, are read
// again in the new order.
func (m *Model) resort(status tea.Cmd) tea.Cmd {
	if m.list.Sort() != 0 {
		status = session.Status(m.c.T("agreements.sorted_flat", m.list.Sorted()))
	}
	keep := m.selectedID()
	if m.list.Filter.Active() {
		return tea.Batch(status, m.refetch(keep))
	}
	return tea.Batch(status, m.fetchAround(keep))
}

// fetchAround reads the page of the list around agreement id, which the
// cursor then stays on: half a page before it.
func (m *Model) fetchAround(id string) tea.Cmd {
	m.seq++
	m.busy = true
	ctx, seq, st, o := m.c.Ctx, m.seq, m.c.Store, m.order()
	return func() tea.Msg {
		rows, base, err := st.PageAround(ctx, o, id, pageSize/2, pageSize)
		msg := pageMsg{seq: seq, dir: around, limit: pageSize, rows: rows, base: base, keep: id, err: err}
		if err == nil {
			msg.total, msg.err = st.Count(ctx)
		}
		return msg
	}
}

package agreements

import (
	"cmp"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/common"
)

// The columns s sorts the list by, after the register's own order
// (frameworks with their call-offs beneath them), in the order s cycles
// through them: each is a store.ListSort. Sorted, the list is flat: a
// call-off stands in its own place, not under its framework, and the
// status line says so. The register is read from the store a page at a
// time in the order (store.PageBy); a filter's matches, held whole, are
// sorted where they are.
var sorts = []store.ListSort{store.OwnOrder, store.BySupplier, store.ByTitle, store.ByStatus, store.ByEnd, store.ByCancelBy}

// order is the order the list is read in: the sort column, the statuses
// by their names in the session's language.
func (m *Model) order() store.ListOrder { return common.ListOrder(sorts[m.list.Sort()], m.c.Lang) }

// resort follows a new sort column, the cursor staying on its agreement:
// a filter's matches are sorted where they are; the register is read
// again around the agreement, in the new order.
func (m *Model) resort(status tea.Cmd) tea.Cmd {
	if m.list.Sort() != 0 {
		status = common.Status(m.c.T("agreements.sorted_flat", m.list.Sorted()))
	}
	keep := m.selectedID()
	if m.list.Filter.Active() {
		m.sortRows()
		m.selectID(keep)
		return tea.Batch(status, m.moved())
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

// sortRows orders a filter's matches, held whole, by the sort column:
// the register's own order or the column's values, as the store's orders
// give them (store.ListOrder).
func (m *Model) sortRows() {
	by := sorts[m.list.Sort()]
	today := model.DateOf(m.c.Now())
	date := func(d model.Date) string {
		if d.IsZero() {
			return "\uffff" // no date: last
		}
		return d.String()
	}
	key := func(r *store.Row) string {
		a := &r.Agreement
		switch by {
		case store.BySupplier:
			return store.FoldText(a.Supplier.Name)
		case store.ByTitle:
			return store.FoldText(a.Title)
		case store.ByStatus:
			return store.FoldText(m.c.T("status." + string(a.Status)))
		case store.ByEnd:
			return date(deadlines.ListDatesOn(a, r.Terminated, today).End)
		case store.ByCancelBy:
			return date(deadlines.ListDatesOn(a, r.Terminated, today).CancelBy)
		}
		return ""
	}
	keys := make(map[string]string, len(m.rows))
	for i := range m.rows {
		keys[m.rows[i].Agreement.ID] = key(&m.rows[i])
	}
	slices.SortStableFunc(m.rows, func(a, b store.Row) int {
		return cmp.Or(strings.Compare(keys[a.Agreement.ID], keys[b.Agreement.ID]), strings.Compare(a.SortKey, b.SortKey))
	})
	m.list.Invalidate()
}

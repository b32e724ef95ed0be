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
// (frameworks with their call-offs beneath them). The register is read a
// page at a time in its own order, so a sort applies to a list the window
// holds whole: a filter's matches, or a register of up to maxWindow
// agreements. On a larger register s asks for a filter first.
const (
	bySupplier = iota + 1
	byTitle
	byStatus
	byEnd
	byNext
)

// resort follows a new sort column: the register's own order is read
// again; a list held whole is sorted where it is, the cursor staying on
// its agreement.
func (m *Model) resort(status tea.Cmd) tea.Cmd {
	if m.list.Sort() == 0 {
		return tea.Batch(status, m.refetch())
	}
	if !m.atTop || !m.atEnd {
		m.list.SetSort(0)
		return common.Status(m.c.T("agreements.sort_needs_filter", maxWindow))
	}
	keep := m.selectedID()
	m.sortRows()
	m.selectID(keep)
	return tea.Batch(status, m.moved())
}

// sortRows orders the rows by the sort column, when the window holds the
// whole list; a window of a longer list goes back to the register's order.
func (m *Model) sortRows() {
	by := m.list.Sort()
	if by == 0 {
		return
	}
	if !m.atTop || !m.atEnd {
		m.list.SetSort(0) // the filter that made the list short was dropped
		return
	}
	today, lang := model.DateOf(m.c.Now()), m.c.Lang.Model()
	key := func(r *store.Row) string {
		a := &r.Agreement
		switch by {
		case bySupplier:
			return store.FoldText(a.Supplier.Name)
		case byTitle:
			return store.FoldText(a.Title)
		case byStatus:
			return store.FoldText(m.c.T("status." + string(a.Status)))
		}
		o := deadlines.OutlookOn(a, r.Terminated, today, lang)
		var d model.Date
		switch {
		case by == byEnd && !o.Ends.IsZero():
			d = o.Ends
		case by == byEnd && o.HasPeriod:
			d = o.Period.End
		case by == byNext:
			d = o.CancelBy
		}
		if d.IsZero() {
			return "\uffff" // no date: last
		}
		return d.String()
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

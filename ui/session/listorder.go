package session

import (
	"slices"
	"strings"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
)

// ListOrder is the register's list sorted by by as lang shows it: by
// status, the statuses in the order of their names in lang. The register
// pane's s and `avtal list --sort` read the same order.
func ListOrder(by store.ListSort, lang i18n.Lang) store.ListOrder {
	o := store.ListOrder{By: by}
	if by == store.ByStatus {
		o.Statuses = slices.Clone(model.Statuses)
		slices.SortStableFunc(o.Statuses, func(a, b model.Status) int {
			return strings.Compare(store.FoldText(lang.T("status."+string(a))), store.FoldText(lang.T("status."+string(b))))
		})
	}
	return o
}

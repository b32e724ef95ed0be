package store_test

import (
	"context"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/gen"
	"avtal/store"
	"avtal/store/benchdb"
)

// The store's reads behind each pane, on the register of 10 000 agreements
// and a million clauses (store/benchdb). They run in tea.Cmds, off the
// Update loop, but the user waits for them: a page that arrives late is a
// frame that shows "Loading…".

// BenchmarkScaleReads times one call of each read a pane makes on a key
// press or at start-up.
func BenchmarkScaleReads(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	mid := gen.ID(benchdb.Seed, benchdb.Agreements/2)
	midRows, err := st.Page(ctx, "", 1, false)
	if err != nil || len(midRows) != 1 {
		b.Fatalf("first row: %v", err)
	}
	tallies, err := st.SubTallies(ctx, []string{"US", "IN", "GB"})
	if err != nil || len(tallies) == 0 {
		b.Fatalf("sub-processor tallies: %v", err)
	}
	top := tallies[0]
	for _, t := range tallies {
		if t.Agreements > top.Agreements {
			top = t
		}
	}
	b.Logf("the most used sub-processor, %s, is named by %d agreements", top.Sub.Name, top.Agreements)
	reads := []struct {
		name string
		read func() error
	}{
		{"register_first_page", func() error { _, err := st.Page(ctx, "", 100, false); return err }},
		{"register_next_page", func() error { _, err := st.Page(ctx, midRows[0].SortKey, 100, false); return err }},
		{"register_last_page", func() error { _, err := st.Page(ctx, "\U0010FFFF", 100, true); return err }},
		{"register_count", func() error { _, err := st.Count(ctx); return err }},
		{"agreement_detail", func() error {
			if _, err := st.Agreement(ctx, mid); err != nil {
				return err
			}
			if _, err := st.Related(ctx, mid); err != nil {
				return err
			}
			_, err := st.AuditLog(ctx, mid, 10)
			return err
		}},
		{"sla_agreements_50", func() error { _, err := st.SLAAgreements(ctx, "", 50, false); return err }},
		{"sla_count", func() error { _, err := st.SLACount(ctx, "\U0010FFFF"); return err }},
		{"incidents_year", func() error {
			_, err := st.Incidents(ctx, mid, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			return err
		}},
		{"subprocessor_portfolio", func() error { _, err := st.SubTallies(ctx, []string{"US", "IN", "GB"}); return err }},
		{"subprocessor_uses_top", func() error {
			_, err := st.SubUses(ctx, store.UseQuery{Names: []string{top.Sub.Name}}, store.UseKey{}, 50)
			return err
		}},
		{"open_notices", func() error { _, err := st.OpenNotices(ctx); return err }},
		// s in the register pane: the page around the selected agreement in
		// a new order, and the next page of a sorted list.
		{"register_sort_by_supplier", func() error {
			_, _, err := st.PageAround(ctx, store.ListOrder{By: store.BySupplier}, mid, 50, 100)
			return err
		}},
		{"register_sort_by_cancel_by", func() error {
			_, _, err := st.PageAround(ctx, store.ListOrder{By: store.ByCancelBy}, mid, 50, 100)
			return err
		}},
		{"register_sort_by_status", func() error {
			_, _, err := st.PageAround(ctx, store.ListOrder{By: store.ByStatus, Statuses: model.Statuses}, mid, 50, 100)
			return err
		}},
		{"register_sorted_next_page", func() error {
			_, err := st.PageBy(ctx, store.ListOrder{By: store.ByEnd}, store.ListCursor{Value: "2027-06-01"}, 100, false)
			return err
		}},
	}
	for _, r := range reads {
		b.Run(r.name, func(b *testing.B) {
			var l benchdb.Latencies
			for b.Loop() {
				var err error
				l.Time(func() { err = r.read() })
				if err != nil {
					b.Fatal(err)
				}
			}
			l.Report(b)
		})
	}
}

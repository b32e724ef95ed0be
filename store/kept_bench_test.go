package store_test

import (
	"context"
	"database/sql"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/gen"
	"avtal/store"
	"avtal/store/benchdb"
)

// BenchmarkKeptDeadlines measures the kept deadlines on the register of
// 10 000 agreements (store/benchdb): a year of the whole register read from
// the table (target 20 ms) against computing it as every request did
// before schema 12, one write with its agreement's deadlines kept in step
// (target 20 ms for the write and its effect on the calendar), and the
// full computation the upgrade and a new year make: with nothing to write
// (the same span again), every row to write (the kept tables made anew)
// and a new year.
func BenchmarkKeptDeadlines(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	today := model.DateOf(st.Clock()())
	from, to := today, today.AddMonths(12)
	b.Run("year_from_table", func(b *testing.B) {
		var l benchdb.Latencies
		n := 0
		for b.Loop() {
			l.Time(func() {
				ds, err := st.Deadlines(ctx, "", from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ds)
			})
		}
		l.Report(b)
		b.ReportMetric(float64(n), "deadlines")
	})
	b.Run("year_from_table_worded", func(b *testing.B) {
		// Every one of them worded too, as a command that writes them all
		// (`avtal deadlines --json`) words them while it writes.
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() {
				ds, err := st.Deadlines(ctx, "", from, to)
				if err != nil {
					b.Fatal(err)
				}
				for i := range ds {
					if err := deadlines.Word(&ds[i], model.Swedish); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		l.Report(b)
	})
	b.Run("year_computed", func(b *testing.B) {
		var l benchdb.Latencies
		n := 0
		for b.Loop() {
			l.Time(func() {
				as, recs, err := st.DeadlineInputs(ctx, "")
				if err != nil {
					b.Fatal(err)
				}
				ds, err := deadlines.All(ctx, as, recs, from, to, model.English)
				if err != nil {
					b.Fatal(err)
				}
				slices.SortStableFunc(ds, func(a, b model.Deadline) int { return b.ActBy.DaysUntil(a.ActBy) })
				n = len(ds)
			})
		}
		l.Report(b)
		b.ReportMetric(float64(n), "deadlines")
	})
	b.Run("calendar_horizon_from_table", func(b *testing.B) {
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() {
				if _, err := st.Deadlines(ctx, "", today.AddDays(-365), today.AddMonths(60)); err != nil {
					b.Fatal(err)
				}
				if _, err := st.DeadlineAgreements(ctx, ""); err != nil {
					b.Fatal(err)
				}
			})
		}
		l.Report(b)
	})

	own := copyRegister(b)
	id := gen.ID(benchdb.Seed, benchdb.Agreements/2)
	b.Run("write_and_read_back", func(b *testing.B) {
		// A termination recorded and taken back: each a write that
		// computes the agreement's deadlines again, then the agreement's
		// deadlines over the calendar's horizon read as the calendar's
		// patch reads them.
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() {
				n, err := own.RecordEvent(ctx, id, deadlines.Event{Name: deadlines.EventTermination, Date: today})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := own.Deadlines(ctx, id, today.AddDays(-365), today.AddMonths(60)); err != nil {
					b.Fatal(err)
				}
				if _, err := own.DeleteEvent(ctx, n); err != nil {
					b.Fatal(err)
				}
			})
		}
		l.Report(b)
		b.ReportMetric(2, "writes/op")
	})
	b.Run("full_computation", func(b *testing.B) {
		// Forgetting the span makes the next commit compute every
		// agreement's deadlines again, as the upgrade does.
		fullComputations(b, own, func() error {
			return own.Tx(ctx, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "DELETE FROM kept_span")
				return err
			})
		})
	})
	b.Run("full_computation_all_rows", func(b *testing.B) {
		// As an upgrade that makes the kept tables anew, or `avtal gen`:
		// nothing kept to compare with, every row written.
		fullComputations(b, own, func() error {
			return own.Tx(ctx, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "DELETE FROM kept_span; DELETE FROM kept_days; DELETE FROM kept_agreements")
				return err
			})
		})
	})
	b.Run("full_computation_new_year", func(b *testing.B) {
		// The span moved by a year, each time the other way: six of the
		// seven years' days come out as they were kept, the year left
		// and the year come are written, and most agreements' rows.
		var year atomic.Int64
		year.Store(2026)
		clock := store.WithClock(func() time.Time { return time.Date(int(year.Load()), time.November, 24, 9, 0, 0, 0, time.UTC) })
		moving, err := store.Open(ctx, own.Path(), clock)
		if err != nil {
			b.Fatal(err)
		}
		defer moving.Close()
		fullComputations(b, moving, func() error {
			year.Store(4053 - year.Load()) // 2026 and 2027 in turn
			return moving.WaitWrites(ctx)
		})
	})
}

// fullComputations times compute, a write whose commit computes every kept
// deadline, b.N times: what the user waits for. The checkpoint that folds
// each one's commit into the file after it (while the program goes on) is
// waited for before the next, untimed, and reported on its own: its wall
// time ("after-ms/op") and processor time ("after-cpu-ms/op").
func fullComputations(b *testing.B, st *store.Store, compute func() error) {
	ctx := context.Background()
	var l benchdb.Latencies
	var after, afterCPU time.Duration
	waitAfter := func() {
		c0, t0 := benchdb.CPUTime(), time.Now()
		if err := st.WaitWrites(ctx); err != nil { // waits for the checkpoint
			b.Fatal(err)
		}
		after, afterCPU = after+time.Since(t0), afterCPU+benchdb.CPUTime()-c0
	}
	for b.Loop() {
		waitAfter()
		l.Time(func() {
			if err := compute(); err != nil {
				b.Fatal(err)
			}
		})
	}
	waitAfter()
	l.Report(b)
	b.ReportMetric(float64(after)/1e6/float64(b.N), "after-ms/op")
	b.ReportMetric(float64(afterCPU)/1e6/float64(b.N), "after-cpu-ms/op")
}

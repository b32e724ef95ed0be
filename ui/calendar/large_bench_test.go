package calendar

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// BenchmarkLarge is the calendar on the generated register of 10 000
// agreements (store/benchdb), with the rules, events and terms the
// generator gives them: every deadline over five years read from the store
// and computed (target 200 ms; store.BenchmarkKeptDeadlines reads them as
// kept), the pane's whole computation (the past year and five ahead, read
// and indexed by day), one agreement's deadlines read again into it after
// a write, and keys: by day, by month, down
// the agenda, and typing a filter over every deadline of the agenda.
func BenchmarkLarge(b *testing.B) {
	c := tuitest.LargeSession(b, i18n.EN)
	st := c.Store
	ctx := context.Background()
	from, to := model.MustDate(2026, 1, 1), model.MustDate(2030, 12, 31)
	b.Run("deadlines_5y_store", func(b *testing.B) {
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
				n = len(ds)
			})
		}
		l.Report(b)
		b.ReportMetric(float64(n), "deadlines")
	})
	b.Run("pane_compute", func(b *testing.B) {
		today := model.DateOf(tuitest.Today)
		hFrom, hTo := horizon(today, today)
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() {
				if msg := load(context.Background(), st, nil, 0, loadKey{"", today, hFrom, hTo, model.English, false})().(loadedMsg); msg.err != nil {
					b.Fatal(msg.err)
				}
			})
		}
		l.Report(b)
	})
	b.Run("pane_patch", func(b *testing.B) {
		// What a write shows after it is written: the agreement's
		// deadlines read again into the pane's dataset.
		today := model.DateOf(tuitest.Today)
		hFrom, hTo := horizon(today, today)
		msg := load(context.Background(), st, nil, 0, loadKey{"", today, hFrom, hTo, model.English, false})().(loadedMsg)
		if msg.err != nil {
			b.Fatal(msg.err)
		}
		id := msg.data.all[len(msg.data.all)/2].AgreementID
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() {
				if msg := patch(context.Background(), st, nil, 0, msg.data, id)().(loadedMsg); msg.err != nil {
					b.Fatal(msg.err)
				}
			})
		}
		l.Report(b)
	})
	open := tuitest.Loaded(func() session.Pane { return New(c) })
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	tuitest.PaneKeys(b,
		tuitest.KeyBench{Name: "day", Open: open, KeyAt: tuitest.BackAndForth(30, runes("l"), runes("h"))},
		tuitest.KeyBench{Name: "month", Open: open, KeyAt: tuitest.BackAndForth(12, runes("]"), runes("["))},
		tuitest.KeyBench{Name: "agenda", Open: tuitest.Loaded(func() session.Pane { return New(c) }, tea.KeyMsg{Type: tea.KeyEnter}),
			KeyAt: tuitest.BackAndForth(40, runes("j"), runes("k"))},
		tuitest.KeyBench{Name: "filter", Open: tuitest.Loaded(func() session.Pane { return New(c) }, runes("/")),
			KeyAt: tuitest.TypeAndErase("index")},
	)
}

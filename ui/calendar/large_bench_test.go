package calendar

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// BenchmarkLarge is the calendar on the generated register of 10 000
// agreements (store/benchdb), with the rules, events and terms the
// generator gives them: every deadline over five years read from the store
// and computed (target 200 ms), the pane's whole computation (the past
// year and five ahead, indexed by day), and keys at 80x24 and 160x45.
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
				n = len(deadlines.All(as, recs, from, to))
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
				if msg := load(st, nil, 0, "", today, hFrom, hTo)().(loadedMsg); msg.err != nil {
					b.Fatal(msg.err)
				}
			})
		}
		l.Report(b)
	})
	key := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	patterns := []struct {
		name   string
		agenda bool
		keyAt  func(i int) tea.KeyMsg
	}{
		{"day", false, func(i int) tea.KeyMsg { return there(i, 30, key("l"), key("h")) }},
		{"month", false, func(i int) tea.KeyMsg { return there(i, 12, key("]"), key("[")) }},
		{"agenda", true, func(i int) tea.KeyMsg { return there(i, 40, key("j"), key("k")) }},
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 21}, {"160x45", 160, 42}} {
		for _, p := range patterns {
			b.Run(size.name+"/"+p.name, func(b *testing.B) {
				m := New(c)
				m.SetSize(size.w, size.h)
				tuitest.Drain(b, m.Update, m.Init())
				if p.agenda {
					tuitest.Drain(b, m.Update, m.Update(tea.KeyMsg{Type: tea.KeyEnter}))
				}
				m.View()
				tuitest.Keys(b, m.Update, m.View, p.keyAt)
			})
		}
	}
}

// there is forth for the first n presses of every 2n, back for the next n.
func there(i, n int, forth, back tea.KeyMsg) tea.KeyMsg {
	if i%(2*n) < n {
		return forth
	}
	return back
}

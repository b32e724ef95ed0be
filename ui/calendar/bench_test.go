package calendar

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// scaled returns n agreements made from the sample register: copies of its
// agreements under new ids, with their dates moved by up to two years
// either way so that their deadlines spread over the calendar; without
// documents, sub-processors and relations, which the calendar never reads.
func scaled(tb testing.TB, n int) []*model.Agreement {
	sample, err := assets.Agreements()
	if err != nil {
		tb.Fatal(err)
	}
	move := func(d model.Date, days int) model.Date {
		if d.IsZero() {
			return d
		}
		return d.AddDays(days)
	}
	out := make([]*model.Agreement, n)
	for i := range out {
		a := *sample[i%len(sample)]
		shift := i%1461 - 730
		a.ID, a.Title = fmt.Sprintf("%s-%05d", a.ID, i), fmt.Sprintf("%s %05d", a.Title, i)
		a.Signed, a.Effective, a.Start = move(a.Signed, shift), move(a.Effective, shift), move(a.Start, shift)
		a.Documents, a.Subs, a.Relations = nil, nil, nil
		out[i] = &a
	}
	return out
}

// record gives every 50th agreement an event its rules count from and marks
// one of its deadlines done, so the records have something to gather.
func record(tb testing.TB, st *store.Store, as []*model.Agreement) {
	ctx := context.Background()
	for i := 0; i < len(as); i += 50 {
		a := as[i]
		names := deadlines.EventNames(a)
		on := model.MustDate(2026, time.Month(1+i%12), 1+i%28)
		if _, err := st.RecordEvent(ctx, a.ID, deadlines.Event{Name: names[len(names)-1], Date: on}); err != nil {
			tb.Fatal(err)
		}
		if ds := deadlines.Compute(a, deadlines.Record{}, on, on.AddMonths(12), model.English); len(ds) > 0 {
			if err := st.MarkDone(ctx, a.ID, ds[0].Key(), on, ""); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// BenchmarkCalendar10k measures the Calendar pane on a register of 10 000
// agreements (the sample register scaled up): reading the engine's input
// from the store, computing five years of deadlines, the pane's whole
// computation and its recomputation of one agreement after a write, and
// the time from a key to the next frame (Update and View) moving by day, by
// month and in the agenda. The budgets: 200 ms for the engine, 2 ms a key.
func BenchmarkCalendar10k(b *testing.B) {
	ctx := context.Background()
	as := scaled(b, 10000)
	st := tuitest.Store(b, as)
	record(b, st, as)
	from, to := model.MustDate(2026, 1, 1), model.MustDate(2030, 12, 31)
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := st.DeadlineInputs(ctx, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	as, recs, err := st.DeadlineInputs(ctx, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("engine", func(b *testing.B) {
		var n int
		for b.Loop() {
			ds, _ := deadlines.All(context.Background(), as, recs, from, to, model.English)
			n = len(ds)
		}
		b.ReportMetric(float64(n), "deadlines")
	})
	m := New(tuitest.Session(st, i18n.EN))
	m.SetSize(160, 42)
	today := m.today()
	b.Run("pane-compute", func(b *testing.B) {
		hFrom, hTo := horizon(today, today)
		for b.Loop() {
			if msg := load(context.Background(), st, nil, 0, loadKey{"", today, hFrom, hTo, model.English, false})().(loadedMsg); msg.err != nil {
				b.Fatal(msg.err)
			}
		}
	})
	tuitest.Drain(b, m.Update, m.Init())
	if m.data == nil || len(m.data.order) < 10000 {
		b.Fatal("the pane computed too few deadlines")
	}
	b.Run("pane-patch", func(b *testing.B) {
		id := as[len(as)/2].ID
		for b.Loop() {
			if msg := patch(context.Background(), st, nil, 0, m.data, id)().(loadedMsg); msg.err != nil {
				b.Fatal(msg.err)
			}
		}
	})
	frame := func(b *testing.B, keys ...string) {
		msgs := make([]tea.KeyMsg, len(keys))
		for i, k := range keys {
			msgs[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		i := 0
		for b.Loop() {
			if cmd := m.Update(msgs[i%len(msgs)]); cmd != nil {
				b.Fatal("a key asked for a command")
			}
			_ = m.View()
			i++
		}
	}
	b.Run("key-day", func(b *testing.B) { frame(b, "l", "l", "h", "h") })
	b.Run("key-month", func(b *testing.B) { frame(b, "]", "]", "[", "[") })
	m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	b.Run("key-agenda", func(b *testing.B) { frame(b, "j", "j", "j", "k") })
}

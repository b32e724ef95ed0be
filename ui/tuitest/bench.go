package tuitest

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store/benchdb"
	"avtal/ui/common"
	"avtal/ui/i18n"
)

// LargeSession is a session like Session over the shared benchmark register
// of 10 000 agreements and a million clauses (store/benchdb). Under -short
// it skips b.
func LargeSession(b *testing.B, lang i18n.Lang) *common.Common {
	b.Helper()
	return Session(benchdb.Open(b), lang)
}

// Keys measures key presses the way the runtime handles them. Each
// operation is one key, keyAt(i) for the i-th: Update, then the View drawn
// at once — the time the Update loop is busy, which ns/op and the p50-ms,
// p95-ms and cpu-ms/op metrics report. Then, off the clock, the key's
// commands run (in the program they run on other goroutines: store reads,
// computations) and their replies go through Update and View;
// "settled-p95-ms" is the 95th percentile of the whole, from the key to the
// screen that shows its result.
func Keys(b *testing.B, update func(tea.Msg) tea.Cmd, view func() string, keyAt func(i int) tea.KeyMsg) {
	b.Helper()
	var frames, settled benchdb.Latencies
	i := 0
	for b.Loop() {
		c0, t0 := benchdb.CPUTime(), time.Now()
		cmd := update(keyAt(i))
		view()
		frames.Add(time.Since(t0), benchdb.CPUTime()-c0)
		b.StopTimer()
		if cmd != nil {
			Drain(b, update, cmd)
			view()
		}
		settled.Add(time.Since(t0), 0)
		b.StartTimer()
		i++
	}
	frames.Report(b)
	b.ReportMetric(float64(settled.Percentile(95))/float64(time.Millisecond), "settled-p95-ms")
}

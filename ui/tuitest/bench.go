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

// Program runs commands the way the Bubble Tea runtime does: each command
// on a goroutine of its own, side by side, and their messages through
// update one at a time, in the order they arrive. Benchmarks use it where
// what runs side by side matters (start-up, when every pane loads at once).
type Program struct {
	update  func(tea.Msg) tea.Cmd
	msgs    chan tea.Msg
	running int // commands started whose message has not come yet
	handled int
}

// NewProgram returns a program that hands messages to update.
func NewProgram(update func(tea.Msg) tea.Cmd) *Program {
	return &Program{update: update, msgs: make(chan tea.Msg)}
}

// Start runs cmd (a batch's commands each on its own) in the background.
func (p *Program) Start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	p.running++
	go func() { p.msgs <- cmd() }()
}

// Until handles messages until done reports true after one of them (or at
// once), and fails tb when the commands run out first.
func (p *Program) Until(tb testing.TB, done func() bool) {
	tb.Helper()
	for !done() {
		if !p.step(tb) {
			tb.Fatal("every command has answered and the condition never held")
		}
	}
}

// Wait handles messages until no command is running.
func (p *Program) Wait(tb testing.TB) {
	tb.Helper()
	for p.step(tb) {
	}
}

// step handles the next message; false when no command is running.
func (p *Program) step(tb testing.TB) bool {
	tb.Helper()
	if p.running == 0 {
		return false
	}
	if p.handled++; p.handled > maxMessages {
		tb.Fatalf("commands still producing messages after %d; a ticker?", maxMessages)
	}
	msg := <-p.msgs
	p.running--
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			p.Start(c)
		}
	default:
		p.Start(p.update(msg))
	}
	return true
}

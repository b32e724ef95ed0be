package tuitest

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// LargeSession is a session like Session over the shared benchmark register
// of 10 000 agreements and a million clauses (store/benchdb). Under -short
// it skips b.
func LargeSession(b *testing.B, lang i18n.Lang) *session.State {
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

// Pane is what key benchmarks drive: a pane's Update and View.
type Pane interface {
	Update(tea.Msg) tea.Cmd
	View() string
}

// KeyBench is one key benchmark of a pane: how to open it at a size
// (loaded, ready for the first key) and which key to press i-th.
type KeyBench struct {
	Name  string
	Open  func(b *testing.B, w, h int) Pane
	KeyAt func(i int) tea.KeyMsg
}

// paneSizes are the sizes a pane gets in terminals of 80x24 and 160x45:
// the root keeps three lines for the tab bar, the status bar and the help.
var paneSizes = []struct {
	name string
	w, h int
}{{"80x24", 80, 21}, {"160x45", 160, 42}}

// PaneKeys runs Keys for each benchmark at both sizes, as sub-benchmarks
// named size/name.
func PaneKeys(b *testing.B, benches ...KeyBench) {
	for _, size := range paneSizes {
		for _, kb := range benches {
			b.Run(size.name+"/"+kb.Name, func(b *testing.B) {
				p := kb.Open(b, size.w, size.h)
				Keys(b, p.Update, p.View, kb.KeyAt)
			})
		}
	}
}

// BackAndForth presses forth n times, then back n times, over and over, so
// that any number of presses stays within the list.
func BackAndForth(n int, forth, back tea.KeyMsg) func(i int) tea.KeyMsg {
	return func(i int) tea.KeyMsg {
		if i%(2*n) < n {
			return forth
		}
		return back
	}
}

// TypeAndErase types word a letter at a time, then erases it with
// backspace, over and over.
func TypeAndErase(word string) func(i int) tea.KeyMsg {
	letters := []rune(word)
	return func(i int) tea.KeyMsg {
		if j := i % (2 * len(letters)); j < len(letters) {
			return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{letters[j]}}
		}
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
}

// Loaded opens panes for KeyBench: the pane newPane makes, sized, its first
// load done, then each of then (a scope, a key that opens a view) handled
// with all it starts, and drawn once.
func Loaded(newPane func() session.Pane, then ...tea.Msg) func(b *testing.B, w, h int) Pane {
	return func(b *testing.B, w, h int) Pane {
		p := newPane()
		p.SetSize(w, h)
		Drain(b, p.Update, p.Init())
		for _, msg := range then {
			Drain(b, p.Update, p.Update(msg))
		}
		p.View()
		return p
	}
}

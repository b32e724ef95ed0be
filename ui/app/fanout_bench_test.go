package app

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"avtal/store"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// What one SSH session costs the server per key and per write of another
// session, in process and without SSH: the root's Update with a View after
// every message, as Bubble Tea draws, in a 120×40 terminal of 256 colours
// (the load test's clients). On the sample register, or with
// AVTAL_BENCH_DB on the register of 10 000 agreements.

// sshSession is one workbench as an SSH session has it: coloured, sharing
// the register's reads with the other sessions.
type sshSession struct {
	m    *Model
	seen session.ChangedMsg // the last change it announced
}

func newSSHSession(tb testing.TB, st *store.Store, shared *session.Shared) *sshSession {
	tb.Helper()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	c := session.New(r, st, i18n.EN, st.Clock())
	c.Shared, c.StatusLife = shared, 0
	s := &sshSession{m: New(c)}
	c.Notify = func(msg session.ChangedMsg) { s.seen = msg }
	s.update(tea.WindowSizeMsg{Width: 120, Height: 40})
	tuitest.Drain(tb, s.update, s.m.Init())
	return s
}

// update is one message through the program: Update, then View.
func (s *sshSession) update(msg tea.Msg) tea.Cmd {
	_, cmd := s.m.Update(msg)
	s.m.View()
	return cmd
}

// keys types each key of text and handles all it starts.
func (s *sshSession) keys(tb testing.TB, text ...string) {
	tb.Helper()
	for _, k := range text {
		tuitest.Drain(tb, s.update, s.update(tuitest.Key(k)))
	}
}

// onFirstClause opens the Clauses pane at the first clause of the first
// agreement, as the load test's screens do.
func (s *sshSession) onFirstClause(tb testing.TB) {
	tb.Helper()
	s.keys(tb, "2", "enter")
	for range 10 {
		if strings.Contains(s.m.View(), "Notes (") {
			return
		}
		s.keys(tb, "j")
	}
	tb.Fatalf("no clause in the first agreement's first lines:\n%s", s.m.View())
}

// fanOutStore is the register the benchmarks work on: the large register
// when there is one (a copy of it when they write), else the sample.
func fanOutStore(b *testing.B, writes bool) *store.Store {
	if os.Getenv(benchdb.EnvPath) != "" && !writes {
		return benchdb.Open(b)
	}
	if os.Getenv(benchdb.EnvPath) != "" {
		st, err := store.Open(b.Context(), benchdb.Copy(b), store.WithClock(func() time.Time { return tuitest.Today }))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		return st
	}
	return tuitest.SampleStore(b)
}

// BenchmarkSessionKey is one session switching between the Agreements and
// the Clauses panes, moving in the clause tree and in the list of
// agreements: the processor time of a key with every message it leads to
// drawn.
func BenchmarkSessionKey(b *testing.B) {
	st := fanOutStore(b, false)
	s := newSSHSession(b, st, &session.Shared{})
	s.onFirstClause(b)
	for _, bench := range []struct {
		name, pane string
		keys       []string
	}{{"switch", "2", []string{"1", "2"}}, {"tree", "2", []string{"j", "k"}}, {"list", "1", []string{"j", "k"}}} {
		b.Run(bench.name, func(b *testing.B) {
			s.keys(b, bench.pane)
			var l benchdb.Latencies
			i := 0
			for b.Loop() {
				c0, t0 := benchdb.CPUTime(), time.Now()
				s.keys(b, bench.keys[i%len(bench.keys)])
				l.Add(time.Since(t0), benchdb.CPUTime()-c0)
				i++
			}
			l.Report(b)
		})
	}
}

// BenchmarkFanOut is a note one session saves reaching 49 others that show
// its clause: each hears of the change, reloads and draws what it shows.
// An operation is one screen updated; the note's writing is off the clock.
func BenchmarkFanOut(b *testing.B) {
	st := fanOutStore(b, true)
	shared := &session.Shared{}
	sessions := make([]*sshSession, 50)
	for i := range sessions {
		sessions[i] = newSSHSession(b, st, shared)
		sessions[i].onFirstClause(b)
	}
	writer, others := sessions[0], sessions[1:]
	var l benchdb.Latencies
	notes := 0
	for n := 0; b.Loop(); n++ {
		i := n % len(others)
		if i == 0 {
			b.StopTimer()
			writer.keys(b, "n", "a", "b", "ctrl+s")
			notes++
			b.StartTimer()
		}
		c0, t0 := benchdb.CPUTime(), time.Now()
		s := others[i]
		tuitest.Drain(b, s.update, s.update(writer.seen))
		l.Add(time.Since(t0), benchdb.CPUTime()-c0)
		if b.N < 100 || i == len(others)-1 {
			if want := fmt.Sprintf("Notes (%d)", notes); !strings.Contains(s.m.View(), want) {
				b.Fatalf("the screen does not show %q:\n%s", want, s.m.View())
			}
		}
	}
	l.Report(b)
}

package sshd

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"avtal/store"
	"avtal/store/benchdb"
)

// TestLoad50 holds 50 sessions at once and measures, from the client,
// keystroke-to-screen latency (a pane switch until the new pane's text
// arrives), memory per session and, on the shared register, how long a
// note one editor saves takes to reach the 49 other screens. It is slow, so it runs only with
// AVTAL_LOAD=1:
//
//	AVTAL_LOAD=1 taskset -c 0,1 go test ./ui/sshd -run TestLoad50 -v
//
// With AVTAL_BENCH_DB (as .ci/bench) it also serves a copy of the register
// of 10 000 agreements / 1 000 000 clauses (store/benchdb), subtest "1M";
// the copy takes the notes, the benchmark register is never written.
// AVTAL_LOAD_HEAP=file writes the heap the 50 sessions hold there.
//
// Memory is what each of the last four fifths of the sessions adds to the
// Go heap and stacks of the test process, which holds the SSH clients as
// well as the server: an upper bound. So is the CPU time per keystroke or
// note: the process's, clients included.
func TestLoad50(t *testing.T) {
	if os.Getenv("AVTAL_LOAD") != "1" {
		t.Skip("set AVTAL_LOAD=1 to run the load test")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	modes := []loadMode{
		{"shared", func(*testing.T) Config { return Config{MaxSessions: 60} }, (*screen).openLicenceAudit},
		{"demo", func(*testing.T) Config { return Config{MaxSessions: 60, Demo: true} }, nil},
	}
	if os.Getenv(benchdb.EnvPath) != "" {
		modes = append(modes, loadMode{"1M", func(t *testing.T) Config { return Config{MaxSessions: 60, Store: copyOfBenchRegister(t)} }, (*screen).openFirstClause})
	}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) { load(t, mode.cfg(t), 50, 20, mode.onto) })
	}
}

// loadMode is one server the load test measures.
type loadMode struct {
	name string
	cfg  func(t *testing.T) Config
	onto func(*screen) // where the fan-out's note is written and awaited; nil: no fan-out
}

// copyOfBenchRegister opens a copy of the benchmark register in t's folder.
func copyOfBenchRegister(t *testing.T) *store.Store {
	t.Helper()
	path := benchdb.Copy(t)
	st, err := store.Open(context.Background(), path, store.WithClock(runningClock()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openFirstClause shows the Clauses pane at its first clause, without notes.
func (s *screen) openFirstClause() {
	s.t.Helper()
	s.step("2", clausesMarker)
	s.step("\r", "▾ ")
	s.step("j", "Clauses: ") // its first document
	s.step("j", "Notes (0)")
}

func load(t *testing.T, cfg Config, sessions, rounds int, onto func(*screen)) {
	srv := startServer(t, cfg, nil)
	screens := make([]*screen, sessions)
	connect := func(from, to int) {
		for i := from; i < to; i++ {
			screens[i] = openScreen(t, mustDial(t, srv, "load", newKey(t)), termOptions{})
		}
		for _, s := range screens[from:to] {
			s.waitFor(0, agreementsMarker)
		}
	}
	// A fifth of the sessions connect first and settle (their calendar
	// shows its agenda: the deadlines are computed), so that what the
	// server computes once for all sessions is paid before the others
	// connect and what each of them adds is what one more session costs.
	first := sessions / 5
	start := time.Now()
	connect(0, first)
	for _, s := range screens[:first] {
		at := s.mark()
		s.send("4")
		// Five years of deadlines of 10 000 agreements take longer than
		// one wait on a loaded machine.
		err := s.await(at, "Agenda")
		for try := 1; err != nil && try < 6; try++ {
			err = s.await(at, "Agenda")
		}
		if err != nil {
			t.Fatal(err)
		}
		s.step("1", agreementsMarker)
	}
	before, rssBefore, goBefore := memInUse(), rss(), runtime.NumGoroutine()
	connect(first, sessions)
	t.Logf("%d sessions connected and drawn in %v", sessions, time.Since(start).Round(time.Millisecond))
	after, rssAfter, goAfter := memInUse(), rss(), runtime.NumGoroutine()
	writeHeapProfile(t)
	extra := sessions - first
	perSession := func(a, b uint64) float64 { return (float64(a) - float64(b)) / 1024 / float64(extra) }
	t.Logf("memory per extra session: Go heap %.0f KiB + stacks %.0f KiB (%d goroutines; the SSH client's included), resident set %.0f KiB",
		perSession(after.heap, before.heap), perSession(after.stack, before.stack), (goAfter-goBefore)/extra,
		perSession(uint64(rssAfter), uint64(rssBefore)))

	// One session types while the others stay connected.
	report(t, "one typing, others idle", "keystrokes", measureCPU(func() []time.Duration { return switchPanes(screens[:1], rounds*5) }))
	// Every session types at once, as fast as its screen follows.
	report(t, "all typing at once", "keystrokes", measureCPU(func() []time.Duration { return switchPanes(screens, rounds) }))
	if onto != nil {
		// Every screen shows one clause; one session notes on it.
		for _, s := range screens {
			onto(s)
		}
		// The server's first write opens its write connection and warms
		// SQLite's caches, once in its life: it is reported apart.
		report(t, "the first note reaching the other screens", "screens updated", measureCPU(func() []time.Duration { return fanOut(screens, 0, 1) }))
		report(t, "a note reaching the other screens", "screens updated", measureCPU(func() []time.Duration { return fanOut(screens, 1, rounds/4) }))
	}
}

// timed is what one phase measured: a latency per event and the CPU time
// the process spent meanwhile.
type timed struct {
	took []time.Duration
	cpu  time.Duration
}

func measureCPU(run func() []time.Duration) timed {
	before := cpuTime()
	took := run()
	return timed{took, cpuTime() - before}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// fanOut has the first screen add rounds notes to the clause every screen
// shows, which holds done notes already, and returns how long each note
// took to appear on each other screen, from the keystroke that saved it.
func fanOut(screens []*screen, done, rounds int) []time.Duration {
	writer, others := screens[0], screens[1:]
	var all []time.Duration
	for i := done; i < done+rounds; i++ {
		writer.step("n", "Note on ")
		want := fmt.Sprintf("Notes (%d)", i+1)
		marks := make([]int, len(others))
		for j, s := range others {
			marks[j] = s.mark()
		}
		sent := time.Now()
		writer.send(fmt.Sprintf("load note %d\x13", i+1))
		took := make([]time.Duration, len(others))
		var wg sync.WaitGroup
		for j, s := range others {
			wg.Go(func() {
				if err := s.await(marks[j], want); err != nil {
					s.t.Error(err)
				}
				took[j] = time.Since(sent)
			})
		}
		wg.Wait()
		writer.waitFor(0, want)
		all = append(all, took...)
	}
	return all
}

// switchPanes has each screen switch panes rounds times and returns how long
// each keystroke took to show.
func switchPanes(screens []*screen, rounds int) []time.Duration {
	var mu sync.Mutex
	var all []time.Duration
	var wg sync.WaitGroup
	for _, s := range screens {
		wg.Go(func() {
			for i := range rounds {
				key, marker := "2", clausesMarker
				if i%2 == 1 {
					key, marker = "1", agreementsMarker
				}
				at := s.mark()
				sent := time.Now()
				s.send(key)
				if err := s.await(at, marker); err != nil {
					s.t.Error(err)
					return
				}
				mu.Lock()
				all = append(all, time.Since(sent))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return all
}

func report(t *testing.T, what, unit string, m timed) {
	d := m.took
	if len(d) == 0 {
		t.Errorf("%s: no %s measured", what, unit)
		return
	}
	slices.Sort(d)
	pct := func(p int) time.Duration { return d[(len(d)-1)*p/100].Round(10 * time.Microsecond) }
	t.Logf("%s: %d %s, p50 %v, p95 %v, max %v; CPU %v each (process, clients included)", what, len(d), unit,
		pct(50), pct(95), d[len(d)-1].Round(10*time.Microsecond), (m.cpu / time.Duration(len(d))).Round(time.Microsecond))
}

// writeHeapProfile writes the heap as the sessions hold it to the file
// AVTAL_LOAD_HEAP names, if any (go tool pprof -sample_index=inuse_space).
func writeHeapProfile(t *testing.T) {
	path := os.Getenv("AVTAL_LOAD_HEAP")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		t.Fatal(err)
	}
}

// rss is the resident set of the process in bytes (Linux; 0 elsewhere).
func rss() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, resident int64
	fmt.Sscan(string(data), &size, &resident)
	return resident * int64(os.Getpagesize())
}

// memUse is the heap and stack memory in use.
type memUse struct{ heap, stack uint64 }

// memInUse is the heap and stack memory in use after a collection.
func memInUse() memUse {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return memUse{m.HeapInuse, m.StackInuse}
}

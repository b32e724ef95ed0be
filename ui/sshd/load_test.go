package sshd

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestLoad50 holds 50 sessions at once and measures, from the client,
// keystroke-to-screen latency (a pane switch until the new pane's text
// arrives), memory per session and, on the shared register, how long a
// note one editor saves takes to reach the 49 other screens. It is slow, so it runs only with
// AVTAL_LOAD=1:
//
//	AVTAL_LOAD=1 taskset -c 0,1 go test ./ui/sshd -run TestLoad50 -v
//
// Memory is the growth of the Go heap and stacks of the test process, which
// holds the SSH clients as well as the server: an upper bound.
func TestLoad50(t *testing.T) {
	if os.Getenv("AVTAL_LOAD") != "1" {
		t.Skip("set AVTAL_LOAD=1 to run the load test")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	for _, mode := range []struct {
		name string
		cfg  Config
	}{
		{"shared", Config{MaxSessions: 60}},
		{"demo", Config{MaxSessions: 60, Demo: true}},
	} {
		t.Run(mode.name, func(t *testing.T) { load(t, mode.cfg, 50, 20) })
	}
}

func load(t *testing.T, cfg Config, sessions, rounds int) {
	srv := startServer(t, cfg, nil)
	before, rssBefore := memInUse(), rss()
	start := time.Now()
	screens := make([]*screen, sessions)
	for i := range screens {
		screens[i] = openScreen(t, mustDial(t, srv, "load", newKey(t)), termOptions{})
	}
	for _, s := range screens {
		s.waitFor(0, agreementsMarker)
	}
	t.Logf("%d sessions connected and drawn in %v", sessions, time.Since(start).Round(time.Millisecond))
	after, rssAfter := memInUse(), rss()
	t.Logf("memory per session: Go heap+stacks %.0f KiB, resident set %.0f KiB (SQLite's own memory is outside the Go heap)",
		float64(after-before)/1024/float64(sessions), float64(rssAfter-rssBefore)/1024/float64(sessions))

	// One session types while the others stay connected.
	report(t, "one typing, others idle", "keystrokes", switchPanes(screens[:1], rounds*5))
	// Every session types at once, as fast as its screen follows.
	report(t, "all typing at once", "keystrokes", switchPanes(screens, rounds))
	if !cfg.Demo {
		// Every screen shows one clause; one session notes on it.
		report(t, "a note reaching the other screens", "screens updated", fanOut(screens, rounds/4))
	}
}

// fanOut has the first screen add rounds notes to the clause every screen
// shows, and returns how long each note took to appear on each other
// screen, from the keystroke that saved it.
func fanOut(screens []*screen, rounds int) []time.Duration {
	for _, s := range screens {
		s.openLicenceAudit()
	}
	writer, others := screens[0], screens[1:]
	var all []time.Duration
	for i := range rounds {
		writer.step("n", "Note on 4.4")
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

func report(t *testing.T, what, unit string, d []time.Duration) {
	if len(d) == 0 {
		t.Errorf("%s: no %s measured", what, unit)
		return
	}
	slices.Sort(d)
	pct := func(p int) time.Duration { return d[(len(d)-1)*p/100].Round(10 * time.Microsecond) }
	t.Logf("%s: %d %s, p50 %v, p95 %v, max %v", what, len(d), unit, pct(50), pct(95), d[len(d)-1].Round(10*time.Microsecond))
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

// memInUse is the heap and stack memory in use after a collection.
func memInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

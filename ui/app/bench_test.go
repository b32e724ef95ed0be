package app

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// The workbench as a whole on the register of 10 000 agreements and a
// million clauses (store/benchdb): start-up, switching panes, memory.

// startUp is what the program does before its first frame: open the
// register (with the schema check), build the session and the root, lay it
// out, start every pane's first load — side by side, as the runtime runs
// them — and draw until the register's first page is on screen. It returns
// with the other loads still running in p.
func startUp(tb testing.TB, path string, w, h int) (*Model, *store.Store, *tuitest.Program) {
	st, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return tuitest.Today }))
	if err != nil {
		tb.Fatal(err)
	}
	c := tuitest.Session(st, i18n.EN)
	m := New(c)
	r := &root{m: m}
	r.update(tea.WindowSizeMsg{Width: w, Height: h})
	p := tuitest.NewProgram(r.update)
	p.Start(m.Init())
	first := c.T("agreements.count", 1, benchdb.Agreements)
	p.Until(tb, func() bool { return strings.Contains(m.View(), first) })
	return m, st, p
}

// BenchmarkColdStart is the time from opening the register to the first
// frame that shows its first page. The other panes' first loads (the
// calendar computes five years of deadlines for every agreement) go on
// beside it, as they do in the program, and are waited for off the clock.
func BenchmarkColdStart(b *testing.B) {
	path := benchdb.Path(b)
	var l benchdb.Latencies
	for b.Loop() {
		var st *store.Store
		var p *tuitest.Program
		l.Time(func() { _, st, p = startUp(b, path, 80, 24) })
		b.StopTimer()
		p.Wait(b)
		st.Close()
		b.StartTimer()
	}
	l.Report(b)
}

// BenchmarkSwitchPane is tab round the five panes, each drawn with what it
// loaded at start-up: Update and View of the root.
func BenchmarkSwitchPane(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m, st, p := startUp(b, benchdb.Path(b), size[0], size[1])
			defer st.Close()
			p.Wait(b)
			r := &root{m: m}
			tab := tea.KeyMsg{Type: tea.KeyTab}
			tuitest.Keys(b, r.update, m.View, func(int) tea.KeyMsg { return tab })
		})
	}
}

// memoryProbeEnv, when set, makes TestMemoryProbe measure this process.
const memoryProbeEnv = "AVTAL_MEMORY_PROBE"

// extraSessions is how many further sessions the probe opens to measure
// what one more (SSH) session costs.
const extraSessions = 10

// BenchmarkMemory measures resident memory in a fresh process (this test
// binary run again, so nothing else measured before weighs in): after
// start-up with every pane loaded, after visiting every pane, and its peak;
// then what one more session on the same register costs, as each SSH
// session adds one: its share of the live heap, and of resident memory.
func BenchmarkMemory(b *testing.B) {
	path := benchdb.Path(b)
	var res map[string]float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryProbe$", "-test.v")
		cmd.Env = append(os.Environ(), memoryProbeEnv+"=1", benchdb.EnvPath+"="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("memory probe: %v\n%s", err, out)
		}
		if res, err = probeResult(string(out)); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
	for _, k := range []string{"start-MB", "all-panes-MB", "peak-MB", "session-heap-MB", "session-rss-MB"} {
		b.ReportMetric(res[k], k)
	}
}

// probeResult reads the probe's "memory: name=value …" line.
func probeResult(out string) (map[string]float64, error) {
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "memory:")
		if !ok {
			continue
		}
		res := map[string]float64{}
		for _, f := range strings.Fields(line) {
			k, v, _ := strings.Cut(f, "=")
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("probe line %q: %v", line, err)
			}
			res[k] = n
		}
		return res, nil
	}
	return nil, fmt.Errorf("the memory probe printed no result")
}

// TestMemoryProbe is BenchmarkMemory's child process; it does nothing in
// an ordinary test run.
func TestMemoryProbe(t *testing.T) {
	if os.Getenv(memoryProbeEnv) == "" {
		t.Skip("run by BenchmarkMemory")
	}
	m, st, p := startUp(t, os.Getenv(benchdb.EnvPath), 160, 45)
	defer st.Close()
	p.Wait(t)
	start := rss(t, "VmRSS")
	visitAll(t, m)
	all := rss(t, "VmRSS")
	heap := liveHeap()
	sessions := make([]*Model, extraSessions)
	for i := range sessions {
		c := tuitest.Session(st, i18n.EN)
		c.Shared = m.c.Shared // as the SSH server gives every session one
		sessions[i] = New(c)
		r := &root{m: sessions[i]}
		r.update(tea.WindowSizeMsg{Width: 160, Height: 45})
		tuitest.Drain(t, r.update, sessions[i].Init())
		visitAll(t, sessions[i])
	}
	perHeap := (liveHeap() - heap) / extraSessions
	perRSS := (rss(t, "VmRSS") - all) / extraSessions
	runtime.KeepAlive(sessions)
	fmt.Printf("memory: start-MB=%.1f all-panes-MB=%.1f peak-MB=%.1f session-heap-MB=%.2f session-rss-MB=%.2f\n",
		start, all, rss(t, "VmHWM"), perHeap, perRSS)
}

// liveHeap is the heap in use after a collection, in MB.
func liveHeap() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// visitAll goes to every pane in turn and moves about in it: a few pages
// down, the last row, the next month or agreement.
func visitAll(t *testing.T, m *Model) {
	r := &root{m: m}
	send := func(k tea.KeyMsg) {
		tuitest.Drain(t, r.update, r.update(k))
		m.View()
	}
	for pane := range len(m.panes) {
		send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + pane)}})
		for _, k := range []tea.KeyMsg{{Type: tea.KeyPgDown}, {Type: tea.KeyPgDown}, {Type: tea.KeyDown}, {Type: tea.KeyEnd},
			{Type: tea.KeyRight}, {Type: tea.KeyRunes, Runes: []rune("]")}, {Type: tea.KeyHome}} {
			send(k)
		}
	}
}

// rss reads one of the memory lines of /proc/self/status, in MB.
func rss(t *testing.T, field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status on this system: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return float64(kb) / 1024
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}

package app

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

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
// out, load what every pane shows first, and draw. Every pane's first load
// runs here one after another; the program runs them side by side.
func startUp(tb testing.TB, path string, w, h int) (*Model, *store.Store) {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	m := New(tuitest.Session(st, i18n.EN))
	r := &root{m: m}
	r.update(tea.WindowSizeMsg{Width: w, Height: h})
	tuitest.Drain(tb, r.update, m.Init())
	m.View()
	return m, st
}

// BenchmarkColdStart is the time from opening the register to the first
// full frame (the register's first page shown), per start.
func BenchmarkColdStart(b *testing.B) {
	path := benchdb.Path(b)
	var l benchdb.Latencies
	for b.Loop() {
		var st *store.Store
		l.Time(func() { _, st = startUp(b, path, 80, 24) })
		b.StopTimer()
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
			m, st := startUp(b, benchdb.Path(b), size[0], size[1])
			defer st.Close()
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
// start-up, after visiting every pane, and per extra session on the same
// register, as each SSH session adds one.
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
	for _, k := range []string{"start-MB", "all-panes-MB", "peak-MB", "per-session-MB"} {
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
	path := os.Getenv(benchdb.EnvPath)
	m, st := startUp(t, path, 160, 45)
	defer st.Close()
	start := rss(t, "VmRSS")
	visitAll(t, m)
	all := rss(t, "VmRSS")
	for range extraSessions {
		s := New(tuitest.Session(st, i18n.EN))
		r := &root{m: s}
		r.update(tea.WindowSizeMsg{Width: 160, Height: 45})
		tuitest.Drain(t, r.update, s.Init())
		visitAll(t, s)
	}
	more := rss(t, "VmRSS")
	fmt.Printf("memory: start-MB=%.1f all-panes-MB=%.1f peak-MB=%.1f per-session-MB=%.2f\n",
		start, all, rss(t, "VmHWM"), (more-all)/extraSessions)
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

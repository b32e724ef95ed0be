package app

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// counter is a model whose view shows a number that a message sets.
type counter struct{ n int }

type setCount int

func (c counter) Init() tea.Cmd { return nil }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if n, ok := msg.(setCount); ok {
		c.n = int(n)
	}
	return c, nil
}

func (c counter) View() string { return "count " + strings.Repeat("#", c.n) + "|" }

// screen collects what a program writes, for one goroutine to wait on.
type screen struct {
	mu  sync.Mutex
	out bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(p)
}

func (s *screen) has(text string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Contains(s.out.String(), text)
}

// within waits up to a generous time for cond, which a working program
// meets within a few frames.
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s after 5 s", what)
		}
		time.Sleep(frame)
	}
}

func (pc *pacer) state() (found, running bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.ticker != nil, pc.running
}

// runPaced runs a paced counter until the test ends.
func runPaced(t *testing.T) (*tea.Program, *pacer, *screen) {
	out := &screen{}
	p, pc := newPacedProgram(counter{}, tea.WithInput(nil), tea.WithOutput(out), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	t.Cleanup(func() {
		p.Quit()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return p, pc, out
}

// The frames stop once nothing changes, and a change after that still
// reaches the screen: the pacer holds the renderer's own ticker.
func TestPacerFindsTheRenderersTicker(t *testing.T) {
	p, pc, out := runPaced(t)

	within(t, "drawn", func() bool { return out.has("count |") })
	if found, _ := pc.state(); !found {
		t.Fatal("the pacer did not find Bubble Tea's frame ticker: an idle program would wake 120 times a second")
	}
	within(t, "asleep", func() bool { _, running := pc.state(); return !running })

	p.Send(setCount(3))
	within(t, "drawn after sleeping", func() bool { return out.has("count ###|") })
	within(t, "asleep again", func() bool { _, running := pc.state(); return !running })
}

// Views coming faster than frames do not hold the frame back: each view
// only starts frames that are stopped, so a steady stream still gets drawn.
func TestPacerDrawsDuringAStreamOfViews(t *testing.T) {
	p, _, out := runPaced(t)

	// New views as fast as the program takes them, until one has been drawn.
	start := time.Now()
	for n := 1; !out.has("count #"); n = n%50 + 1 {
		if time.Since(start) > 5*time.Second {
			t.Fatal("no view drawn during 5 s of views")
		}
		p.Send(setCount(n))
	}
}

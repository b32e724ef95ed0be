package app

import (
	"reflect"
	"sync"
	"time"
	"unsafe"

	tea "github.com/charmbracelet/bubbletea"
)

// frameRate is how often a program repaints at most while something
// changes. Bubble Tea's default of 60 leaves a key waiting up to 16.7 ms for
// its frame before it even leaves for an SSH client; 120 (Bubble Tea's
// highest) halves that. While nothing changes the pacer stops the frames.
const frameRate = 120

// frame is one frame's time at frameRate; settle is how long the frames go
// on after the last new view before they stop. A tick draws the view only
// once the renderer's goroutine runs, and a stopped ticker drops a tick not
// yet taken, so settle is far longer than a frame: a loaded machine (or the
// race detector) may keep that goroutine waiting for tens of milliseconds.
// Frames that find nothing new cost a wakeup each, nothing while idle.
const (
	frame  = time.Second / frameRate
	settle = time.Second
)

// NewProgram is tea.NewProgram for the workbench: frames go out at
// frameRate while views change and stop while nothing does, so an idle
// workbench, locally or over SSH, does not wake at all.
//
// Bubble Tea v1's renderer draws on a ticker at the program's frame rate
// for the program's whole life (the newest v1 does too), waking the process
// 120 times a second to find nothing new. The renderer is not ours to
// replace, so the pacer holds its ticker: every view the program asks for
// starts it if stopped, and a quiet timer stops it again once no view has
// come for settle. Should a Bubble Tea release no longer have that ticker
// where the pacer looks, the program keeps ticking as Bubble Tea made it
// (TestPacerFindsTheRenderersTicker fails first).
func NewProgram(m tea.Model, opts ...tea.ProgramOption) *tea.Program {
	p, _ := newPacedProgram(m, opts...)
	return p
}

func newPacedProgram(m tea.Model, opts ...tea.ProgramOption) (*tea.Program, *pacer) {
	pc := &pacer{}
	p := tea.NewProgram(paced{Model: m, pc: pc}, append(opts, tea.WithFPS(frameRate))...)
	pc.program = p
	return p, pc
}

// paced is the root model as its program sees it: every View wakes the
// frames first.
type paced struct {
	tea.Model
	pc *pacer
}

func (m paced) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.Model.Update(msg)
	return paced{Model: next, pc: m.pc}, cmd
}

func (m paced) View() string {
	view := m.Model.View()
	m.pc.wake() // after rendering: the renderer takes the view right after
	return view
}

// frameTicker is what the pacer does with the renderer's ticker
// (*time.Ticker; a fake in tests).
type frameTicker interface {
	Reset(time.Duration)
	Stop()
}

// pacer starts and stops a program's frame ticker.
type pacer struct {
	program *tea.Program

	mu      sync.Mutex
	looked  bool        // whether the ticker was looked for (at the first view, after the renderer started)
	ticker  frameTicker // nil: not found, the frames are left alone
	running bool
	views   uint64 // views asked for so far
	seen    uint64 // views at the quiet timer's last look
	quiet   *time.Timer
}

// wake is called for every view: it starts the frames when they are stopped.
// Frames already running are left to run, so a stream of views still gets a
// frame every tick.
func (pc *pacer) wake() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if !pc.looked {
		pc.looked = true
		if t := rendererTicker(pc.program); t != nil {
			pc.ticker = t
		}
	}
	if pc.ticker == nil {
		return
	}
	pc.views++
	if pc.running {
		return
	}
	pc.running = true
	pc.ticker.Reset(frame)
	if pc.quiet == nil {
		pc.quiet = time.AfterFunc(settle, pc.sleep)
	} else {
		pc.quiet.Reset(settle)
	}
}

// sleep runs on the quiet timer: it stops the frames when no view came since
// its last look, and looks again after settle when one did.
func (pc *pacer) sleep() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.views != pc.seen {
		pc.seen = pc.views
		pc.quiet.Reset(settle)
		return
	}
	pc.running = false
	pc.ticker.Stop()
}

// rendererTicker is the ticker of p's standard renderer, or nil when p has
// another renderer or Bubble Tea keeps it elsewhere. It is read once the
// renderer has started (the program asks for its first view after that);
// the ticker then stays the same for the program's life (a restart after
// ReleaseTerminal resets it).
func rendererTicker(p *tea.Program) *time.Ticker {
	if p == nil {
		return nil
	}
	r := reflect.ValueOf(p).Elem().FieldByName("renderer")
	if !r.IsValid() || r.Kind() != reflect.Interface || r.IsNil() {
		return nil
	}
	r = r.Elem()
	if r.Kind() != reflect.Pointer || r.IsNil() || r.Elem().Kind() != reflect.Struct {
		return nil
	}
	t := r.Elem().FieldByName("ticker")
	if !t.IsValid() || t.Type() != reflect.TypeFor[*time.Ticker]() {
		return nil
	}
	return *(**time.Ticker)(unsafe.Pointer(t.UnsafeAddr()))
}

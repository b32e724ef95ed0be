package app

import (
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// At start-up the visible pane loads alone. Two frames after its first
// answer the other panes load one after another, the calendar first, so
// on two cores no load holds back the first screen or the next. A pane
// brought into view before its turn starts loading at once: beside the
// queue's load, or, before the queue has started, in its place (the
// queue then waits for its answer).

// backgroundOrder is the order the other panes load in: the deadlines are
// what most people look at next.
var backgroundOrder = []paneID{calendarPane, clausesPane, subprocessorsPane, slaPane, agreementsPane}

// Init starts the visible pane's first load and queues the others'.
func (m *Model) Init() tea.Cmd {
	m.first = m.focus
	for _, id := range backgroundOrder {
		if id != m.first {
			m.waiting = append(m.waiting, id)
		}
	}
	first := m.tell(m.focus).Init()
	return func() tea.Msg {
		if first == nil {
			return firstLoadMsg{}
		}
		return firstLoadMsg{first()}
	}
}

type (
	// firstLoadMsg is the visible pane's first answer at start-up.
	firstLoadMsg struct{ msg tea.Msg }
	// loadOthersMsg starts the other panes' first loads.
	loadOthersMsg struct{}
	// backgroundLoadMsg is a pane's first answer loaded in the background;
	// next says the next waiting pane starts now.
	backgroundLoadMsg struct {
		msg  tea.Msg
		next bool
	}
)

// firstFrame is how long the other panes wait after the visible pane's
// first answer: two frames, time enough for it to reach the screen.
const firstFrame = 2 * time.Second / frameRate

// firstLoaded hands the visible pane its first answer and schedules the
// other panes' loads.
func (m *Model) firstLoaded(msg firstLoadMsg) tea.Cmd {
	return tea.Batch(m.deliver(msg.msg), tea.Tick(firstFrame, func(time.Time) tea.Msg { return loadOthersMsg{} }))
}

// loadOthers starts the queue, the pane in view now ahead, unless a pane
// brought into view has started it already.
func (m *Model) loadOthers() tea.Cmd {
	m.startNow(m.focus)
	if m.chained {
		return nil
	}
	return m.loadNext()
}

// loadNext starts the first waiting pane's load; its answer starts the
// next one.
func (m *Model) loadNext() tea.Cmd {
	if len(m.waiting) == 0 {
		return nil
	}
	id := m.waiting[0]
	m.waiting = m.waiting[1:]
	return m.load(id, true)
}

// startNow moves a waiting pane to the front of the queue.
func (m *Model) startNow(id paneID) {
	if i := slices.Index(m.waiting, id); i > 0 {
		m.waiting = slices.Insert(slices.Delete(m.waiting, i, i+1), 0, id)
	}
}

// loadNow starts a waiting pane's load at once: it has come into view.
// It runs beside the queue's load, or when none runs, as the queue's.
func (m *Model) loadNow(id paneID) tea.Cmd {
	i := slices.Index(m.waiting, id)
	if i < 0 {
		return nil
	}
	m.waiting = slices.Delete(m.waiting, i, i+1)
	return m.load(id, !m.chained)
}

// load starts pane id's first load; next makes it the queue's, whose
// answer starts the next waiting pane.
func (m *Model) load(id paneID, next bool) tea.Cmd {
	m.running++
	m.chained = m.chained || next
	cmd := m.tell(id).Init()
	return func() tea.Msg {
		var msg tea.Msg
		if cmd != nil {
			msg = cmd()
		}
		return backgroundLoadMsg{msg, next}
	}
}

func (m *Model) backgroundLoaded(msg backgroundLoadMsg) tea.Cmd {
	m.running--
	cmd := m.deliver(msg.msg)
	if msg.next {
		m.chained = false
		cmd = tea.Batch(cmd, m.loadNext())
	}
	if m.running == 0 && len(m.waiting) == 0 && m.started != nil {
		m.started()
		m.started = nil
	}
	return cmd
}

// OnStarted has f called once every pane's first load has been answered
// (not the follow-up loads they start).
func (m *Model) OnStarted(f func()) { m.started = f }

// deliver hands a load's answer on as if it had come alone.
func (m *Model) deliver(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		return tea.Batch(msg...)
	default:
		_, cmd := m.Update(msg)
		return cmd
	}
}

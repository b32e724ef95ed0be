// Package app is the root of the workbench: the tab bar, the status bar, the
// help and the current scope. It only dispatches; the panes do the work.
package app

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/agreements"
	"avtal/ui/calendar"
	"avtal/ui/clauses"
	"avtal/ui/session"
	"avtal/ui/sla"
	"avtal/ui/subprocs"
)

// paneID names a tab.
type paneID int

const (
	agreementsPane paneID = iota
	clausesPane
	subprocessorsPane
	calendarPane
	slaPane
)

// titleKeys are the catalogue keys of the tab titles, in tab order.
var titleKeys = []string{"tab.agreements", "tab.clauses", "tab.subprocessors", "tab.calendar", "tab.sla"}

func (p paneID) String() string { return titleKeys[p] }

// Minimum size the layout needs.
const (
	minWidth  = 60
	minHeight = 15
)

// Model is the root model, the same locally and in every SSH session.
type Model struct {
	c       *session.State
	panes   []session.Pane
	focus   paneID
	scopeID string
	scope   string
	status  string
	isErr   bool
	// statusOf is the pane whose message the status bar holds (everyPane
	// for news about the whole session); statusSeq tells a fade that
	// arrives after a newer message to leave that one alone.
	statusOf  paneID
	statusSeq int
	said      bool     // the status bar has shown more than the start message
	first     paneID   // the pane loaded first at start-up, the one in view
	waiting   []paneID // panes whose first load has not started, in the order they will
	running   int      // start-up loads under way
	chained   bool     // the queue's load is under way (startup.go)
	started   func()   // called once the start-up loads are answered (OnStarted)
	showHelp  bool
	helpTop   int // the first line of the help shown, when it is taller than the screen
	help      help.Model
	dirty     bool                  // the register changed during this session
	pending   []*session.ChangedMsg // by pane: the change it has not yet been told of
	offer     string                // the backup file offered on quit, while the question is shown
	declined  bool                  // the user said no, or the backup failed: quit without asking
	drawn     drawn                 // parts of the last frame, kept while they stay the same
	views     []paneView            // by pane: its last view, kept until it is told anything
}

// New builds the workbench for one session.
func New(c *session.State) *Model {
	h := help.New()
	h.Styles.ShortKey = c.Styles.StatusKey
	h.Styles.FullKey = c.Styles.StatusKey
	h.Styles.ShortDesc = c.Styles.Dim
	h.Styles.FullDesc = c.Styles.Dim
	h.Styles.ShortSeparator = c.Styles.Dim
	h.Styles.FullSeparator = c.Styles.Dim
	h.Styles.Ellipsis = c.Styles.Dim
	panes := []session.Pane{
		agreements.New(c),
		clauses.New(c),
		subprocs.New(c),
		calendar.New(c),
		sla.New(c),
	}
	return &Model{
		c:        c,
		panes:    panes,
		pending:  make([]*session.ChangedMsg, len(panes)),
		views:    make([]paneView, len(panes)),
		status:   c.T("status.ready"),
		statusOf: everyPane,
		help:     h,
	}
}

// Update dispatches: size to the layout, keys to a capturing pane first, then
// the global keys, then the focused pane; everything else to every pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m, m.keys(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case firstLoadMsg:
		return m, m.firstLoaded(msg)
	case loadOthersMsg:
		return m, m.loadOthers()
	case backgroundLoadMsg:
		return m, m.backgroundLoaded(msg)
	case session.ScopeMsg:
		return m, m.setScope(msg)
	case session.ShowClauseMsg:
		return m, tea.Batch(m.focusOn(clausesPane), m.tell(clausesPane).Update(msg))
	case session.StatusMsg:
		return m, m.say(msg.Text, false)
	case session.AnnounceMsg:
		if !m.said {
			m.status, m.statusOf = msg.Text, everyPane
		}
		return m, nil
	case session.ErrMsg:
		return m, m.say(m.c.T("status.error", m.c.Lang.FieldErrors(msg.Err)), true)
	case fadeMsg:
		m.fade(msg)
		return m, nil
	case session.ChangedMsg:
		return m, m.changed(msg)
	case backupOfferMsg:
		m.offer = msg.path
		m.say(m.c.T("backup.offer", msg.path), false) // a question: it never fades
		m.statusOf = everyPane
		return m, nil
	case backupDoneMsg:
		return m, m.backupDone(msg)
	}
	return m, m.broadcast(msg)
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if m.offer != "" {
		return m.answerBackup(msg)
	}
	focused := m.panes[m.focus]
	k := m.c.Keys
	if focused.Capturing() {
		// Over an overlay that takes no text, ? opens and closes the help
		// and the help's keys scroll it; the other keys stay the pane's.
		switch {
		case textless(focused) && key.Matches(msg, k.Help):
			m.showHelp, m.helpTop = !m.showHelp, 0
			m.resize(m.c.Width, m.c.Height)
			return nil
		case textless(focused) && m.showHelp && m.helpKey(msg):
			return nil
		}
		m.status = "" // the key is the next action: the message has been read
		return m.tell(m.focus).Update(msg)
	}
	if m.showHelp && m.helpKey(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpTop = !m.showHelp, 0
		m.resize(m.c.Width, m.c.Height)
	case key.Matches(msg, k.NextTab):
		return m.focusOn((m.focus + 1) % paneID(len(m.panes)))
	case key.Matches(msg, k.PrevTab):
		return m.focusOn((m.focus + paneID(len(m.panes)) - 1) % paneID(len(m.panes)))
	case key.Matches(msg, k.GotoTab):
		return m.focusOn(paneID(msg.String()[0] - '1'))
	case key.Matches(msg, k.Unscope) && m.scopeID != "" && !belowTop(focused):
		return m.setScope(session.ScopeMsg{})
	default:
		m.status = ""
		return m.tell(m.focus).Update(msg)
	}
	return nil
}

// textless reports that a capturing pane takes no text just now.
func textless(p session.Pane) bool {
	t, ok := p.(session.Textless)
	return ok && t.TakesNoText()
}

// belowTop reports that esc means "back" inside the pane rather than
// "drop the scope".
func belowTop(p session.Pane) bool {
	l, ok := p.(session.Leveled)
	return ok && l.BelowTop()
}

func (m *Model) setScope(msg session.ScopeMsg) tea.Cmd {
	m.scopeID, m.scope = msg.ID, msg.Title
	text := m.c.T("status.unscoped")
	if msg.ID != "" {
		text = m.c.T("status.scoped", msg.Title)
	}
	fade := m.say(text, false)
	m.statusOf = everyPane // the scope is every pane's
	return tea.Batch(fade, m.broadcast(msg))
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, len(m.panes))
	for i := range m.panes {
		cmds[i] = m.tell(paneID(i)).Update(msg)
	}
	return tea.Batch(cmds...)
}

// resize gives each pane the space between the tab bar and the status lines.
func (m *Model) resize(w, h int) {
	m.c.Width, m.c.Height = w, h
	m.help.Width = w
	body := h - 3 // tab bar, status bar, help line
	for i := range m.panes {
		m.tell(paneID(i)).SetSize(w, max(0, body))
	}
}

// everyPane marks a status that is news for every pane.
const everyPane paneID = -1

// fadeMsg clears the status bar of the message with sequence seq.
type fadeMsg struct{ seq int }

// say puts text in the status bar, as an error when isErr, as the focused
// pane's message, and returns the command that fades it.
func (m *Model) say(text string, isErr bool) tea.Cmd {
	m.status, m.isErr, m.said = text, isErr, true
	m.statusOf = m.focus
	m.statusSeq++
	if m.c.StatusLife == 0 {
		return nil
	}
	seq := m.statusSeq
	return tea.Tick(m.c.StatusLife, func(time.Time) tea.Msg { return fadeMsg{seq} })
}

// fade clears the message the fade was set for, unless a newer one has
// taken its place or a question is waiting for its answer.
func (m *Model) fade(msg fadeMsg) {
	if msg.seq == m.statusSeq && m.offer == "" && !m.panes[m.focus].Capturing() {
		m.status = ""
	}
}

// keys handles a key message. Keys typed faster than they are read (a
// burst over SSH, keys sent together) arrive as one message of several
// runes; each is a key of its own, so "/abc" opens the filter and types
// abc in it, as it would typed slowly. A paste stays one message.
func (m *Model) keys(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || msg.Paste || len(msg.Runes) < 2 {
		// Bubble Tea hands every space key one package-level slice, and
		// the text inputs clean a key's runes in place: SSH sessions typing
		// at once would write to it together. Each key gets runes of its own.
		msg.Runes = slices.Clone(msg.Runes)
		return m.handleKey(msg)
	}
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

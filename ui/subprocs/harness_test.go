package subprocs

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// today is the day every test session lives on.
var today = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

// pane drives a Sub-processors pane through Update the way the runtime
// would, and remembers what it put in the status bar.
type pane struct {
	t      testing.TB
	m      *Model
	st     *store.Store
	status []string // status and error texts, in order
}

// newPane opens a temporary register with the sample agreements and a pane
// over it, w×h cells, already loaded.
func newPane(t testing.TB, lang i18n.Lang, readOnly bool, w, h int) *pane {
	t.Helper()
	return openPane(t, tuitest.SampleStore(t), lang, readOnly, w, h)
}

// openPane makes a pane over an existing store.
func openPane(t testing.TB, st *store.Store, lang i18n.Lang, readOnly bool, w, h int) *pane {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := session.New(r, st, lang, func() time.Time { return today })
	c.SetAccess("", readOnly)
	p := &pane{t: t, m: New(c), st: st}
	p.m.SetSize(w, h)
	p.run(p.m.Init())
	return p
}

// run executes cmd and everything that follows from it, synchronously;
// scope changes are handed back to the pane as the root would.
func (p *pane) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			p.t.Fatal("commands keep producing messages")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case session.StatusMsg:
			p.status = append(p.status, msg.Text)
		case session.ErrMsg:
			p.status = append(p.status, "error: "+msg.Err.Error())
		default:
			queue = append(queue, p.m.Update(msg))
		}
	}
}

// scope narrows the pane to one agreement.
func (p *pane) scope(id, title string) { p.run(p.m.Update(session.ScopeMsg{ID: id, Title: title})) }

// keys presses each key in turn: names like "enter", "ctrl+s", "tab",
// "esc", "down", or single characters.
func (p *pane) keys(keys ...string) {
	for _, k := range keys {
		p.run(p.m.Update(keyMsg(k)))
	}
}

// addSub fills the add form's name and country, and more fields after
// them when given, and saves.
func (p *pane) addSub(name, country string, more ...string) {
	p.keys("a")
	p.typeText(name)
	p.keys("tab", "tab")
	p.typeText(country)
	for _, v := range more {
		p.keys("tab")
		p.typeText(v)
	}
	p.keys("ctrl+s")
}

// typeText types s one rune at a time.
func (p *pane) typeText(s string) {
	for _, r := range s {
		p.run(p.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "ctrl+s": tea.KeyCtrlS, "ctrl+u": tea.KeyCtrlU, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc, "down": tea.KeyDown, "up": tea.KeyUp, "backspace": tea.KeyBackspace}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// view returns the pane's view, failing the test when it does not fit.
func (p *pane) view() string {
	p.t.Helper()
	v := p.m.View()
	if w, h := lipgloss.Width(v), lipgloss.Height(v); w > p.m.width || h > p.m.height {
		p.t.Fatalf("the view is %d×%d in a %d×%d pane:\n%s", w, h, p.m.width, p.m.height, v)
	}
	return v
}

// lastStatus is the last text put in the status bar, or "".
func (p *pane) lastStatus() string {
	if len(p.status) == 0 {
		return ""
	}
	return p.status[len(p.status)-1]
}

// selectLine moves the cursor to the first list line containing text.
func (p *pane) selectLine(text string) {
	p.t.Helper()
	p.keys("g")
	render, _ := p.m.lineFuncs()
	for range p.m.list.Len() {
		if i := p.m.list.Selected(); i >= 0 && strings.Contains(p.m.list.Line(i, render), text) {
			return
		}
		p.keys("j")
	}
	p.t.Fatalf("no line with %q", text)
}

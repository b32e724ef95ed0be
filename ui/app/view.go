package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/ui/session"
)

// View draws the tab bar, the focused pane (or the full help) and the status bar.
func (m *Model) View() string {
	w, h := m.c.Width, m.c.Height
	if w == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return m.c.Styles.Empty.Width(w).Render(m.c.T("too.small", w, h, minWidth, minHeight))
	}
	body := h - 3
	var main *paneView
	if m.showHelp {
		main = measure(m.helpView(w, body))
	} else {
		main = m.paneView(m.focus)
	}
	return stack(m.cachedTabBar(), main, body, m.cachedStatusBar(), m.shortHelpLine())
}

// paneView is a pane's view cut into lines and measured. The root keeps
// each pane's last one until the pane is told anything (tell): Bubble Tea
// draws after every message, and most messages a session gets — another
// pane's reply, a fading status, a key the root handles, a change kept for
// a pane out of view — leave the focused pane as it was. Switching back
// to a pane shows it as it was left without drawing it again.
type paneView struct {
	lines  []string
	widths []int
	hour   int64 // when it was drawn: panes show dates relative to today
	stale  bool
}

// tell returns pane id for a call that may change it (Update, SetSize,
// Init, a click), its kept view dropped.
func (m *Model) tell(id paneID) session.Pane {
	m.views[id].stale = true
	return m.panes[id]
}

// paneView is pane id's view, drawn again when it was told anything since
// it was last drawn or the hour has turned.
func (m *Model) paneView(id paneID) *paneView {
	v, hour := &m.views[id], m.c.Now().Unix()/3600
	if v.stale || v.lines == nil || v.hour != hour {
		*v = *measure(m.panes[id].View())
		v.hour = hour
	}
	return v
}

// measure cuts a view into lines, tabs expanded, and measures each.
func measure(view string) *paneView {
	view = strings.ReplaceAll(strings.ReplaceAll(view, "\t", "    "), "\r\n", "\n")
	v := &paneView{lines: strings.Split(view, "\n")}
	v.widths = make([]int, len(v.lines))
	for i, l := range v.lines {
		v.widths[i] = session.Width(l)
	}
	return v
}

// stack puts the frame together: top, then main cut or filled with empty
// lines to height lines, then bottom, every line padded with spaces to the
// widest, as the App style's Height and MaxHeight and lipgloss.JoinVertical
// did, but measuring each line once instead of three times, and the
// pane's lines only when it drew them: a frame is drawn after every
// message, in every SSH session.
func stack(top string, main *paneView, height int, bottom ...string) string {
	var lines []string
	var widths []int
	add := func(l string, w int) { lines, widths = append(lines, l), append(widths, w) }
	for _, l := range strings.Split(top, "\n") {
		add(l, session.Width(l))
	}
	widest := 0
	for i, l := range main.lines {
		// Lines of main past height still widen the frame, as they did.
		widest = max(widest, main.widths[i])
		if i < height {
			add(l, main.widths[i])
		}
	}
	for range height - len(main.lines) {
		add("", 0)
	}
	for _, b := range bottom {
		for _, l := range strings.Split(b, "\n") {
			add(l, session.Width(l))
		}
	}
	for _, w := range widths {
		widest = max(widest, w)
	}
	var out strings.Builder
	for i, l := range lines {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(l)
		out.WriteString(strings.Repeat(" ", widest-widths[i]))
	}
	return out.String()
}

// drawn keeps the parts of the frame that change only with the focus,
// the scope or the keys on offer, so that a frame after a message that
// changed none of them, or a switch back to a pane, does not draw them
// again.
type drawn struct {
	tabBars, helpBars map[string]string
	statusKey         statusKey
	statusBar         string
}

// maxDrawn bounds the parts kept of each kind: a few panes, scopes and
// sizes; beyond it they are forgotten and drawn again.
const maxDrawn = 16

// keep returns the part drawn for key, drawing it the first time.
func keep(parts *map[string]string, key string, draw func() string) string {
	if s, ok := (*parts)[key]; ok {
		return s
	}
	if *parts == nil || len(*parts) >= maxDrawn {
		*parts = map[string]string{}
	}
	s := draw()
	(*parts)[key] = s
	return s
}

// cachedTabBar is tabBar, drawn again only when what it shows changed.
func (m *Model) cachedTabBar() string {
	return keep(&m.drawn.tabBars, fmt.Sprint(m.focus, m.c.Width, m.scopeID, "\x00", m.scope), m.tabBar)
}

// shortHelpLine is the short help under the status bar, drawn again only
// when the keys on offer or the width changed.
func (m *Model) shortHelpLine() string {
	keys := m.shortHelp()
	var k strings.Builder
	k.WriteString(strconv.Itoa(m.c.Width))
	for _, b := range keys {
		if b.Enabled() {
			h := b.Help()
			k.WriteString("\x00" + h.Key + "\x01" + h.Desc)
		}
	}
	return keep(&m.drawn.helpBars, k.String(), func() string {
		// bubbles/help lets the short help run past its width when the
		// ellipsis does not fit after the last key that does, so cut it here.
		return ansi.Truncate(m.help.ShortHelpView(keys), m.c.Width, "…")
	})
}

func (m *Model) tabBar() string {
	st := m.c.Styles
	bar := m.tabs(st.Tab, st.ActiveTab)
	if ansi.StringWidth(bar) > m.c.Width {
		// Without their padding all five tabs fit the narrowest layout.
		bar = m.tabs(st.Tab.Padding(0), st.ActiveTab.Padding(0))
	}
	// Unscoped, the scope is said in the scoped form's words ("scope: all"):
	// short enough to stay whole beside the tabs at 80 columns in both
	// languages, where "all agreements" was cut.
	scope := st.Dim.Render(m.c.T("scope.tab_all"))
	if m.scopeID != "" {
		scope = st.Scope.Render(m.c.T("scope.one", session.Sanitize(m.scope)))
	}
	// The scope is shortened before it is dropped: at 80 columns the tabs
	// leave little room, and the scope must stay in sight.
	room := m.c.Width - ansi.StringWidth(bar) - 2 // a space before, a margin after
	if room < minScopeWidth {
		return ansi.Truncate(bar, m.c.Width, "…")
	}
	scope = ansi.Truncate(scope, room, "…")
	return bar + strings.Repeat(" ", m.c.Width-1-ansi.StringWidth(bar)-ansi.StringWidth(scope)) + scope
}

// tabs renders the tab titles with their numbers, the focused one active.
func (m *Model) tabs(tab, active lipgloss.Style) string {
	tabs := make([]string, len(titleKeys))
	for i := range titleKeys {
		tabs[i] = m.tab(paneID(i), tab, active)
	}
	return strings.Join(tabs, m.c.Styles.TabGap.Render("│"))
}

// tab renders one tab's title with its number, active when focused.
func (m *Model) tab(id paneID, tab, active lipgloss.Style) string {
	label := string(rune('1'+id)) + " " + m.c.T(titleKeys[id])
	if id != m.focus {
		return tab.Render(label)
	}
	if m.c.Styles.Plain {
		// The brackets take the padding's place: the bar keeps its width.
		label, active = "["+label+"]", active.UnsetPadding()
	}
	return active.Render(label)
}

// wideFooter is the width from which the footer has room for the global
// keys before the pane's.
const wideFooter = 100

// minScopeWidth is the least room in which a shortened scope still says
// something ("scope: Cent…").
const minScopeWidth = 10

// cachedStatusBar is statusBar, drawn again only when what it shows changed.
func (m *Model) cachedStatusBar() string {
	status := ""
	if m.statusOf == everyPane || m.statusOf == m.focus {
		status = m.status
	}
	k := statusKey{status, m.isErr, m.c.User(), m.c.Width}
	if k != m.drawn.statusKey || m.drawn.statusBar == "" {
		m.drawn.statusKey, m.drawn.statusBar = k, m.statusBar()
	}
	return m.drawn.statusBar
}

// statusKey is what the status bar shows.
type statusKey struct {
	status string
	isErr  bool
	user   string
	width  int
}

func (m *Model) statusBar() string {
	st := m.c.Styles
	// Messages quote titles and errors quote the register: make them safe here, once for all.
	status := ""
	if m.statusOf == everyPane || m.statusOf == m.focus {
		status = session.Sanitize(m.status)
	}
	left := st.StatusBar.Render(status)
	if m.isErr {
		left = st.StatusErr.Render(status)
	}
	// Who is connected always shows; the database path gives way first when
	// the message needs the room, then the message is shortened.
	user := ""
	if name := m.c.User(); name != "" {
		user = st.Dim.Render(name)
	}
	// The database path is the local user's business; over SSH it would
	// only tell visitors where the server keeps its files.
	right := user
	if m.c.LocalFiles {
		right = st.Dim.Render(m.c.T("status.db", m.c.Store.Path()))
		if user != "" {
			right = user + "  " + right
		}
	}
	if session.Width(left)+session.Width(right)+2 > m.c.Width {
		right = user
	}
	room := m.c.Width - session.Width(right) - 2
	if room < 10 {
		return ansi.Truncate(left, m.c.Width, "…")
	}
	left = ansi.Truncate(left, room, "…")
	return left + strings.Repeat(" ", max(1, m.c.Width-session.Width(left)-session.Width(right))) + right
}

func (m *Model) globalKeys() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.NextTab, k.PrevTab, k.GotoTab, k.Unscope, k.Help, k.Quit}
}

// fullHelp is the ? help: the global keys and the mouse, then the focused
// pane's keys.
func (m *Model) fullHelp() [][]key.Binding {
	focused := m.panes[m.focus]
	if focused.Capturing() {
		// Over an overlay only its own keys work, and ? closes the help.
		return append([][]key.Binding{{m.c.Keys.Help}}, focused.FullHelp()...)
	}
	return append([][]key.Binding{append(m.globalKeys(), m.c.Keys.Mouse)}, focused.FullHelp()...)
}

func (m *Model) shortHelp() []key.Binding {
	focused := m.panes[m.focus]
	k := m.c.Keys
	if focused.Capturing() {
		// A form or a search field takes every key: only its own keys work,
		// and ? too over an overlay that takes no text.
		if textless(focused) {
			return append([]key.Binding{k.Help}, focused.ShortHelp()...)
		}
		return focused.ShortHelp()
	}
	if m.c.Width < wideFooter {
		// A narrow footer shows how to get help, then the pane's own keys;
		// quitting and the tabs are in the help and on the tab bar.
		return append([]key.Binding{k.Help}, append(focused.ShortHelp(), k.Quit)...)
	}
	return append([]key.Binding{k.Help, k.Quit, k.NextTab}, focused.ShortHelp()...)
}

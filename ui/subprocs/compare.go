package subprocs

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/importfile"
	"avtal/ui/session"
)

// compareMsg carries a supplier's list read and compared with the register.
type compareMsg struct {
	seq     int
	rows    int
	changes []subproc.Change
	err     error
}

// compareModal compares a supplier's list, from a file or pasted, with the
// register, shows the difference, and on confirmation records it as change
// notices.
type compareModal struct {
	m        *Model
	path     textinput.Model
	received textinput.Model
	paste    textarea.Model
	focus    int // 0 path, 1 received, 2 paste
	seq      int
	busy     bool
	err      string
	// diff is set once a list was compared; the view then shows it.
	diff *compareMsg
	keys compareKeys
}

type compareKeys struct {
	Next, Prev, Compare, Record, Cancel, Back key.Binding
}

func newCompare(m *Model) *compareModal {
	t := m.c.T
	st := m.c.Styles
	input := func(placeholder, value string) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = placeholder
		in.SetValue(value)
		in.TextStyle, in.PlaceholderStyle, in.Cursor.Style = st.Value, st.Dim, st.Highlight
		in.Cursor.SetMode(cursor.CursorStatic)
		return in
	}
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.Placeholder = t("subprocs.compare.paste_ph")
	ta.MaxHeight = 0 // a long list is fine
	ta.CharLimit = 0
	ta.KeyMap.Paste = key.NewBinding(key.WithDisabled()) // the terminal pastes; the server's clipboard is not the user's
	for _, s := range []*textarea.Style{&ta.FocusedStyle, &ta.BlurredStyle} {
		*s = textarea.Style{Base: st.Row, CursorLine: st.Row, CursorLineNumber: st.Dim, EndOfBuffer: st.Dim,
			LineNumber: st.Dim, Placeholder: st.Dim, Prompt: st.Dim, Text: st.Value}
	}
	ta.Cursor.Style = st.Highlight
	ta.Cursor.SetMode(cursor.CursorStatic)
	cm := &compareModal{m: m, path: input(t("subprocs.compare.path_ph"), ""), received: input("YYYY-MM-DD", m.today().String()), paste: ta,
		keys: compareKeys{
			Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t("form.next"))),
			Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t("form.prev"))),
			Compare: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", t("subprocs.compare.run"))),
			Record:  key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", t("subprocs.compare.record"))),
			Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t("form.cancel"))),
			Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t("subprocs.compare.back_key"))),
		}}
	start := 0
	if !m.c.LocalFiles {
		start = 2 // pasting is the only way in: start there
	}
	cm.setFocus(start)
	return cm
}

// fields are the inputs in screen order. Only the local workbench offers a
// file path: over SSH the files are the server's, not the user's.
func (cm *compareModal) fields() []int {
	if cm.m.c.LocalFiles {
		return []int{0, 1, 2}
	}
	return []int{1, 2}
}

// step moves the focus d fields on, round the fields shown.
func (cm *compareModal) step(d int) {
	f := cm.fields()
	i := slices.Index(f, cm.focus)
	cm.setFocus(f[(i+d+len(f))%len(f)])
}

func (cm *compareModal) setFocus(i int) {
	cm.focus = i
	cm.path.Blur()
	cm.received.Blur()
	cm.paste.Blur()
	switch i {
	case 0:
		cm.path.Focus()
	case 1:
		cm.received.Focus()
	default:
		cm.paste.Focus()
	}
}

func (cm *compareModal) update(k tea.KeyMsg) tea.Cmd {
	if cm.busy {
		return nil
	}
	if cm.diff != nil {
		return cm.updateDiff(k)
	}
	switch {
	case key.Matches(k, cm.keys.Cancel):
		cm.m.modal = nil
		return session.Status(cm.m.c.T("subprocs.cancelled"))
	case key.Matches(k, cm.keys.Next):
		cm.step(1)
		return nil
	case key.Matches(k, cm.keys.Prev):
		cm.step(-1)
		return nil
	case key.Matches(k, cm.keys.Compare), k.Type == tea.KeyEnter && cm.focus < 2:
		return cm.compare()
	}
	cm.err = ""
	var cmd tea.Cmd
	switch cm.focus {
	case 0:
		cm.path, cmd = cm.path.Update(k)
	case 1:
		cm.received, cmd = cm.received.Update(k)
	default:
		cm.paste, cmd = cm.paste.Update(k)
	}
	return cmd
}

// pasteKey is the catalogue key of a text that names the sources: without
// a file path field, its paste-only variant.
func (cm *compareModal) pasteKey(key string) string {
	if cm.m.c.LocalFiles {
		return key
	}
	return key + "_only"
}

// compare reads and compares the list in a command: the file when a path
// is given, else the pasted text.
func (cm *compareModal) compare() tea.Cmd {
	t := cm.m.c.T
	if _, err := model.ParseDate(cm.received.Value()); err != nil {
		cm.err = t("subprocs.col.received") + ": " + cm.m.c.Lang.FieldErrors(err).Error()
		cm.setFocus(1)
		return nil
	}
	path, text := "", cm.paste.Value()
	if cm.m.c.LocalFiles {
		path = importfile.PastedPath(cm.path.Value())
	}
	if path == "" && strings.TrimSpace(text) == "" {
		cm.err = t(cm.pasteKey("subprocs.compare.nothing"))
		return nil
	}
	cm.seq++
	cm.busy = true
	seq, subs := cm.seq, append([]model.SubProcessor(nil), cm.m.reg.a.Subs...)
	return func() tea.Msg {
		if path != "" {
			data, err := os.ReadFile(path)
			if err != nil {
				return compareMsg{seq: seq, err: err}
			}
			text = string(data)
		}
		rows, err := subproc.ParseList(text)
		if err != nil {
			return compareMsg{seq: seq, err: err}
		}
		return compareMsg{seq: seq, rows: len(rows), changes: subproc.Diff(subs, rows)}
	}
}

// compared shows the difference, or why the list could not be read.
func (cm *compareModal) compared(msg compareMsg) tea.Cmd {
	if msg.seq != cm.seq {
		return nil
	}
	cm.busy = false
	if msg.err != nil {
		cm.err = cm.m.c.Lang.FieldErrors(msg.err).Error()
		return nil
	}
	cm.diff = &msg
	return nil
}

func (cm *compareModal) updateDiff(k tea.KeyMsg) tea.Cmd {
	m := cm.m
	switch {
	case key.Matches(k, cm.keys.Back):
		cm.diff, cm.err = nil, ""
	case key.Matches(k, cm.keys.Record) && len(cm.diff.changes) > 0:
		if err := m.c.CanWrite(); err != nil {
			cm.err = err.Error()
			return nil
		}
		received, _ := model.ParseDate(cm.received.Value())
		notices := subproc.Notices(cm.diff.changes, received)
		id := m.reg.a.ID
		cm.busy = true
		return m.write(id, m.c.T("subprocs.saved.compared", len(notices), received), func(ctx context.Context, st *store.Store) error {
			_, err := st.RecordNotices(ctx, id, notices)
			return err
		})
	}
	return nil
}

func (cm *compareModal) view(width, height int) string {
	st := cm.m.c.Styles
	t := cm.m.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("subprocs.compare.title", oneLine(cm.m.reg.a.Title))) + "\n\n")
	if cm.diff != nil {
		return b.String() + cm.diffView(width, height-2)
	}
	label := func(i int, s string) string {
		return st.Mark(cm.focus == i) + st.Label.Render(s)
	}
	cm.path.Width = max(10, width-20)
	cm.received.Width = 12
	room := height - 9 // what the other lines leave the paste field
	if cm.m.c.LocalFiles {
		b.WriteString(label(0, t("subprocs.compare.path")) + " " + cm.path.View() + "\n")
	} else {
		room++
	}
	b.WriteString(label(1, t("subprocs.col.received")) + " " + cm.received.View() + "\n")
	b.WriteString(label(2, t(cm.pasteKey("subprocs.compare.paste"))) + "\n")
	cm.paste.SetWidth(max(10, width-2))
	cm.paste.SetHeight(max(3, room))
	b.WriteString(cm.paste.View() + "\n")
	switch {
	case cm.busy:
		b.WriteString(st.Dim.Render(t("loading")))
	case cm.err != "":
		b.WriteString(st.Danger.Render(session.Sanitize(cm.err)))
	default:
		b.WriteString(st.Dim.Render(t("subprocs.compare.help")))
	}
	return b.String()
}

// diffView lists the changes, as many as fit, and what enter will do.
func (cm *compareModal) diffView(width, height int) string {
	st := cm.m.c.Styles
	t := cm.m.c.T
	d := cm.diff
	var b strings.Builder
	if len(d.changes) == 0 {
		b.WriteString(st.OK.Render(t("subprocs.compare.same", d.rows)) + "\n\n" + st.Dim.Render(t("subprocs.compare.back")))
		return b.String()
	}
	room := max(1, height-4)
	for i, c := range d.changes {
		if i == room-1 && len(d.changes) > room {
			b.WriteString(st.Dim.Render(t("subprocs.compare.more", len(d.changes)-i)) + "\n")
			break
		}
		style := st.Row
		switch c.Kind {
		case subproc.DiffAdded:
			style = st.OK
		case subproc.DiffRemoved:
			style = st.Danger
		case subproc.DiffChanged:
			style = st.Warn
		}
		b.WriteString(style.Render(cells(width, []int{width}, cm.m.c.Lang.Change(c))) + "\n")
	}
	b.WriteString("\n")
	if cm.err != "" {
		b.WriteString(st.Danger.Render(session.Sanitize(cm.err)) + "\n")
	}
	b.WriteString(st.Highlight.Render(t("subprocs.compare.confirm", len(d.changes), cm.received.Value())))
	return b.String()
}

// ShortHelp lists the keys of the current step.
func (cm *compareModal) ShortHelp() []key.Binding {
	if cm.diff != nil {
		return []key.Binding{cm.keys.Record, cm.keys.Back}
	}
	return []key.Binding{cm.keys.Next, cm.keys.Compare, cm.keys.Cancel}
}

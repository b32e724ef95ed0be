// Package form is the one small form every pane uses to add and edit
// things: labelled fields, validation on every field with the message
// inline, and nothing handed back until all of it is valid.
package form

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/ui/session"
)

// Field describes one input of a form.
type Field struct {
	Key         string // the name Values() uses
	Label       string
	Value       string // initial value
	Placeholder string
	Required    bool
	// Check validates the trimmed text and returns an error whose message
	// is shown under the field ("2026-02-30 is not a date that exists"); a
	// model refusal with a catalogue key is shown in the session's language.
	Check func(string) error
	// Suggestions complete what is typed: the first one that starts with
	// it shows after the cursor, and tab takes it (ctrl+n/ctrl+p go
	// through the others); tab again moves on.
	Suggestions []string
	// Choices, when given, make the field a picker: the value is one of
	// them (or empty, for a field not required), chosen with ←/→ or space,
	// or by typing its first letter.
	Choices []string
	// ChoiceLabels, when given, are what the picker shows for each choice
	// (the names of stored values in the session's language); the form's
	// value stays the choice itself.
	ChoiceLabels []string
	// Unbounded lifts the 2000 characters a field takes, for a text whose
	// Check says how long it may be, rather than cutting a paste short.
	Unbounded bool
}

// Result says what the last key did to the form.
type Result int

// The outcomes of Update.
const (
	Editing Result = iota
	Submitted
	Cancelled
)

type field struct {
	Field
	input   textinput.Model
	initial string // the value the form opened with
	err     string
	// whole is true while the field's value is as good as selected: it
	// was there when the field got the focus and no key has touched it,
	// so typing replaces it and backspace clears it.
	whole bool
}

// Form is an open form.
type Form struct {
	c      *session.State
	title  string
	fields []*field
	focus  int
	err    string
	keys   keyMap
	// discarding is true while esc waits for a y to throw away typed text.
	discarding bool
}

type keyMap struct {
	Next, Prev, Submit, Cancel, Clear key.Binding
}

// New opens a form with the given fields, the first one focused.
func New(c *session.State, title string, fields ...Field) *Form {
	f := &Form{c: c, title: title, keys: keyMap{
		Next:   key.NewBinding(key.WithKeys("tab", "down", "enter"), key.WithHelp("tab/enter", c.T("form.next"))),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", c.T("form.prev"))),
		Submit: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", c.T("form.save"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("form.cancel"))),
		// textinput's own binding; listed so people know it is there.
		Clear: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", c.T("form.clear"))),
	}}
	for _, fd := range fields {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = fd.Placeholder
		if c.Styles.Plain && fd.Placeholder != "" {
			// Without colour a hint must not read as a value typed in.
			in.Placeholder = "(" + fd.Placeholder + ")"
		}
		// A value from the register shows, and is saved again, without
		// what could act on a terminal.
		in.SetValue(session.Sanitize(fd.Value))
		if len(fd.Choices) > 0 {
			in.SetValue(pick(fd, fd.Value))
		}
		if len(fd.Suggestions) > 0 {
			in.ShowSuggestions = true
			in.CompletionStyle = c.Styles.Dim
			in.SetSuggestions(fd.Suggestions)
		}
		in.CharLimit = 2000
		if fd.Unbounded {
			in.CharLimit = 0
		}
		in.TextStyle = c.Styles.Value
		in.PlaceholderStyle = c.Styles.Dim
		in.Cursor.Style = c.Styles.Highlight
		in.Cursor.SetMode(cursor.CursorStatic)
		f.fields = append(f.fields, &field{Field: fd, input: in, initial: in.Value()})
	}
	f.focusField(0)
	return f
}

func (f *Form) focusField(i int) {
	for j, fd := range f.fields {
		if j == i {
			fd.input.Focus()
			fd.input.CursorEnd()
			f.selectWhole(fd, fd.input.Value() != "")
		} else {
			fd.input.Blur()
			f.selectWhole(fd, false)
		}
	}
	f.focus = i
}

// Focus moves the focus to the field named key, its value selected, as
// if the person had tabbed there; a key the form has not leaves it.
func (f *Form) Focus(key string) {
	if i := slices.IndexFunc(f.fields, func(fd *field) bool { return fd.Key == key }); i >= 0 {
		f.focusField(i)
	}
}

// select_ marks a field's whole value as selected, or not, and shows it.
func (f *Form) selectWhole(fd *field, whole bool) {
	fd.whole = whole
	fd.input.TextStyle = f.c.Styles.Value
	if whole {
		fd.input.TextStyle = f.c.Styles.Selected
	}
}

// complete takes the suggestion shown after what is typed, when there is
// one that says more, and reports whether it did.
func (f *Form) complete(fd *field) bool {
	sug := fd.input.CurrentSuggestion()
	if len(fd.Suggestions) == 0 || sug == "" || strings.EqualFold(sug, fd.input.Value()) {
		return false
	}
	fd.input.SetValue(sug)
	fd.input.CursorEnd()
	return true
}

// changed reports whether any field differs from what the form opened with.
func (f *Form) changed() bool {
	for _, fd := range f.fields {
		if fd.input.Value() != fd.initial {
			return true
		}
	}
	return false
}

// Update handles a message; it returns Submitted only when every field is
// valid, and Cancelled on esc.
func (f *Form) Update(msg tea.Msg) (Result, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return Editing, nil
	}
	if f.discarding {
		f.discarding = false
		if session.Yes(km) {
			return Cancelled, nil
		}
		return Editing, nil
	}
	switch {
	case key.Matches(km, f.keys.Cancel):
		if f.changed() {
			f.discarding = true
			return Editing, nil
		}
		return Cancelled, nil
	case key.Matches(km, f.keys.Submit),
		km.String() == "enter" && f.focus == len(f.fields)-1:
		if f.validate() {
			return Submitted, nil
		}
		return Editing, nil
	case key.Matches(km, f.keys.Next) && f.complete(f.fields[f.focus]):
		return Editing, nil
	case key.Matches(km, f.keys.Next):
		f.checkField(f.fields[f.focus])
		f.focusField((f.focus + 1) % len(f.fields))
		return Editing, nil
	case key.Matches(km, f.keys.Prev):
		f.focusField((f.focus + len(f.fields) - 1) % len(f.fields))
		return Editing, nil
	}
	var cmd tea.Cmd
	fd := f.fields[f.focus]
	if len(fd.Choices) > 0 {
		fd.input.SetValue(choose(fd.Field, fd.input.Value(), km))
		fd.err = ""
		return Editing, nil
	}
	if fd.whole {
		switch km.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyBackspace, tea.KeyDelete:
			fd.input.SetValue("")
		}
		f.selectWhole(fd, false)
		if km.Type == tea.KeyBackspace || km.Type == tea.KeyDelete {
			return Editing, nil
		}
	}
	fd.input, cmd = fd.input.Update(msg)
	fd.err = ""
	return Editing, cmd
}

// checkField validates one field and records its message.
func (f *Form) checkField(fd *field) bool {
	v := strings.TrimSpace(fd.input.Value())
	fd.err = ""
	switch {
	case v == "" && fd.Required:
		fd.err = f.c.T("form.required")
	case v != "" && fd.Check != nil:
		if err := fd.Check(v); err != nil {
			// The model's parsers refuse with catalogue keys: worded here,
			// every form's field speaks the session's language.
			fd.err = f.c.Lang.FieldErrors(err).Error()
		}
	}
	return fd.err == ""
}

// validate checks every field and focuses the first invalid one.
func (f *Form) validate() bool {
	first := -1
	for i, fd := range f.fields {
		if !f.checkField(fd) && first < 0 {
			first = i
		}
	}
	if first >= 0 {
		f.focusField(first)
		return false
	}
	return true
}

// Values returns the trimmed text of every field by key.
func (f *Form) Values() map[string]string {
	out := make(map[string]string, len(f.fields))
	for _, fd := range f.fields {
		out[fd.Key] = strings.TrimSpace(fd.input.Value())
	}
	return out
}

// SetError shows a message for the whole form, e.g. a refused save.
func (f *Form) SetError(msg string) { f.err = msg }

// SetFieldError shows a message under the field with key (a check that
// needs more than one field, such as "end after start").
func (f *Form) SetFieldError(fieldKey, msg string) {
	for i, fd := range f.fields {
		if fd.Key == fieldKey {
			fd.err = msg
			f.focusField(i)
		}
	}
}

// ShortHelp lists the form's keys.
func (f *Form) ShortHelp() []key.Binding {
	return []key.Binding{f.keys.Next, f.keys.Prev, f.keys.Submit, f.keys.Cancel, f.keys.Clear}
}

// FullHelp lists the form's keys.
func (f *Form) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// View draws the form in width cells.
func (f *Form) View(width int) string {
	lines, _, _, _ := f.lines(width)
	return strings.Join(lines, "\n") + "\n"
}

// ViewIn draws the form in width×height cells. A form taller than that
// shows the part around the field being edited, and always what the form
// says at its end (a refused save, the question esc asks): the fields of
// an agreement fill more than an 80×24 terminal.
func (f *Form) ViewIn(width, height int) string {
	lines, from, to, end := f.lines(width)
	if len(lines) <= height {
		return strings.Join(lines, "\n")
	}
	tail := lines[end:] // the messages under the fields
	room := max(1, height-len(tail))
	start := max(0, min(from, to-room)) // the focused field and its advice in sight
	out := append(slices.Clip(lines[start:min(end, start+room)]), tail...)
	return strings.Join(out[:min(len(out), height)], "\n")
}

// lines draws the form in width cells, a line each; from and to are the
// lines of the focused field and its advice, end the first line after the
// fields.
func (f *Form) lines(width int) (lines []string, from, to, end int) {
	st := f.c.Styles
	labelW := 0
	for _, fd := range f.fields {
		labelW = max(labelW, ansi.StringWidth(fd.Label))
	}
	labelW = min(labelW+2, width/3) // room for the required mark and a space
	// Titles and messages quote the register (an agreement's title, a
	// refused save), so they are made safe here for every form.
	lines = append(lines, st.Title.Render(session.Sanitize(f.title)), "")
	for i, fd := range f.fields {
		if i == f.focus {
			from = len(lines)
		}
		label := ansi.Truncate(fd.Label, labelW-1, "…")
		if fd.Required {
			label += "*"
		}
		label += strings.Repeat(" ", max(0, labelW-ansi.StringWidth(label)))
		// The marker takes 2 cells and the cursor one after the text.
		fd.input.Width = max(10, width-labelW-3)
		value := fd.input.View()
		if st.Plain && i == f.focus {
			value = plainField(fd, fd.input.Width+1)
		}
		if len(fd.Choices) > 0 {
			value = ansi.Truncate(f.pickerView(fd, i == f.focus), fd.input.Width+1, "…")
		}
		lines = append(lines, st.Mark(i == f.focus)+st.Label.Render(label)+value)
		if fd.err != "" { // wrapped under the input, so the whole advice shows
			for _, l := range strings.Split(ansi.Wrap(session.Sanitize(fd.err), max(10, width-labelW-2), " "), "\n") {
				lines = append(lines, strings.Repeat(" ", labelW+2)+st.Danger.Render(l))
			}
		}
		if i == f.focus {
			to = len(lines)
		}
	}
	end = len(lines)
	if f.err != "" {
		lines = append(lines, "", st.Danger.Render(session.Sanitize(f.err)))
	}
	if f.discarding {
		lines = append(lines, "")
		lines = append(lines, strings.Split(st.Warn.Render(ansi.Wrap(f.c.T("form.discard"), max(10, width), " ")), "\n")...)
	}
	return lines, from, to, end
}

// plainCursor marks where typing goes in the focused field of a terminal
// without colour or attributes, where the input's own cursor (reverse
// video) does not show.
const plainCursor = "▏"

// plainField draws the focused field, w cells wide, for a terminal without
// colour: the value with the cursor written in, a value that typing will
// replace in [brackets], the placeholder after the cursor when empty.
func plainField(fd *field, w int) string {
	value := []rune(fd.input.Value())
	if len(value) == 0 {
		return ansi.Truncate(plainCursor+fd.input.Placeholder, w, "…")
	}
	if fd.whole {
		return ansi.Truncate("["+string(value)+"]"+plainCursor, w, "…")
	}
	pos := min(fd.input.Position(), len(value))
	before := string(value[:pos])
	line := before + plainCursor + string(value[pos:])
	if sug := []rune(fd.input.CurrentSuggestion()); fd.input.ShowSuggestions && pos == len(value) && len(sug) > len(value) {
		line += string(sug[len(value):]) // what tab would complete
	}
	if over := ansi.StringWidth(before) + 1 - w; over > 0 {
		line = ansi.TruncateLeft(line, over+1, "…") // the cursor stays in sight
	}
	return ansi.Truncate(line, w, "…")
}

// options are a picker's values: its choices, after an empty one when the
// field may be left empty.
func options(fd Field) []string {
	if fd.Required {
		return fd.Choices
	}
	return append([]string{""}, fd.Choices...)
}

// pick is the option that value names (ignoring case), or none: a
// required picker left empty must be chosen, not defaulted.
func pick(fd Field, value string) string {
	for _, o := range options(fd) {
		if strings.EqualFold(o, strings.TrimSpace(value)) {
			return o
		}
	}
	return ""
}

// choose is the option a key moves a picker to from current: ←/→ and
// space step through them; a letter goes to the next one starting with it.
func choose(fd Field, current string, km tea.KeyMsg) string {
	opts := options(fd)
	at := slices.Index(opts, current) // -1 while a required picker is still empty
	switch km.Type {
	case tea.KeyRight, tea.KeySpace:
		return opts[(at+1)%len(opts)]
	case tea.KeyLeft:
		if at < 0 {
			at = 0
		}
		return opts[(at+len(opts)-1)%len(opts)]
	case tea.KeyRunes:
		letter := strings.ToLower(string(km.Runes))
		for i := 1; i <= len(opts); i++ {
			if o := opts[(at+i+len(opts))%len(opts)]; strings.HasPrefix(strings.ToLower(labelOf(fd, o)), letter) {
				return o
			}
		}
	}
	return current
}

// labelOf is what a picker shows for choice.
func labelOf(fd Field, choice string) string {
	if i := slices.Index(fd.Choices, choice); i >= 0 && i < len(fd.ChoiceLabels) {
		return fd.ChoiceLabels[i]
	}
	return choice
}

// pickerView shows a picker's value between arrows, and while it has the
// focus the other options after it, dimmed.
func (f *Form) pickerView(fd *field, focused bool) string {
	st := f.c.Styles
	value := labelOf(fd.Field, fd.input.Value())
	if value == "" {
		value = "—"
	}
	if !focused {
		return st.Value.Render(value)
	}
	var others []string
	for _, o := range fd.Choices {
		if o != fd.input.Value() {
			others = append(others, labelOf(fd.Field, o))
		}
	}
	return st.Highlight.Render("◂ "+value+" ▸") + st.Dim.Render("  "+strings.Join(others, " · "))
}

package session

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/store"
)

// Filter is a list's "/" filter: the field it is typed in and the query the
// list shows. A row matches when every word of the query is in one of its
// fields, in any case and with or without accents ("sodra" finds "Södra"),
// folded the way the store's search folds text.
type Filter struct {
	input *textinput.Model // open while the filter is typed
	query string           // the filter the list shows, "" for every row
	words []string         // the query's words, folded
}

// Open starts typing the filter, keeping the one already set; hint is the
// field's placeholder, saying what the filter looks in.
func (f *Filter) Open(hint string, st *Styles) tea.Cmd {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = hint
	in.PlaceholderStyle = st.Dim
	in.SetValue(f.query)
	in.CursorEnd()
	in.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would keep the program awake
	f.input = &in
	return f.input.Focus()
}

// Typing is true while the field is open and takes every key.
func (f *Filter) Typing() bool { return f.input != nil }

// Active is true while a filter is set, typed or kept.
func (f *Filter) Active() bool { return f.query != "" }

// Query is the filter the list shows, trimmed.
func (f *Filter) Query() string { return f.query }

// Update takes a key while the field is open: the query follows every key,
// enter keeps it and closes the field, esc drops it. changed reports that
// the query is not what it was, so the list must be filtered again.
func (f *Filter) Update(msg tea.KeyMsg) (changed bool, cmd tea.Cmd) {
	switch msg.Type {
	case tea.KeyEnter:
		f.input = nil
		return false, nil
	case tea.KeyEsc:
		return f.Clear(), nil
	}
	*f.input, cmd = f.input.Update(msg)
	if q := strings.TrimSpace(f.input.Value()); q != f.query {
		f.set(q)
		return true, cmd
	}
	return false, cmd
}

// Clear drops the filter and closes the field; it reports whether a filter
// was set.
func (f *Filter) Clear() bool {
	was := f.query != ""
	f.input = nil
	f.set("")
	return was
}

func (f *Filter) set(q string) {
	f.query = q
	f.words = strings.Fields(store.FoldText(q))
}

// View is the open field, width cells wide.
func (f *Filter) View(width int) string {
	f.input.Width = max(1, width-3)
	return f.input.View()
}

// Matches is true when every word of the filter is in one of fields; with
// no filter every row matches.
func (f *Filter) Matches(fields ...string) bool {
	if len(f.words) == 0 {
		return true
	}
	folded := make([]string, len(fields))
	for i, s := range fields {
		folded[i] = store.FoldText(s)
	}
	for _, w := range f.words {
		found := false
		for _, s := range folded {
			if strings.Contains(s, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// MatchesFolded is Matches for fields already folded with store.FoldText
// and joined by a separator no word holds ("\x00"), for a long list that
// folds its rows once rather than at every key.
func (f *Filter) MatchesFolded(fields string) bool {
	for _, w := range f.words {
		if !strings.Contains(fields, w) {
			return false
		}
	}
	return true
}

// Highlight renders the places of text where the filter's words are in
// mark; text is plain, without escape sequences.
func (f *Filter) Highlight(text string, mark lipgloss.Style) string {
	return f.highlight(text, mark, nil)
}

// HighlightIn is Highlight for a text drawn in a style of its own: the rest
// of it is rendered in rest, so a match does not end the row's colour.
func (f *Filter) HighlightIn(text string, mark, rest lipgloss.Style) string {
	if len(f.words) == 0 {
		return rest.Render(text)
	}
	return f.highlight(text, mark, &rest)
}

func (f *Filter) highlight(text string, mark lipgloss.Style, rest *lipgloss.Style) string {
	if len(f.words) == 0 || text == "" {
		return text
	}
	marked := make([]bool, len(text))
	for _, sp := range store.MatchSpans(text, f.words) {
		for j := sp.Start; j < sp.End; j++ {
			marked[j] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && marked[j] == marked[i] {
			j++
		}
		switch {
		case marked[i]:
			b.WriteString(mark.Render(text[i:j]))
		case rest != nil:
			b.WriteString(rest.Render(text[i:j]))
		default:
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

// Package list is the one list every pane draws its rows with: the cursor
// and the window of rows on screen, lines rendered on demand and cached,
// the selection marker, the "/" filter, sorting by a column ("s" cycles),
// and the mouse (a click selects a row). It knows rows by index only: the
// pane keeps its data, renders a row when asked, and orders and filters its
// data when the list says the sort or the filter changed. A pane that pages
// its data from the store (the register) tells the list where rows came and
// went (Append, Prepend, DropFirst, DropLast) and asks it when the cursor
// nears an edge (Near). A pane that draws its rows itself (the agenda,
// computed row by row) takes the window (Visible) and the marker (Row).
package list

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/ui/session"
)

// List is the state of one list on screen. The zero value is an empty list
// in the pane's own order.
type List struct {
	n      int
	cursor int
	offset int // first row on screen
	height int // rows on screen
	skip   func(i int) bool
	// lines are the rendered rows, as the pane renders them, and styled
	// the same coloured and marked for the filter; "" until rendered, nil
	// until a row is (a list the pane draws itself, row by row, never
	// holds them).
	lines  []string
	styled []string

	// Filter is the list's "/" filter; the pane reads it to keep rows.
	Filter session.Filter

	sorts []string // the columns "s" cycles through, by their titles
	sort  int      // index into sorts; 0 is the list's own order

	x, y, width int // where the first row is drawn in the pane, for clicks
	rowLines    int // lines a row takes on screen, when more than one
}

// Event says what a key did, for the pane to follow.
type Event int

const (
	// Ignored: the key is not the list's.
	Ignored Event = iota
	// Kept: the list took the key and the rows stay as they are (the
	// cursor may have moved, the filter field may have changed).
	Kept
	// Refilter: the filter's query changed; the pane keeps the rows that
	// match it (and calls Reset).
	Refilter
	// Resort: the sort column changed; the pane orders its rows by Sort
	// (and calls Reset).
	Resort
)

// Reset gives the list n rows, of which those skip reports (headings) the
// cursor passes over; the cursor stays where it was as far as it can, and
// the cached lines are dropped.
func (l *List) Reset(n int, skip func(i int) bool) {
	l.n, l.skip = n, skip
	l.lines, l.styled = nil, nil
	l.cursor = min(l.cursor, max(0, n-1))
	l.settle(1)
}

// Top puts the cursor and the window back at the first row.
func (l *List) Top() {
	l.cursor, l.offset = 0, 0
	l.settle(1)
}

// Len is the number of rows.
func (l *List) Len() int { return l.n }

// Cursor is the cursor's row, which may be a heading; 0 in an empty list.
func (l *List) Cursor() int { return l.cursor }

// Height is the number of rows on screen.
func (l *List) Height() int { return max(1, l.height) }

// SetHeight gives the list its rows on screen and re-anchors the window:
// the selected row shows, and after the window grew, the rows above it come
// back into view rather than an empty box below.
func (l *List) SetHeight(h int) {
	l.height = h
	l.settle(1)
}

// Invalidate drops the rendered lines (the width or the language changed).
func (l *List) Invalidate() {
	clear(l.lines)
	clear(l.styled)
}

// Move shifts the cursor by delta rows and keeps it on screen; it reports
// whether the selected row changed.
func (l *List) Move(delta int) bool {
	if l.n == 0 {
		return false
	}
	was := l.cursor
	dir := 1
	if delta < 0 {
		dir = -1
	}
	l.cursor = min(max(l.cursor+delta, 0), l.n-1)
	l.settle(dir)
	return l.cursor != was
}

// Select puts the cursor on row i (or the nearest row it stops on).
func (l *List) Select(i int) bool { return l.Move(i - l.cursor) }

// Paging: a list whose pane holds a window of a longer list (the register,
// read a page at a time) tells the list where rows came and went. The
// cursor stays on its row and the lines already rendered are kept.

// Append adds k rows after the last.
func (l *List) Append(k int) {
	l.n += k
	if l.lines != nil {
		l.lines = append(l.lines, make([]string, k)...)
		l.styled = append(l.styled, make([]string, k)...)
	}
}

// Prepend adds k rows before the first.
func (l *List) Prepend(k int) {
	l.n += k
	if l.lines != nil {
		l.lines = append(make([]string, k, k+len(l.lines)), l.lines...)
		l.styled = append(make([]string, k, k+len(l.styled)), l.styled...)
	}
	l.cursor, l.offset = l.cursor+k, l.offset+k
}

// DropFirst removes the first k rows.
func (l *List) DropFirst(k int) {
	l.n -= k
	if l.lines != nil {
		l.lines, l.styled = l.lines[k:], l.styled[k:]
	}
	l.cursor, l.offset = max(0, l.cursor-k), max(0, l.offset-k)
	l.settle(1)
}

// DropLast removes the last k rows.
func (l *List) DropLast(k int) {
	l.n -= k
	if l.lines != nil {
		l.lines, l.styled = l.lines[:l.n], l.styled[:l.n]
	}
	l.cursor = min(l.cursor, max(0, l.n-1))
	l.settle(1)
}

// Near reports whether the cursor is within margin rows of the first
// (atStart) or the last row (atEnd), for a paged list to fetch the next
// page in time.
func (l *List) Near(margin int) (atStart, atEnd bool) {
	return l.cursor < margin, l.cursor >= l.n-margin
}

// settle moves the cursor off a skipped row, in dir first, and scrolls it
// into view; the heading above a first entry shows too.
func (l *List) settle(dir int) {
	for _, d := range []int{dir, -dir} {
		i := l.cursor
		for i >= 0 && i < l.n && l.skipped(i) {
			i += d
		}
		if i >= 0 && i < l.n {
			l.cursor = i
			break
		}
	}
	h := l.Height()
	top := l.cursor
	for top > 0 && l.skipped(top-1) && l.cursor-top+1 < h {
		top--
	}
	if top < l.offset {
		l.offset = top
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, l.n-h))
}

func (l *List) skipped(i int) bool { return l.skip != nil && l.skip(i) }

// Selected is the cursor's row, or -1 for an empty list or one of headings
// only.
func (l *List) Selected() int {
	if l.n == 0 || l.skipped(l.cursor) {
		return -1
	}
	return l.cursor
}

// Visible returns the rows on screen, from included to to excluded.
func (l *List) Visible() (from, to int) {
	return l.offset, min(l.n, l.offset+l.Height())
}

// Nav moves the cursor for the list keys (up, down, page up and down,
// top, bottom); it reports whether the key was one of them.
func (l *List) Nav(msg tea.KeyMsg, k *session.KeyMap) bool {
	page := max(1, l.Height()-1)
	switch {
	case key.Matches(msg, k.Down):
		l.Move(1)
	case key.Matches(msg, k.Up):
		l.Move(-1)
	case key.Matches(msg, k.PageDown):
		l.Move(page)
	case key.Matches(msg, k.PageUp):
		l.Move(-page)
	case key.Matches(msg, k.Top):
		l.Move(-l.n)
	case key.Matches(msg, k.Bottom):
		l.Move(l.n)
	default:
		return false
	}
	return true
}

// Key handles a key of the list: the filter field's keys while it is
// open; "/" to open it and esc to drop it; "s" to sort by the next column;
// and the movement keys. hint is the filter field's placeholder, saying
// what the filter looks in.
func (l *List) Key(msg tea.KeyMsg, c *session.State, hint string) (Event, tea.Cmd) {
	k := c.Keys
	switch {
	case l.Filter.Typing():
		changed, cmd := l.Filter.Update(msg)
		if changed {
			return Refilter, cmd
		}
		return Kept, cmd
	case key.Matches(msg, k.Filter):
		return Kept, l.Filter.Open(hint, c.Styles)
	case key.Matches(msg, k.ClearFilter) && l.Filter.Active():
		l.Filter.Clear()
		return Refilter, nil
	case key.Matches(msg, k.Sort) && len(l.sorts) > 1:
		return Resort, l.NextSort(c)
	case l.Nav(msg, k):
		return Kept, nil
	}
	return Ignored, nil
}

// SetSorts names the columns "s" cycles through, the list's own order
// first; the sort stays on the column it was on.
func (l *List) SetSorts(titles ...string) {
	l.sorts = titles
	if l.sort >= len(titles) {
		l.sort = 0
	}
}

// NextSort sorts by the next column, and returns the command that says so
// in the status bar.
func (l *List) NextSort(c *session.State) tea.Cmd {
	if len(l.sorts) < 2 {
		return nil
	}
	l.sort = (l.sort + 1) % len(l.sorts)
	return session.Status(c.T("list.sorted", l.sorts[l.sort]))
}

// SetSort sorts by column i (0: the list's own order), for a pane that
// cannot sort what it shows.
func (l *List) SetSort(i int) { l.sort = i }

// Sort is the index of the column the rows are sorted by (0: the list's
// own order).
func (l *List) Sort() int { return l.sort }

// Sorted is the title of the column the rows are sorted by, "" in the
// list's own order.
func (l *List) Sorted() string {
	if l.sort == 0 || l.sort >= len(l.sorts) {
		return ""
	}
	return l.sorts[l.sort]
}

// PlaceInBox says where the list is drawn, so a click finds its row: in a
// pane box (Styles.Box) whose corner is at x, y of the pane, below above
// lines of its own (a header, the filter field), its rows width cells
// wide right of the cursor column.
func (l *List) PlaceInBox(st *session.Styles, x, y, above, width int) {
	l.x = x + st.Pane.GetBorderLeftSize() + st.Pane.GetPaddingLeft() + session.CursorW
	l.y = y + st.Pane.GetBorderTopSize() + above
	l.width = width
}

// SetRowLines says that each row takes n lines on screen (a search hit:
// where it is, then its words), for a click to find its row.
func (l *List) SetRowLines(n int) { l.rowLines = n }

// Click selects the row drawn at x, y of the pane (see PlaceInBox); it reports
// whether a row was hit.
func (l *List) Click(x, y int) bool {
	row := (y - l.y) / max(1, l.rowLines)
	if x < l.x-session.CursorW || x >= l.x+l.width || y < l.y || row >= l.Height() {
		return false
	}
	i := l.offset + row
	if i >= l.n || l.skipped(i) {
		return false
	}
	l.Select(i)
	return true
}

// Line returns row i as render draws it, rendering it the first time.
func (l *List) Line(i int, render func(i int) string) string {
	if l.lines == nil {
		l.lines, l.styled = make([]string, l.n), make([]string, l.n)
	}
	if l.lines[i] == "" {
		l.lines[i] = render(i)
		if l.lines[i] == "" {
			l.lines[i] = " "
		}
	}
	return l.lines[i]
}

// Rows draws the rows on screen, width cells wide each with the cursor
// column: render draws row i without the cursor column. With a style, the
// list colours row i in style(i) and marks the filter's matches in every
// row the cursor stops on; without (nil), rows are drawn as rendered, the
// pane having marked the matches in the columns the filter looks in. The
// selected row is drawn plain under the Selected style with the marker,
// and its matches underlined.
func (l *List) Rows(st *session.Styles, width int, render func(i int) string, style func(i int) lipgloss.Style) []string {
	from, to := l.Visible()
	out := make([]string, 0, to-from)
	sel := l.Selected()
	for i := from; i < to; i++ {
		line := l.Line(i, render)
		if i == sel {
			out = append(out, l.selectedRow(st, line, width))
			continue
		}
		if l.styled[i] == "" {
			l.styled[i] = l.paint(st, i, line, style)
		}
		out = append(out, "  "+l.styled[i])
	}
	return out
}

// Row draws row i of a list its pane draws row by row (rows computed on
// the fly, cached by the pane): line, as the pane rendered and coloured
// it, right of the cursor column, width cells wide with it; the selected
// row plain under the Selected style with the marker and its filter
// matches underlined.
func (l *List) Row(st *session.Styles, i int, line string, width int) string {
	if i == l.Selected() {
		return l.selectedRow(st, line, width)
	}
	return "  " + line
}

// paint colours row i; a row the cursor stops on shows where the filter
// matched it, the rest of it in the row's own colours.
func (l *List) paint(st *session.Styles, i int, line string, style func(int) lipgloss.Style) string {
	switch {
	case style == nil:
		return line
	case l.skipped(i):
		return style(i).Render(line)
	}
	return l.Filter.HighlightIn(line, st.Highlight, style(i))
}

// selectedRow draws the selected row: the marker, the row plain under the
// Selected style, the filter's matches underlined (visible in a terminal
// without colour too) and the rest of the width filled.
func (l *List) selectedRow(st *session.Styles, line string, width int) string {
	text := session.Cursor + " " + ansi.Strip(line)
	pad := strings.Repeat(" ", max(0, width-session.Width(text)))
	if !l.Filter.Active() {
		return st.Selected.Render(text + pad)
	}
	return l.Filter.HighlightIn(text, st.Selected.Underline(true), st.Selected) + st.Selected.Render(pad)
}

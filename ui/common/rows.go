package common

import "github.com/charmbracelet/x/ansi"

// Cursor marks the selected row of a list, the focused field of a form and
// the selected day of the calendar. It is text, not colour, so it shows
// where the renderer draws no style at all (NO_COLOR, a monochrome
// terminal).
const Cursor = "›"

// CursorW is the width of the cursor column at the left of every list.
const CursorW = 2

// Mark returns the cursor column of a row: the marker when selected,
// blanks otherwise.
func (s *Styles) Mark(selected bool) string {
	if selected {
		return s.Highlight.Render(Cursor + " ")
	}
	return "  "
}

// ListRow draws one row of a list width cells wide: the cursor column, then
// line, which is at most width-CursorW cells. Panes render and cache their
// rows at that width without the cursor, so moving the selection redraws
// two rows, never the cached ones. The selected row is drawn plain under the
// Selected style across the whole width, with the marker.
func (s *Styles) ListRow(line string, width int, selected bool) string {
	if !selected {
		return "  " + line
	}
	return s.Selected.Width(width).Render(Cursor + " " + ansi.Strip(line))
}

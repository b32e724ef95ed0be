package session

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

// Unmarked is a line drawn in a list's place that the cursor never stops
// on (a header, the filter field): line right of the cursor column.
func (s *Styles) Unmarked(line string) string { return "  " + line }

package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Box frames content of the given inner size with the pane border, the
// focused colour when focused, and an optional title set into the top edge.
func (s *Styles) Box(content string, width, height int, focused bool, title string) string {
	style := s.Pane
	if focused {
		style = s.FocusedPane
	}
	box := style.Width(width + style.GetHorizontalPadding()).Height(height).Render(content)
	if title == "" {
		return box
	}
	first, rest, ok := strings.Cut(box, "\n")
	label := " " + title + " "
	if !ok || ansi.StringWidth(first) < ansi.StringWidth(label)+4 {
		return box
	}
	return ansi.Truncate(first, 2, "") + s.Dim.Render(label) + ansi.TruncateLeft(first, 2+ansi.StringWidth(label), "") + "\n" + rest
}

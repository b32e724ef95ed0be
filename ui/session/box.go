package session

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Box frames content of the given inner size with the pane border, the
// focused colour when focused, and an optional title set into the top edge.
func (s *Styles) Box(content string, width, height int, focused bool, title string) string {
	box, ok := s.frame(content, width, height, focused)
	if !ok {
		style := s.Pane
		if focused {
			style = s.FocusedPane
		}
		box = style.Width(width + style.GetHorizontalPadding()).Height(height).Render(content)
	}
	if title == "" {
		return box
	}
	first, rest, ok := strings.Cut(box, "\n")
	label := " " + title + " "
	if !ok || Width(first) < Width(label)+4 {
		return box
	}
	return ansi.Truncate(first, 2, "") + s.Dim.Render(label) + ansi.TruncateLeft(first, 2+Width(label), "") + "\n" + rest
}

// frame draws the box the way lipgloss does, when every line of content
// already fits the width — as the panes' lines do, cut to their columns.
// Lipgloss would wrap, measure and pad each line again, several times
// over: on a large terminal the largest part of drawing a frame. Content
// that needs wrapping, or holds tabs or carriage returns, is left to
// lipgloss (ok is false).
func (s *Styles) frame(content string, width, height int, focused bool) (box string, ok bool) {
	if strings.ContainsAny(content, "\t\r") {
		return "", false
	}
	lines := strings.Split(content, "\n")
	widths := make([]int, len(lines))
	for i, l := range lines {
		if widths[i] = Width(l); widths[i] > width {
			return "", false
		}
	}
	style, edge := s.Pane, s.paneEdge
	if focused {
		style, edge = s.FocusedPane, s.focusedEdge
	}
	b := style.GetBorderStyle()
	padL, padR := style.GetPaddingLeft(), style.GetPaddingRight()
	inner := width + padL + padR
	left, right := edge.paint(b.Left), edge.paint(b.Right)
	var out strings.Builder
	out.Grow((len(content)/max(1, len(lines)) + inner + 2*len(left)) * (max(len(lines), height) + 2))
	out.WriteString(edge.paint(b.TopLeft + strings.Repeat(b.Top, inner) + b.TopRight))
	for i := range max(len(lines), height) {
		out.WriteByte('\n')
		out.WriteString(left)
		out.WriteString(strings.Repeat(" ", padL))
		pad := width
		if i < len(lines) {
			out.WriteString(lines[i])
			pad -= widths[i]
		}
		out.WriteString(strings.Repeat(" ", pad+padR))
		out.WriteString(right)
	}
	out.WriteByte('\n')
	out.WriteString(edge.paint(b.BottomLeft + strings.Repeat(b.Bottom, inner) + b.BottomRight))
	return out.String(), true
}

// Clip cuts text to w cells a line, with "…" where a line is cut, and to h
// lines, so what goes into a box never makes it grow.
func Clip(text string, w, h int) string {
	lines := strings.Split(text, "\n")
	lines = lines[:min(len(lines), max(0, h))]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

// edge colours a box's border the way lipgloss colours style's: what goes
// before the border's characters and after them, found once per session
// instead of styling the four edges of every box in every frame.
type edge struct{ before, after string }

// edgeOf is the colouring of style's border: a foreground colour alone,
// which lipgloss writes before and after a line, whatever the line holds.
func edgeOf(r *lipgloss.Renderer, style lipgloss.Style) edge {
	before, after, _ := strings.Cut(r.NewStyle().Foreground(style.GetBorderTopForeground()).Render("x"), "x")
	return edge{before, after}
}

// paint colours border characters (one line).
func (e edge) paint(s string) string { return e.before + s + e.after }

// Beside puts blocks side by side, top aligned, as lipgloss.JoinHorizontal
// does, for blocks whose lines are each of one width, as Box draws them: it
// measures one line of each block where lipgloss measures every line, in a
// frame drawn after every message of every session.
func Beside(blocks ...string) string {
	lines := make([][]string, len(blocks))
	widths := make([]int, len(blocks))
	height := 0
	for i, b := range blocks {
		lines[i] = strings.Split(b, "\n")
		widths[i] = Width(lines[i][0])
		height = max(height, len(lines[i]))
	}
	var out strings.Builder
	out.Grow(len(blocks) * len(blocks[0]))
	for row := range height {
		if row > 0 {
			out.WriteByte('\n')
		}
		for i, ls := range lines {
			if row < len(ls) {
				out.WriteString(ls[row])
			} else {
				out.WriteString(strings.Repeat(" ", widths[i]))
			}
		}
	}
	return out.String()
}

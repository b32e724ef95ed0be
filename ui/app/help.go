package app

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// helpGap is the space between two groups of keys side by side.
const helpGap = 4

// helpLines lays the full help out in width cells: each group of keys is a
// block (keys aligned, then what they do), and blocks flow left to right,
// starting a new row of blocks when the next one would not fit. Nothing is
// cut: a block wider than the screen has its descriptions shortened with
// "…".
func (m *Model) helpLines(width int) []string {
	st := m.c.Styles
	var lines, row []string
	rowW := 0
	flush := func() {
		if len(row) > 0 {
			lines = append(append(lines, row...), "")
		}
		row, rowW = nil, 0
	}
	for _, group := range m.fullHelp() {
		block := helpBlock(group, width, st.StatusKey.Render, st.Dim.Render)
		if len(block) == 0 {
			continue
		}
		blockW := 0
		for _, l := range block {
			blockW = max(blockW, ansi.StringWidth(l))
		}
		if rowW > 0 && rowW+helpGap+blockW > width {
			flush()
		}
		if rowW == 0 {
			row, rowW = block, blockW
			continue
		}
		row = beside(row, rowW+helpGap, block)
		rowW += helpGap + blockW
	}
	flush()
	return lines[:max(0, len(lines)-1)] // no blank line after the last row
}

// helpBlock renders one group of enabled bindings as aligned lines no
// wider than width.
func helpBlock(group []key.Binding, width int, keyStyle, descStyle func(...string) string) []string {
	keyW := 0
	for _, b := range group {
		if b.Enabled() {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		}
	}
	var out []string
	for _, b := range group {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		desc := ansi.Truncate(h.Desc, max(1, width-keyW-1), "…")
		out = append(out, keyStyle(h.Key)+strings.Repeat(" ", keyW-ansi.StringWidth(h.Key)+1)+descStyle(desc))
	}
	return out
}

// beside puts block to the right of left, whose lines are padded to col.
func beside(left []string, col int, block []string) []string {
	n := max(len(left), len(block))
	out := make([]string, n)
	for i := range n {
		l := ""
		if i < len(left) {
			l = left[i]
		}
		out[i] = l + strings.Repeat(" ", max(0, col-ansi.StringWidth(l)))
		if i < len(block) {
			out[i] += block[i]
		}
	}
	return out
}

// helpView is the window of the help that fits height lines, from the
// scroll offset, with a last line saying where in the help it is when the
// help is taller than the screen.
func (m *Model) helpView(width, height int) string {
	lines := m.helpLines(width)
	if len(lines) <= height {
		return strings.Join(lines, "\n")
	}
	top := min(m.helpTop, helpLastTop(len(lines), height))
	shown := lines[top:min(len(lines), top+height-1)]
	more := m.c.Styles.Dim.Render(ansi.Truncate(m.c.T("help.more", top+1, top+len(shown), len(lines)), width, "…"))
	return strings.Join(append(shown, more), "\n")
}

// helpLastTop is the offset of the help's last page: n lines in height,
// less the line that says where the help is.
func helpLastTop(n, height int) int { return max(0, n-(height-1)) }

// helpKey scrolls the help; ? and esc close it. It reports whether the key
// was the help's.
func (m *Model) helpKey(msg tea.KeyMsg) bool {
	body := m.c.Height - 3
	last := helpLastTop(len(m.helpLines(m.c.Width)), body)
	page := max(1, body-1)
	switch msg.String() {
	case "?", "esc":
		m.showHelp = false
	case "down", "j":
		m.helpTop++
	case "up", "k":
		m.helpTop--
	case "pgdown", " ", "f":
		m.helpTop += page
	case "pgup", "b":
		m.helpTop -= page
	case "g", "home":
		m.helpTop = 0
	case "G", "end":
		m.helpTop = last
	default:
		return false
	}
	m.helpTop = max(0, min(m.helpTop, last))
	return true
}

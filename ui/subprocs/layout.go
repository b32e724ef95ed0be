package subprocs

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"avtal/ui/session"
)

// col is a column of a list: a fixed width, or flex to share what is left;
// it shows only when the list is at least from cells wide.
type col struct {
	w    int
	flex bool
	from int
}

// layout gives each column its width in a list width cells wide; hidden
// columns get 0, flex columns at least 8.
func layout(width int, cols []col) []int {
	widths := make([]int, len(cols))
	used, flex := 0, 0
	for i, c := range cols {
		if width < c.from {
			continue
		}
		if c.flex {
			flex++
			used++ // the space after it
			continue
		}
		widths[i] = c.w
		used += c.w + 1
	}
	if flex == 0 {
		return widths
	}
	share := max(8, (width-used)/flex)
	for i, c := range cols {
		if c.flex && width >= c.from {
			widths[i] = share
		}
	}
	return widths
}

// cells lays values out in the widths, one line of plain, sanitized text
// at most width cells wide.
func cells(width int, widths []int, values ...string) string {
	var b strings.Builder
	for i, v := range values {
		w := widths[i]
		if w <= 0 {
			continue
		}
		v = ansi.Truncate(oneLine(v), w, "…")
		b.WriteString(v + strings.Repeat(" ", max(0, w-ansi.StringWidth(v))+1))
	}
	return ansi.Truncate(strings.TrimRight(b.String(), " "), width, "")
}

// oneLine makes document or user text safe for one line of a list.
func oneLine(s string) string { return strings.Join(strings.Fields(session.Sanitize(s)), " ") }

// detail builds the text of the detail box: labelled lines and wrapped
// paragraphs in width cells, every value sanitized.
type detail struct {
	c     *session.State
	width int
	b     strings.Builder
}

func newDetail(c *session.State, width int) *detail { return &detail{c: c, width: max(10, width)} }

// title writes a bold first line.
func (d *detail) title(s string) {
	d.b.WriteString(d.c.Styles.Title.Render(ansi.Truncate(oneLine(s), d.width, "…")) + "\n")
}

// section writes a heading after a blank line.
func (d *detail) section(s string) {
	d.b.WriteString("\n" + d.c.Styles.Title.Render(oneLine(s)) + "\n")
}

// field writes "label  value", the value wrapped under itself; empty
// values are left out.
func (d *detail) field(label, value string) {
	value = oneLine(value)
	if value == "" {
		return
	}
	labelW := 20
	if d.width < 50 {
		labelW = 13
	}
	label = ansi.Truncate(label, labelW-1, "…")
	pad := strings.Repeat(" ", labelW-ansi.StringWidth(label))
	lines := strings.Split(ansi.Wrap(value, max(8, d.width-labelW), " -"), "\n")
	d.b.WriteString(d.c.Styles.Label.Render(label+pad) + lines[0] + "\n")
	for _, l := range lines[1:] {
		d.b.WriteString(strings.Repeat(" ", labelW) + l + "\n")
	}
}

// para writes a wrapped paragraph in style s.
func (d *detail) para(text string, render func(...string) string) {
	d.b.WriteString(render(ansi.Wrap(session.Sanitize(text), d.width, " -")) + "\n")
}

// String is the text built so far.
func (d *detail) String() string { return strings.TrimRight(d.b.String(), "\n") }

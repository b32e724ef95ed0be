package sla

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"avtal/model/slacredit"
	"avtal/ui/session"
)

// cellKind is what a cell of the timeline shows. When a cell holds more
// than one kind, the higher one wins: a counted minute is never hidden.
type cellKind uint8

const (
	offCell     cellKind = iota // not measured (outside service hours)
	windowCell                  // measured and up
	maskedCell                  // planned or excluded
	outsideCell                 // down, but outside the measured time
	countedCell                 // down inside the measured time: counts
)

// cellRunes are the characters of the cell kinds, in their order.
var cellRunes = []rune{'·', '─', '░', '▓', '█'}

// timeline classifies the month into cells of equal real time. Its cost is
// one pass over the incidents, so it is drawn once per month and width.
func timeline(d *monthData, span slacredit.Span, cells int) []cellKind {
	out := make([]cellKind, cells)
	total := int64(span.Duration())
	if cells == 0 || total <= 0 {
		return out
	}
	index := func(t time.Time) int {
		return int(min(max(int64(t.Sub(span.Start)), 0), total-1) * int64(cells) / total)
	}
	mark := func(s, e time.Time, k cellKind) {
		if s.Before(span.Start) {
			s = span.Start
		}
		if e.After(span.End) {
			e = span.End
		}
		if !e.After(s) {
			return
		}
		for i := index(s); i <= index(e.Add(-time.Nanosecond)); i++ {
			out[i] = max(out[i], k)
		}
	}
	for _, w := range d.windows {
		mark(w.Start, w.End, windowCell)
	}
	for i, inc := range d.incidents {
		if inc.Planned || inc.Excluded {
			mark(inc.Start, inc.End, maskedCell)
			continue
		}
		mark(inc.Start, inc.End, outsideCell)
		if d.results[i].CountedMinutes == 0 {
			continue
		}
		// The parts inside the window count; windows are sorted and disjoint.
		first := sort.Search(len(d.windows), func(j int) bool { return d.windows[j].End.After(inc.Start) })
		for _, w := range d.windows[first:] {
			if !w.Start.Before(inc.End) {
				break
			}
			s, e := w.Start, w.End
			if inc.Start.After(s) {
				s = inc.Start
			}
			if inc.End.Before(e) {
				e = inc.End
			}
			mark(s, e, countedCell)
		}
	}
	return out
}

// drawCells writes the cells with one style per run of equal kinds.
func drawCells(st *session.Styles, cells []cellKind) string {
	styles := []lipgloss.Style{st.Dim, st.Dim, st.OK, st.Warn, st.Danger}
	var b strings.Builder
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j] == cells[i] {
			j++
		}
		b.WriteString(styles[cells[i]].Render(strings.Repeat(string(cellRunes[cells[i]]), j-i)))
		i = j
	}
	return b.String()
}

// axis writes day numbers under the timeline where the days begin.
func axis(m slacredit.Month, span slacredit.Span, loc *time.Location, cells int) string {
	line := []rune(strings.Repeat(" ", cells))
	total := int64(span.Duration())
	next := 0 // first free cell
	for day := m.First(); !day.After(m.Last()); day = day.AddDays(1) {
		n := day.Day()
		if n != 1 && n%5 != 0 {
			continue
		}
		label := strconv.Itoa(n)
		at := int(int64(day.Time(loc).Sub(span.Start)) * int64(cells) / total)
		if at < next || at+len(label) > cells {
			continue
		}
		copy(line[at:], []rune(label))
		next = at + len(label) + 1
	}
	return string(line)
}

// historyScale returns the lowest uptime the history chart shows: a point
// below both the target and the worst month, so every bar has a height.
func historyScale(history []slacredit.Report, target float64) float64 {
	lo := target - 1
	for _, r := range history {
		lo = min(lo, r.UptimePct)
	}
	return max(0, math.Floor(lo))
}

// eighths returns how many eighths of a cell of height rows an uptime fills.
func eighths(uptimePct, lo float64, rows int) int {
	if uptimePct <= lo {
		return 1 // the worst month still shows a sliver
	}
	return max(1, int(math.Round((uptimePct-lo)/(100-lo)*float64(rows*8))))
}

// blockRunes are a cell filled by 0 to 8 eighths from the bottom.
var blockRunes = []rune(" ▁▂▃▄▅▆▇█")

// historyChart draws 12 months of uptime as bars rows high, each cellW wide
// with a gap, months below the target in the danger colour, and the month
// names under them. A chart taller than one row has a scale on its left
// and the target drawn across the empty cells of its row.
func historyChart(c *session.State, history []slacredit.Report, target float64, rows, cellW int) []string {
	st := c.Styles
	lo := historyScale(history, target)
	labelW, targetRow := 0, -1
	if rows > 1 {
		labelW = 6
		targetRow = rows - 1 - min(rows-1, int((target-lo)/(100-lo)*float64(rows)))
	}
	out := make([]string, rows+1)
	for r := range rows {
		var b strings.Builder
		if labelW > 0 {
			label := ""
			switch r {
			case targetRow:
				label = c.Lang.Pct(target)
			case 0:
				label = "100"
			case rows - 1:
				label = c.Lang.Pct(lo)
			}
			b.WriteString(st.Dim.Render(cell(label, labelW-1)))
		}
		fromBottom := rows - 1 - r
		for _, rep := range history {
			fill := min(max(eighths(rep.UptimePct, lo, rows)-fromBottom*8, 0), 8)
			style, bar := st.OK, string(blockRunes[fill])
			if rep.BelowTarget {
				style = st.Danger
			}
			if fill == 0 && r == targetRow {
				style, bar = st.Dim, "┄"
			}
			b.WriteString(style.Render(strings.Repeat(bar, cellW-1)) + " ")
		}
		out[r] = b.String()
	}
	var labels strings.Builder
	labels.WriteString(strings.Repeat(" ", labelW))
	for _, rep := range history {
		name := []rune(c.T("sla.mon." + strconv.Itoa(int(rep.Month.Month))))
		name = name[:min(len(name), cellW-1)]
		labels.WriteString(string(name) + strings.Repeat(" ", cellW-len(name)))
	}
	out[rows] = st.Dim.Render(labels.String())
	return out
}

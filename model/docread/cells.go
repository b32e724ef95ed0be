package docread

import (
	"math"
	"regexp"
	"strings"
	"sync"
)

// cellLineSpacing is the most a line of a cell stands below the one above
// it, in font sizes: farther down, the next row of the table begins.
const cellLineSpacing = 2.0

// maxCellLines is the most lines a cell has: longer runs beside each
// other are the columns of a page, not of a table.
const maxCellLines = 8

// minColumns is the fewest columns a table has here: two blocks side by
// side are more often the columns of a page, or boxes of party details,
// which are read one after the other.
const minColumns = 3

// maxCellWords is the most words a line of a cell has: a cell is narrow,
// a line of a paragraph beside a number or a margin heading is not.
const maxCellWords = 8

// narrow reports whether every part is short enough to be a line of a cell.
func narrow(parts []string) bool {
	for _, p := range parts {
		if len(strings.Fields(p)) > maxCellWords {
			return false
		}
	}
	return true
}

// joinCells puts together the rows of a table whose cells wrap onto
// several lines. A page draws such a row cell by cell (all the lines of the
// first cell, then back up for the second) or line by line across the
// cells; either way the lines come apart. A row may start at any line; the
// lines after it belong to the row while each of their parts stands at a
// column of the row: one line below that column's last line, or level with
// the row's top when the part opens a column to the right of the others.
// A row of three cells or more becomes one line, its cells parted by tabs,
// and so do the rows of a table of two columns (see twoColumnTable); other
// lines are left as they are. It judges from the positions alone.
func joinCells(lines []pdfLine) []pdfLine {
	var out []pdfLine
	for k := 0; k < len(lines); {
		rows, end := twoColumnTable(lines, k)
		if end == k {
			rows, end = tableRow(lines, k)
		}
		if end == k+1 && len(rows[0].cols) < minColumns {
			// Two parts on a line are a run-in heading and its text, or
			// the columns of a page: the gap is a space.
			rows[0].text = strings.ReplaceAll(rows[0].text, "\t", " ")
		}
		out = append(out, rows...)
		k = end
	}
	return out
}

// maxLabelWords is the most words a column's label in the header row of a
// table of two columns has.
const maxLabelWords = 4

// maxShortCellLines is the most lines a cell of a table of two columns
// has: a longer text beside a short one is a margin heading and its
// paragraph.
const maxShortCellLines = 4

// clauseStartRe is a part that opens with a clause number and a title
// ("3. Ansvar", "§ 4"): two such blocks side by side are the columns of a
// page (a text and its translation), not the cells of a table.
var clauseStartRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:§\s*\d|\d{1,4}(?:\.\d{1,4})*\.?\s+\p{Lu})`)
})

// twoColumnTable returns the rows of a table of two columns that starts at
// lines[k] ("Name | Purpose", "Uptime | Credit") and the index of the first
// line after it, or k when none starts there. Two blocks side by side are
// more often a page's columns, a margin heading beside its paragraph or
// two boxes of party details, so such a table must show what those lack: a
// header row of short labels on one line, then rows at the same columns,
// one of them at least with a cell that wraps where the other does not,
// every cell of a few lines, none opening with a clause number.
func twoColumnTable(lines []pdfLine, k int) ([]pdfLine, int) {
	head, end := rowCells(lines, k)
	if end != k+1 || !twoCells(head, head, 1, lines[k].size) {
		return nil, k
	}
	for _, c := range head {
		if len(strings.Fields(c.text[0])) > maxLabelWords {
			return nil, k
		}
	}
	header := lines[k]
	rows, wrapped := []pdfLine{header}, false
	for end < len(lines) {
		cells, next := rowCells(lines, end)
		if !twoCells(head, cells, maxShortCellLines, lines[k].size) {
			break
		}
		// Rows stand farther apart than the lines of a cell, so a row of
		// level lines is cells that wrap alike, not rows of one line.
		wrapped = wrapped || next > end+1 && levelRows(cells, lines[k].size) == nil
		rows, end = append(rows, joinRow(lines[end:next], cells)), next
	}
	if !wrapped {
		return nil, k
	}
	return rows, end
}

// twoCells reports whether cells are two, of at most maxLines lines each,
// standing under the columns of head, and opening with no clause number.
func twoCells(head, cells []cell, maxLines int, size float64) bool {
	if len(cells) != 2 {
		return false
	}
	for i, c := range cells {
		if len(c.text) > maxLines || math.Abs(c.x-head[i].x) > size || clauseStartRe().MatchString(c.text[0]) {
			return false
		}
	}
	return true
}

// cell is one column of a table row being put together.
type cell struct {
	x    float64   // where its lines start
	ys   []float64 // the heights of its lines
	text []string
}

// tableRow returns the row that starts at lines[k] (or its rows of one
// line each) and the index of the first line after it; a line that starts
// no row of minColumns cells is returned as it is.
func tableRow(lines []pdfLine, k int) ([]pdfLine, int) {
	cells, end := rowCells(lines, k)
	if end == k+1 || len(cells) < minColumns {
		return lines[k : k+1], k + 1
	}
	return rowLines(lines[k:end], cells), end
}

// rowCells gathers the cells of the row that starts at lines[k] and
// returns them with the index of the first line after the row; nil when
// lines[k] has a part too long for a cell.
func rowCells(lines []pdfLine, k int) ([]cell, int) {
	first := lines[k]
	parts := strings.Split(first.text, "\t")
	if len(parts) != len(first.cols) || !narrow(parts) {
		return nil, k + 1
	}
	size, top := first.size, first.y
	cells := make([]cell, len(parts))
	for i, p := range parts {
		cells[i] = cell{x: first.cols[i], ys: []float64{first.y}, text: []string{p}}
	}
	end := k + 1
	for ; end < len(lines); end++ {
		l := lines[end]
		ps := strings.Split(l.text, "\t")
		if len(l.cols) != len(ps) || !narrow(ps) {
			break
		}
		var ok bool
		if cells, ok = placeParts(cells, l, ps, size, top); !ok {
			break
		}
	}
	return cells, end
}

// rowLines writes the cells of a row drawn on lines as one line (see
// joinRow), or as rows of one line each when every column has a line
// at the same heights (labels and their values, drawn a column at a time).
func rowLines(lines []pdfLine, cells []cell) []pdfLine {
	first := lines[0]
	if rows := levelRows(cells, first.size); rows != nil {
		out := make([]pdfLine, len(rows))
		for r, parts := range rows {
			out[r] = first
			out[r].text, out[r].cols, out[r].bold = strings.Join(parts, "\t"), nil, false
			out[r].y, out[r].yEnd = cells[0].ys[r], cells[0].ys[r]
		}
		return out
	}
	return []pdfLine{joinRow(lines, cells)}
}

// joinRow writes the cells of a row drawn on lines as one line, its cells
// parted by tabs.
func joinRow(lines []pdfLine, cells []cell) pdfLine {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = joinCellLines(c.text)
	}
	row := lines[0]
	row.text, row.cols = strings.Join(texts, "\t"), nil
	row.bold = false
	for _, l := range lines {
		row.yEnd = math.Min(row.yEnd, l.yEnd)
	}
	return row
}

// levelRows returns the rows of one line each when every cell has its lines
// at the same heights, or nil.
func levelRows(cells []cell, size float64) [][]string {
	ys := cells[0].ys
	for _, c := range cells[1:] {
		if len(c.ys) != len(ys) {
			return nil
		}
		for r, y := range c.ys {
			if math.Abs(y-ys[r]) > size*0.5 {
				return nil
			}
		}
	}
	rows := make([][]string, len(ys))
	for r := range rows {
		for _, c := range cells {
			rows[r] = append(rows[r], c.text[r])
		}
	}
	return rows
}

// placeParts adds the parts of line l to the cells of a row; it reports
// false (and adds nothing) when a part fits no column of it.
func placeParts(cells []cell, l pdfLine, parts []string, size, top float64) ([]cell, bool) {
	at := make([]int, len(parts)) // the cell of each part
	right, n := cells[len(cells)-1].x, len(cells)
	for i := range parts {
		at[i] = -1
		x := l.cols[i]
		for c := range cells {
			below := cells[c].ys[len(cells[c].ys)-1] - l.y
			if math.Abs(cells[c].x-x) < size && below > size*0.5 && below < size*cellLineSpacing && len(cells[c].text) < maxCellLines {
				at[i] = c
			}
		}
		if at[i] < 0 {
			if x <= right+size || math.Abs(l.y-top) > size*0.5 {
				return cells, false
			}
			at[i], right, n = n, x, n+1 // a new column to the right
		}
	}
	for i, p := range parts {
		if at[i] == len(cells) {
			cells = append(cells, cell{x: l.cols[i]})
		}
		cells[at[i]].text = append(cells[at[i]].text, p)
		cells[at[i]].ys = append(cells[at[i]].ys, l.y)
	}
	return cells, true
}

// joinCellLines joins the lines of a cell; a line ending in a hyphen
// ("Sub-", "processor") goes on without a space.
func joinCellLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && !strings.HasSuffix(lines[i-1], "-") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

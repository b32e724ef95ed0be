package docparse

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// numberCellRe is a first cell that is only a clause number or a list
// marker ("4.2", "§ 3", "(a)", "B."): the line is a numbered one whose
// number is set off by spaces, not a table row.
var numberCellRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:§\s?)?\d{1,3}(?:\.\d{1,3})*\.?$|^\(?[a-zA-Z]{1,4}[.)]$|^[•·▪◦‣○●■□➢►✓✔*–—-]$`)
})

const maxCell = 100 // runes; longer pieces are sentences, not cells

// columnCells splits a raw line of plain text into the cells of a table
// row, or returns nil when it has no column gap or is no row.
func columnCells(raw string) []string {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "\t") && !strings.Contains(raw, "   ") {
		return nil
	}
	cells := splitColumns(raw)
	if len(cells) < 2 || numberCellRe().MatchString(cells[0]) {
		return nil
	}
	for i, c := range cells {
		c = collapseSpace(c)
		if c == "" || utf8.RuneCountInString(c) > maxCell {
			return nil
		}
		cells[i] = c
	}
	return cells
}

// splitColumns cuts s at its column gaps: a tab, or a run of three
// spaces or more (PDF text marks a wide gap with a tab too).
func splitColumns(s string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(s); {
		if s[i] != ' ' && s[i] != '\t' {
			i++
			continue
		}
		j, tab := i, false
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			tab = tab || s[j] == '\t'
			j++
		}
		if tab || j-i >= 3 {
			cells = append(cells, s[start:i])
			start = j
		}
		i = j
	}
	return append(cells, s[start:])
}

// markColumns turns runs of two or more lines with the same number of
// cells (see columnCells) into table rows "| a | b |": the rows of a
// tab-separated table, or of a table in text taken from a PDF, where a
// blank line may stand between two rows. A single such line stays text.
func markColumns(out []line, raw []string) {
	all := make([][]string, len(out))
	for i := range out {
		if !out[i].own() {
			all[i] = columnCells(raw[i])
		}
	}
	start, width, rows := 0, 0, 0
	flush := func(end int) {
		if rows >= 2 && width >= 2 {
			for k := start; k < end; k++ {
				out[k].table = true
				out[k].headEnd = 0
				if all[k] != nil {
					out[k].text = "| " + strings.Join(all[k], " | ") + " |"
				}
			}
		}
	}
	for i := range out {
		n := len(all[i])
		if n == 0 && width >= 2 && strings.TrimSpace(raw[i]) == "" && i+1 < len(out) && len(all[i+1]) == width && all[i-1] != nil {
			continue // a blank line between two rows
		}
		if n != width || n == 0 {
			flush(i)
			start, width, rows = i, n, 0
		}
		if n > 0 {
			rows++
		}
	}
	flush(len(out))
}

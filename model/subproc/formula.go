package subproc

import "strings"

// A spreadsheet opening an exported list runs a cell that starts with =, +,
// - or @ as a formula (and a leading tab or carriage return can hide one),
// so a sub-processor's name taken from a supplier's document could run in
// the reader's spreadsheet. OWASP's advice: write such a cell with a
// leading apostrophe, which spreadsheets show as text and hide.

// formulaStarts are the first characters that make a cell a formula.
const formulaStarts = "=+-@\t\r"

// needsGuard reports whether v must be written with an apostrophe: it
// starts like a formula, or is apostrophes followed by such a start (so
// that a value that really begins with an apostrophe reads back whole).
func needsGuard(v string) bool {
	v = strings.TrimLeft(v, "'")
	return v != "" && strings.ContainsRune(formulaStarts, rune(v[0]))
}

// SafeRecord returns the cells of one row as a spreadsheet must get them in
// an exported list: each that could start a formula with a leading
// apostrophe, the others as they are.
func SafeRecord(cells ...string) []string {
	for i, v := range cells {
		if needsGuard(v) {
			cells[i] = "'" + v
		}
	}
	return cells
}

// unguard undoes SafeRecord on a cell read from a list.
func unguard(v string) string {
	if rest, ok := strings.CutPrefix(v, "'"); ok && needsGuard(rest) {
		return rest
	}
	return v
}

package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// columns writes rows in aligned columns as they come, for the commands that
// stream a long list (list, deadlines): text/tabwriter holds every row
// until the end to align them over the whole table, so `avtal list | head`
// waited for the whole register.
//
// The rows up to the first send (the header and the first page) are held
// and laid out as text/tabwriter lays them out (columns two spaces apart,
// widths in characters), so a table of one page is the same as before.
// Later rows are laid out as they come in those widths, and passed on at
// the next send, a page in one write; a later cell wider than its column
// widens the column from that row on.
type columns struct {
	out    io.Writer
	held   [][]string // rows waiting for the first send
	widths []int      // the columns' widths, spacing included; nil until the first send
	lines  []byte     // rows laid out, waiting for the next send
	err    error
}

// columnGap is the space between two columns.
const columnGap = 2

func newColumns(out io.Writer) *columns { return &columns{out: out} }

// row adds a row. Its last cell is not a column: it is never padded.
func (t *columns) row(cells ...string) {
	if t.widths == nil {
		t.held = append(t.held, cells)
		return
	}
	t.write(cells)
}

// send lays out the rows held, if it has not yet, and passes on what was
// laid out so far (and safeWriter's Send, when out is one).
func (t *columns) send() error {
	if t.widths == nil {
		t.widths = []int{}
		for _, cells := range t.held {
			t.widen(cells)
		}
		for _, cells := range t.held {
			t.write(cells)
		}
		t.held = nil
	}
	if t.err == nil && len(t.lines) > 0 {
		_, t.err = t.out.Write(t.lines)
		t.lines = t.lines[:0]
	}
	if s, ok := t.out.(sender); ok && t.err == nil {
		t.err = s.Send()
	}
	return t.err
}

// widen makes the columns wide enough for cells.
func (t *columns) widen(cells []string) {
	for i, c := range cells[:len(cells)-1] {
		w := utf8.RuneCountInString(c) + columnGap
		if i == len(t.widths) {
			t.widths = append(t.widths, w)
		}
		t.widths[i] = max(t.widths[i], w)
	}
}

// padding is spaces to pad a cell with.
var padding = strings.Repeat(" ", 64)

func (t *columns) write(cells []string) {
	for i, c := range cells {
		t.lines = append(t.lines, c...)
		if i == len(cells)-1 {
			break
		}
		n := utf8.RuneCountInString(c)
		if i == len(t.widths) {
			t.widths = append(t.widths, 0)
		}
		t.widths[i] = max(t.widths[i], n+columnGap)
		for pad := t.widths[i] - n; pad > 0; pad -= len(padding) {
			t.lines = append(t.lines, padding[:min(pad, len(padding))]...)
		}
	}
	t.lines = append(t.lines, '\n')
}

// rowWriter writes a command's rows as they are read: a JSON array
// (--json), or a table under its header, or what to say when there are
// none. flush passes on what was written, after each page read.
type rowWriter struct {
	out    io.Writer
	json   *jsonArray
	table  *columns
	header []string
	none   string
}

func newRowWriter(out io.Writer, asJSON bool, header []string, none string) *rowWriter {
	w := &rowWriter{out: out, header: header, none: none}
	if asJSON {
		w.json = newJSONArray(out)
	}
	return w
}

// item adds an item to the JSON array.
func (w *rowWriter) item(v any) { w.json.add(v) }

// row adds a row to the table.
func (w *rowWriter) row(cells ...string) {
	if w.table == nil {
		w.table = newColumns(w.out)
		w.table.row(w.header...)
	}
	w.table.row(cells...)
}

func (w *rowWriter) flush() error {
	switch {
	case w.json != nil:
		return w.json.flush()
	case w.table != nil:
		return w.table.send()
	}
	return nil
}

func (w *rowWriter) close() error {
	switch {
	case w.json != nil:
		return w.json.close()
	case w.table == nil:
		_, err := fmt.Fprintln(w.out, w.none)
		return err
	}
	return w.table.send()
}

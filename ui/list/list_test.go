package list

import (
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"avtal/ui/i18n"
	"avtal/ui/session"
)

func sessionWith(profile termenv.Profile) *session.State {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	return session.New(r, nil, i18n.EN, func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) })
}

func keyOf(s string) tea.KeyMsg {
	switch s {
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// headingsEvery5 makes rows 0, 5, 10 … headings.
func headingsEvery5(i int) bool { return i%5 == 0 }

func TestMoveSkipsHeadingsAndShowsTheHeadingAbove(t *testing.T) {
	var l List
	l.SetHeight(4)
	l.Reset(20, headingsEvery5)
	if l.Selected() != 1 {
		t.Fatalf("a new list selects the first entry, got %d", l.Selected())
	}
	for range 3 {
		l.Move(1)
	}
	if l.Selected() != 4 {
		t.Fatalf("three down from 1 is 4, got %d", l.Selected())
	}
	l.Move(1) // 5 is a heading: on to 6, and the heading shows above it
	if from, _ := l.Visible(); l.Selected() != 6 || from > 5 {
		t.Fatalf("selected %d from %d, want 6 with the heading 5 on screen", l.Selected(), from)
	}

	l.Move(-1)
	if l.Selected() != 4 {
		t.Fatalf("up from 6 passes the heading to 4, got %d", l.Selected())
	}
	l.Select(11) // a jump down to the first entry under a heading shows the heading
	if from, _ := l.Visible(); from > 10 {
		t.Fatalf("selected %d from %d, want from 10", l.Selected(), from)
	}
}

func TestGrowingWindowBringsTheRowsAboveBack(t *testing.T) {
	var l List
	l.SetHeight(3)
	l.Reset(10, nil)
	l.Move(9)
	if from, to := l.Visible(); from != 7 || to != 10 {
		t.Fatalf("visible %d–%d, want 7–10", from, to)
	}
	l.SetHeight(8)
	if from, to := l.Visible(); from != 2 || to != 10 || l.Selected() != 9 {
		t.Fatalf("after growing: visible %d–%d, selected %d; want 2–10 and 9", from, to, l.Selected())
	}
	l.SetHeight(20)
	if from, _ := l.Visible(); from != 0 {
		t.Fatalf("a window taller than the list shows it from the top, from %d", from)
	}
}

func TestPagingKeepsTheCursorOnItsRow(t *testing.T) {
	var l List
	l.SetHeight(5)
	l.Reset(100, nil)
	l.Move(40)
	from, _ := l.Visible()
	l.Line(40, func(int) string { return "forty" })
	l.Prepend(50)
	if got := l.Line(90, func(int) string { return "again" }); got != "forty" {
		t.Fatalf("a prepended page must keep the rendered lines, got %q", got)
	}
	if l.Selected() != 90 {
		t.Fatalf("selected %d, want 90", l.Selected())
	}
	if f, _ := l.Visible(); f != from+50 {
		t.Fatalf("window starts at %d, want %d", f, from+50)
	}
	if start, end := l.Near(30); start || end {
		t.Fatalf("row 90 of 150 is near neither edge with a margin of 30")
	}
	l.Move(40)
	if _, end := l.Near(30); !end {
		t.Fatalf("row 130 of 150 is near the end")
	}
	l.Append(100)
	l.DropFirst(100)
	if l.Selected() != 30 || l.Len() != 150 {
		t.Fatalf("after sliding by 100: selected %d of %d, want 30 of 150", l.Selected(), l.Len())
	}
	l.DropLast(140)
	if l.Selected() != 9 {
		t.Fatalf("dropping the rows below the cursor puts it on the last, got %d", l.Selected())
	}
}

func TestClickSelectsTheRowUnderThePointer(t *testing.T) {
	var l List
	l.SetHeight(5)
	l.Reset(20, headingsEvery5)
	// In a box at the pane's corner, under a header: rows from line 2,
	// their text from column 4 (the frame's edge and padding, the cursor
	// column).
	l.PlaceInBox(sessionWith(termenv.Ascii).Styles, 0, 0, 1, 30)
	cases := []struct {
		x, y int
		hit  bool
		want int
	}{
		{5, 4, true, 2},   // third row
		{2, 6, true, 4},   // on the cursor column
		{5, 2, false, 1},  // row 0 is a heading
		{5, 7, false, 1},  // below the window
		{40, 4, false, 1}, // right of the list
	}
	for _, c := range cases {
		l.Select(1)
		if hit := l.Click(c.x, c.y); hit != c.hit || l.Selected() != c.want {
			t.Errorf("click at %d,%d: hit %v, selected %d; want %v, %d", c.x, c.y, hit, l.Selected(), c.hit, c.want)
		}
	}
}

func TestKeysFilterSortAndMove(t *testing.T) {
	c := sessionWith(termenv.Ascii)
	var l List
	l.SetHeight(5)
	l.Reset(20, nil)
	if ev, _ := l.Key(keyOf("s"), c, ""); ev != Ignored {
		t.Fatalf("s without columns to sort by is not the list's, got %v", ev)
	}
	l.SetSorts("order", "name", "date")
	for _, want := range []int{1, 2, 0} {
		if ev, _ := l.Key(keyOf("s"), c, ""); ev != Resort || l.Sort() != want {
			t.Fatalf("s: event %v, sort %d; want Resort, %d", ev, l.Sort(), want)
		}
	}
	if ev, _ := l.Key(keyOf("pgdown"), c, ""); ev != Kept || l.Selected() != 4 {
		t.Fatalf("pgdown in 5 rows moves 4, got %d (%v)", l.Selected(), ev)
	}
	if ev, _ := l.Key(keyOf("/"), c, "hint"); ev != Kept || !l.Filter.Typing() {
		t.Fatal("/ opens the filter")
	}
	if ev, _ := l.Key(keyOf("x"), c, ""); ev != Refilter || l.Filter.Query() != "x" {
		t.Fatalf("a key typed into the filter refilters, got %v %q", ev, l.Filter.Query())
	}
	if ev, _ := l.Key(keyOf("j"), c, ""); ev != Refilter || l.Selected() != 4 {
		t.Fatal("j while typing is a letter, not down")
	}
	l.Key(keyOf("enter"), c, "")
	if ev, _ := l.Key(keyOf("esc"), c, ""); ev != Refilter || l.Filter.Active() {
		t.Fatal("esc drops a kept filter")
	}
	if ev, _ := l.Key(keyOf("esc"), c, ""); ev != Ignored {
		t.Fatal("esc without a filter is not the list's")
	}
}

// TestRowsMarkTheSelectedRowWithoutColour: the selected row is told by its
// marker, with or without colour, and its filter match shows in colour.
func TestRowsMarkTheSelectedRowWithoutColour(t *testing.T) {
	render := func(i int) string { return "row " + strconv.Itoa(i) }
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		c := sessionWith(profile)
		var l List
		l.SetHeight(3)
		l.Reset(10, nil)
		l.Move(1)
		rows := l.Rows(c.Styles, 12, render, nil)
		if len(rows) != 3 || !strings.HasPrefix(ansi.Strip(rows[1]), session.Cursor+" row 1") || !strings.HasPrefix(ansi.Strip(rows[0]), "  row 0") {
			t.Fatalf("profile %v: rows %q", profile, rows)
		}
		if w := ansi.StringWidth(rows[1]); w != 12 {
			t.Errorf("the selected row fills the width: %d cells, want 12", w)
		}
		l.Key(keyOf("/"), c, "")
		l.Key(keyOf("1"), c, "")
		l.Invalidate()
		rows = l.Rows(c.Styles, 12, render, nil)
		if profile == termenv.TrueColor && (rows[1] == c.Styles.Selected.Render(ansi.Strip(rows[1])) || !strings.Contains(rows[1], "\x1b[")) {
			t.Errorf("the selected row's match is not marked: %q", rows[1])
		}
	}
}

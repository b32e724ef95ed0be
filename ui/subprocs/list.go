package subprocs

// list is a windowed list of n lines, some of which (headings) the cursor
// skips. Lines are rendered on demand and cached, so a key costs the
// visible lines at most, however long the list.
type list struct {
	n      int
	cursor int
	offset int
	height int
	lines  []string         // rendered lines, plain; "" until rendered
	styled []string         // the same lines in their colours
	skip   func(i int) bool // lines the cursor passes over
}

// reset gives the list new content, keeping the cursor near where it was.
func (l *list) reset(n int, skip func(int) bool) {
	l.n, l.skip = n, skip
	l.lines, l.styled = make([]string, n), make([]string, n)
	l.cursor = min(l.cursor, max(0, n-1))
	l.settle(1)
}

// invalidate drops the rendered lines (the width changed).
func (l *list) invalidate() {
	clear(l.lines)
	clear(l.styled)
}

// move shifts the cursor by delta selectable lines' worth and keeps it
// visible.
func (l *list) move(delta int) {
	if l.n == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	l.cursor = min(max(l.cursor+delta, 0), l.n-1)
	l.settle(dir)
}

// settle moves the cursor off a skipped line, in dir first, and scrolls it
// into view; the line above a first entry (its heading) shows too.
func (l *list) settle(dir int) {
	for _, d := range []int{dir, -dir} {
		i := l.cursor
		for i >= 0 && i < l.n && l.skip != nil && l.skip(i) {
			i += d
		}
		if i >= 0 && i < l.n {
			l.cursor = i
			break
		}
	}
	h := max(1, l.height)
	top := l.cursor
	for top > 0 && l.skip != nil && l.skip(top-1) && l.cursor-top+1 < h {
		top--
	}
	if top < l.offset {
		l.offset = top
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, l.n-h))
}

// selected is the cursor's line, or -1 for an empty list or one of
// headings only.
func (l *list) selected() int {
	if l.n == 0 || (l.skip != nil && l.skip(l.cursor)) {
		return -1
	}
	return l.cursor
}

// visible returns the range of lines on screen.
func (l *list) visible() (from, to int) {
	return l.offset, min(l.n, l.offset+max(1, l.height))
}

// styledLine returns line i in its colours, painting it with paint the
// first time.
func (l *list) styledLine(i int, render func(int) string, paint func(i int, line string) string) string {
	if l.styled[i] == "" {
		l.styled[i] = paint(i, l.line(i, render))
	}
	return l.styled[i]
}

// line returns line i, rendering it with render the first time.
func (l *list) line(i int, render func(int) string) string {
	if l.lines[i] == "" {
		l.lines[i] = render(i)
		if l.lines[i] == "" {
			l.lines[i] = " "
		}
	}
	return l.lines[i]
}

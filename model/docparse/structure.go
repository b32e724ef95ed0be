package docparse

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// role is what a line became.
type role uint8

const (
	roleNone role = iota
	roleBody      // part of a clause body or a preamble
	roleUsed      // starts or heads a clause, names a document, or is skipped
)

// clause is a clause being built.
type clause struct {
	line    int // index of the line that starts it
	number  string
	heading string
	lead    string // body text on the clause's own line
	body    []int  // indices of the body lines
}

// part is one document of the text, numbered on its own.
type part struct {
	name     []int // the lines naming it
	preamble []int // lines before its first clause
	clauses  []*clause
	numbers  map[string]bool

	path []int // the main numbering, e.g. 8.6.3

	lettered   bool   // the part's sections are lettered "A.", "B.": numbers go under them
	letter     string // the open lettered appendix ("B" of "Tillägg B") or section
	letterPath []int  // its numbering: B.1 → 1

	appendixName string // the open appendix numbered on its own ("Bilaga 1")
	appendixPath []int  // its numbering
}

func newPart() *part { return &part{numbers: map[string]bool{}} }

// builder walks the lines once, deciding for each numbered line whether it
// continues the numbering (a clause), restarts it (a new document, or an
// appendix numbered on its own) or is only a number in the text.
type builder struct {
	lines    []line
	cls      []lineClass
	role     []role
	nextNum  []int          // index of the next numbered line, or -1
	sections map[int]string // lines that open a lettered section ("A. Definitions"), by letter
	anyStart bool           // some line could begin a numbering
	topLevel int            // the highest level of the Markdown headings, 0 if none
	topCount int            // how many headings have that level
	leadIn   int            // lines before it are a web page's furniture: their numbers are not clauses
	entry    []bool         // lines of entries tied by hard breaks (see entries)
	parts    []*part
	skipped  []Skip
}

func newBuilder(lines []line) *builder {
	b := &builder{
		lines:   lines,
		cls:     make([]lineClass, len(lines)),
		role:    make([]role, len(lines)),
		nextNum: make([]int, len(lines)),
		parts:   []*part{newPart()},
	}
	for i, l := range lines {
		switch {
		case l.heading == 0:
		case b.topLevel == 0 || l.heading < b.topLevel:
			b.topLevel, b.topCount = l.heading, 1
		case l.heading == b.topLevel:
			b.topCount++
		}
		b.cls[i] = classify(l.text)
		if l.nested && b.cls[i].kind != kindNumbered {
			// Its number is the list's, whatever the text after it.
			b.cls[i] = classifyNumbered(l.text)
		}
		if b.cls[i].kind == kindNumbered && b.cls[i].num.letter == "" && isStart(b.cls[i].num.path) {
			b.anyStart = true
		}
	}
	b.sections = b.letterSections()
	b.leadIn = b.leadInEnd()
	b.entry = entries(lines)
	next := -1
	for i := len(lines) - 1; i >= 0; i-- {
		b.nextNum[i] = next
		if b.cls[i].kind == kindNumbered {
			next = i
		}
	}
	return b
}

// leadInEnd returns the first Markdown heading when the document numbers
// its headings from 1 ("### 1. Uptime"): numbered lines above every heading
// are then the site around the agreement (a cookie banner's "1. We use
// cookies", a menu), and the document's own numbering must win. They stay
// in the preamble. It returns 0 when the headings carry no such numbering.
func (b *builder) leadInEnd() int {
	first := -1
	for i, l := range b.lines {
		if l.heading == 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		if n := b.cls[i].num; b.cls[i].kind == kindNumbered && n.letter == "" && isStart(n.path) {
			return first
		}
	}
	return 0
}

// afterBreak reports a numbered line that goes on an entry ("4 Harbour
// Road" under a company's name), unless it is written as an item of a
// list ("4. ").
func (b *builder) afterBreak(i int) bool {
	return b.entry[i] && b.lines[i-1].brk && !b.lines[i].own() && !mdOrderedRe().MatchString(b.lines[i].text)
}

func (b *builder) cur() *part { return b.parts[len(b.parts)-1] }

func (b *builder) clauseCount() int {
	n := 0
	for _, p := range b.parts {
		n += len(p.clauses)
	}
	return n
}

// run builds the parts and clauses of numbered text.
func (b *builder) run() {
	for i := range b.lines {
		if b.role[i] != roleNone {
			continue // taken as the heading of the clause before
		}
		if letter, ok := b.sections[i]; ok {
			p := b.cur()
			p.lettered, p.letter, p.letterPath, p.appendixName = true, letter, nil, ""
			b.open(i, letter)
			continue
		}
		switch b.cls[i].kind {
		case kindNumbered:
			if i < b.leadIn || b.afterBreak(i) {
				break
			}
			if b.numbered(i) || b.lines[i].heading > 0 && b.forceNumbered(i) {
				continue
			}
		case kindAppendix:
			if a := b.cls[i].appendix; !b.cur().numbers[a.name] {
				b.open(i, a.name)
				continue
			}
		}
		if b.lines[i].heading > 0 {
			b.openHeading(i)
			continue
		}
		b.addBody(i)
	}
}

// forceNumbered opens a clause at a numbered heading whose number does not
// follow the numbering before it: a heading is a clause whatever its number.
func (b *builder) forceNumbered(i int) bool {
	p, n := b.cur(), b.cls[i].num
	if n.letter != "" || p.numbers[n.text] {
		return false
	}
	p.path, p.appendixName = n.path, ""
	b.open(i, n.text)
	return true
}

// openHeading opens a clause at a heading without a number. The heading
// of a document's numbered sections takes the number its first clause
// implies ("Account Terms" over "1.1" is 1); the first heading of the
// highest level is the document's title when nothing but a preamble is
// above it and no other heading has its level, or nothing at all is.
func (b *builder) openHeading(i int) {
	p := b.cur()
	if len(p.clauses) == 0 && len(p.name) == 0 && b.lines[i].heading == b.topLevel && (b.topCount == 1 || !b.textAfter(p.preamble)) {
		p.name = []int{i}
		b.role[i] = roleUsed
		return
	}
	num := ""
	if n, ok := b.impliedNumber(i); ok {
		num, p.path, p.appendixName = strconv.Itoa(n), []int{n}, ""
	}
	b.role[i] = roleUsed
	p.clauses = append(p.clauses, &clause{line: i, number: num, heading: b.lines[i].text})
	if num != "" {
		p.numbers[num] = true
	}
}

// impliedNumber returns N when the next numbered line after the heading at
// i, with no heading between, is N.1 (or N.2) and N is free.
func (b *builder) impliedNumber(i int) (int, bool) {
	nx := b.nextNum[i]
	if nx < 0 {
		return 0, false
	}
	for k := i + 1; k < nx; k++ {
		if b.lines[k].heading > 0 {
			return 0, false
		}
	}
	m, p := b.cls[nx].num, b.cur()
	if m.letter != "" || len(m.path) != 2 || m.path[1] > maxGap || p.numbers[strconv.Itoa(m.path[0])] {
		return 0, false
	}
	if len(p.path) > 0 && !successor(p.path, m.path[:1]) {
		return 0, false
	}
	return m.path[0], true
}

// numbered decides what the numbered line i is, and opens a clause if it
// is one.
func (b *builder) numbered(i int) bool {
	p := b.cur()
	n := b.cls[i].num
	if p.lettered && n.letter == "" {
		// "1." under "B. Services" is B.1.
		n = number{letter: p.letter, path: n.path, text: p.letter + "." + n.text}
	}
	if nx := b.nextNum[i]; b.cls[i].rest == "" && nx >= 0 && nx == b.nextNonBlank(i) && !successor(n.path, b.cls[nx].num.path) {
		// A number alone whose next line is a clause it cannot precede:
		// a reference cut off from its sentence.
		return false
	}
	if b.listItem(i) {
		return false
	}
	var num string
	var commit func() // moves the numbering on once the clause is accepted
	switch {
	case n.letter == "" && p.letter != "" && !p.lettered && p.letterFits(number{letter: p.letter, path: n.path}):
		// "1." under the heading "Bilaga B" is B.1.
		num, commit = p.letter+"."+n.text, func() { p.letterPath = n.path }
	case n.letter != "":
		if !p.letterFits(n) {
			return false
		}
		num, commit = n.text, func() { p.letter, p.letterPath = n.letter, n.path }
	case p.appendixName != "" && len(p.appendixPath) > 0 && successor(p.appendixPath, n.path):
		num, commit = p.appendixName+"."+n.text, func() { p.appendixPath = n.path }
	case b.fitsMain(p, n.path):
		num, commit = n.text, func() { p.path, p.appendixName = n.path, "" }
	case !isStart(n.path):
		return false
	case p.appendixName != "" && len(p.appendixPath) == 0 && !b.strongTitleBefore(i):
		// The first item of an appendix that is numbered on its own.
		num, commit = p.appendixName+"."+n.text, func() { p.appendixPath = n.path }
	case b.newPartAt(i):
		b.startPart(i)
		p = b.cur()
		num, commit = n.text, func() { p.path = n.path }
	default:
		return false
	}
	if p.numbers[num] {
		return false
	}
	commit()
	b.open(i, num)
	return true
}

// listItem reports a numbered line that is an item of a list inside the
// clause above it rather than a clause: a line that is not a heading and
// continues a list in the clause's body, at a depth where the part's
// clauses were opened by Markdown headings ("6. **Bold lead** text" after
// items 1–5 under "### 5.1"), or standing in a run of
// numbered lines without blank lines between them under an unnumbered
// heading (steps 1–4 under "Objection process").
func (b *builder) listItem(i int) bool {
	p := b.cur()
	if b.lines[i].heading > 0 || len(p.clauses) == 0 {
		return false
	}
	last := p.clauses[len(p.clauses)-1]
	if b.continuesBodyList(i, last) {
		depth := len(b.cls[i].num.path)
		for _, c := range p.clauses {
			if b.lines[c.line].heading > 0 && c.number != "" && len(strings.Split(c.number, ".")) == depth && b.cls[c.line].num.letter == "" {
				return true
			}
		}
	}
	return b.lines[last.line].heading > 0 && last.number == "" && (b.sameDepth(i, i-1) || b.sameDepth(i, i+1))
}

// continuesBodyList reports whether the numbered line before i lies in the
// body of clause c and i's number follows it: "6." after items 1–5.
func (b *builder) continuesBodyList(i int, c *clause) bool {
	for k := i - 1; k > c.line; k-- {
		if b.cls[k].kind == kindNumbered {
			return b.role[k] == roleBody && successor(b.cls[k].num.path, b.cls[i].num.path) && len(b.cls[k].num.path) == len(b.cls[i].num.path)
		}
	}
	return false
}

// sameDepth reports whether line k exists and is a numbered line, not a
// heading, numbered at the depth of line i: a flat list, not an outline.
func (b *builder) sameDepth(i, k int) bool {
	if k < 0 || k >= len(b.lines) || b.lines[k].heading != 0 {
		return false
	}
	depth := len(b.cls[i].num.path)
	if b.cls[k].kind == kindNumbered {
		return len(b.cls[k].num.path) == depth
	}
	// "2. evne til …": a numbered line no clause can begin is an item too
	return itemDepth(b.lines[k].text) == depth
}

// itemDepth returns the depth of the number that begins s ("2." is 1,
// "2.1" is 2), or 0 when s begins with none.
func itemDepth(s string) int {
	loc := findNumber(s)
	if loc == nil || group(s, loc, 1) != "" || loc[1] == len(s) {
		return 0
	}
	return strings.Count(group(s, loc, 2), ".") + 1
}

// fitsMain reports whether path continues the part's main numbering. The
// very first clause must be a 1 unless the text has no 1 anywhere (an
// extract that starts in the middle).
func (b *builder) fitsMain(p *part, path []int) bool {
	if len(p.path) == 0 && !b.anyStart {
		return true
	}
	return successor(p.path, path)
}

// letterFits reports whether a lettered number ("B.1") continues the open
// lettered appendix, or starts the next one when no heading declared it.
func (p *part) letterFits(n number) bool {
	if n.letter == p.letter {
		return successor(p.letterPath, n.path)
	}
	return n.letter == nextLetter(p.letter) && isStart(n.path)
}

// newPartAt reports whether the numbering restarting at line i begins a new
// document rather than a list inside a clause: the next number must follow
// the new numbering and not the old one, and either a title stands before
// the restart, the next number is a sub-clause (lists have none), or what
// came before was only headings (a table of contents).
func (b *builder) newPartAt(i int) bool {
	nx := b.nextNum[i]
	if nx < 0 {
		return false
	}
	n, m := b.cls[i].num, b.cls[nx].num
	if m.letter != "" || !successor(n.path, m.path) || successor(b.cur().path, m.path) {
		return false
	}
	return b.titleBefore(i) >= 0 || len(m.path) > len(n.path) || b.tocLike(b.cur())
}

// startPart begins a new document at line i, named by the title lines just
// before it. A part that was only a table of contents is dropped.
func (b *builder) startPart(i int) {
	old := b.cur()
	np := newPart()
	if t := b.titleBefore(i); t >= 0 {
		np.name = []int{t}
		if u := b.titleBefore(t); u >= 0 {
			np.name = []int{u, t}
		}
		b.cutTail(old, np.name[0])
		for _, k := range np.name {
			b.role[k] = roleUsed
		}
	}
	if b.tocLike(old) {
		b.drop(old)
		if len(np.name) == 0 {
			np.name = old.name
		}
		np.preamble = old.preamble
		b.parts = b.parts[:len(b.parts)-1]
	}
	b.parts = append(b.parts, np)
}

// tocLike reports a part of two or more clauses that all lack a body: the
// entries of a table of contents.
func (b *builder) tocLike(p *part) bool {
	if len(p.clauses) < 2 {
		return false
	}
	for _, c := range p.clauses {
		if hasLetter(c.lead) {
			return false
		}
		for _, k := range c.body {
			if hasLetter(b.lines[k].text) {
				return false
			}
		}
	}
	return true
}

// drop reports the clause lines of a table of contents as skipped.
func (b *builder) drop(p *part) {
	for _, c := range p.clauses {
		for _, k := range append([]int{c.line}, c.body...) {
			if b.lines[k].text != "" {
				b.role[k] = roleUsed
				b.skipped = append(b.skipped, skip(b.lines[k], SkipContents))
			}
		}
	}
}

// cutTail removes lines from index j on from the end of the part's last
// body (they turned out to be the title of the next document).
func (b *builder) cutTail(p *part, j int) {
	body := &p.preamble
	if n := len(p.clauses); n > 0 {
		body = &p.clauses[n-1].body
	}
	for len(*body) > 0 && (*body)[len(*body)-1] >= j {
		*body = (*body)[:len(*body)-1]
	}
}

// open starts a clause numbered num at line i, splitting the rest of the
// line into heading and body, and opens the appendix the line declares.
func (b *builder) open(i int, num string) {
	p := b.cur()
	c := &clause{line: i, number: num}
	b.role[i] = roleUsed
	if len(b.parts) == 1 && len(p.clauses) == 0 && len(p.name) == 0 {
		// The first clause: a document title just above it names the part.
		if t := b.titleBefore(i); t >= 0 && strongTitle(b.lines[t].text) {
			p.name = []int{t}
			b.role[t] = roleUsed
			b.cutTail(p, t)
		}
	}
	rest := b.cls[i].rest
	if h := b.lines[i].headEnd; h > 0 && len(b.lines[i].text)-len(rest) < h {
		// A run-in heading: "7.1 Title.  Text …".
		c.heading = strings.TrimRight(b.lines[i].text[len(b.lines[i].text)-len(rest):h], ".: ")
		c.lead = strings.TrimSpace(b.lines[i].text[h:])
		rest = ""
	}
	switch {
	case c.heading != "":
	case rest == "":
		if j := b.nextNonBlank(i); j >= 0 && j <= i+2 && b.cls[j].kind == kindText && titleLike(b.lines[j].text) {
			c.heading = b.lines[j].text
			b.role[j] = roleUsed
		}
	case strings.HasSuffix(rest, ":"):
		c.lead = rest
	case b.lines[i].heading > 0 && strings.HasSuffix(rest, ".") && titleLike(strings.TrimRight(rest, ".")):
		// A Markdown heading is a heading even when it ends in a dot
		// ("## 5. Permitted Disclosures.").
		c.heading = strings.TrimRight(rest, ".")
	case titleLike(rest) && (wordCount(rest) <= 8 || b.bodyFollows(i)):
		c.heading = rest
	default:
		c.lead = rest
	}
	p.clauses = append(p.clauses, c)
	p.numbers[num] = true
	if a := b.cls[i].appendix; a != nil {
		if unicode.IsLetter(firstRune(a.id)) {
			p.letter, p.letterPath, p.appendixName = a.id, nil, ""
		} else {
			p.appendixName, p.appendixPath = a.name, nil
		}
	}
}

func (b *builder) addBody(i int) {
	b.role[i] = roleBody
	p := b.cur()
	if n := len(p.clauses); n > 0 {
		p.clauses[n-1].body = append(p.clauses[n-1].body, i)
		return
	}
	p.preamble = append(p.preamble, i)
}

// titleBefore returns the line just before i (blank lines aside) when it is
// a title-like line of body text, or -1.
func (b *builder) titleBefore(i int) int {
	j := i - 1
	for j >= 0 && b.lines[j].text == "" {
		j--
	}
	if j < 0 || b.role[j] != roleBody || b.cls[j].kind != kindText || !titleLike(b.lines[j].text) {
		return -1
	}
	return j
}

func (b *builder) strongTitleBefore(i int) bool {
	t := b.titleBefore(i)
	return t >= 0 && strongTitle(b.lines[t].text)
}

func (b *builder) nextNonBlank(i int) int {
	for j := i + 1; j < len(b.lines); j++ {
		if b.lines[j].text != "" {
			return j
		}
	}
	return -1
}

// bodyFollows reports whether plain text follows line i, so that the rest
// of line i is a heading over it rather than the clause's only sentence.
func (b *builder) bodyFollows(i int) bool {
	j := b.nextNonBlank(i)
	return j >= 0 && b.cls[j].kind == kindText
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// sectionRe is a lettered section heading: "A. Definitions".
var sectionRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])\.\s+(\S.*)$`) })

// letterSections finds the lines of a document whose top-level sections
// are lettered: short title-like lines "A. …", "B. …", "C. …" in order
// from A, at least two, the first before any numbered line, so that a
// numbering restarting under each is qualified by its letter ("B.1").
// Letters inside an appendix or a clause body are left alone.
func (b *builder) letterSections() map[int]string {
	var found map[int]string
	want := byte('A')
	for i, l := range b.lines {
		if b.cls[i].kind == kindNumbered && want == 'A' {
			return nil // the document is numbered before any letter
		}
		if len(l.text) < 4 || l.text[0] != want || l.text[1] != '.' {
			continue
		}
		m := sectionRe().FindStringSubmatch(l.text)
		if m == nil || !titleLike(m[2]) || wordCount(m[2]) > 10 {
			continue
		}
		if found == nil {
			found = map[int]string{}
		}
		found[i] = m[1]
		want++
	}
	if len(found) < 2 {
		return nil
	}
	for i := range found {
		b.cls[i].rest = sectionRe().FindStringSubmatch(b.lines[i].text)[2]
	}
	return found
}

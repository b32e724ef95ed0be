package docparse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var (
	// An ATX heading: up to six hashes, then a space or the heading's
	// first letter or digit (web exports write "##1. Licens").
	mdHeadingRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$|([\p{L}\p{N}*_"“(\[]))`)
	})
	mdClosingRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[ \t]+#+[ \t]*$`) })
	// A heading's permalink, as web pages saved as Markdown keep it:
	// "## 2. Fees[#](https://example.com/terms#2-fees)", "[¶](#fees)".
	mdPermalinkRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[ \t]*\[(?:#|\\#|¶|§|🔗)?\]\([^)\s]*\)`)
	})
	// A horizontal rule, a setext underline or a code fence.
	mdRuleRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(?:(?:[-*_=][ \t]*){3,}|` + "```" + `.*|~~~.*)$`)
	})
	// An ordered list item "1. " whose number the nesting qualifies.
	mdOrderedRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3})\.[ \t]+`) })
	mdBulletRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-*+•][ \t]+`) })
	// The separator row under a table's header: "| --- | :--: |".
	mdTableRuleRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$`)
	})
	// Emphasis markers around words: "**72 timmar**", "*Namn*", "__x__".
	mdStrongRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\*\*|__([^_\s](?:[^_]*[^_\s])?)__`) })
	mdEmRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*([^\s*](?:[^*]*[^\s*])?)\*`) })
	// A bold phrase at the start of a line, after its number: a run-in
	// heading ("**7.1 Title.** Text", "7.1 **Title:** Text").
	boldLeadRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?:§\s*)?(?:\d[\d.]*\s+)?)\*\*([^*]{1,80}?)\*\*([.:]?)\s+(\S)`)
	})
)

// readLines cuts text into lines, reading the Markdown in it wherever the
// file came from: heading hashes, emphasis, block quotes and hard breaks
// go, a heading is marked with its level, a table row as a row, and an
// item of an ordered list nested under another gets the number the
// nesting implies ("1." under "5." is "5.1"). A document is read as
// Markdown when it has two headings, a table or a nested ordered list;
// other text only loses emphasis markers. Every line keeps its number.
func readLines(text string) ([]line, bool) {
	raw := lazyNumbers(strings.Split(text, "\n"))
	md := isMarkdown(raw)
	out := make([]line, len(raw))
	var open []listItem     // the list items the next line may nest under
	var sections []listItem // the headings the next heading may nest under, by level
	for i, r := range raw {
		l := line{no: i + 1}
		indent, body := indentOf(r)
		switch {
		case md && mdRuleRe().MatchString(r):
			// A rule or fence holds no words.
		case (md || loneHeading(r)) && mdHeadingRe().MatchString(r):
			m := mdHeadingRe().FindStringSubmatchIndex(r)
			l.heading = m[3] - m[2]
			start := m[1]
			if m[4] >= 0 {
				start = m[4]
			}
			l.text = plain(mdClosingRe().ReplaceAllString(mdPermalinkRe().ReplaceAllString(r[start:], ""), ""))
			if l.text == "" {
				l.heading = 0 // an empty heading is a blank line
			}
			l.text, sections = nestHeading(l.text, l.heading, sections)
			open = open[:0]
		case strings.HasPrefix(body, "|") && strings.Count(body, "|") >= 2:
			// The separator row under a header holds no words: it stays an
			// empty row of the table, not a blank line between its rows.
			l.table = true
			if !mdTableRuleRe().MatchString(body) {
				l.text = tableRow(body)
			}
		default:
			// A backslash at the end is a hard break in any text
			// (docread.FromHTML writes a <br> so). Trailing spaces are
			// not read as one: they are often no-break spaces.
			l.text = strings.TrimSpace(strings.TrimSuffix(body, "\\"))
			l.brk = l.text != body && l.text != ""
			if md {
				l.text = strings.TrimPrefix(strings.TrimPrefix(l.text, ">"), " ")
				l.text, l.nested, open = nestItem(l.text, indent, open)
				if h := mdHeadingRe().FindStringSubmatchIndex(afterNumber(l.text)); h != nil {
					// "1. # **OSAPUOLET**": a heading inside a list item.
					n := len(l.text) - len(afterNumber(l.text))
					start := n + h[1]
					if h[4] >= 0 {
						start = n + h[4]
					}
					l.text = strings.TrimSpace(l.text[:n] + l.text[start:])
					if l.text != strings.TrimSpace(l.text[:n]) {
						l.heading = h[3] - h[2]
					}
				}
			}
		}
		l.text, l.headEnd = runIn(l.text)
		out[i] = l
	}
	markColumns(out, raw)
	labelledHeadings(out)
	return out, md
}

// sectionLabelRe is a line that is only a section's label and number:
// "SECTION 4", "Artikel 12", "Kapitel 3.", "LUKU 2".
var sectionLabelRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:section|article|artikel|artikkel|avsnitt|afsnit|kapitel|kapittel|chapter|clause|luku|osa)\s+(\d{1,3}(?:\.\d{1,3})*)[.:]?$`)
})

// maxLabelledTitle is the most words a title under a section label has.
const maxLabelledTitle = 12

// labelledHeadings gives a section's number to its title when the number
// stands on a line of its own above it ("SECTION 4", then "Fees"), as
// designed PDFs and some Word templates set it: the label line is emptied
// and the title becomes "4 Fees", a numbered heading. A title is the next
// line that is not blank: a heading, or a short line that is neither a
// sentence nor numbered itself.
func labelledHeadings(lines []line) {
	for i, l := range lines {
		m := sectionLabelRe().FindStringSubmatch(l.text)
		if m == nil || l.table {
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j].text == "" && !lines[j].table {
			j++
		}
		if j == len(lines) || !titleLine(lines[j]) {
			continue
		}
		lines[j].text = m[1] + " " + lines[j].text
		lines[j].headEnd = 0
		lines[i].text, lines[i].heading = "", 0
	}
}

// titleLine reports a line that can be a section's title.
func titleLine(l line) bool {
	if l.table || l.nested || classify(l.text).kind != kindText {
		return false
	}
	if l.heading > 0 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(l.text)
	return len(strings.Fields(l.text)) <= maxLabelledTitle && !strings.ContainsRune(".,;:", last) && unicode.IsUpper([]rune(l.text)[0])
}

// lazyNumbers numbers the items of a list written "1." for every item, as
// Markdown lets a writer do and shows as 1, 2, 3: two or more such items
// at one indent, with only blank lines and lines indented further between
// them. A "1." after text of its own begins another list.
func lazyNumbers(raw []string) []string {
	out := raw
	done := map[int]bool{}
	for i, r := range raw {
		indent, body := indentOf(r)
		if done[i] || !strings.HasPrefix(body, "1.") || !mdOrderedRe().MatchString(body) {
			continue
		}
		items := []int{i}
		for k := i + 1; k < len(raw); k++ {
			in, b := indentOf(raw[k])
			if b == "" || in > indent {
				continue
			}
			if in < indent || !strings.HasPrefix(b, "1.") || !mdOrderedRe().MatchString(b) {
				break
			}
			items = append(items, k)
		}
		if len(items) < 2 {
			continue
		}
		if &out[0] == &raw[0] {
			out = slices.Clone(raw)
		}
		for n, k := range items {
			done[k] = true
			at := strings.Index(raw[k], "1.")
			out[k] = raw[k][:at] + strconv.Itoa(n+1) + raw[k][at+1:]
		}
	}
	return out
}

// loneHeading reports a Markdown heading written "# Title" in a text not
// read as Markdown: the one heading of a web page, which names it.
func loneHeading(r string) bool {
	return strings.HasPrefix(r, "#") && strings.HasPrefix(strings.TrimLeft(r, "#"), " ")
}

// listItem is an open item of a (possibly nested) list.
type listItem struct {
	indent int
	path   []int // the item's number with its parents', nil for a bullet
}

// nestItem qualifies the number of an ordered list item by the items it
// is nested under, and keeps the open items up to date.
func nestItem(s string, indent int, open []listItem) (string, bool, []listItem) {
	ordered := mdOrderedRe().FindStringSubmatch(s)
	bullet := ordered == nil && mdBulletRe().MatchString(s)
	if ordered == nil && !bullet {
		if s != "" && len(open) > 0 && indent <= open[0].indent && !unicode.IsLower(firstRune(s)) {
			open = open[:0] // a paragraph of its own ends the list
		}
		return s, false, open
	}
	nested := false
	for len(open) > 0 && open[len(open)-1].indent >= indent {
		open = open[:len(open)-1]
	}
	item := listItem{indent: indent}
	if ordered != nil {
		n, _ := strconv.Atoi(ordered[1])
		if k := len(open); k > 0 && open[k-1].path != nil {
			item.path = append(append([]int{}, open[k-1].path...), n)
			s = joinPath(item.path) + " " + s[len(ordered[0]):]
			nested = true
		} else if k == 0 {
			item.path = []int{n}
		}
	}
	return s, nested, append(open, item)
}

// nestHeading qualifies the number of a heading by the numbered heading
// of a higher level it stands under ("### 1. Authorization" under "## 3.
// Transfers" is 3.1), and keeps the open headings up to date. Levels are
// used as indents, deeper headings being further in.
func nestHeading(s string, level int, open []listItem) (string, []listItem) {
	if level == 0 {
		return s, open
	}
	for len(open) > 0 && open[len(open)-1].indent >= level {
		open = open[:len(open)-1]
	}
	item := listItem{indent: level}
	c := classify(s)
	if c.kind == kindNumbered && c.num.letter == "" {
		item.path = c.num.path
		if k := len(open); k > 0 && open[k-1].path != nil && len(c.num.path) == 1 {
			item.path = append(append([]int{}, open[k-1].path...), c.num.path[0])
			s = joinPath(item.path) + " " + c.rest
		}
	}
	return s, append(open, item)
}

func joinPath(path []int) string {
	parts := make([]string, len(path))
	for i, v := range path {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ".")
}

// afterNumber returns s after a leading clause number and its space.
func afterNumber(s string) string {
	if loc := numberRe().FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// hashAfterIndent is a quick test that spares most lines mdHeadingRe: a
// "#" after at most three spaces.
func hashAfterIndent(r string) bool {
	i := 0
	for i < 3 && i < len(r) && r[i] == ' ' {
		i++
	}
	return i < len(r) && r[i] == '#'
}

// isMarkdown reports text written in Markdown: two headings, a table, or
// an ordered list nested in another.
func isMarkdown(raw []string) bool {
	headings, nested := 0, 0
	prevOrdered := false
	for _, r := range raw {
		indent, body := indentOf(r)
		switch {
		case hashAfterIndent(r) && mdHeadingRe().MatchString(r) && !mdRuleRe().MatchString(r):
			headings++
		case strings.Contains(body, "|") && mdTableRuleRe().MatchString(body):
			return true
		case body != "" && body[0] >= '0' && body[0] <= '9' && mdOrderedRe().MatchString(body):
			if indent >= 2 && prevOrdered {
				nested++
			}
			prevOrdered = prevOrdered || indent == 0
		}
		if headings >= 2 || nested >= 2 {
			return true
		}
	}
	return false
}

// indentOf returns how far r is indented (a tab counts four) and r
// trimmed, without its emphasis markers.
func indentOf(r string) (int, string) {
	n := 0
	for _, c := range r {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n, plain(r)
		}
	}
	return n, ""
}

// plain removes emphasis markers. A bold phrase at the start of a numbered
// line is a run-in heading, and is set off from its text by two spaces.
func plain(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '*') >= 0 || strings.IndexByte(s, '_') >= 0 {
		s = boldLeadRe().ReplaceAllString(s, "$1$2$3  $4")
		s = mdStrongRe().ReplaceAllStringFunc(s, func(m string) string {
			if m == "**" {
				return ""
			}
			return m[2 : len(m)-2]
		})
		s = mdEmRe().ReplaceAllString(s, "$1$2")
	}
	return s
}

// tableRow writes a table row as "| a | b |" with its cells trimmed. Only
// the outer pipes go: an empty first cell (the corner above a column of
// labels) keeps the columns in place.
func tableRow(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "|"), "|")
	cells := strings.Split(s, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// runIn finds a run-in heading on a numbered line, "7.1 Title.  Text" (two
// spaces set it off; emphasis was already removed), and returns the line
// with its space collapsed and where the heading ends, or 0.
func runIn(s string) (string, int) {
	if !startsWithNumber(s) {
		return collapseSpace(s), 0
	}
	k := strings.IndexAny(s, " \t") // the number ends
	if k < 0 {
		return s, 0
	}
	k += len(s[k:]) - len(strings.TrimLeft(s[k:], " \t"))
	gap := strings.Index(s[k:min(len(s), k+100)], "  ")
	if tab := strings.IndexByte(s[k:min(len(s), k+100)], '\t'); tab >= 0 && (gap < 0 || tab < gap) {
		gap = tab
	}
	if gap < 2 || strings.ContainsAny(strings.TrimRight(s[k:k+gap], ".:"), ".:;!?") {
		return collapseSpace(s), 0
	}
	head := collapseSpace(s[:k+gap])
	if wordCount(head) > 9 || !unicode.IsUpper(firstRune(s[k:])) {
		return collapseSpace(s), 0
	}
	return head + " " + collapseSpace(s[k+gap:]), len(head)
}

func startsWithNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r) || r == '§'
}

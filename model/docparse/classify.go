package docparse

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// number is a clause number as printed: an optional appendix letter ("B" in
// "B.1") and the numeric path ("8.6.3" → 8, 6, 3).
type number struct {
	letter string
	path   []int
	text   string // normalised: "8.6.3", "B.1" (no trailing dot)
}

// appendixRef is an appendix declared by a line: "Tillägg B", "Bilaga 1".
type appendixRef struct {
	name string // as printed: "Tillägg B"
	id   string // "B", "1"
}

type lineKind int

const (
	kindBlank    lineKind = iota
	kindText              // anything that is not a clause start
	kindNumbered          // starts with a clause number
	kindAppendix          // an appendix heading without a clause number
)

// lineClass is what a line looks like on its own, before the numbering
// around it decides whether it really starts a clause.
type lineClass struct {
	kind     lineKind
	num      number
	rest     string       // the text after the number or appendix name
	appendix *appendixRef // the appendix the line declares, if any
}

const maxDepth = 8 // deeper numbers are treated as text, keeping work linear

var (
	// A clause number: digits of at most three places per level (so years
	// and dates such as 22.10.2025 never match), optionally after an
	// appendix letter, followed by white space or the end of the line.
	// The expressions match only the start of a line; the rest is sliced
	// off, so long lines cost nothing more.
	// "§ 4" and "4 §" are numbers too.
	numberRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:§\s?)?(?:([A-Z])\.)?(\d{1,3}(?:\.\d{1,3}){0,7})(\.?)(?:\s?§)?(?:\s+|$)`)
	})
	// An appendix heading: the word, the appendix's letter or number (a
	// number with a letter for an appendix's own appendices: "Bilag 1.A",
	// "Annex 2B"), then a separator or a title.
	appendixRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?i:tillägg|bilaga|bilag|vedlegg|appendix|annex|attachment|schedule|exhibit|liite))\s+([A-Z]|\d{1,2}(?:\.?[A-Z])?)(?:\s*([:.–—-])\s*|\s+|$)`)
	})
	// A number glued to the capital that begins its text: "2.5Genom".
	gluedNumberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3}){0,7})(\.?)\p{Lu}\p{Ll}`) })
	// A number whose levels are set apart by spaces, each ending in a dot:
	// "2. 3. Betalning". Dates and amounts ("1. 5 000", "1. 2. 2024")
	// never match, the last level needing its dot and text after it.
	spacedNumberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}\.(?: \d{1,3}\.){1,7}[ \t]+`) })
	// Enumerated list items: "(a)", "a)", "iv)", "(1)", "1)", "a. ".
	enumRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\)|\(?\d{1,2}\)|[a-z]\.\s)`)
	})
)

func classify(s string) lineClass {
	if s == "" {
		return lineClass{kind: kindBlank}
	}
	if loc := findNumber(s); loc != nil {
		letter, digits, dot, rest := group(s, loc, 1), group(s, loc, 2), group(s, loc, 3), s[loc[1]:]
		// A dot or a "§" says the number is a clause's, even alone on its line.
		dotted := letter != "" || dot != "" || strings.Contains(digits, ".") || strings.Contains(s[:loc[1]], "§")
		if n, ok := parseNumber(letter, digits); ok && clauseText(rest, dotted) {
			return lineClass{kind: kindNumbered, num: n, rest: rest, appendix: declaresAppendix(rest)}
		}
	}
	if c, ok := gluedNumber(s); ok {
		return c
	}
	if c, ok := spacedNumber(s); ok {
		return c
	}
	if a, rest := appendixHeading(s); a != nil {
		return lineClass{kind: kindAppendix, rest: rest, appendix: a}
	}
	return lineClass{kind: kindText}
}

// gluedNumber reads a clause number written without a space before its
// text, as web pages and PDF extracts often have it: "2.5Genom …",
// "13.Tvist". The number must have a dot and the text begin with a word
// in capitals and small letters, so "2.5GHz" or "4K" stay text; whether
// it is a clause the numbering decides, as for any number.
func gluedNumber(s string) (lineClass, bool) {
	if s == "" || !isDigit(s[0]) {
		return lineClass{}, false
	}
	loc := gluedNumberRe().FindStringSubmatchIndex(s)
	if loc == nil {
		return lineClass{}, false
	}
	digits, dot := group(s, loc, 1), group(s, loc, 2)
	if dot == "" && !strings.Contains(digits, ".") {
		return lineClass{}, false
	}
	n, ok := parseNumber("", digits)
	if !ok {
		return lineClass{}, false
	}
	rest := s[loc[5]:]
	return lineClass{kind: kindNumbered, num: n, rest: rest, appendix: declaresAppendix(rest)}, true
}

// spacedNumber reads a clause number typed with a space after each
// level's dot, "1. 2. Definitions", as 1.2. Its text must begin a clause,
// as any number's must; a number alone on its line stays text.
func spacedNumber(s string) (lineClass, bool) {
	if s == "" || !isDigit(s[0]) {
		return lineClass{}, false
	}
	loc := spacedNumberRe().FindStringIndex(s)
	if loc == nil {
		return lineClass{}, false
	}
	rest := s[loc[1]:]
	if rest == "" || !clauseText(rest, true) {
		return lineClass{}, false
	}
	digits := strings.ReplaceAll(strings.TrimRight(s[:loc[1]], ". \t"), ". ", ".")
	n, ok := parseNumber("", digits)
	if !ok {
		return lineClass{}, false
	}
	return lineClass{kind: kindNumbered, num: n, rest: rest, appendix: declaresAppendix(rest)}, true
}

// classifyNumbered classifies a line known to start with a clause number.
func classifyNumbered(s string) lineClass {
	loc := findNumber(s)
	if loc == nil {
		return classify(s)
	}
	n, ok := parseNumber(group(s, loc, 1), group(s, loc, 2))
	if !ok {
		return classify(s)
	}
	return lineClass{kind: kindNumbered, num: n, rest: s[loc[1]:]}
}

// findNumber is numberRe.FindStringSubmatchIndex after a quick test of
// the first bytes, which most lines fail: a number starts with a digit,
// "§", or an appendix letter, a dot and a digit ("B.2") — not merely a
// capital, as most lines of text do.
func findNumber(s string) []int {
	if s == "" || !(isDigit(s[0]) || len(s) > 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.' && isDigit(s[2]) || strings.HasPrefix(s, "§")) {
		return nil
	}
	// The expression reads the line's first bytes only: on a whole long
	// line its backtracker first clears a table as long as the line, or
	// gives way to the slower engine. What it matches but the trailing
	// white space fits in them, so only that white space is read on.
	head := s[:min(len(s), numberSpan)]
	loc := numberRe().FindStringSubmatchIndex(head)
	if loc != nil && loc[1] == len(head) {
		for loc[1] < len(s) && strings.IndexByte("\t\n\f\r ", s[loc[1]]) >= 0 { // the expression's \s
			loc[1]++
		}
	}
	return loc
}

// numberSpan is longer than the longest text numberRe matches before its
// trailing white space: "§ A.123.123.123.123.123.123.123.123. §" is 40
// bytes.
const numberSpan = 48

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func parseNumber(letter, digits string) (number, bool) {
	parts := strings.Split(digits, ".")
	if len(parts) > maxDepth {
		return number{}, false
	}
	n := number{letter: letter, path: make([]int, len(parts)), text: digits}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return number{}, false
		}
		n.path[i] = v
	}
	if letter != "" {
		n.text = letter + "." + digits
	}
	return n, true
}

// clauseText reports whether the text after a number can begin a clause:
// it starts with a capital (possibly after a quote or bracket), as headings
// and clause sentences do, while "30 dagar" or "1. informera om" do not. A
// bare number may stand alone on its line only when it cannot be a page
// number, i.e. when it has a dot.
func clauseText(rest string, dotted bool) bool {
	if rest == "" {
		return dotted
	}
	r, size := utf8.DecodeRuneInString(rest)
	if unicode.IsUpper(r) {
		return true
	}
	if strings.ContainsRune(`"”“'‘’«»([`, r) {
		r2, _ := utf8.DecodeRuneInString(rest[size:])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

// group returns submatch i of a FindStringSubmatchIndex result, or "".
func group(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

// declaresAppendix recognises an appendix heading ("Tillägg B: Godkända
// underleverantörer", "Bilaga 1") but not a sentence that mentions one
// ("Tillägg A innehåller …").
func declaresAppendix(s string) *appendixRef {
	a, _ := appendixHeading(s)
	return a
}

// appendixHeading returns the appendix a heading declares and the title
// after it.
func appendixHeading(s string) (*appendixRef, string) {
	// The word must begin with a capital, so a quick test of the first two
	// bytes spares most lines the expression: no other capital folds to the
	// first letter of one of its words, and none of their second letters
	// has a case but its ASCII ones.
	if len(s) < 2 || !strings.Contains(appendixStarts[s[0]], string(s[1]|0x20)) {
		return nil, ""
	}
	return matchAppendix(s)
}

// matchAppendix is appendixHeading without its quick test.
func matchAppendix(s string) (*appendixRef, string) {
	loc := appendixRe().FindStringSubmatchIndex(s)
	if loc == nil {
		return nil, ""
	}
	word, id, sep, rest := group(s, loc, 1), group(s, loc, 2), group(s, loc, 3), s[loc[1]:]
	if !unicode.IsUpper(firstRune(word)) {
		return nil, ""
	}
	if rest != "" && sep == "" && !(titleLike(rest) && unicode.IsUpper(firstRune(rest))) {
		return nil, ""
	}
	return &appendixRef{name: word + " " + id, id: id}, rest
}

// appendixStarts holds, by the first letter of each of appendixRe's words,
// their second letters, lower-case.
var appendixStarts = [256]string{'A': "pnt", 'B': "i", 'E': "x", 'L': "i", 'S': "c", 'T': "i", 'V': "e"}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// startsStructure reports lines that begin something of their own: a
// clause, an appendix or a list item.
func startsStructure(s string) bool {
	c := classify(s)
	return c.kind == kindNumbered || c.kind == kindAppendix || isListItem(s)
}

// isListItem recognises bullets and enumerated items.
func isListItem(s string) bool {
	r := firstRune(s)
	switch {
	case strings.ContainsRune("•·▪◦‣○●■□➢►✓✔-–—*", r):
		return true
	case r >= '\ue000' && r <= '\uf8ff': // symbol-font bullets from Word
		return true
	case r == 'o' && strings.HasPrefix(s, "o "):
		return true
	}
	return enumRe().MatchString(s)
}

const maxTitle = 150 // runes

// titleLike reports a line that could be a heading or a document title:
// short, starting with a capital, a digit or a bracket, and not ending the
// way a sentence or a lead-in does.
func titleLike(s string) bool {
	if s == "" || len(s) > 4*maxTitle || utf8.RuneCountInString(s) > maxTitle {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:", last) && !endsWithAbbreviation(s) || isListItem(s) {
		return false
	}
	first := firstRune(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"”“«(`, first) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// endsWithAbbreviation reports a line ending in an abbreviation such as
// "m.m." or "etc." (or the Norwegian and Danish "mv.", the Finnish "ym."),
// whose dot does not end a sentence.
func endsWithAbbreviation(s string) bool {
	switch strings.ToLower(lastWord(s)) {
	case "m.m.", "etc.", "osv.", "o.s.v.", "m.fl.", "o.d.", "mm.", "mv.", "m.v.", "o.l.", "o.lign.", "ym.", "yms.", "jne.", "tms.":
		return true
	}
	return false
}

// strongTitle reports a title-like line that names a document: set in
// capitals, or naming a kind of document.
func strongTitle(s string) bool {
	return titleLike(s) && (allCaps(s) || namesDocument(s))
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

var documentWords = []string{
	"avtal", "villkor", "agreement", "terms", "conditions", "contract", "kontrakt",
	"beskrivning", "description", "vägledning", "bilaga", "appendix", "tillägg",
	"aftale", "betingelser", "vilkår", "bilag", "vedlegg", // Danish, Norwegian
	"sopimus", "ehdot", "liite", // Finnish
}

var documentAbbrev = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(?:SLA|DPA|PUB|PuB)\b`) })

func namesDocument(s string) bool {
	l := strings.ToLower(s)
	for _, w := range documentWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return documentAbbrev().MatchString(s)
}

func wordCount(s string) int { return strings.Count(s, " ") + 1 }

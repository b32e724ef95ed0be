package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentences splits text into sentences and list items, the units proposals
// look for their cue words in. A sentence ends at . ! or ? followed by
// space and a capital, a digit, a bracket or a bullet ("org.nr 5567…" and
// "t.ex. detta" do not end one), at a semicolon followed by space (it parts
// two statements: "…before the end; otherwise it renews for 12 months"),
// and at a blank line or a line that starts a bullet or "(a)" — but not at a
// wrapped line whose "(12)" repeats in digits the number the line before
// ends with: "gäller i tolv\n(12) månader".
func sentences(text string) []Span {
	var out []Span
	start := 0
	cut := func(end, next int) {
		if s, e := trimSpan(text, start, end); e > s {
			out = append(out, Span{s, e})
		}
		start = next
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '.', '!', '?', ';', '\n':
		default:
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if c == '\n' {
			if j < len(text) && (text[j] == '\n' || opensItem(text[j:]) && !restatesNumber(text[:i], text[j:])) {
				cut(i, j)
			}
			continue
		}
		if j == i+1 && j < len(text) && text[j] != '\n' {
			continue // "8.6", "org.nr": no space after the mark
		}
		if j < len(text) && text[j] == '\n' {
			j++
		}
		if j < len(text) && c == '.' && text[j] == '(' && dottedForms[lastWord(text[:i])] {
			continue // "Example, Inc. (\"Example\") and you": the dot is the form's
		}
		if j >= len(text) || c == ';' || opensSentence(text[j:]) {
			cut(i+1, j)
		}
	}
	cut(len(text), len(text))
	return out
}

// lastWord returns the letters that end text: "Inc" of "Example, Inc".
func lastWord(text string) string {
	i := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return text
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return text[i+size:]
}

// opensSentence reports whether s starts like a new sentence.
func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || opensItem(s)
}

// opensItem reports whether s starts a list item: a bullet or "(a)".
func opensItem(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("•·*–-—(\"”«", r)
}

// restatesNumber reports whether the line s goes on with the sentence of
// the text before it: that ends in a word, and s starts with digits in
// brackets and a word in lower case ("tolv\n(12) månader"), where an item
// numbered "(1)" follows a colon or a semicolon, or starts with a capital.
func restatesNumber(before, s string) bool {
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " \t\r")); !unicode.IsLetter(r) {
		return false
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if s[0] != '(' || i == 1 || i+2 >= len(s) || s[i] != ')' || s[i+1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+2:])
	return unicode.IsLower(r)
}

// trimSpan shrinks text[start:end] to leave out surrounding white space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end && isBlank(text[start]) {
		start++
	}
	for end > start && isBlank(text[end-1]) {
		end--
	}
	return start, end
}

// isBlank reports whether c is a space, tab or line break.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// evidence returns the text of a span on one line, shortened for display.
func evidence(text string, s Span) string {
	const max = 200
	e := strings.Join(strings.Fields(s.In(text)), " ")
	if utf8.RuneCountInString(e) > max {
		e = string([]rune(e)[:max-1]) + "…"
	}
	return e
}

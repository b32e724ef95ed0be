package docread

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// letterRunRe is a run of letters: a word, or a piece of one.
var letterRunRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\p{L}+`) })

// joinKerned joins the words of a PDF's text that glyph spacing cut in two
// where the font kerns a pair of letters: "SOVEL TAMINEN", "V alinnaiset".
// It is conservative, and only joins pieces
//   - that make a word found whole elsewhere in the text, the last piece
//     being no word of the text on its own ("an other" stays, "other"
//     is a word); or
//   - a capital consonant alone, before lower-case letters that are no word
//     of the text, when the same letter was seen cut off in this way three
//     times, once at least before the rest of a word found whole: the
//     font kerns after that letter ("V akuutus" once "V arkaus" and
//     "varkaus" are seen).
func joinKerned(text string) string {
	lines := strings.Split(text, "\n")
	runs := make([][][]int, len(lines))
	words := map[string]int{}  // how often each word occurs, in lower case
	pieces := map[string]int{} // how often it occurs as the tail of a possible cut
	for n, l := range lines {
		runs[n] = letterRunRe().FindAllStringIndex(l, -1)
		for _, r := range runs[n] {
			words[strings.ToLower(l[r[0]:r[1]])]++
		}
	}
	whole := func(w string) bool { return words[strings.ToLower(w)] > 0 }
	for n, l := range lines {
		forPairs(l, runs[n], func(w, next string) {
			if whole(w+next) || loneConsonant(w) {
				pieces[strings.ToLower(next)]++
			}
		})
	}
	// isWord reports a word that occurs on its own, not only as a piece.
	isWord := func(w string) bool { w = strings.ToLower(w); return words[w] > pieces[w] }
	// The capitals seen cut off, and those confirmed by a whole word.
	cut, confirmed := map[string]int{}, map[string]bool{}
	for n, l := range lines {
		forPairs(l, runs[n], func(w, next string) {
			if loneConsonant(w) && lowerWord(next) && !isWord(next) {
				cut[w]++
				confirmed[w] = confirmed[w] || whole(w+next)
			}
		})
	}
	changed := false
	for n, l := range lines {
		locs := runs[n]
		var b strings.Builder
		last := 0
		for i := 0; i+1 < len(locs); i++ {
			w, next := l[locs[i][0]:locs[i][1]], l[locs[i+1][0]:locs[i+1][1]]
			if !oneSpace(l, locs[i], locs[i+1]) || !sameCase(w, next) || isWord(next) {
				continue
			}
			if !whole(w+next) && !(loneConsonant(w) && cut[w] >= 3 && confirmed[w]) {
				continue
			}
			b.WriteString(l[last:locs[i][1]])
			last = locs[i+1][0]
			// The joined word may join the next piece too: "P AL VELU".
			locs[i+1][0] = locs[i][0]
		}
		if last > 0 {
			b.WriteString(l[last:])
			lines[n], changed = b.String(), true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}

// forPairs calls f with each two runs of letters on line l that one
// space parts.
func forPairs(l string, runs [][]int, f func(w, next string)) {
	for i := 0; i+1 < len(runs); i++ {
		if oneSpace(l, runs[i], runs[i+1]) {
			f(l[runs[i][0]:runs[i][1]], l[runs[i+1][0]:runs[i+1][1]])
		}
	}
}

func oneSpace(l string, a, b []int) bool { return b[0] == a[1]+1 && l[a[1]] == ' ' }

// loneConsonant reports a single capital letter that is no word in the
// languages read here (A, I, O, Å, Ö … are).
func loneConsonant(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r) && r < unicode.MaxASCII && !strings.ContainsRune("AEIOUY", r)
}

// sameCase reports whether tail can continue head in one word: both in
// capitals, or tail in lower case.
func sameCase(head, tail string) bool {
	return lowerWord(tail) || upperWord(head) && upperWord(tail)
}

func lowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

func upperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

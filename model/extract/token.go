package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is made of.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters (with combining marks, so a decomposed å stays one word)
	tNum                      // ASCII digits
	tPunct                    // any other single rune
)

// token is one word, digit run or punctuation rune of a text, with its byte span.
type token struct {
	// low is the lower-cased text for words and the text itself otherwise.
	low        string
	start, end int
	kind       tokKind
	// near and groupGap say what the white space between the previous
	// token and this one is (two flags, not its text: a token is made for
	// every word of every clause): near that it keeps the two in one paragraph,
	// at most one line break, so a number and its unit split by a hard
	// wrap still meet; groupGap that it is the single space that groups
	// thousands. Whether the two touch ("99,5", not "99, 5") the spans say.
	near, groupGap bool
}

// tokenize splits text into tokens. Invalid UTF-8 bytes become one-byte
// punctuation tokens, so every span stays on a boundary of the text.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	// Words not lower-case already are lower-cased into one buffer, cut
	// into their tokens' low at the end: one allocation, not one a word.
	var lowered []byte
	var loweredAt []int // a token's index, then where its word ends in lowered
	gapStart := 0
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		kind := tPunct
		lower := false // a word read is lower-case ASCII already
		switch {
		case r >= '0' && r <= '9':
			kind = tNum
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				i++
			}
		case isWordRune(r):
			kind = tWord
			i, lower = wordEnd(text, i)
		default:
			i += size
		}
		gap := text[gapStart:start]
		// a gap of one byte, most of them, has one line break at most
		near := len(gap) < 2 || strings.Count(gap, "\n") <= 1
		if kind == tWord && !lower {
			lowered = appendLower(lowered, text[start:i])
			loweredAt = append(loweredAt, len(toks), len(lowered))
		}
		toks = append(toks, token{kind: kind, start: start, end: i, low: text[start:i], near: near, groupGap: groupSpace(gap)})
		gapStart = i
	}
	all, from := string(lowered), 0
	for k := 0; k < len(loweredAt); k += 2 {
		toks[loweredAt[k]].low = all[from:loweredAt[k+1]]
		from = loweredAt[k+1]
	}
	return toks
}

// appendLower appends strings.ToLower(word) to b, for a word of valid UTF-8.
func appendLower(b []byte, word string) []byte {
	for i := 0; i < len(word); {
		if c := word[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return b
}

// wordEnd returns where the word that starts at text[i] ends, and whether
// it is lower-case ASCII, which needs no lower-casing: most words are.
func wordEnd(text string, i int) (int, bool) {
	lower := true
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// The ASCII word runes are the letters.
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				lower = lower && c >= 'a'
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		lower = false
		i += size
	}
	return i, lower
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// attached reports whether toks[i] exists and touches the token before it.
func attached(toks []token, i int) bool {
	return i > 0 && i < len(toks) && toks[i].start == toks[i-1].end
}

// glued reports whether the number at toks[i] continues something before
// it: the "5" of "99,5", the "3" of "Q3" or of "2.3". Extractors start only
// at numbers that stand on their own.
func glued(toks []token, i int) bool {
	if !attached(toks, i) {
		return false
	}
	prev := toks[i-1]
	switch {
	case prev.kind == tWord:
		return true
	case prev.low == "." || prev.low == "," || prev.low == "-" || prev.low == "/" || prev.low == ":":
		return attached(toks, i-1) && toks[i-2].kind == tNum
	}
	return false
}

// isPunct reports whether toks[i] exists and is one of the given runes.
func isPunct(toks []token, i int, any string) bool {
	if i >= len(toks) || toks[i].kind != tPunct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i].low)
	return r != utf8.RuneError && strings.ContainsRune(any, r)
}

// dashes are the hyphen and dash runes documents use interchangeably.
const dashes = "-‐‑–—"

// groupSpace reports whether a gap is the single space that groups thousands.
func groupSpace(gap string) bool {
	return gap == " " || gap == "\u00a0" || gap == "\u2009" || gap == "\u202f"
}

// lineSpans returns the spans of the lines of text, without their line breaks.
func lineSpans(text string) []Span {
	var out []Span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = append(out, Span{start, end})
		start = end + 1
	}
	return out
}

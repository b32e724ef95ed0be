package store

import (
	"encoding/binary"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"avtal/model/extract"
)

// folded is a text lower-cased with its diacritics removed the way the
// full-text index folds it (ä → a, É → e; æ, ø and ß stay), so search can
// find and mark in Go what the index matched.
type folded struct {
	text string
	// at maps each byte of text to the byte of the original where its
	// letter starts; len(text) maps to the original's end. It is nil for
	// plain ASCII, where the two match byte for byte, and when foldText
	// was not asked for it.
	at []int
}

// foldTable holds the folded form of the Latin letters with diacritics
// (indexed by the character, from U+0080 up to 0x250), so folding Swedish
// text needs no Unicode decomposition per letter. Each is folded when first
// met: a search meets a handful of them (å, ä, ö, é), and folding all 460
// took a search process a sixth of a millisecond. Signs such as § and °
// stay as they are, like every other character that is not a letter. Two
// sessions folding one letter at once store the same text.
var foldTable [0x250]atomic.Pointer[string]

// foldLatin folds r, from U+0080 up to 0x250, through foldTable.
func foldLatin(r rune) string {
	if f := foldTable[r].Load(); f != nil {
		return *f
	}
	f := foldRune(r)
	foldTable[r].Store(&f)
	return f
}

// foldRune lower-cases r and strips its marks by canonical decomposition,
// read from the normalisation tables (building the table this way takes a
// third of the time normalising each letter as a string did, and every
// program that searches builds it once).
func foldRune(r rune) string {
	s := string(unicode.ToLower(r))
	d := norm.NFD.PropertiesString(s).Decomposition()
	switch {
	case d != nil:
		s = string(d)
	case unicode.Is(unicode.Hangul, r):
		s = norm.NFD.String(s) // Hangul decomposes by rule, not from the tables
	}
	out := make([]rune, 0, 2)
	for _, x := range s {
		if !unicode.Is(unicode.Mn, x) {
			out = append(out, x)
		}
	}
	return string(out)
}

// fold folds s, keeping where each folded byte came from.
func fold(s string) folded { return foldText(s, true) }

// foldText folds s; the map back to the original is made only when asked
// for, as ranking a window of matches needs none.
func foldText(s string, keepOffsets bool) folded {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return folded{text: strings.ToLower(s)}
	}
	var at []int
	if keepOffsets {
		at = make([]int, 0, len(s)+1)
	}
	b, at := appendFold(make([]byte, 0, len(s)), at, s, keepOffsets)
	if !keepOffsets {
		return folded{text: string(b)}
	}
	return folded{text: string(b), at: append(at, len(s))}
}

// appendFold appends s folded to b and, with keepOffsets, where each
// folded byte came from in s to at. A byte slice, not a strings.Builder:
// its WriteByte checks for a copy at every letter, a fifth of folding a
// clause.
func appendFold(b []byte, at []int, s string, keepOffsets bool) ([]byte, []int) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			// Eight bytes of ASCII at a time are lower-cased as one word:
			// ranking folds every clause of its window, and a byte at a
			// time this was a sixteenth of a rare word's search process.
			for i+8 <= len(s) {
				w := s[i : i+8]
				x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
					uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
				if x&highBits != 0 {
					break // a letter beyond ASCII among them
				}
				b = binary.LittleEndian.AppendUint64(b, lowerASCII(x))
				if keepOffsets {
					for j := i; j < i+8; j++ {
						at = append(at, j)
					}
				}
				i += 8
			}
			if i == len(s) || s[i] >= utf8.RuneSelf {
				continue
			}
			// The rest of a run of ASCII is copied whole and lower-cased
			// in place.
			end := i + 1
			for end < len(s) && s[end] < utf8.RuneSelf {
				end++
			}
			run := len(b)
			b = append(b, s[i:end]...)
			for k, c := range b[run:] {
				if 'A' <= c && c <= 'Z' {
					b[run+k] = c + 'a' - 'A'
				}
			}
			if keepOffsets {
				for j := i; j < end; j++ {
					at = append(at, j)
				}
			}
			i = end
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var f string
		switch {
		case r < 0x250:
			f = foldLatin(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark written apart from its letter (a + ring)
		case !unicode.IsLetter(r):
			f = string(r)
		default:
			f = foldRune(r)
		}
		b = append(b, f...)
		if keepOffsets {
			for range len(f) {
				at = append(at, i)
			}
		}
		i += n
	}
	return b, at
}

// highBits are the top bits of eight bytes: none is set when all eight are
// ASCII.
const highBits = 0x8080808080808080

// lowerASCII lower-cases eight ASCII bytes held in x. Adding 0x3F to a byte
// sets its top bit from 'A' up, adding 0x25 from past 'Z' (an ASCII byte
// carries into no other); a byte with the first and not the second is a
// capital, and gets 0x20.
func lowerASCII(x uint64) uint64 {
	const ones = 0x0101010101010101
	fromA := x + (0x80-'A')*ones
	pastZ := x + (0x80-'Z'-1)*ones
	return x | (fromA&^pastZ&highBits)>>2
}

// FoldText folds s the way search does (case and accents ignored), for a
// list that filters its own rows with the same manners.
func FoldText(s string) string { return foldText(s, false).text }

// MatchSpans returns where each of words, already folded, occurs in text,
// as byte spans of text; spans of different words may overlap.
func MatchSpans(text string, words []string) []extract.Span {
	f := fold(text)
	var out []extract.Span
	for _, w := range words {
		out = append(out, f.spans(w)...)
	}
	return out
}

// orig maps a byte offset of the folded text to the original.
func (f folded) orig(i int) int {
	if f.at == nil {
		return i
	}
	return f.at[i]
}

// spans returns where pattern (already folded) occurs in the original
// text, as byte spans that fall on letter boundaries.
func (f folded) spans(pattern string) []extract.Span {
	var out []extract.Span
	if pattern == "" {
		return nil
	}
	for from := 0; ; {
		i := strings.Index(f.text[from:], pattern)
		if i < 0 {
			return out
		}
		start := from + i
		end := start + len(pattern)
		out = append(out, extract.Span{Start: f.orig(start), End: f.endOrig(end)})
		from = end
	}
}

// endOrig maps an end offset: the end of the last folded byte's letter.
func (f folded) endOrig(end int) int {
	if f.at == nil || end >= len(f.text) {
		return f.orig(min(end, len(f.text)))
	}
	// The letter of byte end-1 ends where the next different letter starts.
	last := f.at[end-1]
	for end < len(f.text) && f.at[end] == last {
		end++
	}
	return f.orig(end)
}

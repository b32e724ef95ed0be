package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// foldTable maps Latin letters with diacritics to their ASCII base letters,
// built at the first fold: a program that folds nothing (avtal search folds
// in the store) should not make it at start.
var foldTable = sync.OnceValue(buildFoldTable)

func buildFoldTable() map[rune]string {
	table := map[rune]string{}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "ae": "æ", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ",
		"o": "òóôõöøōŏő", "oe": "œ", "r": "ŕŗř", "s": "śŝşš", "ss": "ß", "t": "ţťŧ", "th": "þ",
		"u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			table[r] = base
			if up := unicode.ToUpper(r); up != r {
				table[up] = strings.ToUpper(base)
			}
		}
	}
	return table
}

// Fold maps letters with diacritics to plain ASCII letters — å and ä to a,
// ö and ø to o, é to e, æ to ae, ß to ss — keeping their case, and drops
// combining marks, so a decomposed "a\u030a" folds like "å". Search uses it
// to find "uppsägning" from a query typed as "uppsagning".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	table := foldTable()
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		switch f, ok := table[r]; {
		case ok:
			b.WriteString(f)
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

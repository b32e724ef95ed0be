package extract

import (
	"strconv"
	"sync"
)

// langSet is a set of languages, one bit per entry of languages: a number
// word and a unit word make a length of time only when they share one, so
// the English "one" and the Danish "time" (hour) do not.
type langSet uint8

// anyLang is every language: digits read in all of them.
const anyLang langSet = 0xff

// wordValue is a number word's value and the languages that write it.
type wordValue struct {
	n     int
	langs langSet
}

// numberWords are the number words of every language, with the compounds
// written in one word (tjugofyra, tjuefire).
var numberWords = sync.OnceValue(buildNumberWords)

func buildNumberWords() map[string]wordValue {
	m := map[string]wordValue{}
	add := func(w string, n int, bit langSet) {
		v := m[w]
		if v.langs != 0 && v.n != n {
			return // the first language keeps a word two languages read differently
		}
		m[w] = wordValue{n, v.langs | bit}
	}
	for i, l := range languages() {
		bit := langSet(1) << i
		for w, n := range l.numbers {
			add(w, n, bit)
		}
		for ten, tv := range l.compoundTens {
			add(ten, tv, bit)
			for unit, uv := range l.compoundUnits {
				add(ten+unit, tv+uv, bit)
			}
		}
	}
	return m
}

// wordNumber reads a number written as a word at toks[i], and the
// languages it is a word of. English joins tens and units with a hyphen,
// "thirty-six", which it reads from three tokens.
func wordNumber(toks []token, i int) (n, next int, langs langSet, ok bool) {
	if i >= len(toks) || toks[i].kind != tWord {
		return 0, i, 0, false
	}
	v, ok := numberWords()[toks[i].low]
	if !ok {
		return 0, i, 0, false
	}
	if v.n >= 20 && v.n < 100 && v.n%10 == 0 && isPunct(toks, i+1, dashes) && attached(toks, i+1) && attached(toks, i+2) {
		if u, isUnit := numberWords()[toks[i+2].low]; isUnit && u.n >= 1 && u.n <= 9 && u.langs&v.langs != 0 {
			return v.n + u.n, i + 3, u.langs & v.langs, true
		}
	}
	return v.n, i + 1, v.langs, true
}

// digitNumber reads a whole number written in digits at toks[i]; a number
// that goes on with a decimal part ("1,5") is not whole.
func digitNumber(toks []token, i int) (n, next int, ok bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].low) > 9 {
		return 0, i, false
	}
	if isPunct(toks, i+1, ".,") && attached(toks, i+1) && attached(toks, i+2) && toks[i+2].kind == tNum {
		return 0, i, false
	}
	n, err := strconv.Atoi(toks[i].low)
	return n, i + 1, err == nil
}

type numberReader func(toks []token, i int) (n, next int, ok bool)

// wordNumberOnly reads a number word for restated, whatever its language.
func wordNumberOnly(toks []token, i int) (n, next int, ok bool) {
	n, next, _, ok = wordNumber(toks, i)
	return n, next, ok
}

// readCount reads a whole number the way agreements write it: "6", "sex",
// "sex (6)", "6 (sex)", "2 -två-". conflict is set when the words and the
// digits disagree ("sex (7)"); the digits are kept, since they are what a
// reader checks first. langs are the languages the number is written in:
// all of them for digits.
func readCount(toks []token, i int) (n, next int, langs langSet, conflict, ok bool) {
	if n, next, ok = digitNumber(toks, i); ok {
		if w, j, again := restated(toks, next, wordNumberOnly); again {
			return n, j, anyLang, w != n, true
		}
		return n, next, anyLang, false, true
	}
	if n, next, langs, ok = wordNumber(toks, i); ok {
		if d, j, again := restated(toks, next, digitNumber); again {
			return d, j, anyLang, d != n, true
		}
		return n, next, langs, false, true
	}
	return 0, i, 0, false, false
}

// restated reads a number repeated in brackets, "(6)", or between dashes,
// "-två-", right after another.
func restated(toks []token, i int, read numberReader) (n, next int, ok bool) {
	var closing string
	switch {
	case isPunct(toks, i, "("):
		closing = ")"
	case isPunct(toks, i, dashes):
		closing = dashes
	default:
		return 0, i, false
	}
	if !toks[i].near {
		return 0, i, false
	}
	n, j, ok := read(toks, i+1)
	if !ok || !isPunct(toks, j, closing) || !toks[j].near || !toks[i+1].near {
		return 0, i, false
	}
	return n, j + 1, true
}

// readDecimal reads "99,5", "99.5" or "10" at toks[i]. A third part
// ("2.9.1", "22.10.2025") makes it a version or a date, not a number.
func readDecimal(toks []token, i int) (v float64, next int, ok bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].low) > 15 {
		return 0, i, false
	}
	s, next := toks[i].low, i+1
	if isPunct(toks, next, ".,") && attached(toks, next) && attached(toks, next+1) && toks[next+1].kind == tNum {
		s += "." + toks[next+1].low
		next += 2
		if isPunct(toks, next, ".,") && attached(toks, next) && attached(toks, next+1) && toks[next+1].kind == tNum {
			return 0, i, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, next, err == nil
}

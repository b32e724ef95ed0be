package extract

import "strconv"

// Number words, Swedish and English. Swedish writes compounds in one word
// (tjugofyra, trettiosex); English joins them with a hyphen (thirty-six),
// which wordNumber reads from three tokens.
var (
	svUnits = map[string]int{"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
	svTens  = map[string]int{"tjugo": 20, "tjugu": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90}
	enUnits = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
	enTens  = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

	numberWords = buildNumberWords()
)

func buildNumberWords() map[string]int {
	m := map[string]int{
		"noll": 0, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
		"sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19, "hundra": 100, "etthundra": 100,
		"zero": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "hundred": 100,
	}
	for _, table := range []map[string]int{svUnits, enUnits, enTens} {
		for w, v := range table {
			m[w] = v
		}
	}
	for ten, tv := range svTens {
		m[ten] = tv
		for unit, uv := range svUnits {
			m[ten+unit] = tv + uv
		}
	}
	return m
}

// wordNumber reads a number written as a word at toks[i].
func wordNumber(toks []token, i int) (n, next int, ok bool) {
	if i >= len(toks) || toks[i].kind != tWord {
		return 0, i, false
	}
	w := toks[i].low
	if tv, isTen := enTens[w]; isTen && isPunct(toks, i+1, dashes) && attached(toks, i+1) && attached(toks, i+2) {
		if uv, isUnit := enUnits[toks[i+2].low]; isUnit {
			return tv + uv, i + 3, true
		}
	}
	n, ok = numberWords[w]
	return n, i + 1, ok
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

// readCount reads a whole number the way agreements write it: "6", "sex",
// "sex (6)", "6 (sex)", "2 -två-". conflict is set when the words and the
// digits disagree ("sex (7)"); the digits are kept, since they are what a
// reader checks first.
func readCount(toks []token, i int) (n, next int, conflict, ok bool) {
	if n, next, ok = digitNumber(toks, i); ok {
		if w, j, again := restated(toks, next, wordNumber); again {
			return n, j, w != n, true
		}
		return n, next, false, true
	}
	if n, next, ok = wordNumber(toks, i); ok {
		if d, j, again := restated(toks, next, digitNumber); again {
			return d, j, d != n, true
		}
		return n, next, false, true
	}
	return 0, i, false, false
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
	if !near(toks[i].gap) {
		return 0, i, false
	}
	n, j, ok := read(toks, i+1)
	if !ok || !isPunct(toks, j, closing) || !near(toks[j].gap) || !near(toks[i+1].gap) {
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

package extract

import (
	"strconv"
	"time"

	"avtal/model"
)

// monthWords maps month names and their usual abbreviations, in Swedish,
// English and Norwegian (Pureservice writes Norwegian dates), to months.
var monthWords = map[string]time.Month{}

func init() {
	for m, names := range [12][]string{
		{"januari", "january", "januar", "jan"},
		{"februari", "february", "februar", "feb"},
		{"mars", "march", "mar"},
		{"april", "apr"},
		{"maj", "may", "mai"},
		{"juni", "june", "jun"},
		{"juli", "july", "jul"},
		{"augusti", "august", "aug"},
		{"september", "sep", "sept"},
		{"oktober", "october", "okt", "oct"},
		{"november", "nov"},
		{"december", "desember", "dec", "des"},
	} {
		for _, n := range names {
			monthWords[n] = time.Month(m + 1)
		}
	}
}

// ordinalEndings are what may follow the day: 25th, 1st, 25:e, 1:a.
var ordinalEndings = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// Dates returns the calendar dates written in text: "1 september 2023",
// "22.10.2025", "2018-05-25", "25 maj 2018", "25th May 2018", "May 25, 2018".
// Dates that do not exist (30 February) are left out.
func Dates(text, clause string) []Item { return dates(text, clause, tokenize(text)) }

func dates(text, clause string, toks []token) []Item {
	var items []Item
	for i := 0; i < len(toks); i++ {
		dm, ok := readDayMonth(toks, i)
		if !ok || dm.year == 0 {
			continue
		}
		d, err := model.NewDate(dm.year, dm.month, dm.day)
		if err != nil {
			continue
		}
		item := newItem(KindDate, clause, text, toks[i].start, toks[dm.next-1].end)
		item.Date = d
		items = append(items, item)
		i = dm.next - 1
	}
	return items
}

// dayMonth is a date as written, its year 0 when the text leaves it out
// ("den 1 januari" of a yearly indexation).
type dayMonth struct {
	year  int
	month time.Month
	day   int
	next  int // the token after it
}

// readDayMonth reads a date at toks[i] in any of the forms Dates accepts,
// or a day and month without a year.
func readDayMonth(toks []token, i int) (dayMonth, bool) {
	if i >= len(toks) || (toks[i].kind == tNum && glued(toks, i)) {
		return dayMonth{}, false
	}
	if dm, ok := numericDate(toks, i); ok {
		return dm, true
	}
	if m, ok := monthWords[toks[i].low]; ok && toks[i].kind == tWord {
		// "May 25, 2018"
		j := abbreviationDot(toks, i+1)
		if j >= len(toks) || !toks[j].near {
			return dayMonth{}, false
		}
		day, j, ok := readDay(toks, j)
		if !ok {
			return dayMonth{}, false
		}
		year, j := readYear(toks, j)
		return dayMonth{year, m, day, j}, true
	}
	// "25 maj 2018", "25th of May 2018", "25. mai 2018"
	day, j, ok := readDay(toks, i)
	if !ok {
		return dayMonth{}, false
	}
	if isPunct(toks, j, ".") && attached(toks, j) {
		j++
	}
	if j < len(toks) && toks[j].low == "of" && toks[j].near {
		j++
	}
	if j >= len(toks) || toks[j].kind != tWord || !toks[j].near {
		return dayMonth{}, false
	}
	m, ok := monthWords[toks[j].low]
	if !ok {
		return dayMonth{}, false
	}
	j = abbreviationDot(toks, j+1)
	year, j := readYear(toks, j)
	return dayMonth{year, m, day, j}, true
}

// numericDate reads "2018-05-25" or "22.10.2025".
func numericDate(toks []token, i int) (dayMonth, bool) {
	if i+4 >= len(toks) || toks[i].kind != tNum {
		return dayMonth{}, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !attached(toks, k) {
			return dayMonth{}, false
		}
	}
	a, sep1, b, sep2, c := toks[i].low, toks[i+1].low, toks[i+2].low, toks[i+3].low, toks[i+4].low
	if toks[i+2].kind != tNum || toks[i+4].kind != tNum || sep1 != sep2 || continues(toks, i+5) {
		return dayMonth{}, false
	}
	switch {
	case sep1 == "-" && len(a) == 4 && len(b) <= 2 && len(c) <= 2:
		return dayMonth{atoi(a), time.Month(atoi(b)), atoi(c), i + 5}, true
	case sep1 == "." && len(a) <= 2 && len(b) <= 2 && len(c) == 4:
		return dayMonth{atoi(c), time.Month(atoi(b)), atoi(a), i + 5}, true
	}
	return dayMonth{}, false
}

// continues reports whether a number goes on at toks[i] ("2018-05-25-3"),
// which makes what came before it something other than a date.
func continues(toks []token, i int) bool {
	return isPunct(toks, i, ".-") && attached(toks, i) && attached(toks, i+1) && toks[i+1].kind == tNum
}

// readDay reads a day of the month with an optional ordinal ending.
func readDay(toks []token, i int) (int, int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].low) > 2 {
		return 0, i, false
	}
	day, j := atoi(toks[i].low), i+1
	switch {
	case j < len(toks) && attached(toks, j) && ordinalEndings[toks[j].low]:
		j++
	case isPunct(toks, j, ":") && attached(toks, j) && attached(toks, j+1) && (toks[j+1].low == "e" || toks[j+1].low == "a"):
		j += 2
	}
	return day, j, day >= 1 && day <= 31
}

// readYear reads an optional four-digit year, after an optional comma.
func readYear(toks []token, i int) (int, int) {
	j := i
	if isPunct(toks, j, ",") {
		j++
	}
	if j < len(toks) && toks[j].kind == tNum && len(toks[j].low) == 4 && toks[j].near && !continues(toks, j+1) {
		if y := atoi(toks[j].low); y >= 1900 && y < 2200 {
			return y, j + 1
		}
	}
	return 0, i
}

// abbreviationDot skips the point after an abbreviated month, "sep.".
func abbreviationDot(toks []token, i int) int {
	if isPunct(toks, i, ".") && attached(toks, i) && i+1 < len(toks) && toks[i+1].kind == tNum {
		return i + 1
	}
	return i
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

package extract

import (
	"strconv"
	"strings"

	"avtal/model"
)

// currencyWords maps currency words, codes and signs to ISO 4217 codes.
// "kr" means Swedish kronor: the agreements Avtal reads are Swedish.
var currencyWords = map[string]string{
	"sek": "SEK", "kr": "SEK", "kronor": "SEK", "krona": "SEK", "kronors": "SEK",
	"eur": "EUR", "euro": "EUR", "euros": "EUR", "€": "EUR",
	"usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD",
	"nok": "NOK", "dkk": "DKK", "gbp": "GBP", "£": "GBP", "chf": "CHF",
}

// leadingCurrency lists what may stand before the figure: "EUR 2,000", "€ 100".
var leadingCurrency = map[string]bool{"sek": true, "eur": true, "usd": true, "nok": true, "dkk": true, "gbp": true, "chf": true, "€": true, "$": true, "£": true}

// scaledCurrency are the Swedish abbreviations that carry a scale: 25 tkr, 2 MSEK.
var scaledCurrency = map[string]int64{"tkr": 1e3, "tsek": 1e3, "ksek": 1e3, "mkr": 1e6, "msek": 1e6, "mnkr": 1e6}

// scaleWords multiply the figure before the currency: "1,5 miljoner kronor".
var scaleWords = map[string]int64{"tusen": 1e3, "thousand": 1e3, "miljon": 1e6, "miljoner": 1e6, "million": 1e6,
	"millions": 1e6, "mn": 1e6, "miljard": 1e9, "miljarder": 1e9, "billion": 1e9}

// maxHundredths keeps amounts inside what model.ParseAmount accepts (10^15 units).
const maxHundredths = 1e17

// amounts returns the sums of money written in text (tokens toks) with
// their currency: "10 000 SEK", "1 500 kr", "EUR 2,000", "100 000 kronor",
// "1 500:-", "2 MSEK".
func amounts(text, clause string, toks []token) []Item {
	var items []Item
	for i := 0; i < len(toks); i++ {
		v, cur, next, ok := readAmount(toks, i)
		if !ok {
			continue
		}
		item := newItem(KindAmount, clause, text, toks[i].start, toks[next-1].end)
		item.Amount, item.Currency = model.Amount(v), cur
		items = append(items, item)
		i = next - 1
	}
	return items
}

// readAmount reads a sum at toks[i], the currency before ("EUR 2,000") or
// after it ("10 000 SEK"), and returns it in hundredths.
func readAmount(toks []token, i int) (v int64, cur string, next int, ok bool) {
	if leadingCurrency[toks[i].low] && i+1 < len(toks) && toks[i+1].near && !glued(toks, i+1) {
		cur = currencyWords[toks[i].low]
		if v, next, ok = readMoney(toks, i+1); !ok {
			return 0, "", i, false
		}
		v, next = scaled(toks, next, v)
	} else {
		if glued(toks, i) {
			return 0, "", i, false
		}
		if v, next, ok = readMoney(toks, i); !ok {
			return 0, "", i, false
		}
		v, next = scaled(toks, next, v)
		if cur, v, next, ok = readCurrency(toks, next, v); !ok {
			return 0, "", i, false
		}
	}
	return v, cur, next, v >= 0 && v <= maxHundredths
}

// scaled applies a scale word after the figure, "miljoner", if there is one.
func scaled(toks []token, i int, v int64) (int64, int) {
	if i < len(toks) && toks[i].near {
		if m, ok := scaleWords[toks[i].low]; ok {
			return times(v, m), i + 1
		}
	}
	return v, i
}

// times multiplies without overflowing: too large becomes -1, which callers refuse.
func times(v, m int64) int64 {
	if v > maxHundredths/m {
		return -1
	}
	return v * m
}

// readCurrency reads the currency after a figure: "SEK", "kr.", "svenska
// kronor", "tkr", or the Swedish ":-" that means kronor.
func readCurrency(toks []token, i int, v int64) (string, int64, int, bool) {
	if isPunct(toks, i, ":,") && attached(toks, i) && isPunct(toks, i+1, "-") && attached(toks, i+1) {
		if cur, v, j, ok := readCurrency(toks, i+2, v); ok {
			return cur, v, j, true // "1 500,- kr"
		}
		return "SEK", v, i + 2, toks[i].low == ":" // "1 500:-"
	}
	if i >= len(toks) || !toks[i].near {
		return "", v, i, false
	}
	w := toks[i].low
	if w == "svenska" && i+1 < len(toks) && toks[i+1].low == "kronor" && toks[i+1].near {
		return "SEK", v, i + 2, true
	}
	if m, ok := scaledCurrency[w]; ok {
		return "SEK", times(v, m), i + 1, true
	}
	cur, ok := currencyWords[w]
	return cur, v, i + 1, ok
}

// readMoney reads a figure in hundredths of its unit. Thousands may be
// grouped with spaces, points or commas ("10 000", "2,000", "1.500"), and the
// decimal mark may be a comma or a point ("2 500,50", "2,000.50"). One mark
// followed by exactly three digits groups thousands; any other single mark is
// the decimal one.
func readMoney(toks []token, i int) (int64, int, bool) {
	if i >= len(toks) || toks[i].kind != tNum {
		return 0, i, false
	}
	parts := []string{toks[i].low}
	var seps []byte
	j := i + 1
	for {
		if isPunct(toks, j, ".,") && attached(toks, j) && attached(toks, j+1) && toks[j+1].kind == tNum {
			seps, parts = append(seps, toks[j].low[0]), append(parts, toks[j+1].low)
			j += 2
			continue
		}
		if j < len(toks) && toks[j].kind == tNum && len(toks[j].low) == 3 && len(parts[0]) <= 3 &&
			toks[j].groupGap && !strings.ContainsAny(string(seps), ".,") {
			seps, parts = append(seps, ' '), append(parts, toks[j].low)
			j++
			continue
		}
		break
	}
	decimal := decimalMark(seps, parts)
	whole, frac := parts[0], ""
	for k, sep := range seps {
		part := parts[k+1]
		if k == decimal {
			frac = part
			break
		}
		if len(part) != 3 || len(parts[0]) > 3 || (k > 0 && sep != seps[0]) {
			return 0, i, false
		}
		whole += part
	}
	if len(whole) > 15 || len(frac) > 2 {
		return 0, i, false
	}
	units, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, i, false
	}
	cents, _ := strconv.ParseInt((frac + "00")[:2], 10, 64)
	return units*100 + cents, j, true
}

// decimalMark returns the index of the separator that starts the decimals, or -1.
func decimalMark(seps []byte, parts []string) int {
	last := len(seps) - 1
	if last < 0 || seps[last] == ' ' {
		return -1
	}
	same, other := 0, 0
	for _, s := range seps {
		switch {
		case s == seps[last]:
			same++
		case s != ' ':
			other++
		}
	}
	if other > 0 || (same == 1 && len(parts[last+1]) != 3) {
		return last
	}
	return -1
}

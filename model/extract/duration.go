package extract

import "avtal/model"

// durationUnits maps the unit words of Swedish and English, with their
// inflections (definite, plural, genitive), to units.
var durationUnits = map[string]model.Unit{}

func init() {
	for unit, words := range map[model.Unit][]string{
		model.Days: {"dag", "dagar", "dagars", "dags", "dagen", "dagarna", "dygn", "dygns", "dygnet",
			"kalenderdag", "kalenderdagar", "kalenderdagars", "kalenderdagarna", "day", "days"},
		model.WorkDays: {"arbetsdag", "arbetsdagar", "arbetsdagars", "arbetsdagarna", "bankdag", "bankdagar",
			"bankdagars", "vardag", "vardagar", "vardagars"},
		model.Weeks: {"vecka", "veckor", "veckors", "veckan", "veckas", "veckorna", "week", "weeks"},
		model.Months: {"månad", "månader", "månaders", "månads", "månaden", "månaderna",
			"kalendermånad", "kalendermånader", "kalendermånaders", "month", "months"},
		model.Years: {"år", "års", "året", "åren", "kalenderår", "year", "years"},
		model.Hours: {"timme", "timmar", "timmars", "timmes", "timmen", "timmarna", "hour", "hours", "h"},
	} {
		for _, w := range words {
			durationUnits[w] = unit
		}
	}
}

// dayQualifiers are the English words that make "days" a unit of two words.
var dayQualifiers = map[string]model.Unit{"calendar": model.Days, "business": model.WorkDays, "working": model.WorkDays, "bank": model.WorkDays}

// readUnit reads a unit of time at toks[i]: "månader", "days", "business days".
func readUnit(toks []token, i int) (model.Unit, int, bool) {
	if i >= len(toks) || toks[i].kind != tWord || !near(toks[i].gap) {
		return "", i, false
	}
	if u, ok := dayQualifiers[toks[i].low]; ok && i+1 < len(toks) && near(toks[i+1].gap) &&
		(toks[i+1].low == "day" || toks[i+1].low == "days") {
		return u, i + 2, true
	}
	u, ok := durationUnits[toks[i].low]
	return u, i + 1, ok
}

// Durations returns the lengths of time written in text: "sex (6) månader",
// "30 dagar", "2 -två- veckors", "tio (10) kalenderdagar", "24 timmar",
// "six (6) months", "5 business days", "a 30-day period".
func Durations(text, clause string) []Item { return durations(text, clause, tokenize(text)) }

func durations(text, clause string, toks []token) []Item {
	var items []Item
	for i := 0; i < len(toks); i++ {
		if glued(toks, i) {
			continue
		}
		n, j, conflict, ok := readCount(toks, i)
		if !ok {
			continue
		}
		// "30-day", "12-månaders": the unit hangs on the digits by a hyphen.
		if j == i+1 && toks[i].kind == tNum && isPunct(toks, j, dashes) && attached(toks, j) && attached(toks, j+1) {
			j++
		}
		unit, k, ok := readUnit(toks, j)
		if !ok {
			continue
		}
		item := newItem(KindDuration, clause, text, toks[i].start, toks[k-1].end)
		item.Period = model.Period{N: n, Unit: unit}
		item.Conflict = conflict
		items = append(items, item)
		i = k - 1
	}
	return items
}

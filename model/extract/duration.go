package extract

import (
	"sync"

	"avtal/model"
)

// unitValue is a unit word's unit and the languages that write it.
type unitValue struct {
	unit  model.Unit
	langs langSet
}

// unitWords maps the unit words of every language, with their inflections
// (definite, plural, genitive, partitive), to units: the words themselves,
// the qualifiers that make a unit of two words, and the abbreviations
// written right after digits. Built at the first reading: a program that
// reads no document (avtal search) should not pay for it at start.
var unitWords = sync.OnceValue(buildUnits)

// unitMaps are the tables of unitWords.
type unitMaps struct{ units, quals, abbrevs map[string]unitValue }

// oneUnitBeforeWords are the words before which a unit alone counts one,
// and unitDeterminerWords those that, before such a unit, make it none,
// with the languages that write them.
var (
	oneUnitBeforeWords  = sync.OnceValue(func() map[string]langSet { return langWords(func(l *language) []string { return l.oneUnitBefore }) })
	unitDeterminerWords = sync.OnceValue(func() map[string]langSet { return langWords(func(l *language) []string { return l.unitDeterminers }) })
)

// langWords maps words to the languages that write them.
func langWords(pick func(*language) []string) map[string]langSet {
	m := map[string]langSet{}
	for i, l := range languages() {
		for _, w := range pick(l) {
			m[w] |= langSet(1) << i
		}
	}
	return m
}

// oneUnitWords are the words after which a unit alone counts one, with
// the languages that write them.
var oneUnitWords = sync.OnceValue(func() map[string]langSet {
	m := map[string]langSet{}
	for i, l := range languages() {
		for _, w := range l.oneUnitAfter {
			m[w] |= langSet(1) << i
		}
	}
	return m
})

func buildUnits() unitMaps {
	units, quals, abbrevs := map[string]unitValue{}, map[string]unitValue{}, map[string]unitValue{}
	for i, l := range languages() {
		bit := langSet(1) << i
		for table, words := range map[*map[string]unitValue]map[string]model.Unit{&units: l.units,
			&quals: l.unitQualifiers, &abbrevs: l.unitAbbreviations} {
			for w, u := range words {
				(*table)[w] = unitValue{u, (*table)[w].langs | bit}
			}
		}
	}
	return unitMaps{units, quals, abbrevs}
}

// unitTable turns a language's lists of unit words into its table.
func unitTable(words map[model.Unit][]string) map[string]model.Unit {
	m := map[string]model.Unit{}
	for u, ws := range words {
		for _, w := range ws {
			m[w] = u
		}
	}
	return m
}

// readUnit reads a unit of time at toks[i] in one of the languages langs:
// "månader", "päivää", "days", "business days".
func readUnit(toks []token, i int, langs langSet) (model.Unit, int, bool) {
	if i >= len(toks) || toks[i].kind != tWord || !toks[i].near {
		return "", i, false
	}
	w := unitWords()
	if a, ok := w.abbrevs[toks[i].low]; ok && a.langs&langs != 0 && attached(toks, i) && toks[i-1].kind == tNum {
		return a.unit, i + 1, true
	}
	if q, ok := w.quals[toks[i].low]; ok && q.langs&langs != 0 && i+1 < len(toks) && toks[i+1].near {
		if u, ok := w.units[toks[i+1].low]; ok && u.langs&q.langs != 0 && u.unit == model.Days {
			return q.unit, i + 2, true
		}
	}
	u, ok := w.units[toks[i].low]
	return u.unit, i + 1, ok && u.langs&langs != 0
}

// durations returns the lengths of time written in text (tokens toks):
// "sex (6) månader", "30 dagar", "2 -två- veckors", "tio (10)
// kalenderdagar", "24 timmar", "six (6) months", "5 business days", "a
// 30-day period", "seks måneders", "kolme kuukautta", "14 päivän", "72h".
func durations(text, clause string, toks []token) []Item {
	var items []Item
	for i := 0; i < len(toks); i++ {
		if glued(toks, i) {
			continue
		}
		n, j, langs, conflict, ok := readCount(toks, i)
		if !ok {
			// "viimeistään kuukautta ennen": a unit alone, one of it
			if langs := oneUnitWords()[toks[i].low]; langs != 0 && toks[i].kind == tWord {
				if unit, k, ok := readUnit(toks, i+1, langs); ok {
					item := newItem(KindDuration, clause, text, toks[i+1].start, toks[k-1].end)
					item.Period = model.Period{N: 1, Unit: unit}
					items = append(items, item)
					i = k - 1
					continue
				}
			}
			// "kuukauden kuluessa": a unit alone before a within word, one of it
			if i+1 < len(toks) && toks[i].kind == tWord && toks[i+1].near {
				langs := oneUnitBeforeWords()[toks[i+1].low]
				if i > 0 && toks[i-1].kind == tWord {
					langs &^= unitDeterminerWords()[toks[i-1].low]
				}
				if u, ok := unitWords().units[toks[i].low]; ok && u.langs&langs != 0 {
					item := newItem(KindDuration, clause, text, toks[i].start, toks[i].end)
					item.Period = model.Period{N: 1, Unit: u.unit}
					items = append(items, item)
				}
			}
			continue
		}
		// "30-day", "12-månaders": the unit hangs on the digits by a hyphen.
		if j == i+1 && toks[i].kind == tNum && isPunct(toks, j, dashes) && attached(toks, j) && attached(toks, j+1) {
			j++
		}
		// "14&nbsp;päivän": a space written as an HTML entity
		if j+3 < len(toks) && isPunct(toks, j, "&") && toks[j+1].low == "nbsp" && isPunct(toks, j+2, ";") {
			j += 3
		}
		unit, k, ok := readUnit(toks, j, langs)
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

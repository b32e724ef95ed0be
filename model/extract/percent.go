package extract

// percentages returns the percentages written in text (tokens toks):
// "99,5 %", "10%", "99.5 percent", "femtio procent (50%)".
func percentages(text, clause string, toks []token) []Item {
	var items []Item
	for i := 0; i < len(toks); i++ {
		if glued(toks, i) {
			continue
		}
		v, j, digits, ok := readPercent(toks, i)
		if !ok {
			continue
		}
		item := newItem(KindPercent, clause, text, toks[i].start, toks[j-1].end)
		// "femtio procent (50 %)" says it twice: one item, the digits win.
		if isPunct(toks, j, "(") && toks[j].near {
			if again, k, againDigits, ok := readPercent(toks, j+1); ok && isPunct(toks, k, ")") {
				item = newItem(KindPercent, clause, text, toks[i].start, toks[k].end)
				item.Conflict = again != v
				if againDigits && !digits {
					v = again
				}
				j = k + 1
			}
		}
		item.Percent = v
		items = append(items, item)
		i = j - 1
	}
	return items
}

// readPercent reads a number and a percent sign or word at toks[i]. Only
// digits take the sign: "femtio %" is not how anyone writes.
func readPercent(toks []token, i int) (v float64, next int, digits, ok bool) {
	if i < len(toks) && toks[i].kind == tNum {
		v, next, ok = readDecimal(toks, i)
		digits = true
	} else {
		var n int
		n, next, ok = wordNumberOnly(toks, i)
		v = float64(n)
	}
	if !ok || next >= len(toks) || !toks[next].near {
		return 0, i, false, false
	}
	switch t := toks[next]; {
	case digits && isPunct(toks, next, "%％"):
		return v, next + 1, digits, true
	case t.low == "procent" || t.low == "percent":
		return v, next + 1, digits, true
	case t.low == "per" && next+1 < len(toks) && toks[next+1].low == "cent" && toks[next+1].near:
		return v, next + 2, digits, true
	}
	return 0, i, false, false
}

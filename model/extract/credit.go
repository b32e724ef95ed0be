package extract

import (
	"math"
	"strings"
	"sync"

	"avtal/model"
)

var (
	// uptimeCues and creditCues together mark a text as an SLA credit table.
	uptimeCues = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.tiers.uptime }) })
	creditCues = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.tiers.credit }) })
	// belowWords say that the figure after them is a threshold uptime falls under.
	belowWords = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.tiers.below }) })
	// atLeastWords make a lower bound of the figure after them.
	atLeastWords = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.tiers.atLeast }) })
)

// CreditTiers returns the rows of an SLA credit table in text, one item per
// row, each pairing an uptime threshold with a credit: "< 99,5 % | 25 %",
// "Under 99,5 % … 25 % av månadsavgiften". A row is a line holding two
// percentages, the first a threshold above 50 %, the second a credit of at
// most 100 % (below 90 % unless it is 100 %, so a target such as "99,9 %"
// is never taken for a credit). It counts when the line says "under" or
// "<" before the threshold, or when the text speaks of both uptime and
// credits. A line "99,0 % – 99,5 % 10 %" gives a range; its upper end is the
// threshold.
func CreditTiers(text, clause string) []Item { return creditTiers(text, clause, text) }

// creditTiers is CreditTiers with the text that decides whether the lines
// sit in a credit table (a clause's heading and body) given apart.
func creditTiers(text, clause, context string) []Item {
	var items []Item
	decided, table := false, false
	inTable := func() bool {
		if !decided { // only worth folding the whole context once a line looks like a row
			n := normalize(context)
			_, up := firstCue(uptimeCues(), n)
			_, cr := firstCue(creditCues(), n)
			decided, table = true, up && cr
		}
		return table
	}
	for _, l := range lineSpans(text) {
		items = append(items, tierRows(text, l.Start, l.End, clause, inTable)...)
	}
	return items
}

// tierRows reads the credit rows of the line text[start:end].
func tierRows(text string, start, end int, clause string, inTable func() bool) []Item {
	line := text[start:end]
	// Most lines hold no two percentages; count the signs before tokenizing.
	if strings.Count(line, "%")+strings.Count(line, "％")+strings.Count(line, "cent") < 2 {
		return nil
	}
	if matrixRow(line) {
		return nil
	}
	toks := tokenize(line)
	ps := percentages(line, clause, toks)
	// A row is its first percentage, its threshold and its credit.
	type row struct{ first, below, credit Item }
	var rows []row
	switch {
	case len(ps) == 3 && isRange(line[ps[0].End:ps[1].Start]):
		below := ps[1]
		if ps[0].Percent > below.Percent {
			below = ps[0]
		}
		below.Percent = pastUpperEnd(below)
		rows = append(rows, row{ps[0], below, ps[2]})
	case len(ps) >= 2 && len(ps)%2 == 0:
		for k := 0; k < len(ps); k += 2 {
			rows = append(rows, row{ps[k], ps[k], ps[k+1]})
		}
	}
	var items []Item
	from := 0
	for _, r := range rows {
		below, credit := r.below, r.credit
		rowStart, searchFrom := r.first.Start, from
		from = credit.End
		if at, ok := belowWord(toks, searchFrom, r.first.Start); ok {
			rowStart = at
		} else if !inTable() {
			continue
		}
		if below.Percent <= 50 || below.Percent > 100 || credit.Percent < 0 || credit.Percent > 100 ||
			(credit.Percent >= 90 && credit.Percent != 100) {
			continue
		}
		item := newItem(KindCreditTier, clause, text, start+rowStart, start+credit.End)
		item.Tier = model.CreditTier{Below: below.Percent, CreditPct: credit.Percent}
		items = append(items, item)
	}
	return items
}

// matrixRow reports whether a table line gives a credit for each of
// several service levels ("< 95 % | 10 % | 25 % | 50 %", a column per plan):
// three or more of its cells hold a percentage or stand empty ("n/a", "–").
// Which column is the agreement's the text cannot say, so it gives no tier.
func matrixRow(line string) bool {
	if !strings.Contains(line, "|") {
		return false
	}
	n := 0
	for _, cell := range strings.Split(line, "|") {
		cell = strings.ToLower(strings.TrimSpace(cell))
		if strings.ContainsAny(cell, "%％") || cell == "n/a" || cell == "-" || cell == "–" {
			n++
		}
	}
	return n >= 3
}

// belowWord finds the first word between byte offsets from and to of a line
// that says "below", and returns where it starts.
func belowWord(toks []token, from, to int) (int, bool) {
	for _, t := range toks {
		if t.start >= from && t.end <= to && belowWords()[t.low] {
			return t.start, true
		}
	}
	return 0, false
}

// isRange reports whether the text between two percentages joins them into
// a range: a dash, "till", "to", or a lower bound after the threshold, "but
// at least", "mutta vähintään", "but equal to or greater than".
func isRange(between string) bool {
	switch strings.TrimSpace(between) {
	case "-", "–", "—", "till", "to":
		return true
	}
	words := strings.Fields(between)
	if len(words) == 0 || len(words) > 7 {
		return false
	}
	for _, w := range words {
		if atLeastWords()[strings.ToLower(strings.Trim(w, ",;"))] {
			return true
		}
	}
	return false
}

// pastUpperEnd returns the threshold a range's upper end stands for: a row
// "97 % – 98,99 %" covers uptime up to 99 %, the next row's lower bound, so
// an end written with two or more decimals all nines after the first is
// rounded up one step of its last decimal (98,99 → 99, 99,49 → 99,5).
func pastUpperEnd(upper Item) float64 {
	digits := strings.TrimRight(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '.' || r == ',' {
			return r
		}
		return -1
	}, upper.Text), ".,")
	sep := strings.LastIndexAny(digits, ".,")
	if sep < 0 {
		return upper.Percent
	}
	decimals := digits[sep+1:]
	if len(decimals) < 2 || !strings.HasSuffix(decimals, "9") {
		return upper.Percent
	}
	step := math.Pow(10, -float64(len(decimals)))
	return math.Round((upper.Percent+step)*1e6) / 1e6
}

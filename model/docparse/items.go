package docparse

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// itemRe is the marker of an enumerated item at the start of a line:
// "(a)", "a)", "(iv)", "iv)".
var itemRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\(?([a-z]|[ivx]{1,5})\)\s+`) })

// itemList is a list of items open while a clause's body is read.
type itemList struct {
	roman bool
	last  int    // the value of its last item: 3 for "(c)" or "(iii)"
	items []item // its items so far
	under string // the number of the clause or item it stands in
}

// item is one item of a list: its line in the clause body and its number.
type item struct {
	at     int // index into the body
	number string
}

// splitItems cuts the items of lettered and roman lists out of the body
// of the clause numbered number, so that each can be cited: "(a)" under
// 7.2 becomes 7.2(a), "(i)" under it 7.2(a)(i). Only clear lists count:
// letters a, b, c … starting at a, roman numerals i, ii, iii … starting at
// i, each item at the start of a line, and at least two items; a single
// "(a)" stays in its sentence. It returns, for each item, where it starts
// in body and its number, in body order.
func (b *builder) splitItems(number string, body []int) []item {
	var open, done []*itemList
	var top *itemList // the last list at the top of the clause
	for at, k := range body {
		if l := b.lines[k]; l.table || l.heading > 0 || l.text == "" || l.text[0] != '(' && (l.text[0] < 'a' || l.text[0] > 'z') {
			continue
		}
		m := itemRe().FindStringSubmatch(b.lines[k].text)
		if m == nil {
			continue
		}
		letter, roman := letterValue(m[1]), romanValue(m[1])
		// An item continues the innermost list it can continue ("(i)" after
		// "(h)" is a letter), closing the lists inside that one.
		j := len(open) - 1
		for j >= 0 && !open[j].continues(letter, roman) {
			j--
		}
		if j >= 0 {
			done = append(done, open[j+1:]...)
			open = open[:j+1]
			l := open[j]
			if l.roman {
				l.last = roman
			} else {
				l.last = letter
			}
			l.items = append(l.items, item{at, l.under + "(" + m[1] + ")"})
			continue
		}
		// Otherwise it may begin a list inside the item last read.
		if letter != 1 && roman != 1 || len(open) >= 3 {
			continue
		}
		under := number
		if n := len(open); n > 0 {
			items := open[n-1].items
			under = items[len(items)-1].number
		}
		list := &itemList{roman: roman == 1 && letter != 1, last: 1, under: under, items: []item{{at, under + "(" + m[1] + ")"}}}
		if list.restarts(open, top) {
			break // a second list of the same kind: its numbers would repeat the first's
		}
		if len(open) == 0 {
			top = list
		}
		open = append(open, list)
	}
	done = append(done, open...)
	// A list inside an item that is dropped goes with it: outer lists first.
	slices.SortStableFunc(done, func(x, y *itemList) int { return len(x.under) - len(y.under) })
	var items []item
	dropped := map[string]bool{}
	for _, l := range done {
		if len(l.items) < 2 || dropped[l.under] {
			for _, it := range l.items {
				dropped[it.number] = true
			}
			continue
		}
		items = append(items, l.items...)
	}
	slices.SortFunc(items, func(x, y item) int { return x.at - y.at })
	return items
}

// restarts reports whether the list l begins a second list where one of
// its kind is already open, or a second one at the top of the clause:
// a list is never nested in an item of its own kind.
func (l *itemList) restarts(open []*itemList, top *itemList) bool {
	for _, o := range open {
		if o.roman == l.roman {
			return true
		}
	}
	return len(open) == 0 && top != nil && len(top.items) >= 2
}

// continues reports whether an item with these values is the next of l.
func (l *itemList) continues(letter, roman int) bool {
	if l.roman {
		return roman == l.last+1
	}
	return letter == l.last+1
}

// letterValue is the place of a single letter in the alphabet ("c" → 3),
// or 0.
func letterValue(s string) int {
	if len(s) != 1 {
		return 0
	}
	return int(s[0]-'a') + 1
}

// romanValue is the value of a small roman numeral ("iv" → 4), or 0 when s
// is not one written the usual way.
func romanValue(s string) int {
	for v, r := range romans {
		if r == s {
			return v + 1
		}
	}
	return 0
}

var romans = strings.Fields("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx")

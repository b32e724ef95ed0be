package gen

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// text writes contract-like sentences in one language. It is not prose; it
// only has to look like a clause and give full-text search the word mix of
// a real register: a few words everywhere, many words rarely, and Swedish
// compounds whose parts can be searched.
type text struct {
	r *rand.Rand
	v *vocab
	b strings.Builder
}

var sentenceCounts = []option[int]{{45, 1}, {35, 2}, {15, 3}, {5, 4}}

// body returns one to four sentences about topic t.
func (x *text) body(t *topic, l lang) string {
	x.b.Reset()
	for i := choose(x.r, sentenceCounts); i > 0; i-- {
		if x.b.Len() > 0 {
			x.b.WriteByte(' ')
		}
		x.sentence(t, l)
	}
	return x.b.String()
}

// heading returns a sub-clause heading: one of the topic's, or a compound.
func (x *text) heading(t *topic, l lang) string {
	if subs := t.subs[l]; chance(x.r, 75) {
		return subs[x.r.IntN(len(subs))]
	}
	return upperFirst(x.compound())
}

func (x *text) sentence(t *topic, l lang) {
	v := x.v
	switch x.r.IntN(20) {
	case 0, 1, 2, 3, 4, 5, 6, 7, 8: // the supplier shall notify the customer …
		x.b.WriteString(v.subjects.pick(x.r))
		x.words(v.modals.pick(x.r), v.verbs.pick(x.r))
		x.b.WriteByte(' ')
		x.noun(t, l)
		x.adverbial(t, l)
	case 9, 10, 11, 12: // termination shall be made in writing …
		x.b.WriteString(upperFirst(x.nounText(t, l)))
		x.words(v.passives.pick(x.r))
		if chance(x.r, 50) {
			x.timed()
		}
	case 13, 14, 15, 16: // if the supplier does not remedy …, the customer may …
		x.b.WriteString(v.ifWord)
		x.words(lowerFirst(v.subjects.pick(x.r)), v.not, v.cond.pick(x.r))
		x.b.WriteByte(' ')
		x.noun(t, l)
		x.b.WriteString(", ")
		x.b.WriteString(lowerFirst(v.subjects.pick(x.r)))
		x.words(v.modals.pick(x.r), v.verbs.pick(x.r))
		x.b.WriteByte(' ')
		x.noun(t, l)
		x.b.WriteString(".")
		return
	case 17, 18: // this also applies to …
		pre, post, _ := strings.Cut(v.also, "%s")
		x.b.WriteString(pre)
		x.noun(t, l)
		x.b.WriteString(post)
		return
	default: // the parties shall document the fees and the invoice …
		x.b.WriteString(v.subjects.pick(x.r))
		x.words(v.modals.pick(x.r), v.verbs.pick(x.r))
		x.b.WriteByte(' ')
		x.noun(t, l)
		x.b.WriteString(v.and)
		x.noun(t, l)
		x.adverbial(t, l)
	}
	x.b.WriteByte('.')
}

// words writes each word after a space.
func (x *text) words(ws ...string) {
	for _, w := range ws {
		x.b.WriteByte(' ')
		x.b.WriteString(w)
	}
}

// noun writes a noun phrase.
func (x *text) noun(t *topic, l lang) { x.b.WriteString(x.nounText(t, l)) }

// nounText is a noun phrase: mostly the topic's own words, else general
// contract words or a compound.
func (x *text) nounText(t *topic, l lang) string {
	switch n := x.r.IntN(100); {
	case n < 45:
		return t.nouns[l].pick(x.r)
	case n < 75:
		return x.v.nouns.pick(x.r)
	}
	return x.compound()
}

func (x *text) compound() string {
	return x.v.mods.pick(x.r) + x.v.joiner + x.v.heads.pick(x.r)
}

func (x *text) adverbial(t *topic, l lang) {
	switch n := x.r.IntN(100); {
	case n < 35:
		pre, post, _ := strings.Cut(x.v.preps.pick(x.r), "%s")
		x.b.WriteString(pre)
		x.noun(t, l)
		x.b.WriteString(post)
	case n < 65:
		x.timed()
	}
}

func (x *text) timed() {
	pre, post, _ := strings.Cut(x.v.timed.pick(x.r), "%s")
	x.b.WriteString(pre)
	x.b.WriteString(x.v.periods.pick(x.r))
	x.b.WriteString(post)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

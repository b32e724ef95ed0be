package extract

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// partyWordSets are the words of every language that introduce and join
// the parties of an agreement, lower-cased, built at the first reading.
var partyWordSets = sync.OnceValue(func() partySets {
	return partySets{
		between:   wordSet(func(l *language) []string { return l.party.between }),
		parties:   wordSet(func(l *language) []string { return l.party.parties }),
		are:       wordSet(func(l *language) []string { return l.party.are }),
		and:       wordSet(func(l *language) []string { return l.party.and }),
		customers: wordSet(func(l *language) []string { return l.party.customers }),
		roles:     wordSet(func(l *language) []string { return l.party.roles }),
	}
})

type partySets struct {
	between, parties, are, and, customers, roles map[string]bool
}

func wordSet(pick func(*language) []string) map[string]bool {
	m := map[string]bool{}
	for _, l := range languages() {
		for _, w := range pick(l) {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

// partiesSupplier reads the supplier from a sentence that names the two
// parties of the agreement — "an agreement between Example Ltd and the
// Customer", "Avtalens parter er kommunen og Eksempel" — when exactly one
// of them is named (a capitalised name or a domain) and the other is the
// customer's side ("Customer", "you", a common noun). Two names give no
// supplier unless one of them is put in the supplier's role in brackets:
// "Exempel AB ("Leverantören")".
func partiesSupplier(sentence string) string {
	words := strings.Fields(blankBrackets(sentence))
	w := partyWordSets()
	start := -1
	for i, word := range words {
		low := bareWord(word)
		if w.between[low] && agreementBefore(words[:i]) {
			start = i + 1
			break
		}
		if w.parties[low] {
			for j := i + 1; j < min(len(words), i+6); j++ {
				if w.are[bareWord(words[j])] {
					start = j + 1
					break
				}
			}
			if start >= 0 {
				break
			}
		}
	}
	if start < 0 {
		return ""
	}
	list := words[start:]
	for i, word := range list {
		// a comma before a legal form is part of the name: "Example, Inc."
		if strings.HasSuffix(word, ",") && i+1 < len(list) && legalForms[strings.Trim(list[i+1], ",;:.")] {
			continue
		}
		// and the dot of a legal form ends no sentence: "between Example, Inc. and Customer"
		if strings.HasSuffix(word, ".") && legalForms[strings.TrimSuffix(word, ".")] && i+1 < len(list) {
			continue
		}
		if strings.ContainsAny(word[len(word)-1:], ",;:.") && !strings.HasSuffix(word, "-") {
			if strings.HasSuffix(word, ",") {
				if name := appositionParty(list[:i+1], list[i+1:]); name != "" {
					return name
				}
			}
			list = list[:i+1]
			break
		}
	}
	for i := 1; i < len(list)-1; i++ {
		if !w.and[bareWord(list[i])] || strings.HasSuffix(list[i-1], "-") {
			continue
		}
		first, second := partyName(list[:i]), partyName(list[i+1:])
		switch {
		case first != "" && second == "":
			return first
		case second != "" && first == "":
			return second
		case first != "" && second != "":
			return inRole(sentence, first, second)
		}
		return ""
	}
	return ""
}

// maxApposition is the most words that describe the first party between
// commas before "and" joins the second.
const maxApposition = 12

// appositionParty reads "between Exempel, a studio in Oslo, and you": the
// first party named and then described between commas, the second joined
// by "and" after the closing comma and no name (the customer's side). It
// returns the first party's name, or "".
func appositionParty(first, rest []string) string {
	name := partyName(first)
	if name == "" {
		return ""
	}
	w := partyWordSets()
	for k := 1; k < min(len(rest), maxApposition); k++ {
		if !w.and[bareWord(rest[k])] || !strings.HasSuffix(rest[k-1], ",") {
			continue
		}
		other := rest[k+1:]
		for j, word := range other {
			if strings.ContainsAny(word[len(word)-1:], ",;:.") {
				other = other[:j+1]
				break
			}
		}
		if len(other) == 0 || partyName(other) != "" {
			return ""
		}
		return name
	}
	return ""
}

// partyOpeners are the words partiesSupplier starts from, "between" and
// "parties" in every language, as cues for the start of a word; nil when
// one of them is more than plain lower-case ASCII letters.
var partyOpeners = sync.OnceValue(func() []cue {
	words := slices.Sorted(maps.Keys(partyWordSets().between))
	words = append(words, slices.Sorted(maps.Keys(partyWordSets().parties))...)
	for _, w := range words {
		if strings.TrimFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) != "" {
			return nil
		}
	}
	return cues(words...)
})

// mayNameParties is a quick test that spares most sentences
// partiesSupplier: a sentence none of whose words starts with one of
// partyOpeners names no parties. n is the sentence normalised, where such
// a word, whatever stands around it, starts a word of its own.
func mayNameParties(n normText) bool {
	return partyOpeners() == nil || anyCue(partyOpeners(), n)
}

// agreementBefore reports whether one of the last few words before
// "between" names an agreement ("this Agreement between…", "avtal
// mellan…"), so that it introduces the parties and not two things compared.
func agreementBefore(before []string) bool {
	for _, word := range before[max(0, len(before)-4):] {
		if anyCue(termCues().agreement, normalize(word)) {
			return true
		}
	}
	return false
}

// partyName returns the name a party is given in words, or "" when it is
// the customer's side or a role: the run of capitalised words (or a domain,
// "example.dev") that opens it, with a hyphenated compound's "og", "and"
// ("Arbeids- og velferdsdirektoratet"), and no other words after it.
func partyName(words []string) string {
	var name []string
	joined := 0 // words still part of a hyphenated compound: "og velferdsdirektoratet"
	for i := 0; i < len(words) && len(name) < 6; i++ {
		word := strings.Trim(words[i], `*_"“”'’,;:.`)
		// a Finnish case ending after a colon is no part of the name: "Esimerkki Oy:n"
		if form, _, ok := strings.Cut(word, ":"); ok && legalForms[form] {
			word = form
		}
		if legalForms[word] && len(name) > 0 && strings.HasSuffix(words[i-1], ",") {
			// "Example, Inc.": the comma and the form's dot are the name's
			name[len(name)-1] += ","
			if dottedForms[word] && strings.HasPrefix(strings.TrimPrefix(words[i], word), ".") {
				word += "."
			}
		}
		switch {
		case word == "":
			continue
		case strings.HasSuffix(word, "-") && (len(name) > 0 || capitalisedWord(word)):
			joined = 3
		case joined > 0:
		case capitalisedWord(word) || strings.Contains(word, ".") && len(name) == 0 || legalForms[word]:
		default:
			if len(name) == 0 {
				return ""
			}
			return nameOf(name)
		}
		name = append(name, word)
		joined--
	}
	return nameOf(name)
}

// nameOf joins the words of a name unless they are a role or the customer's side.
func nameOf(name []string) string {
	joined := strings.Join(name, " ")
	low, w := strings.ToLower(joined), partyWordSets()
	if joined == "" || w.customers[low] || w.roles[low] {
		return ""
	}
	return joined
}

func capitalisedWord(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// bareWord is a word lower-cased without the punctuation around it.
func bareWord(word string) string {
	return strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// inRole returns whichever of two named parties the sentence puts in the
// supplier's role in brackets right after its name, or "" when neither or both.
func inRole(sentence, a, b string) string {
	role := func(name string) bool {
		i := strings.Index(sentence, name)
		if i < 0 {
			return false
		}
		rest := strings.TrimLeft(sentence[i+len(name):], " ,")
		if !strings.HasPrefix(rest, "(") {
			return false
		}
		inside, _, _ := strings.Cut(rest[1:], ")")
		for _, word := range strings.Fields(inside) {
			if partyWordSets().roles[bareWord(word)] {
				return true
			}
		}
		return false
	}
	ra, rb := role(a), role(b)
	switch {
	case ra && !rb:
		return a
	case rb && !ra:
		return b
	}
	return ""
}

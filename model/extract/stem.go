package extract

import (
	"slices"
	"strings"
)

// Suffixes of the Swedish stemmer, longest first so the longest match wins.
// The list follows the Snowball Swedish stemmer's steps; "et" and "ets"
// (avtalet, avtalets) are added, with a guard, because contracts are full
// of definite neuter nouns.
var (
	mainSuffixes = byLength("heterna", "hetens", "anden", "andes", "andet", "arens", "arnas", "ernas", "heten",
		"heter", "ornas", "arna", "erna", "orna", "ades", "aren", "arne", "aste", "ande", "erns", "ade", "are",
		"ast", "ens", "ern", "het", "ad", "ar", "as", "at", "en", "er", "es", "or", "a", "e")
	neuterSuffixes = byLength("ets", "et")
	doubleEndings  = byLength("dd", "gd", "nn", "dt", "gt", "kt", "tt")
	otherSuffixes  = byLength("fullt", "löst", "lig", "els", "ig")
)

// sEnding lists the letters after which a final -s is an inflection.
const sEnding = "bcdfghjklmnoprtvy"

// vowels of Swedish.
const vowels = "aeiouyäåö"

func byLength(s ...string) [][]rune {
	out := make([][]rune, len(s))
	for i, x := range s {
		out[i] = []rune(x)
	}
	slices.SortStableFunc(out, func(a, b []rune) int { return len(b) - len(a) })
	return out
}

// Stem reduces a Swedish word to a stem by stripping its inflection, so
// that the forms of one word meet in a search: leverantören, leverantörer
// and leverantörens all give leverantör; avtalet and avtalets give avtal;
// uppsägningen gives uppsägning. It lower-cases the word. Like every
// suffix stripper it sometimes cuts too far: "villkor" loses its "-or" as
// if it were a plural (villk) while "villkoren" stops at villkor, so search
// should match a stemmed query as a prefix of the stemmed index.
func Stem(word string) string {
	w := []rune(strings.ToLower(word))
	r1 := region1(w)
	w = stripMain(w, r1)
	if _, ok := suffixIn(w, r1, doubleEndings); ok {
		w = w[:len(w)-1] // the pair's last letter goes, so "lagd" and "lagt" meet in "lag"
	}
	if suf, ok := suffixIn(w, r1, otherSuffixes); ok {
		switch string(suf) {
		case "löst", "fullt":
			w = w[:len(w)-1] // löst → lös, fullt → full
		default:
			w = w[:len(w)-len(suf)]
		}
	}
	return string(w)
}

// suffixIn returns the first of sufs that ends w inside R1.
func suffixIn(w []rune, r1 int, sufs [][]rune) ([]rune, bool) {
	for _, suf := range sufs {
		if len(w)-len(suf) >= r1 && runesHaveSuffix(w, suf) {
			return suf, true
		}
	}
	return nil, false
}

// region1 returns where R1 starts: after the first consonant that follows
// a vowel, and never before the fourth letter.
func region1(w []rune) int {
	for i := 1; i < len(w); i++ {
		if !isVowel(w[i]) && isVowel(w[i-1]) {
			return max(i+1, 3)
		}
	}
	return len(w)
}

// stripMain removes the longest inflection suffix inside R1.
func stripMain(w []rune, r1 int) []rune {
	if suf, ok := suffixIn(w, r1, mainSuffixes); ok {
		return w[:len(w)-len(suf)]
	}
	for _, suf := range neuterSuffixes {
		// Only after a consonant, leaving four letters: avtalet → avtal, paket stays.
		if rest := len(w) - len(suf); rest >= r1 && rest >= 4 && runesHaveSuffix(w, suf) && !isVowel(w[rest-1]) {
			return w[:rest]
		}
	}
	if n := len(w); n-1 >= r1 && n >= 2 && w[n-1] == 's' && strings.ContainsRune(sEnding, w[n-2]) {
		return w[:n-1]
	}
	return w
}

func isVowel(r rune) bool { return strings.ContainsRune(vowels, r) }

func runesHaveSuffix(w, suf []rune) bool {
	return len(w) >= len(suf) && slices.Equal(w[len(w)-len(suf):], suf)
}

package docparse

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"avtal/model"
)

// guessTitle names the agreement: the title of its first document, else
// the first line above the first clause (or that clause's own line, when
// it declares an appendix) that names a document, else the
// running header or footer without its page number, version and date
// ("Exempel tjänsteavtal version 3.1 – 01.02.2024 Side 2 av 9" → "Exempel
// tjänsteavtal"), else the file name.
func (b *builder) guessTitle(footers []string, file string) string {
	first := b.parts[0]
	if name := b.nameOf(first); name != "" {
		return name
	}
	end := len(b.lines) - 1
	if len(first.clauses) > 0 {
		end = first.clauses[0].line
	}
	for i := 0; i <= end; i++ {
		if t := b.lines[i].text; b.cls[i].kind != kindNumbered && strongTitle(t) {
			return b.titleGoesOn(i, t)
		}
	}
	for _, f := range footers {
		if t := footerTitle(f); t != "" {
			return t
		}
	}
	if t := fileTitle(file); t != "" && t != "." {
		return t
	}
	return "document"
}

// titleGoesOn returns the title t on line i with the next line added when
// t stops at a short lower-case word ("Terms of use for" / "the Example
// service"): a title set on two lines.
func (b *builder) titleGoesOn(i int, t string) string {
	w := lastWord(t)
	j := b.nextNonBlank(i)
	if len(w) > 4 || !isLowerWord(w) || j < 0 || j > i+2 || b.cls[j].kind != kindText || !titleLike(b.lines[j].text) || wordCount(b.lines[j].text) > 10 {
		return t
	}
	return t + " " + b.lines[j].text
}

var (
	// Where the title part of a running header ends: a version, a date,
	// any number.
	footerCutRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*(?:\b(?:version|versjon|versio|ver\.?|v\.?)\s*\d|\d)`)
	})
	versionRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:version|versjon|versio|ver\.?|v\.?)\s*(\d{1,3}(?:\.\d{1,3}){0,3})\b`)
	})
)

// footerTitle returns the words a running header or footer starts with.
func footerTitle(f string) string {
	if loc := pageOfRe().FindStringIndex(f); loc != nil {
		f = f[:loc[0]]
	}
	if loc := footerCutRe().FindStringIndex(f); loc != nil {
		f = f[:loc[0]]
	}
	f = strings.Trim(f, " -–—|,:")
	if !titleLike(f) || wordCount(f) > 8 {
		return ""
	}
	return f
}

// footerVersion finds a document version in the running headers/footers.
func footerVersion(footers []string) string {
	for _, f := range footers {
		if m := versionRe().FindStringSubmatch(f); m != nil {
			return m[1]
		}
	}
	return ""
}

// companyRe finds company names by their legal-form suffix, with up to
// three capitalised words before it; a word may be a domain ("Exempel.IO").
var companyRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`((?:\p{Lu}[\p{L}\d&-]*(?:\.[\p{L}\d&-]+)*\s+){1,4})(` + strings.Join(legalForms, "|") + `)\b`)
})

// legalForms are the suffixes companyRe looks for.
var legalForms = []string{"AB", "AS", "ASA", "A/S", "ApS", "Oy", "Oyj", "Ltd", "Limited", "GmbH", "Inc", "LLC", "AG", "plc", "BV"}

// hasLegalForm reports whether l holds a legal-form suffix as a word of its
// own; a line without one is not worth the regular expression.
func hasLegalForm(l string) bool {
	for i := 0; i+1 < len(l); i++ {
		if l[i] != ' ' || !strings.ContainsRune("ABGILOp", rune(l[i+1])) {
			continue
		}
		for _, f := range legalForms {
			if strings.HasPrefix(l[i+1:], f) {
				if j := i + 1 + len(f); j == len(l) || !isASCIILetter(l[j]) {
					return true
				}
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// leadWords are words that begin a sentence before a company name ("Mellan
// Exempel AB och …") and are never the name's first word.
var leadWords = map[string]bool{
	"mellan": true, "between": true, "och": true, "and": true, "med": true, "with": true,
	"av": true, "by": true, "från": true, "from": true, "till": true, "to": true,
	"samt": true, "för": true, "for": true, "hos": true, "via": true, "genom": true,
	"detta": true, "this": true, "the": true, "den": true, "det": true,
}

// guessSupplier returns the company the text is most about: among the
// names with a legal-form suffix ("Centuri AB", "SuperOffice Sweden AB"),
// the one whose first word the text uses most, at the start of a word
// ("Centuri" in "Centuriplattformen" too, "Health" not in "StartHealth").
// Trailing words of a longer match are tried too, since a capitalised word
// before the name ("Mellan SuperOffice Sweden AB") is often not part of it.
func guessSupplier(text string) string {
	const maxNames = 50 // bounds the counting work on hostile input
	type candidate struct{ name, word string }
	var cands []candidate
	seen := map[string]bool{}
	var matches [][]string
	for _, l := range strings.Split(text, "\n") {
		if len(matches) < 200 && hasLegalForm(l) {
			matches = append(matches, companyRe().FindAllStringSubmatch(l, 200-len(matches))...)
		}
	}
	for _, m := range matches {
		words := strings.Fields(m[1])
		for k := range words {
			if leadWords[strings.ToLower(words[k])] {
				continue
			}
			if m[2] == "AS" && inCapitals(words[k:]) && !strings.Contains(text, titleCased(words[k:])+" AS") {
				// "AS" after words in capitals may be English ("EXCEPT AS
				// PROVIDED", "IS GIVEN AS IS"): such a name counts only
				// when the text also writes it in small letters ("Bjerk
				// AS" beside "BJERK AS").
				continue
			}
			name := strings.Join(words[k:], " ") + " " + m[2]
			if !seen[name] && len(cands) < maxNames {
				seen[name] = true
				cands = append(cands, candidate{name, words[k]})
			}
		}
	}
	best, bestCount := "", 0
	counts := map[string]int{}
	for _, c := range cands {
		n, ok := counts[c.word]
		if !ok {
			n = countWord(text, c.word)
			if t := titleCased([]string{c.word}); t != c.word && inCapitals([]string{c.word}) {
				n += countWord(text, t) // "BJERK AS" in a heading, "Bjerk" in the text
			}
			counts[c.word] = n
		}
		if n > bestCount {
			best, bestCount = c.name, n
		}
	}
	return best
}

// countWord counts where word starts a word of text: a brand is the first
// part of the words made from it ("Exempeltjänst"), and a name ending
// another word is not the brand ("Health" in "StartHealth").
func countWord(text, word string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return n
		}
		start, end := i+j, i+j+len(word)
		if before, _ := utf8.DecodeLastRuneInString(text[:start]); !isWordRune(before) {
			n++
		}
		i = end
	}
}

// inCapitals reports whether every letter of words is a capital.
func inCapitals(words []string) bool {
	for _, w := range words {
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// titleCased is words, each with its first letter a capital and the rest
// small, joined by spaces.
func titleCased(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		out[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
	}
	return strings.Join(out, " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var (
	slaRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bSLA\b`) })
	dpaRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(?:DPA|PUB|PuB)\b`) })
)

// guessKind reads the kind of a document from its name.
func guessKind(name string) model.Kind {
	l := strings.ToLower(name)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("servicenivå", "service level", "tjänstenivå") || slaRe().MatchString(name):
		return model.KindSLA
	case has("databehandl", "personuppgiftsbiträd", "data processing") || dpaRe().MatchString(name):
		return model.KindDPA
	case has("allmänna villkor", "general terms", "standardvillkor", "terms and conditions", "allmänna bestämmelser"):
		return model.KindGeneralTerms
	case has("volymavtal", "volume agreement"):
		return model.KindVolume
	case has("ramavtal", "framework"):
		return model.KindFramework
	case has("abonnemang", "subscription"):
		return model.KindSubscription
	case has("orderformulär", "order form", "beställning"):
		return model.KindOrder
	}
	return ""
}

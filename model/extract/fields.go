package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"avtal/model"
)

var (
	effectiveCues   = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.effective }) })
	signedCues      = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.signed }) })
	lawCues         = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.law }) })
	governsCues     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.governs }) })
	disputeCues     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.disputes }) })
	courtCues       = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.courts }) })
	courtOfCues     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.courtOf }) })
	arbitrationCues = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.arbitration }) })
	statuteCues     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.fields.statutes }) })
	// kindCues are the words of each kind of agreement, the specific kinds
	// first: "Allmänna villkor för SLA" is a service level agreement.
	kindCues = sync.OnceValue(func() []titleKind {
		var out []titleKind
		for _, k := range []model.Kind{model.KindSLA, model.KindDPA, model.KindFramework, model.KindVolume, model.KindOrder,
			model.KindSubscription, model.KindGeneralTerms} {
			out = append(out, titleKind{k, merged(func(l *language) []string { return l.fields.kinds[k] })})
		}
		return out
	})
	// lawCountries are the folded words of a country's law with its name,
	// in a fixed order so the same text always gives the same answer.
	lawCountries = sync.OnceValue(func() []lawPhrase {
		m := map[string]string{}
		for _, l := range languages() {
			for w, country := range l.fields.laws {
				m[strings.TrimSpace(normalize(w).text)] = country
			}
		}
		out := make([]lawPhrase, 0, len(m))
		for phrase, country := range m {
			out = append(out, lawPhrase{phrase, country})
		}
		slices.SortFunc(out, func(a, b lawPhrase) int { return strings.Compare(a.phrase, b.phrase) })
		return out
	})
)

// lawPhrase is the folded words of a country's law ("svensk lag") and the
// country's name.
type lawPhrase struct{ phrase, country string }

// titleKind is a kind of agreement and the words of it in a title.
type titleKind struct {
	kind model.Kind
	cues []cue
}

// fieldFinder looks for the agreement's other fields over the clauses of a
// document, each from the first sentence that states it: the date it takes
// effect ("gäller från 1 september 2023", "effective as of October 21,
// 2020"), the date it was signed, the governing law ("svensk lag", "the
// laws of Sweden") and where disputes are settled ("Stockholms
// tingsrätt", "arbitration"); and the kind of agreement from the title,
// the first clause's heading. A version date ("last updated") says which
// text this is, not when the agreement runs, and is not proposed.
type fieldFinder struct {
	found map[string]bool
	props []Proposal
}

func (f *fieldFinder) clause(c *prepared) {
	if f.found == nil {
		f.found = map[string]bool{}
		f.kind(c.Clause)
	}
	heading := c.heading
	for i, s := range c.sents {
		text := s.In(c.Body)
		n := c.norms[i]
		for _, d := range []struct {
			name string
			cues []cue
		}{{"effective", effectiveCues()}, {"signed", signedCues()}} {
			if f.found[d.name] || !anyCue(d.cues, n) {
				continue
			}
			if ds := Dates(text, c.Number); len(ds) > 0 {
				f.add(c.Clause, s, Field{Name: d.name, Value: ds[0].Date.String()}, "a date the text gives as "+d.name)
			}
		}
		if !f.found["governing_law"] && anyCue(lawCues(), n) && anyCue(governsCues(), n) {
			if country, ok := governingLaw(n.text); ok {
				f.add(c.Clause, s, Field{Name: "governing_law", Value: country}, "the law the agreement follows")
			}
		}
		if !f.found["venue"] && (anyCue(disputeCues(), n) || anyCue(disputeCues(), heading)) {
			if v, ok := venueIn(text, n); ok {
				f.add(c.Clause, s, Field{Name: "venue", Value: v}, "where disputes are settled")
			}
		}
	}
}

// governingLaw is the country whose law the folded sentence chooses: of
// the laws it names, the first in the sentence (the longer phrase where two
// start together), so a sentence naming several always gives the same one.
func governingLaw(text string) (string, bool) {
	var best lawPhrase
	bestAt := -1
	for _, l := range lawCountries() {
		at := chosenLaw(text, l.phrase)
		if at >= 0 && (bestAt < 0 || at < bestAt || at == bestAt && len(l.phrase) > len(best.phrase)) {
			best, bestAt = l, at
		}
	}
	return best.country, bestAt >= 0
}

// chosenLaw returns where the folded text names a country's law by phrase
// other than as the first words of a statute's name ("the laws of
// California", not "the California Consumer Privacy Act"), or -1.
func chosenLaw(text, phrase string) int {
	for from := 0; ; {
		i := strings.Index(text[from:], " "+phrase+" ")
		if i < 0 {
			return -1
		}
		at := from + i
		from = at + len(phrase) + 1
		next := strings.Fields(text[from:])
		if !anyCue(statuteCues(), normalize(strings.Join(next[:min(2, len(next))], " "))) {
			return at
		}
	}
}

// kind proposes the kind of agreement its title names: the heading of
// the document's first clause.
func (f *fieldFinder) kind(c model.Clause) {
	if k := TitleKind(c.Heading); k != "" {
		f.found["kind"] = true
		f.props = append(f.props, Proposal{Kind: ProposeField, Clause: c.Number, Evidence: c.Heading, Confidence: 0.6,
			Reason: "the kind of agreement its title names", Field: &Field{Name: "kind", Value: string(k)}})
	}
}

// TitleKind returns the kind of agreement a title names, in any of the
// languages ("Databehandleraftale", "Palvelutasosopimus", "Order Form"), or
// "" when it names none.
func TitleKind(title string) model.Kind {
	n := normalize(title)
	for _, k := range kindCues() {
		if anyCue(k.cues, n) {
			return k.kind
		}
	}
	return ""
}

// venueIn returns where sentence text (folded n) settles disputes: a
// court it names ("Stockholms tingsrätt", "the courts of England and
// Wales", "the City Court of Aarhus"), else arbitration. A court the
// sentence does not name ("allmän domstol", "a competent court") is no
// venue to record, nor is a defined term ("the Chosen Courts"): a court
// written with a capital needs the place after it.
func venueIn(text string, n normText) (string, bool) {
	words := strings.Fields(text)
	word := func(i int) string { return strings.Trim(words[i], ".,;:()[]\"'”“’") }
	named := func(i int) bool { return i >= 0 && i < len(words) && isCapitalized(word(i)) }
	joins := func(i int) bool { return i < len(words) && partyWordSets().and[strings.ToLower(word(i))] }
	for i := range words {
		court, ok := firstCue(courtCues(), normalize(word(i)))
		if !ok {
			continue
		}
		from, to := i, i+1
	extend:
		for from > 0 && i-from < 3 {
			switch {
			case named(from - 1):
				from--
			case from > 1 && joins(from-1) && named(from-2):
				from -= 2 // "Sø- og Handelsretten": two names joined by "og"
			default:
				break extend
			}
		}
		if i+2 < len(words) && anyCue(courtOfCues(), normalize(word(i+1))) && named(i+2) {
			// "courts of England and Wales", "retten i Aarhus"
			to = i + 2
			for named(to) || (joins(to) && named(to+1)) {
				to++
			}
		}
		// a capitalised court word with no place after it is a defined
		// term ("the Chosen Courts") if it is a word for any court; a
		// compound names one court by the place before ("Odense Byret")
		if to == i+1 && (from == i || (named(i) && court.whole)) {
			continue
		}
		parts := make([]string, 0, to-from)
		for j := from; j < to; j++ {
			parts = append(parts, word(j))
		}
		return strings.Join(parts, " "), true
	}
	if anyCue(arbitrationCues(), n) {
		return "arbitration", true
	}
	return "", false
}

// isCapitalized reports whether w begins with a capital letter.
func isCapitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func (f *fieldFinder) add(c model.Clause, s Span, field Field, reason string) {
	f.found[field.Name] = true
	f.props = append(f.props, Proposal{Kind: ProposeField, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
		Confidence: 0.6, Reason: reason, Field: &field})
}

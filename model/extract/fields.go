package extract

import (
	"strings"

	"avtal/model"
)

var (
	effectiveCues = merged(func(l *language) []string { return l.fields.effective })
	signedCues    = merged(func(l *language) []string { return l.fields.signed })
	lawCues       = merged(func(l *language) []string { return l.fields.law })
	governsCues   = merged(func(l *language) []string { return l.fields.governs })
	// lawCountries maps the folded words of a country's law to its name.
	lawCountries = func() map[string]string {
		m := map[string]string{}
		for _, l := range languages {
			for w, country := range l.fields.laws {
				m[strings.TrimSpace(normalize(w).text)] = country
			}
		}
		return m
	}()
)

// fieldFinder looks for the agreement's other fields over the clauses of a
// document, each from the first sentence that states it: the date it takes
// effect ("gäller från 1 september 2023", "effective as of October 21,
// 2020"), the date it was signed, and the governing law ("svensk lag",
// "the laws of Sweden"). A version date ("last updated") says which text
// this is, not when the agreement runs, and is not proposed.
type fieldFinder struct {
	found map[string]bool
	props []Proposal
}

func (f *fieldFinder) clause(c model.Clause, sents []Span) {
	if f.found == nil {
		f.found = map[string]bool{}
	}
	for _, s := range sents {
		text := s.In(c.Body)
		n := normalize(text)
		for _, d := range []struct {
			name string
			cues []cue
		}{{"effective", effectiveCues}, {"signed", signedCues}} {
			if f.found[d.name] || !anyCue(d.cues, n) {
				continue
			}
			if ds := Dates(text, c.Number); len(ds) > 0 {
				f.add(c, s, Field{Name: d.name, Value: ds[0].Date.String()}, "a date the text gives as "+d.name)
			}
		}
		if !f.found["governing_law"] && anyCue(lawCues, n) && anyCue(governsCues, n) {
			for phrase, country := range lawCountries {
				if strings.Contains(n.text, " "+phrase+" ") {
					f.add(c, s, Field{Name: "governing_law", Value: country}, "the law the agreement follows")
					break
				}
			}
		}
	}
}

func (f *fieldFinder) add(c model.Clause, s Span, field Field, reason string) {
	f.found[field.Name] = true
	f.props = append(f.props, Proposal{Kind: ProposeField, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
		Confidence: 0.6, Reason: reason, Field: &field})
}

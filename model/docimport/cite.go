package docimport

import (
	"strings"

	"avtal/model"
	"avtal/model/extract"
)

// numberedByPosition reports whether the clause numbers of a text were
// given by their position rather than read from it: every clause numbered
// with digits has a heading (a number read from the text may head a clause alone: "1.2
// You must…") and none shows its number on the line of its heading ("5.
// Term", "§ 5 Avtalstid") or on a short line of its own above it
// ("SECTION 5", then "Term"). A reader of such a text cannot find "3.2" in
// it, so the clause is better cited by its heading.
func numberedByPosition(text string, docs []model.Document) bool {
	lines := strings.Split(text, "\n")
	numbered := 0
	for _, d := range docs {
		for _, c := range d.Clauses {
			if c.Number == "" || !isDigit(c.Number[0]) {
				// an appendix ("Bilag 1.A") is named in the text either way
				continue
			}
			if c.Heading == "" {
				return false
			}
			numbered++
			label := "" // the last short line before this one: "SECTION 4" above "Fees"
			for _, l := range lines {
				if strings.Contains(l, c.Heading) && (holdsNumber(l, c.Number) || holdsNumber(label, c.Number)) {
					return false
				}
				if t := strings.TrimSpace(l); t != "" {
					label = ""
					if len(strings.Fields(t)) <= 3 {
						label = t
					}
				}
			}
		}
	}
	return numbered > 0
}

// holdsNumber reports whether line holds number as a word of its own: "5"
// stands in "5. Term" and "§5 Term", not in "15 Term" or "5.1 Term".
func holdsNumber(line, number string) bool {
	for i := 0; ; {
		j := strings.Index(line[i:], number)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(number)
		before := start == 0 || !isDigitOrDot(line[start-1])
		after := end == len(line) || !isDigit(line[end]) && !(line[end] == '.' && end+1 < len(line) && isDigit(line[end+1]))
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isDigit(b byte) bool      { return b >= '0' && b <= '9' }
func isDigitOrDot(b byte) bool { return isDigit(b) || b == '.' }

// cite sets the clause each proposal cites: the numbered clause rather
// than a list item in it ("7.2", not "7.2(a)"), and, in a document whose
// numbers were given by position, the clause's heading. Amendments keep
// their numbers: they name the clause the text refers to.
func cite(ps []extract.Proposal, clauses []model.Clause, byPosition bool) {
	heading := map[string]string{}
	for _, c := range clauses {
		if c.Number != "" && c.Heading != "" {
			heading[c.Number] = c.Heading
		}
	}
	set := func(s *string) {
		*s = model.ItemOf(*s)
		if h, ok := heading[*s]; ok && byPosition && givenByPosition(*s) {
			*s = h
		}
	}
	for i := range ps {
		p := &ps[i]
		if p.Kind == extract.ProposeAmendment {
			continue
		}
		set(&p.Clause)
		switch {
		case p.Rule != nil:
			set(&p.Rule.Clause)
		case p.Term != nil:
			set(&p.Term.Clause)
		case p.Sub != nil:
			set(&p.Sub.Clause)
		}
	}
}

// givenByPosition reports whether a clause number of a text numbered by
// position was given by the importer: "3", "Bilag 1.2", but not the name
// of an appendix ("Bilag 1", "Bilag 1.B"), which the text shows.
func givenByPosition(number string) bool {
	last := number[strings.LastIndexAny(number, ". ")+1:]
	return last != "" && strings.Trim(last, "0123456789") == "" && (isDigit(number[0]) || strings.Contains(number, "."))
}

package extract

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"avtal/model"
)

var (
	// subCues name sub-processors in any language: the topic of an objection to one.
	subCues        = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.rules[model.DLObjection].topic }) })
	definitionCues = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.definitions }) })
	// legalForms are the company-form words that mark a name as a company's,
	// matched with their case so the Swedish word "as" is not one.
	legalForms = map[string]bool{"AB": true, "Ab": true, "AS": true, "ASA": true, "Oy": true, "Oyj": true, "GmbH": true,
		"Ltd": true, "Limited": true, "Inc": true, "LLC": true, "ApS": true, "AG": true, "BV": true, "SA": true,
		"SAS": true, "Corp": true, "Corporation": true, "plc": true, "HB": true, "KB": true,
		// forms of companies that large sub-processors' European arms take
		"SARL": true, "Sàrl": true, "LLP": true, "NV": true, "SRL": true, "SpA": true, "Pty": true,
		"oy": true, // a Finnish form is often written in lower case: "Esimerkki oy"
		// and any form in capitals, as names are in headings and all-caps terms
		"INC": true, "LTD": true, "CORP": true, "GMBH": true, "OY": true, "OYJ": true, "APS": true}
	// dottedForms are the legal forms written with a dot of their own,
	// which a name keeps after a comma: "Example, Inc.".
	dottedForms = map[string]bool{"Inc": true, "Ltd": true, "Corp": true, "INC": true, "LTD": true, "CORP": true}
	orgNumber   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^0-9])([0-9]{6}-[0-9]{4})(?:$|[^0-9])`) })
	// regionWords name regions, countryWords countries (to ISO 3166 codes).
	regionWords  = map[string]string{"ees": "EEA", "eea": "EEA", "eu": "EU"}
	countryWords = map[string]string{"sverige": "SE", "sweden": "SE", "norge": "NO", "norway": "NO",
		"danmark": "DK", "denmark": "DK", "finland": "FI", "tyskland": "DE", "germany": "DE", "irland": "IE",
		"ireland": "IE", "nederländerna": "NL", "netherlands": "NL", "frankrike": "FR", "france": "FR",
		"usa": "US", "united states": "US", "united kingdom": "GB", "storbritannien": "GB", "uk": "GB", "schweiz": "CH", "switzerland": "CH"}
	// nameJoiners may stand lower-case inside a company name.
	nameJoiners = map[string]bool{"&": true, "och": true, "and": true, "of": true, "de": true, "-": true}
)

// maxRowLines bounds how far a table row may wrap onto the lines after its name.
const maxRowLines = 6

// ProposeSubProcessors proposes the sub-processors a clause lists, when the
// clause is about sub-processors. Each entry is a table row or list item
// whose first cell is a name in capitals, backed by a company form ("AB",
// "AS", "GmbH"), a Swedish organisation number (NNNNNN-NNNN) or, in a table,
// a country or region; the row gives its country (Sverige → SE), region
// (EES → EEA) and, in a table, the purpose from its last cell.
//
// under is the headings the clause stands under: its section's and the
// document's title. A list split into tables by region ("United States",
// "European Union") under a page titled "Subprocessors" names them only
// there, so there a table with a column of names is read too; loose lines
// are not, as a name in a sentence is no entry of a list.
func ProposeSubProcessors(c model.Clause, under string) []Proposal {
	lines := lineSpans(c.Body)
	if !strings.Contains(c.Body, "|") && !strings.Contains(c.Body, "\t") && !strings.Contains(c.Body, "\n") {
		return nil // no table, no list: the common case, decided without folding the clause
	}
	if _, ok := firstCue(definitionCues(), normalize(c.Heading)); ok {
		return nil
	}
	if _, ok := firstCue(subCues(), normalize(c.Heading+"\n"+c.Body)); !ok {
		if _, ok := firstCue(subCues(), normalize(under)); !ok || !strings.Contains(c.Body, "|") && !strings.Contains(c.Body, "\t") {
			return nil
		}
		out, _ := tableSubProcessors(c, lines)
		return out
	}
	out, inTable := tableSubProcessors(c, lines)
	var rows []subRow
	for i, l := range lines {
		if inTable[i] {
			continue
		}
		if r, ok := readSubRow(c.Body, l, listed(c.Body, lines, i)); ok {
			r.line = i
			rows = append(rows, r)
		}
	}
	for k, r := range rows {
		last := min(len(lines), r.line+maxRowLines)
		if k+1 < len(rows) {
			last = min(last, rows[k+1].line)
		}
		if r.purpose != "" {
			last = r.line + 1 // "- Name (purpose)" is one line
		}
		out = append(out, r.proposal(c, lines[r.line:last]))
	}
	return out
}

// subRow is the start of one sub-processor entry.
type subRow struct {
	name  Span
	cells []string // a table row's cells after the name
	// purpose is what a list item says in brackets after the name:
	// "- Example (hosting)"
	purpose string
	form    string // the company form found on the line, if any
	line    int
}

// listed reports whether line i is in a list introduced by a line that
// ends in a colon, "…uses the following sub-processors:", with only blank
// lines and the list's earlier "Name: purpose" items between.
func listed(body string, lines []Span, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimSpace(lines[j].In(body))
		switch {
		case t == "":
		case strings.HasSuffix(t, ":"):
			return true
		case !namedItem(t):
			return false
		}
	}
	return false
}

// namedItem reports whether line t is a list item "Name: purpose" or
// "Name (purpose)": a short name in capitals before a colon or a bracket.
func namedItem(t string) bool {
	t = strings.TrimLeft(t, " \t•·*–-—")
	name, _, ok := strings.Cut(t, ":")
	if !ok {
		name, _, ok = strings.Cut(t, " (")
		ok = ok && strings.HasSuffix(strings.TrimRight(t, " ."), ")")
	}
	return ok && len(strings.Fields(name)) <= 4 && looksLikeName(name)
}

// readSubRow reads the line l of body as the start of an entry, if it is
// one. In a list introduced by a colon a name and its purpose, "Name:
// purpose", is enough.
func readSubRow(body string, l Span, inList bool) (subRow, bool) {
	start := l.Start
	for start < l.End {
		r, size := utf8.DecodeRuneInString(body[start:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("•·*–-—", r) {
			break
		}
		start += size
	}
	line := body[start:l.End]
	var row subRow
	if inList && start > l.Start {
		// a list item "Name (purpose)", its purpose in brackets
		if name, purpose, ok := strings.Cut(strings.TrimRight(line, " .\r"), " ("); ok && strings.HasSuffix(purpose, ")") &&
			looksLikeName(name) && !placeholder(name) && !strings.ContainsAny(name, ",;:") {
			row.name = Span{start, start + len(name)}
			row.purpose = strings.TrimSuffix(purpose, ")")
			return row, true
		}
	}
	if cells := strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '\t' }); len(cells) > 1 {
		for _, cell := range cells[1:] {
			row.cells = append(row.cells, strings.TrimSpace(cell))
		}
	}
	nameEnd := len(line)
	if i := strings.IndexAny(line, "|\t,;:"); i >= 0 {
		nameEnd = i
	}
	name := strings.TrimRight(line[:nameEnd], " .\r")
	row.name = Span{start, start + len(name)}
	if !looksLikeName(name) || placeholder(name) {
		return subRow{}, false
	}
	// "Name: purpose"; a label with nothing after its colon is a form's field
	if inList && namedItem(line) && nameEnd < len(line) && line[nameEnd] == ':' && strings.TrimSpace(line[nameEnd+1:]) != "" {
		return row, true
	}
	for _, t := range tokenize(line) {
		if legalForms[line[t.start:t.end]] {
			row.form = line[t.start:t.end]
			break
		}
	}
	if row.form == "" {
		if row.form = dottedForm(name); row.form != "" && strings.HasSuffix(name, row.form) && strings.HasPrefix(line[len(name):], ".") {
			row.name.End++ // the form's own last dot: "S.A.S."
		}
	}
	place := false
	for _, cell := range row.cells {
		c, r := placeOf(cell)
		place = place || c != "" || r != ""
	}
	// in a table, a place backs a name the header does not (see tableSubProcessors)
	return row, row.form != "" || orgNumber().MatchString(line) || (place && !anyCue(nameHeaders(), normalize(strings.Join(row.cells, " "))) && len(row.cells) > 1)
}

// dottedForm returns the company form a name writes with dots between its
// letters, "OVH S.A.S.", "Example B.V.", or "".
func dottedForm(name string) string {
	for _, w := range strings.Fields(name) {
		if f := strings.ReplaceAll(w, ".", ""); strings.Contains(w, ".") && len(f) >= 2 && legalForms[f] {
			return w
		}
	}
	return ""
}

// looksLikeName reports whether s reads as a company name: a few words,
// each starting with a capital (or, first, a digit). A later word that
// starts with a digit is a street number and a quotation mark a defined
// term, so a line of addresses or the parties' preamble is no name.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(s, "\"“”«»") {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "("))
		if !unicode.IsUpper(r) && !(i == 0 && unicode.IsDigit(r)) && !nameJoiners[w] {
			return false
		}
	}
	return true
}

// placeOf returns the first country (ISO code) and region named in s:
// "EU/US" is both, the country the one that leaves the region.
func placeOf(s string) (country, region string) {
	toks := tokenize(s)
	for i, t := range toks {
		if country == "" {
			country = countryWords[t.low]
			if i+1 < len(toks) && country == "" {
				country = countryWords[t.low+" "+toks[i+1].low] // "United States"
			}
			if s[t.start:t.end] == "US" {
				country = "US" // in capitals, not the word "us"
			}
		}
		if region == "" {
			region = regionWords[t.low]
		}
	}
	return country, region
}

// proposal builds the proposal for a row that spans the given lines.
func (r subRow) proposal(c model.Clause, lines []Span) Proposal {
	rowText := c.Body[lines[0].Start:lines[len(lines)-1].End]
	sub := model.SubProcessor{Name: r.name.In(c.Body), Clause: c.Number, Status: model.SubApproved}
	conf, why := 0.5, []string{"listed in a clause about sub-processors"}
	if m := orgNumber().FindStringSubmatch(rowText); m != nil {
		sub.OrgNumber = m[1]
		conf += 0.2
		why = append(why, "org. no. "+m[1])
	}
	if r.form != "" {
		conf += 0.1
		why = append(why, fmt.Sprintf("company form %q", r.form))
	}
	country, region := placeOf(rowText)
	if len(r.cells) > 0 {
		country, region = "", ""
		for _, cell := range r.cells {
			cc, rr := placeOf(cell)
			country, region = cmp.Or(country, cc), cmp.Or(region, rr)
			if cc == "" && rr == "" {
				sub.Purpose = cell
			}
		}
	} else if r.purpose != "" {
		sub.Purpose = r.purpose
	} else if first := lines[0].In(c.Body); strings.Contains(first, ":") {
		// "…, org.nr 556677-8899, som sköter: Drift av datacenter"
		if purpose := strings.TrimSpace(first[strings.LastIndexByte(first, ':')+1:]); utf8.RuneCountInString(purpose) <= 80 {
			sub.Purpose = strings.TrimRight(purpose, ".")
		}
	}
	sub.Country = country
	if country == "" {
		sub.Region = region // the EEA, the EU: what the text names in place of a country
	}
	if country != "" || region != "" {
		conf += 0.1
		why = append(why, "place "+cmp.Or(country, region))
	}
	return Proposal{Kind: ProposeSubProcessor, Clause: c.Number, Span: r.name,
		Evidence: evidence(c.Body, Span{lines[0].Start, lines[len(lines)-1].End}), Confidence: min(conf, 0.9),
		Reason: strings.Join(why, ", "), Sub: &sub}
}

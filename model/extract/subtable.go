package extract

import (
	"cmp"
	"strings"
	"sync"
	"unicode"

	"avtal/model"
)

// nameHeaders are the headers of a column of names, in every language.
var (
	nameHeaders     = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.nameHeaders }) })
	undecidedNames  = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.undecided }) })
	examples        = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.examples }) })
	placeHeaders    = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.placeHeaders }) })
	transferHeaders = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.transferHeaders }) })
	logHeaders      = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.logHeaders }) })
)

// columnRole is what a table's column says of a sub-processor.
type columnRole uint8

const (
	colOther    columnRole = iota // a purpose, or anything else
	colPlace                      // where it processes data
	colTransfer                   // the legal ground of a transfer: no place, no purpose
)

// columnRoles reads the header of a table of sub-processors: which columns
// say where, which the ground of a transfer. Where a column says where,
// only it gives the place.
func columnRoles(header []string) (roles []columnRole, placed bool) {
	roles = make([]columnRole, len(header))
	for k, h := range header {
		switch n := normalize(h); {
		case anyCue(transferHeaders(), n):
			roles[k] = colTransfer
		case anyCue(placeHeaders(), n):
			roles[k], placed = colPlace, true
		}
	}
	return roles, placed
}

// changeLog reports whether a header is a change log's: its rows open
// with a date. A list whose later column says when a name was added is
// still a list.
func changeLog(header []string) bool {
	return len(header) > 0 && anyCue(logHeaders(), normalize(header[0])) && !anyCue(nameHeaders(), normalize(header[0]))
}

// tableSubProcessors proposes the names of a table of sub-processors: a
// table (markdown pipes or tabs) whose header row names a column of names,
// "Name of Subprocessor", "Underbiträde", "Navn". Each row's cell in that
// column is a sub-processor unless it is a template's placeholder ("[NAMN]",
// "1", "Företagsnamn"). It returns the proposals and the lines of the
// tables, which the row-by-row reading then leaves alone.
func tableSubProcessors(c model.Clause, lines []Span) ([]Proposal, map[int]bool) {
	var out []Proposal
	inTable := map[int]bool{}
	col := -1
	var header []string
	var roles []columnRole
	var placed, log bool // the table has a column of places; it is a change log
	seen := map[string]bool{}
	first := true // the line opens a table: only a table's first row is its header
	for i, l := range lines {
		cells := tableCells(l.In(c.Body))
		if len(cells) < 2 {
			col, first = -1, true
			continue
		}
		if col < 0 {
			if !first {
				continue
			}
			first = false
			if col = nameColumn(cells); col >= 0 {
				header = cells
				inTable[i] = true
				roles, placed = columnRoles(cells)
				log = changeLog(cells)
			}
			continue
		}
		inTable[i] = true
		if separatorRow(cells) || col >= len(cells) || log {
			continue
		}
		name := cleanName(cells[col])
		var org string
		if m := orgNumber().FindStringSubmatchIndex(name); m != nil {
			// "Exempel AB, org.nr 556000-0000": the number goes to its field
			org = name[m[2]:m[3]]
			name = strings.TrimRight(strings.TrimSpace(name[:max(0, strings.IndexAny(name, ",("))]), ",")
		}
		if placeholder(name) || seen[name] {
			continue // a name listed twice (two services of one company) is one sub-processor
		}
		seen[name] = true
		sub := model.SubProcessor{Name: name, OrgNumber: org, Clause: c.Number, Status: model.SubApproved}
		conf := 0.6 // a name under a header that says so; an org. no. and a company form add to it
		if org != "" {
			conf += 0.2
		}
		if words := strings.Fields(name); legalForms[words[len(words)-1]] {
			conf += 0.1
		}
		var region string
		for k, cell := range cells {
			role := colOther
			if k < len(roles) {
				role = roles[k]
			}
			if k == col || role == colTransfer {
				continue
			}
			country, r := placeOf(cell)
			if placed && role != colPlace {
				country, r = "", ""
			}
			sub.Country, region = cmp.Or(sub.Country, country), cmp.Or(region, r)
			if sub.Purpose == "" && role == colOther && country == "" && r == "" && k < len(header) && !placeholder(cell) {
				sub.Purpose = strings.TrimSpace(cell)
			}
		}
		if sub.Country == "" {
			sub.Region = region // the EEA, the EU: what the row names in place of a country
		}
		start := l.Start + max(0, strings.Index(l.In(c.Body), name))
		span := Span{start, start + len(name)}
		if !strings.Contains(l.In(c.Body), name) {
			span = l // the markdown taken off the name: the row is the evidence
		}
		out = append(out, Proposal{Kind: ProposeSubProcessor, Clause: c.Number, Span: span,
			Evidence: evidence(c.Body, l), Confidence: min(conf, 0.9),
			Reason: "a row of a table of sub-processors, under " + `"` + header[col] + `"`, Sub: &sub})
	}
	return out, inTable
}

// tableCells splits a table row into its cells, or returns nil for a line
// that is no row: "| a | b |" and "a\tb" are rows.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	sep := "|"
	if !strings.Contains(line, "|") {
		if !strings.Contains(line, "\t") {
			return nil
		}
		sep = "\t"
	}
	line = strings.TrimSuffix(strings.TrimPrefix(line, sep), sep)
	cells := strings.Split(line, sep)
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// nameColumn returns which header cell heads the names, or -1. A row with
// a template's blank ("[NAMN]") is a form to fill in, not a header.
func nameColumn(cells []string) int {
	for _, c := range cells {
		if strings.ContainsAny(c[:min(1, len(c))], "[<{") {
			return -1
		}
	}
	for i, c := range cells {
		if n := normalize(c); len(c) > 0 && len(c) < 60 && anyCue(nameHeaders(), n) && !anyCue(examples(), n) {
			return i
		}
	}
	return -1
}

// separatorRow reports whether a row is the "|---|:--|" under a header.
func separatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

// cleanName takes the markdown off a name: "**Name**", "[Name](url)".
func cleanName(s string) string {
	s = strings.Trim(s, "*_` ")
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]("); i > 0 {
			s = s[1:i]
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

// placeholder reports whether a cell is a template's blank rather than a
// name: no letter at all ("1", "–"), a bracketed field ("[NAMN]", "<name>"),
// a header word standing as a value ("Företagsnamn"), or a company not
// chosen yet ("Mail relay partner (TBD)", "meddelas senare").
func placeholder(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[:1], "[<{_") || strings.Contains(s, "…") || strings.Contains(s, "...") {
		return true
	}
	if strings.IndexFunc(s, unicode.IsLetter) < 0 || anyCue(undecidedNames(), normalize(s)) {
		return true
	}
	for _, w := range strings.Fields(normalize(s).text) {
		for _, h := range []string{"namn", "name", "navn", "nimi"} {
			if strings.HasSuffix(w, h) {
				return true
			}
		}
	}
	return false
}

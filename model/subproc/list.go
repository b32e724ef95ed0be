package subproc

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"avtal/model"
)

// Row is one sub-processor in a supplier's published list.
type Row struct {
	Name      string `json:"name"`
	OrgNumber string `json:"org_number,omitempty"`
	Country   string `json:"country"` // ISO 3166-1 alpha-2
	// Region is where it processes when the list names no single country
	// ("EEA"), as model.ParseRegion writes it.
	Region  string `json:"region,omitempty"`
	Purpose string `json:"purpose,omitempty"`
}

// SubProcessor returns the row as a register entry; it is proposed until
// the customer accepts it.
func (r Row) SubProcessor() model.SubProcessor {
	return model.SubProcessor{Name: r.Name, OrgNumber: r.OrgNumber, Country: r.Country, Region: r.Region, Purpose: r.Purpose, Status: model.SubProposed}
}

// ListError is a problem in an imported list, with the row (the line in the
// file, the header being the first non-blank line) and the column as the
// header writes it. Err is the refusal, keyed for the catalogue.
type ListError struct {
	Row    int
	Column string
	Err    *model.Refusal
}

// Unwrap is the refusal.
func (e *ListError) Unwrap() error { return e.Err }

// listError is the refusal r at row and column of a list.
func listError(row int, column string, r *model.Refusal) *ListError {
	return &ListError{Row: row, Column: column, Err: r}
}

func (e *ListError) Error() string {
	switch {
	case e.Row > 0 && e.Column != "":
		return fmt.Sprintf("row %d, column %s: %s", e.Row, e.Column, e.Err.Msg)
	case e.Row > 0:
		return fmt.Sprintf("row %d: %s", e.Row, e.Err.Msg)
	}
	return e.Err.Msg
}

// column is a column ParseList understands.
type column int

const (
	colName column = iota
	colOrg
	colCountry
	colRegion
	colPurpose
	numColumns
)

// columnNames are the canonical header names, the ones WriteCSV writes.
var columnNames = [numColumns]string{"name", "org_number", "country", "region", "purpose"}

// headerWords maps header names, in English and Swedish, as headerKey
// leaves them, to columns.
var headerWords = sync.OnceValue(func() map[string]column {
	words := [numColumns][]string{
		colName: {"name", "namn", "subprocessor", "subprocessorname", "nameofsubprocessor", "underbiträde",
			"underbitrade", "underleverantör", "underleverantor", "company", "companyname", "företag",
			"foretag", "företagsnamn", "entity", "legalentity", "vendor", "leverantör"},
		colOrg: {"orgnumber", "orgno", "orgnr", "orgnummer", "organisationsnummer", "organisationnumber",
			"organizationnumber", "registrationnumber", "companynumber", "companyregistrationnumber",
			"corporateidentitynumber", "registreringsnummer"},
		colCountry: {"country", "land", "countrycode", "landskod", "location", "plats", "placering",
			"countryofprocessing", "processinglocation", "locationofprocessing", "hostinglocation", "behandlingsland"},
		colRegion: {"region", "område", "omrade", "area", "geography", "processingregion", "regionofprocessing"},
		colPurpose: {"purpose", "ändamål", "andamal", "syfte", "purposeofprocessing", "processing",
			"processingactivity", "behandling", "behandlingsändamål", "service", "tjänst", "description",
			"beskrivning", "activity", "natureofprocessing"},
	}
	m := map[string]column{}
	for col, list := range words {
		for _, w := range list {
			m[w] = column(col)
		}
	}
	return m
})

// headerKey makes header names comparable: lower case letters and digits only.
func headerKey(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, h)
}

// delimiters are the separators ParseList recognises, in the order it
// prefers them when a header would split equally well on several.
var delimiters = []rune{',', ';', '\t', '|'}

// ParseList reads a supplier's sub-processor list from CSV or a table
// pasted from a document or spreadsheet. The first non-blank line is the
// header; its column names (English or Swedish) say which column is which,
// and the delimiter (, ; tab or |) is the one that splits the header into
// the most known names. Name and country (or region) are required
// columns; org number and purpose are optional; other columns are ignored. Values may be
// quoted (CSV rules; in tab-separated pastes a stray quote is kept as
// text, and |-tables have no quoting), and runs of whitespace in them
// become one space. A leading apostrophe that guards a cell against
// running as a formula (see SafeRecord) is dropped. Countries may be ISO codes or names in English or
// Swedish and come back as codes. Each row names a country or a region
// (model.ParseRegion); a country cell may name the EU or the EEA instead
// ("EES", as Pureservice's appendix does), which is read as the region.
//
// On any problem ParseList returns no rows and a *ListError naming the row
// and column.
func ParseList(text string) ([]Row, error) {
	lines := strings.Split(strings.TrimPrefix(text, "\uFEFF"), "\n")
	head := 0
	for head < len(lines) && strings.TrimSpace(lines[head]) == "" {
		head++
	}
	if head == len(lines) {
		return nil, listError(0, "", model.Refuse("list_empty", "the list is empty — the first row must name the columns: name, country, purpose, org number"))
	}
	delim, err := detectDelimiter(lines[head], head+1)
	if err != nil {
		return nil, err
	}
	recs, err := readRecords(lines, delim)
	if err != nil {
		return nil, err
	}
	header := recs[0].fields
	cols, err := mapHeader(header, recs[0].line)
	if err != nil {
		return nil, err
	}
	rows := []Row{}
	for _, rec := range recs[1:] {
		if blank(rec.fields) {
			continue
		}
		if len(rec.fields) != len(header) {
			return nil, listError(rec.line, "", model.Refuse("list_columns", "%d columns but the header has %d — check the delimiter (%s) and quote values that contain it", len(rec.fields), len(header), Delimiter(delim)))
		}
		row, err := readRow(rec.fields, header, cols, rec.line)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// record is one row of the list with the line it starts on.
type record struct {
	line   int
	fields []string
}

// readRecords splits the lines into records: |-tables by the pipes, the
// rest by CSV rules. Blank lines are skipped; there is at least one record
// (the header).
func readRecords(lines []string, delim rune) ([]record, error) {
	var recs []record
	if delim == '|' {
		for i, l := range cleanLines(lines, delim) {
			if l != "" {
				recs = append(recs, record{i + 1, strings.Split(l, "|")})
			}
		}
		return recs, nil
	}
	r := csv.NewReader(strings.NewReader(strings.Join(cleanLines(lines, delim), "\n")))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = delim != '\t' // with tab it would swallow empty cells
	r.LazyQuotes = delim == '\t'       // pasted from a document, quotes are text
	for {
		fields, err := r.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, record{line, fields})
	}
}

// detectDelimiter picks the delimiter that splits the header into the most
// known column names (then the most columns), and refuses a header it
// cannot read either way.
func detectDelimiter(header string, row int) (rune, error) {
	type score struct{ known, fields int }
	best, bestScore, tied := rune(0), score{-1, 0}, rune(0)
	for _, d := range delimiters {
		r := csv.NewReader(strings.NewReader(header))
		r.Comma = d
		r.LazyQuotes = true
		fields, err := r.Read()
		if err != nil {
			continue
		}
		s := score{0, len(fields)}
		for _, f := range fields {
			if _, ok := headerWords()[headerKey(f)]; ok {
				s.known++
			}
		}
		switch {
		case s.known > bestScore.known || s.known == bestScore.known && s.fields > bestScore.fields:
			best, bestScore, tied = d, s, 0
		case s == bestScore:
			tied = d
		}
	}
	switch {
	case bestScore.known <= 0 && bestScore.fields <= 1:
		return 0, listError(row, "", model.Refuse("list_one_column", "the header has only one column — separate the columns with , ; tab or |"))
	case bestScore.known <= 0:
		return 0, listError(row, "", model.Refuse("list_no_header", "the first row must name the columns — found none of name, country, purpose, org number (or namn, land, ändamål, organisationsnummer)"))
	case tied != 0 && bestScore.fields > 1:
		return 0, listError(row, "", model.Refuse("list_tied", "the header splits equally on %s and %s — use one delimiter", Delimiter(best), Delimiter(tied)))
	}
	return best, nil
}

// cleanLines blanks whitespace-only lines, so they are skipped like empty
// ones, and for |-tables drops the outer pipes and the |---|---| rule under
// the header. Lines keep their numbers.
func cleanLines(lines []string, delim rune) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
		case delim != '|':
			out[i] = l
		case strings.Trim(t, "|-:+ \t") == "":
		default:
			t = strings.TrimPrefix(t, "|")
			t = strings.TrimSuffix(t, "|")
			out[i] = t
		}
	}
	return out
}

// mapHeader finds the known columns in the header; unknown ones are
// ignored. The name and country columns are required.
func mapHeader(header []string, row int) ([numColumns]int, error) {
	var idx [numColumns]int
	for c := range idx {
		idx[c] = -1
	}
	for i, h := range header {
		col, ok := headerWords()[headerKey(h)]
		if !ok {
			continue
		}
		if j := idx[col]; j >= 0 {
			return idx, listError(row, strings.TrimSpace(h), model.Refuse("list_same_column", "means %s, like column %q — keep one of them", columnNames[col], strings.TrimSpace(header[j])))
		}
		idx[col] = i
	}
	if idx[colName] < 0 {
		return idx, listError(row, "", model.Refuse("list_missing", "missing required column %q", columnNames[colName]))
	}
	if idx[colCountry] < 0 && idx[colRegion] < 0 {
		return idx, listError(row, "", model.Refuse("list_missing_place", "missing required column %q (or %q)", columnNames[colCountry], columnNames[colRegion]))
	}
	return idx, nil
}

// readRow reads and checks one data row.
func readRow(rec, header []string, cols [numColumns]int, line int) (Row, error) {
	value := func(c column) string {
		if cols[c] < 0 {
			return ""
		}
		return strings.Join(strings.Fields(unguard(strings.TrimSpace(rec[cols[c]]))), " ")
	}
	fail := func(c column, err error) error {
		r, ok := err.(*model.Refusal)
		if !ok {
			r = &model.Refusal{Msg: err.Error()}
		}
		return listError(line, strings.TrimSpace(header[cols[c]]), r)
	}
	row := Row{Name: value(colName), OrgNumber: value(colOrg), Purpose: value(colPurpose)}
	if row.Name == "" {
		return Row{}, fail(colName, model.Refuse("list_no_name", "empty — every sub-processor needs a name"))
	}
	region, err := model.ParseRegion(value(colRegion))
	if err != nil {
		return Row{}, fail(colRegion, err)
	}
	country := value(colCountry)
	if country == "" && region != "" {
		row.Region = region
		return row, nil
	}
	c, err := ParseCountry(country)
	if err != nil {
		// A country column that names the EU or the EEA names a region.
		if r, _ := model.ParseRegion(country); (r == model.RegionEU || r == model.RegionEEA) && region == "" {
			row.Region = r
			return row, nil
		}
		if country == "" {
			err = model.Refuse("list_no_place", "no country or region given — write the two-letter code, e.g. SE, or a region such as EEA")
		}
		return Row{}, fail(colCountry, err)
	}
	row.Country, row.Region = c.Code, region
	return row, nil
}

// blank reports whether every cell of a record is empty.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvError turns the CSV reader's errors into words about quotes.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return listError(0, "", model.Refuse("list_unreadable", "%s", err))
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return listError(pe.Line, "", model.Refuse("list_bare_quote", `a value contains a quote (") but does not start with one — quote the whole value and double the inner quote ("")`))
	case errors.Is(pe.Err, csv.ErrQuote):
		return listError(pe.StartLine, "", model.Refuse("list_open_quote", "a quoted value is not closed, or has text after its closing quote"))
	}
	return listError(pe.StartLine, "", model.Refuse("list_unreadable", "%s", pe.Err))
}

// Delimiter is a list's delimiter as a message names it: a tab by that
// word (ui/i18n words it in the user's language), any other in quotes.
type Delimiter rune

func (d Delimiter) String() string {
	if d == '\t' {
		return "tab"
	}
	return fmt.Sprintf("%q", rune(d))
}

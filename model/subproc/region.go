package subproc

import (
	"strings"
	"sync"

	"avtal/model"
)

// Region is where a country stands under the GDPR's transfer rules.
type Region string

// The regions. RegionEEA is the EEA outside the EU (Iceland, Liechtenstein,
// Norway), or somewhere in the EEA for a sub-processor that names the EEA
// and no country; use InEEA to ask "EU or EEA".
const (
	RegionEU       Region = "eu"
	RegionEEA      Region = "eea"
	RegionAdequacy Region = "adequacy"
	RegionThird    Region = "third_country"
	RegionUnknown  Region = "unknown"
)

// InEEA reports whether data may go to the region without a transfer basis.
func (r Region) InEEA() bool { return r == RegionEU || r == RegionEEA }

// Country is one ISO 3166-1 country with its names and region.
type Country struct {
	Code   string `json:"code"` // ISO 3166-1 alpha-2
	NameEN string `json:"name_en"`
	NameSV string `json:"name_sv"`
	Region Region `json:"region"`
	// Note qualifies the region: the limits of an adequacy decision, or why
	// a territory is (not) in the EU.
	Note string `json:"note,omitempty"`
}

// The country table, as of 2025-09-01: the European Commission's list of
// adequacy decisions under GDPR art. 45 (commission.europa.eu, Data
// protection > International dimension > Adequacy decisions); EU and EEA
// membership per the EU treaties and the EEA Agreement; codes and English
// names per ISO 3166-1, Swedish names per CLDR. Adequacy decisions change:
// check the list when a region matters.

var byCode = sync.OnceValue(func() map[string]Country {
	m := make(map[string]Country, len(countries))
	for _, c := range countries {
		m[c.Code] = c
	}
	return m
})

// byName maps folded English and Swedish names and common aliases to codes.
var byName = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 2*len(countries)+len(aliases))
	for _, c := range countries {
		m[fold(c.NameEN)] = c.Code
		m[fold(c.NameSV)] = c.Code
	}
	for name, code := range aliases {
		m[fold(name)] = code
	}
	return m
})

// aliases are names people write that are not the table's names, including
// the codes the EU itself uses for Greece (EL) and the United Kingdom (UK).
var aliases = map[string]string{
	"USA": "US", "United States of America": "US", "Amerikas förenta stater": "US",
	"UK": "GB", "Great Britain": "GB", "Förenade kungariket": "GB",
	"EL": "GR", "Holland": "NL", "The Netherlands": "NL", "Czech Republic": "CZ",
	"Turkey": "TR", "Republic of Korea": "KR", "Korea": "KR", "Republiken Korea": "KR",
	"Cape Verde": "CV", "Ivory Coast": "CI", "Swaziland": "SZ", "Vitryssland": "BY",
	"Burma": "MM", "Russian Federation": "RU",
}

// Lookup returns the country with the ISO 3166-1 alpha-2 code (any case).
func Lookup(code string) (Country, error) {
	c, ok := byCode()[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, model.Refuse("country_unknown", "%q is not an ISO 3166 country code", code)
	}
	return c, nil
}

// RegionOf returns the region of a country code, RegionUnknown when the
// code is empty or not in the table.
func RegionOf(code string) Region {
	c, err := Lookup(code)
	if err != nil {
		return RegionUnknown
	}
	return c.Region
}

// SubRegion is where a sub-processor stands under the transfer rules: the
// region of its country or, when it names none, of the region it names —
// RegionEU for the EU, RegionEEA for the EEA (somewhere in it, maybe in the
// EU) — and RegionUnknown for any other region or none.
func SubRegion(s model.SubProcessor) Region {
	if s.Country != "" {
		return RegionOf(s.Country)
	}
	switch s.Region {
	case model.RegionEU:
		return RegionEU
	case model.RegionEEA:
		return RegionEEA
	}
	return RegionUnknown
}

// ParseCountry reads what a person or a supplier's list writes for a
// country: an ISO code in any case, or a name in English or Swedish. The
// error suggests the code to write when the value is close to a known name.
func ParseCountry(s string) (Country, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return Country{}, model.Refuse("country_none", "no country given — write the two-letter code, e.g. SE")
	}
	if c, ok := byCode()[strings.ToUpper(s)]; ok && len(s) == 2 {
		return c, nil
	}
	if code, ok := byName()[fold(s)]; ok {
		return byCode()[code], nil
	}
	if len(s) == 2 {
		return Country{}, model.Refuse("country_unknown", "%q is not an ISO 3166 country code", s)
	}
	if code := nearestName(fold(s)); code != "" {
		// Both names go along, so each language names the country in its own.
		c := byCode()[code]
		return Country{}, model.Refuse("country_near", "%[1]q is not an ISO code — write %[2]s (%[3]s)", s, code, c.NameEN, c.NameSV)
	}
	return Country{}, model.Refuse("country_name", "%q is not an ISO code or a country name — write the two-letter code, e.g. SE", s)
}

// fold makes names comparable: lower case, single spaces, one kind of
// apostrophe, "&" as "and".
func fold(s string) string {
	return nameMarks.Replace(strings.ToLower(strings.Join(strings.Fields(s), " ")))
}

// nameMarks are the marks fold writes one way. Made once: a Replacer costs
// far more to make than to use, and fold runs for every name of the table
// as the program starts.
var nameMarks = strings.NewReplacer("’", "'", "&", "and")

// nearestName returns the code of the name within a typo or two of s
// (edit distance at most 1 for short names, 2 from 6 letters), or "" when
// none is that close or two different countries are equally close.
func nearestName(s string) string {
	limit := 1
	if len([]rune(s)) >= 6 {
		limit = 2
	}
	best, bestCode := limit+1, ""
	for name, code := range byName() {
		d := editDistance(s, name)
		switch {
		case d < best:
			best, bestCode = d, code
		case d == best && code != bestCode:
			bestCode = "" // ambiguous at this distance
		}
	}
	if best > limit {
		return ""
	}
	return bestCode
}

// editDistance is the Levenshtein distance between a and b in runes; both
// are folded already.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

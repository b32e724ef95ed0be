package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"avtal/model"
)

// Tag is one entry of the built-in clause taxonomy. IDs are stable: they are
// stored with clauses and typed in the CLI.
type Tag struct {
	ID string `json:"id"`
	SV string `json:"sv"`
	EN string `json:"en"`
	// CUAD names the category of the CUAD contract dataset the tag matches, if any.
	CUAD string `json:"cuad,omitempty"`
	// Stems are the cue words that suggest the tag, Swedish and English,
	// written as cues are (see cue): "uppsäg", "*avgift", "=sla".
	Stems []string `json:"stems"`
}

// Taxonomy is the built-in set of clause tags, modelled on CUAD's 41
// categories and extended with what Swedish SaaS and data-processing
// agreements regulate (sub-processors, third-country transfer, SLA,
// service credits, indexation).
var Taxonomy = []Tag{
	{"definitions", "Definitioner", "Definitions", "", []string{"definition"}},
	{"term", "Avtalstid", "Term", "Expiration Date", []string{"avtalstid", "avtalsperiod", "giltighetstid", "ikraftträd",
		"träder i kraft", "träda i kraft", "=term", "effective date", "commencement", "expir"}},
	{"renewal", "Förlängning", "Renewal", "Renewal Term", []string{"förläng", "förnya", "förnyelse", "renew", "extension"}},
	{"termination", "Uppsägning och hävning", "Termination", "Termination For Convenience", []string{"uppsäg", "säga upp",
		"sägs upp", "säger upp", "sagt upp", "hävning", "=häva", "hävas", "upphörande", "terminat", "cancel"}},
	{"notice", "Uppsägningstid och meddelanden", "Notice", "Notice Period To Terminate Renewal", []string{"*uppsägningstid",
		"varsel", "underrätt", "meddelanden", "notice", "notif"}},
	{"liability_cap", "Ansvarsbegränsning", "Limitation of liability", "Cap On Liability", []string{"ansvarsbegräns",
		"begränsning av ansvar", "*skadestånd", "indirekt skada", "indirekta skador", "följdskad", "limitation of liability",
		"liabilit", "consequential", "indirect loss", "indirect damage"}},
	{"uncapped_liability", "Obegränsat ansvar", "Uncapped liability", "Uncapped Liability", []string{"grov vårdslöshet",
		"uppsåt", "gross negligence", "wilful misconduct", "willful misconduct", "unlimited liability"}},
	{"indemnity", "Skadeslöshet", "Indemnity", "", []string{"skadeslös", "indemn", "hold harmless"}},
	{"liquidated_damages", "Vite", "Liquidated damages", "Liquidated Damages", []string{"vite", "förseningsvite",
		"dröjsmålsvite", "liquidated damages", "penalt"}},
	{"confidentiality", "Sekretess", "Confidentiality", "", []string{"*sekretess", "konfidentiell", "tystnadsplikt",
		"confidential", "non disclosure", "nondisclosure"}},
	{"personal_data", "Personuppgifter", "Personal data", "", []string{"personuppgift", "dataskydd", "=gdpr",
		"personal data", "data protection", "data subject", "=dpa"}},
	{"data_breach", "Personuppgiftsincident", "Personal data breach", "", []string{"personuppgiftsincident",
		"säkerhetsincident", "data breach", "security incident"}},
	{"subprocessors", "Underbiträden", "Sub-processors", "", []string{"*underbiträd", "*underleverantör",
		"sub processor", "subprocessor", "subcontract"}},
	{"third_country_transfer", "Överföring till tredjeland", "Third-country transfer", "", []string{"*tredjeland",
		"tredje land", "utanför ees", "utanför eu", "standardavtalsklausul", "privacy shield", "third countr",
		"outside the eea", "outside the eu", "outside the european", "standard contractual clauses", "international transfer"}},
	{"security", "Informationssäkerhet", "Security", "", []string{"informationssäkerhet", "säkerhetsåtgärd",
		"tekniska och organisatoriska", "kryptering", "security measure", "information security", "encrypt"}},
	{"sla", "Servicenivå", "Service level", "", []string{"servicenivå", "*tillgänglighet", "upptid", "nedtid",
		"responstid", "åtgärdstid", "=sla", "service level", "availability", "uptime", "downtime", "response time"}},
	{"service_credits", "Kreditering", "Service credits", "", []string{"krediter", "*kreditering", "prisavdrag",
		"prisnedsättning", "service credit", "credit"}},
	{"support", "Support", "Support", "", []string{"support", "kundtjänst", "helpdesk", "service desk", "servicedesk"}},
	{"price", "Priser och avgifter", "Price and fees", "Price Restrictions", []string{"pris", "*avgift", "arvode",
		"timpris", "fastpris", "price", "pricing", "=fee", "=fees", "charges"}},
	{"indexation", "Indexering", "Indexation", "", []string{"*index", "=kpi", "=lci", "=cpi", "prisjustering",
		"uppräkning", "price adjustment"}},
	{"payment", "Betalning", "Payment", "", []string{"betal", "faktur", "dröjsmålsränta", "förfallodag",
		"payment", "=pay", "invoic", "late interest"}},
	{"minimum_commitment", "Minimiåtagande", "Minimum commitment", "Minimum Commitment", []string{"minimiåtagande",
		"minsta volym", "minimum commitment", "minimum purchase"}},
	{"most_favoured", "Mest gynnad kund", "Most favoured customer", "Most Favored Nation", []string{"mest gynnad",
		"most favored", "most favoured"}},
	{"assignment", "Överlåtelse", "Assignment", "Anti-Assignment", []string{"överlåt", "assign", "transfer this agreement",
		"transfer the agreement"}},
	{"change_of_control", "Ägarförändring", "Change of control", "Change Of Control", []string{"ägarförändring",
		"ägarförhållande", "change of control"}},
	{"force_majeure", "Force majeure", "Force majeure", "", []string{"force majeure", "befrielsegrund",
		"omständighet utanför", "omständigheter utanför", "beyond its reasonable control", "act of god"}},
	{"governing_law", "Lagval", "Governing law", "Governing Law", []string{"lagval", "tillämplig lag", "svensk lag",
		"svensk rätt", "norsk lag", "norsk rätt", "dansk lag", "governing law", "laws of", "applicable law"}},
	{"disputes", "Tvister", "Disputes", "", []string{"tvist", "skiljedom", "skiljeförfar", "skiljenämnd", "skiljeman",
		"domstol", "tingsrätt", "=scc", "medling", "dispute", "arbitrat", "court", "jurisdiction", "mediation"}},
	{"audit", "Revision och granskning", "Audit", "Audit Rights", []string{"revision", "granskning", "inspektion",
		"audit", "inspect"}},
	{"ipr", "Immateriella rättigheter", "Intellectual property", "IP Ownership Assignment", []string{"immateriell",
		"upphovsrätt", "patent", "varumärke", "äganderätt", "intellectual property", "copyright", "trademark", "=ipr"}},
	{"license", "Licens och nyttjanderätt", "License", "License Grant", []string{"licen", "nyttjanderätt",
		"användningsrätt", "right to use"}},
	{"escrow", "Deposition av källkod", "Source code escrow", "Source Code Escrow", []string{"källkod", "escrow",
		"source code"}},
	{"warranty", "Garanti", "Warranty", "Warranty Duration", []string{"garanti", "felansvar", "reklamation",
		"reklamera", "warrant", "defect"}},
	{"acceptance", "Godkännande och acceptans", "Acceptance", "", []string{"godkännandeprov", "acceptans",
		"leveransgodkännande", "leveransprov", "acceptance"}},
	{"insurance", "Försäkring", "Insurance", "Insurance", []string{"försäkring", "insurance"}},
	{"non_solicitation", "Värvningsförbud", "Non-solicitation", "No-Solicit Of Employees", []string{"värv",
		"solicit", "no hire"}},
	{"non_compete", "Konkurrensförbud", "Non-compete", "Non-Compete", []string{"konkurrensförbud",
		"konkurrerande verksamhet", "non compete", "compete"}},
	{"exclusivity", "Exklusivitet", "Exclusivity", "Exclusivity", []string{"exklusiv", "ensamrätt", "exclusiv"}},
	{"marketing", "Marknadsföring och referenser", "Publicity", "", []string{"marknadsför", "referenskund",
		"logotyp", "publicity", "marketing", "press release", "logo"}},
	{"post_termination", "Avveckling och återlämnande", "Exit and data return", "Post-Termination Services",
		[]string{"återlämn", "avveckling", "exit", "överflyttning", "migrering", "transition assistance", "return of data",
			"data return"}},
	{"changes", "Ändringar av villkoren", "Changes to the terms", "", []string{"ändringar av villkoren",
		"ändring av villkoren", "ändra villkoren", "ändra avtalet", "villkorsändring", "uppdatera villkoren",
		"uppdaterade villkor", "amendment", "changes to the terms", "modification"}},
	{"precedence", "Rangordning", "Order of precedence", "", []string{"rangordning", "företräde", "precedence", "prevail"}},
}

// tagCue is one stem of one tag.
type tagCue struct {
	tag int // index in Taxonomy
	cue cue
}

// tagCues holds every tag's stems parsed.
var tagCues = sync.OnceValue(func() []tagCue {
	var out []tagCue
	for i, t := range Taxonomy {
		for _, c := range cues(t.Stems...) {
			out = append(out, tagCue{i, c})
		}
	}
	if len(out) > maxTagCues {
		panic("extract: more tag stems than eachTagCue marks")
	}
	return out
})

// maxTagCues is how many stems eachTagCue can mark as found.
const maxTagCues = 512

// tagIndex holds the stems of tagCues, by index, the way eachTagCue looks
// them up: by the first three bytes of their first word, or, for the few
// stems that are infixes or begin with a shorter word, in a list searched
// for in the whole text.
type tagIndex struct {
	byStart map[string][]int
	search  []int
}

var tagCueIndex = sync.OnceValue(func() tagIndex {
	ix := tagIndex{byStart: map[string][]int{}}
	for i, tc := range tagCues() {
		if tc.cue.infix || len(tc.cue.first) < 3 {
			ix.search = append(ix.search, i)
			continue
		}
		k := tc.cue.first[:3]
		ix.byStart[k] = append(ix.byStart[k], i)
	}
	return ix
})

// eachTagCue calls found with the tag of every stem that occurs in n, as
// cue.in would find it: each word of the text looks up the stems its first
// three bytes may begin, rather than each stem being searched for in the
// text.
func eachTagCue(n *normText, found func(tag int)) {
	cs, ix := tagCues(), tagCueIndex()
	for _, i := range ix.search {
		if cs[i].cue.in(n) {
			found(cs[i].tag)
		}
	}
	text := n.text
	var done [maxTagCues / 64]uint64 // the stems found, or, of several words, checked
	for rest := text[1:]; rest != ""; {
		end := strings.IndexByte(rest, ' ')
		w := rest[:end]
		rest = rest[end+1:]
		if len(w) < 3 {
			continue
		}
		for _, i := range ix.byStart[w[:3]] {
			if done[i/64]&(1<<(i%64)) != 0 {
				continue
			}
			c := &cs[i].cue
			var hit bool
			switch {
			case c.multi:
				if w != c.first {
					continue
				}
				hit = strings.Contains(text, c.needle)
			case c.whole:
				hit = w == c.first
			default:
				hit = strings.HasPrefix(w, c.first)
			}
			if hit || c.multi {
				done[i/64] |= 1 << (i % 64)
			}
			if hit {
				found(cs[i].tag)
			}
		}
	}
}

// TagByID returns the tag with the given id.
func TagByID(id string) (Tag, bool) {
	i := slices.IndexFunc(Taxonomy, func(t Tag) bool { return t.ID == id })
	if i < 0 {
		return Tag{}, false
	}
	return Taxonomy[i], true
}

// SuggestTags returns the ids of the tags a clause's words point to, the
// strongest first. Every stem found counts once, a stem in the heading
// twice, so "12 Uppsägning" ranks termination above a passing mention of
// payment in its body; ties keep Taxonomy order.
func SuggestTags(heading, body string) []string {
	score := make([]int, len(Taxonomy))
	h, b := normalize(heading), normalize(body)
	eachTagCue(&h, func(tag int) { score[tag] += 2 })
	eachTagCue(&b, func(tag int) { score[tag]++ })
	type scored struct {
		id    string
		score int
	}
	var found []scored
	for i, n := range score {
		if n > 0 {
			found = append(found, scored{Taxonomy[i].ID, n})
		}
	}
	slices.SortStableFunc(found, func(x, y scored) int { return cmp.Compare(y.score, x.score) })
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = f.id
	}
	return ids
}

// CheckTag returns the tag id that input names: a built-in tag by its id or
// by its Swedish or English label ("Ansvarsbegränsning" → liability_cap),
// or the user's own tag as model.CheckTag allows it ("Exit-Plan" → exit-plan).
// What is neither is a *TagError.
func CheckTag(input string) (string, error) {
	in := strings.TrimSpace(input)
	for _, t := range Taxonomy {
		if strings.EqualFold(in, t.ID) || strings.EqualFold(in, t.SV) || strings.EqualFold(in, t.EN) {
			return t.ID, nil
		}
	}
	tag, err := model.CheckTag(in)
	if err != nil {
		return "", &TagError{Key: "bad_tag", Args: []any{in, model.MaxTagLen}}
	}
	return tag, nil
}

// TagError is why a tag cannot be put on or taken off a clause: a message
// key the faces word in their language ("bad_tag", "has_tag", "no_tag")
// and its arguments, the tag first.
type TagError struct {
	Key  string
	Args []any
}

var tagMessages = map[string]string{
	"bad_tag": "%q is not a tag: use a built-in tag, or letters and digits joined by - or _ (at most %d, e.g. exit-plan)",
	"has_tag": "the clause already has %s",
	"no_tag":  "the clause has no tag %s",
}

func (e *TagError) Error() string { return fmt.Sprintf(tagMessages[e.Key], e.Args...) }

// CheckTagging checks putting the tag input names (CheckTag) on a clause
// (add) or taking it off, against the tags the clause carries: the
// confirmed ones, and the suggested ones the importer put there. A tag to
// add must not be confirmed yet (adding a suggested one confirms it); a
// tag to take off must be there, confirmed or suggested. It returns the
// tag's id, or a *TagError. The store runs it inside the write's
// transaction and the forms before they save, so the CLI and the panes
// refuse the same.
func CheckTagging(input string, confirmed, suggested []string, add bool) (string, error) {
	tag, err := CheckTag(input)
	switch {
	case err != nil:
		return "", err
	case add && slices.Contains(confirmed, tag):
		return "", &TagError{Key: "has_tag", Args: []any{tag}}
	case !add && !slices.Contains(confirmed, tag) && !slices.Contains(suggested, tag):
		return "", &TagError{Key: "no_tag", Args: []any{tag}}
	}
	return tag, nil
}

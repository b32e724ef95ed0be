package docimport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/extract"
)

// The labelled corpus of real agreements lives outside the repository, in
// ../shared/corpus next to it (AVTAL_CORPUS names another directory); its
// labels also cover the five seeds. This test imports every document the
// way `avtal import` does, up to the proposals, and scores the proposals
// against the labels exactly as ../shared/tools/corpus-score does: periods
// compared in days and months, names without company forms, tier tables as
// sets, a citation right when the proposal's clause is the labelled one.

// corpusFloors are the least the proposals must reach, in per cent: facts
// precision, recall and cited right, in total and per language. The issue's
// targets are 90/75/90; these are a little under what the importer reached
// when they were last raised, so the test guards against going back.
var corpusFloors = map[string][3]float64{
	"total": {95, 88, 94},
	"da":    {99, 99, 99},
	"en":    {95, 86, 95},
	"fi":    {99, 80, 99},
	"no":    {99, 99, 99},
	"sv":    {94, 90, 90},
}

func TestCorpusFacts(t *testing.T) {
	dir := os.Getenv("AVTAL_CORPUS")
	if dir == "" {
		dir = "../../../shared/corpus"
	}
	labels, _ := filepath.Glob(filepath.Join(dir, "labels", "*.json"))
	if len(labels) == 0 {
		t.Skipf("no labelled corpus in %s", dir)
	}
	scores := map[string]*score{"total": {}}
	for _, path := range labels {
		var l label
		data, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(data, &l)
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		doc, err := os.ReadFile(filepath.Join(dir, l.File))
		if err != nil {
			t.Logf("%s: %v (skipped)", l.File, err)
			continue
		}
		var props []extract.Proposal
		if plan, err := Prepare(filepath.Base(l.File), doc); err == nil {
			for _, d := range plan.Documents {
				props = append(props, d.Proposals...)
			}
		}
		s := scoreDocument(l.expected(), proposedFacts(props))
		for _, m := range s.missed {
			t.Logf("%s: missed %s", l.File, m)
		}
		for _, f := range s.false {
			t.Logf("%s: not in label %s", l.File, f)
		}
		if scores[l.Lang] == nil {
			scores[l.Lang] = &score{}
		}
		scores[l.Lang].add(s)
		scores["total"].add(s)
	}
	for _, lang := range slices.Sorted(func(yield func(string) bool) {
		for k := range scores {
			if !yield(k) {
				return
			}
		}
	}) {
		s := scores[lang]
		got := [3]float64{pct(s.tp, s.proposals), pct(s.matched, s.expected), pct(s.cited, s.matched)}
		t.Logf("%s: precision %.0f%% (%d/%d), recall %.0f%% (%d/%d), cited %.0f%% (%d/%d)", lang,
			got[0], s.tp, s.proposals, got[1], s.matched, s.expected, got[2], s.cited, s.matched)
		floor, ok := corpusFloors[lang]
		if !ok {
			continue
		}
		for i, name := range []string{"precision", "recall", "cited right"} {
			if got[i] < floor[i] {
				t.Errorf("%s: facts %s %.1f%% is below its floor %.0f%%", lang, name, got[i], floor[i])
			}
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// label is the part of a corpus label the facts come from.
type label struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	Term *struct {
		Initial    any  `json:"initial"`
		Renewal    any  `json:"renewal"`
		Notice     any  `json:"notice"`
		Indefinite bool `json:"indefinite"`
		Clause     any  `json:"clause"`
	} `json:"term"`
	Rules []struct {
		Kind   string `json:"kind"`
		Offset any    `json:"offset"`
		Clause any    `json:"clause"`
	} `json:"rules"`
	Tiers *struct {
		Clause any `json:"clause"`
		Tiers  []struct {
			Below     *float64 `json:"below"`
			CreditPct *float64 `json:"credit_pct"`
		} `json:"tiers"`
	} `json:"sla_tiers"`
	Subprocessors []struct {
		Name   string `json:"name"`
		Clause any    `json:"clause"`
	} `json:"subprocessors"`
	Supplier *struct {
		Name      string `json:"name"`
		OrgNumber string `json:"org_number"`
	} `json:"supplier"`
}

// fact is one thing a label says or a proposal claims: a kind, a value
// ("30d", "12m", a name key, a tier set) and the clause it cites.
type fact struct {
	kind, value string
	clause      string
	cites       bool // the label gives a clause to check against
}

// periodUnits are the scorer's unit words and what they count in.
var periodUnits = map[string]string{
	"hour": "h", "hours": "h", "timme": "h", "timmar": "h", "timer": "h", "time": "h", "tuntia": "h",
	"day": "d", "days": "d", "calendar day": "d", "calendar days": "d", "dag": "d", "dagar": "d",
	"dage": "d", "dager": "d", "päivä": "d", "päivää": "d", "kalenderdagar": "d",
	"working day": "wd", "working days": "wd", "business day": "wd", "business days": "wd",
	"arbetsdag": "wd", "arbetsdagar": "wd", "bankdag": "wd", "bankdagar": "wd", "hverdage": "wd",
	"virkedager": "wd", "arbeidsdager": "wd", "arkipäivää": "wd",
	"week": "w", "weeks": "w", "vecka": "w", "veckor": "w", "uge": "w", "uger": "w", "uke": "w", "uker": "w",
	"month": "m", "months": "m", "månad": "m", "månader": "m", "måned": "m", "måneder": "m",
	"kuukausi": "m", "kuukautta": "m",
	"year": "y", "years": "y", "år": "y", "vuosi": "y", "vuotta": "y",
}

var periodRe = func() *regexp.Regexp {
	words := make([]string, 0, len(periodUnits))
	for w := range periodUnits {
		words = append(words, regexp.QuoteMeta(w))
	}
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	// Python's \b: the unit must not run on into another letter or digit
	return regexp.MustCompile(`(?i)(\d+(?:[.,]\d+)?)\s*[-‑ ]?\s*(` + strings.Join(words, "|") + `)(?:[^\pL\pN_]|$)`)
}()

// period reads "30 days" as "30d"; weeks count as days and years as months.
func period(v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		return "", false
	}
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	m := periodRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	n, _ := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
	u := periodUnits[strings.ToLower(m[2])]
	switch u {
	case "w":
		u, n = "d", n*7
	case "y":
		u, n = "m", n*12
	}
	return strconv.FormatFloat(n, 'f', -1, 64) + u, true
}

var (
	companyForms = regexp.MustCompile(`(?i)(^|[^\pL\pN_])(ab|aktiebolag|as|asa|aps|a/s|oy|oyj|abp|inc|ltd|limited|llc|sas|sarl|s\.a\.r\.l|gmbh|bv|b\.v|nv|plc|corp|corporation|co|sa|s\.a|publ)([^\pL\pN_]|$)`)
	bracketed    = regexp.MustCompile(`\(.*?\)`)
	wordRe       = regexp.MustCompile(`[\pL\pN_]+`)
	placeholders = regexp.MustCompile(`(?i)[\[\]<>_{}]|leverantör|supplier|…`)
	nonDigits    = regexp.MustCompile(`\D`)
)

// nameKey is a name without case, brackets and company forms: "Exempel AB
// (EX)" → "exempel".
func nameKey(s string) string {
	s = bracketed.ReplaceAllString(strings.ToLower(s), " ")
	// forms next to each other share a separator, so strip until none is left
	for prev := ""; prev != s; {
		prev, s = s, companyForms.ReplaceAllString(s, "$1 $3")
	}
	return strings.Join(wordRe.FindAllString(s, -1), " ")
}

// numKey is a clause number as the scorer compares it.
func numKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSpace(strings.ReplaceAll(s, "§", ""))
	s = strings.TrimSpace(strings.TrimRight(s, "."))
	return strings.Join(strings.Fields(s), " ")
}

var clauseParts = regexp.MustCompile(`[,;/]| and | och |\(also `)

// clauseOK reports whether a cited clause is the labelled one (or one of
// them, or under it).
func clauseOK(cited string, labelled any) bool {
	l, ok := labelled.(string)
	if !ok || l == "" {
		return false
	}
	a := numKey(cited)
	for _, part := range clauseParts.Split(l, -1) {
		b := numKey(strings.Trim(strings.TrimSpace(part), " )"))
		if b == "" {
			continue
		}
		af, bf := strings.Fields(a), strings.Fields(b)
		if a == b || strings.HasPrefix(a, b+".") || (len(af) > 0 && af[len(af)-1] == bf[len(bf)-1]) {
			return true
		}
	}
	return false
}

func clauseString(v any) string {
	s, _ := v.(string)
	return s
}

// expected returns the facts a label scores.
func (l label) expected() []fact {
	var out []fact
	seen := map[[2]string]bool{}
	// a fact whose label gives no clause counts as cited wherever it is
	add := func(kind, value string, clause any) {
		if !seen[[2]string{kind, value}] {
			seen[[2]string{kind, value}] = true
			out = append(out, fact{kind: kind, value: value, clause: clauseString(clause), cites: clause != nil})
		}
	}
	if t := l.Term; t != nil {
		for _, f := range []struct {
			v    any
			kind string
		}{{t.Initial, "term_initial"}, {t.Renewal, "term_renewal"}, {t.Notice, "termination_notice"}} {
			if p, ok := period(f.v); ok {
				add(f.kind, p, t.Clause)
			}
		}
		if t.Indefinite {
			add("term_indefinite", "true", t.Clause)
		}
	}
	for _, r := range l.Rules {
		if p, ok := period(r.Offset); ok && r.Kind != "other" {
			add(r.Kind, p, r.Clause)
		}
	}
	if l.Tiers != nil && len(l.Tiers.Tiers) > 0 {
		var set []string
		for _, x := range l.Tiers.Tiers {
			if x.Below != nil && x.CreditPct != nil {
				set = append(set, tierKey(*x.Below, *x.CreditPct))
			}
		}
		add("sla_tiers", tierSet(set), l.Tiers.Clause)
	}
	for _, s := range l.Subprocessors {
		if s.Name != "" {
			add("subprocessor", nameKey(s.Name), s.Clause)
		}
	}
	if s := l.Supplier; s != nil {
		if s.Name != "" && !placeholders.MatchString(s.Name) {
			add("supplier", nameKey(s.Name), nil)
		}
		if s.OrgNumber != "" {
			add("org_number", nonDigits.ReplaceAllString(s.OrgNumber, ""), nil)
		}
	}
	return out
}

func tierKey(below, credit float64) string { return fmt.Sprintf("%g:%g", below, credit) }

func tierSet(keys []string) string {
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), ",")
}

// proposedFacts returns the facts proposals claim, as the scorer reads
// them from `avtal import --json` (amendments are not scored).
func proposedFacts(props []extract.Proposal) []fact {
	var out []fact
	offset := func(p model.Period) string {
		if v, ok := period(p.String()); ok {
			return v
		}
		return p.String()
	}
	for _, p := range props {
		switch {
		case p.Kind == extract.ProposeRule && p.Rule != nil:
			out = append(out, fact{kind: string(p.Rule.Kind), value: offset(p.Rule.Offset), clause: cmpOr(p.Rule.Clause, p.Clause)})
		case p.Kind == extract.ProposeSLATiers:
			var set []string
			for _, x := range p.Tiers {
				set = append(set, tierKey(x.Below, x.CreditPct))
			}
			out = append(out, fact{kind: "sla_tiers", value: tierSet(set), clause: p.Clause})
		case p.Kind == extract.ProposeSubProcessor && p.Sub != nil:
			out = append(out, fact{kind: "subprocessor", value: nameKey(p.Sub.Name), clause: p.Clause})
		case p.Kind == extract.ProposeTerm && p.Term != nil:
			t := p.Term
			clause := cmpOr(t.Clause, p.Clause)
			for _, f := range []struct {
				p    model.Period
				kind string
			}{{t.Initial, "term_initial"}, {t.Renewal, "term_renewal"}, {t.Notice, "termination_notice"}} {
				if !f.p.IsZero() {
					out = append(out, fact{kind: f.kind, value: offset(f.p), clause: clause})
				}
			}
			if t.Indefinite {
				out = append(out, fact{kind: "term_indefinite", value: "true", clause: clause})
			}
		case p.Kind == extract.ProposeSupplier && p.Supplier != nil:
			if p.Supplier.Name != "" {
				out = append(out, fact{kind: "supplier", value: nameKey(p.Supplier.Name), clause: p.Clause})
			}
			if p.Supplier.OrgNumber != "" {
				out = append(out, fact{kind: "org_number", value: nonDigits.ReplaceAllString(p.Supplier.OrgNumber, ""), clause: p.Clause})
			}
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sameValue compares two values of a kind: names when one holds the other.
func sameValue(kind, a, b string) bool {
	if kind == "subprocessor" || kind == "supplier" {
		return a != "" && b != "" && (a == b || strings.Contains(a, b) || strings.Contains(b, a))
	}
	return a == b
}

// score counts one document's or a group's facts.
type score struct {
	tp, proposals, matched, expected, cited int
	missed, false                           []string
}

func (s *score) add(o score) {
	s.tp += o.tp
	s.proposals += o.proposals
	s.matched += o.matched
	s.expected += o.expected
	s.cited += o.cited
}

// scoreDocument matches each expected fact to the first unused proposal of
// its kind and value, in label order, as the scorer does.
func scoreDocument(exp, props []fact) score {
	s := score{proposals: len(props), expected: len(exp)}
	used := make([]bool, len(props))
	for _, e := range exp {
		hit := -1
		for i, p := range props {
			if !used[i] && p.kind == e.kind && sameValue(e.kind, e.value, p.value) {
				hit = i
				break
			}
		}
		if hit < 0 {
			s.missed = append(s.missed, e.kind+" "+e.value)
			continue
		}
		used[hit] = true
		s.matched++
		if !e.cites || clauseOK(props[hit].clause, e.clause) {
			s.cited++
		}
	}
	for i, p := range props {
		if used[i] {
			s.tp++
		} else {
			s.false = append(s.false, fmt.Sprintf("%s %s [%s]", p.kind, p.value, p.clause))
		}
	}
	return s
}

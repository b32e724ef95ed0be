package extract

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSuggestTagsFindsSwedishCompounds(t *testing.T) {
	tests := []struct {
		heading, body string
		want          []string // must all be suggested
		not           []string // must not be
	}{
		{"", "Uppsägningstiden är tre månader.", []string{"termination", "notice"}, nil},
		{"Personuppgiftsbiträdesavtal", "", []string{"personal_data"}, []string{"subprocessors"}},
		{"", "Biträdet får anlita underbiträden och andra underleverantörer.", []string{"subprocessors"}, nil},
		{"Ansvarsbegränsning", "", []string{"liability_cap"}, nil},
		{"", "Tvister avgörs genom skiljedom i Stockholm.", []string{"disputes"}, nil},
		{"Lagval", "", []string{"governing_law"}, nil},
		{"", "Överföring till tredjeland får ske endast med stöd av standardavtalsklausuler.", []string{"third_country_transfer"}, nil},
		{"", "Vid försening utgår förseningsvite om 0,5 % per vecka.", []string{"liquidated_damages"}, nil},
		{"", "Avgiften justeras årligen genom indexering mot KPI.", []string{"indexation", "price"}, nil},
		{"", "Avgiften räknas om mot basindex.", []string{"indexation"}, nil},
		{"Kreditering", "Tjänstekreditering lämnas vid nedtid.", []string{"service_credits", "sla"}, nil},
		// aktiviteter holds the letters of "vite" but is no penalty
		{"", "Biträdet utför andra aktiviteter.", nil, []string{"liquidated_damages"}},
		// "garanterad upptid" is an SLA promise, not a warranty clause
		{"Garanterad upptid", "", []string{"sla"}, []string{"warranty"}},
		// English
		{"Limitation of Liability", "Neither party is liable for indirect loss.", []string{"liability_cap"}, nil},
		{"Governing law and disputes", "This agreement is governed by the laws of Sweden; disputes go to arbitration.",
			[]string{"governing_law", "disputes"}, nil},
		{"", "", nil, nil},
	}
	for _, tt := range tests {
		got := SuggestTags(tt.heading, tt.body)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("SuggestTags(%q, %q) = %v, missing %s", tt.heading, tt.body, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("SuggestTags(%q, %q) = %v, should not hold %s", tt.heading, tt.body, got, n)
			}
		}
		if tt.heading == "" && tt.body == "" && len(got) != 0 {
			t.Errorf("SuggestTags of nothing = %v", got)
		}
	}
}

func TestSuggestTagsRanksTheHeadingFirst(t *testing.T) {
	// heading "Uppsägning": termination scores 2 (heading) + 1 (body "sägs upp") = 3;
	// payment scores 1 (body "betalning").
	got := SuggestTags("Uppsägning", "Avtalet sägs upp skriftligen; obetald betalning förfaller genast.")
	if len(got) < 2 || got[0] != "termination" || !slices.Contains(got, "payment") {
		t.Errorf("SuggestTags = %v, want termination first and payment among the rest", got)
	}
}

func TestTaxonomyIsWellFormed(t *testing.T) {
	id := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	seen := map[string]bool{}
	for _, tag := range Taxonomy {
		if !id.MatchString(tag.ID) || seen[tag.ID] {
			t.Errorf("tag id %q is not unique snake_case", tag.ID)
		}
		seen[tag.ID] = true
		if tag.SV == "" || tag.EN == "" || len(tag.Stems) == 0 {
			t.Errorf("tag %s needs sv and en labels and stems", tag.ID)
		}
	}
	// the categories the issue names must all be there
	for _, want := range []string{"termination", "renewal", "notice", "liability_cap", "indemnity", "confidentiality",
		"personal_data", "subprocessors", "third_country_transfer", "sla", "service_credits", "price", "indexation",
		"payment", "assignment", "force_majeure", "governing_law", "disputes", "audit", "ipr", "warranty",
		"acceptance", "non_solicitation"} {
		if _, ok := TagByID(want); !ok {
			t.Errorf("taxonomy lacks %s", want)
		}
	}
	if _, ok := TagByID("nonsense"); ok {
		t.Error("TagByID(nonsense) found a tag")
	}
}

// The look-up of the stems by the text's words finds exactly the stems
// that checking each stem on its own (cue.in) finds, over every fixture
// clause and texts made to sit at the edges: a stem as the last word, a
// stem as a prefix of a longer word, a phrase whose first word is there
// alone.
func TestTagCueWalkFindsWhatEachStemFinds(t *testing.T) {
	texts := []string{"", "uppsägning", "ö", "zzz", "betalningsvillkor och ansvarsbegränsning",
		"ändringar", "ändringar av villkoren", "precedence prevail", "data", "data return exit"}
	for _, c := range fixtureDocument {
		texts = append(texts, c.Heading, c.Body)
	}
	for _, text := range texts {
		n := normalize(text)
		want := map[int]int{}
		for _, tc := range tagCues() {
			if tc.cue.in(&n) {
				want[tc.tag]++
			}
		}
		got := map[int]int{}
		eachTagCue(&n, func(tag int) { got[tag]++ })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: the walk found stems of tags %v, each stem alone %v", text, got, want)
		}
	}
}

func TestCheckTag(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"liability_cap", "liability_cap", ""},
		{"Ansvarsbegränsning", "liability_cap", ""}, // the Swedish label
		{"limitation of liability", "liability_cap", ""},
		{" Exit-Plan ", "exit-plan", ""},
		{"sekretess-ändring", "sekretess-ändring", ""},
		{"liability cap", "", "not a tag"},
		{"-x", "", "not a tag"},
		{"x--y", "", "not a tag"},
		{"x_", "", "not a tag"},
		{"", "", "not a tag"},
		{strings.Repeat("a", 41), "", "at most 40"},
	}
	for _, tt := range tests {
		got, err := CheckTag(tt.in)
		if got != tt.want || (tt.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("CheckTag(%q) = %q, %v; want %q, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestCheckTagging(t *testing.T) {
	confirmed, suggested := []string{"notice", "exit-plan"}, []string{"sla"}
	tests := []struct {
		input string
		add   bool
		want  string // the tag's id, or the refusal's key
	}{
		{"termination", true, "termination"},
		{" Exit-Plan ", true, "has_tag"},
		{"notice", true, "has_tag"},
		{"sla", true, "sla"}, // confirms the suggestion
		{"Bad Tag", true, "bad_tag"},
		{"notice", false, "notice"},
		{"sla", false, "sla"}, // a suggestion can be turned down
		{"termination", false, "no_tag"},
		{"-", false, "bad_tag"},
	}
	for _, tt := range tests {
		got, err := CheckTagging(tt.input, confirmed, suggested, tt.add)
		var te *TagError
		if errors.As(err, &te) {
			got = te.Key
		} else if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckTagging(%q, add %v) = %q, want %q", tt.input, tt.add, got, tt.want)
		}
	}
}

package extract

import (
	"reflect"
	"slices"
	"testing"

	"avtal/model"
)

func TestTierRowsWithLowerBound(t *testing.T) {
	tests := []struct{ lang, heading, row string }{
		{"sv", "Tillgänglighet och kreditering", "| Under 99,8 % men minst 99 % | 7 % |"},
		{"da", "Oppetid og kreditering", "| Under 99,8 % men mindst 99 % | 7 % |"},
		{"no", "Oppetid og kreditering", "| Under 99,8 % men minst 99 % | 7 % |"},
		{"fi", "Saatavuus ja hyvitys", "| Alle 99,8 % mutta vähintään 99 % | 7 % |"},
		{"en", "Uptime credits", "| Below 99.8% but at least 99% | 7% |"},
	}
	for _, tt := range tests {
		ps := ProposeTiers(model.Clause{Number: "4", Heading: tt.heading, Body: tt.row})
		if len(ps) != 1 || !slices.Equal(ps[0].Tiers, []model.CreditTier{{Below: 99.8, CreditPct: 7}}) {
			t.Errorf("%s: %+v, want one tier below 99.8 %% crediting 7 %%", tt.lang, ps)
		}
	}
}

// TestTierRanges: a row given as a range ends where the next row begins
// (98,99 % is short of 99 %), and a lower bound may be written out in words.
func TestTierRanges(t *testing.T) {
	tests := []struct {
		heading, body string
		want          []model.CreditTier
	}{
		{"Uptime credits", "| Monthly uptime | Credit |\n| 98% - 99.49% | 5% |\n| 95% - 97.99% | 15% |\n| < 95% | 40% |",
			[]model.CreditTier{{Below: 99.5, CreditPct: 5}, {Below: 98, CreditPct: 15}, {Below: 95, CreditPct: 40}}},
		{"Tillgänglighet och kreditering", "| 99,0 % – 99,899 % | 10 % |", []model.CreditTier{{Below: 99.9, CreditPct: 10}}},
		// ranges written high end first, the credit a reduction of the fee
		{"Tjenestenivå", "| Oppetid | Reduksjon av månedsprisen |\n| 99,89 % - 99,60 % | 4 % |\n| 99,59 % - 99,00 % | 8 % |",
			[]model.CreditTier{{Below: 99.9, CreditPct: 4}, {Below: 99.6, CreditPct: 8}}},
		// an upper end with one decimal is the threshold as written
		{"Uptime credits", "| 99.0% - 99.8% | 10% |", []model.CreditTier{{Below: 99.8, CreditPct: 10}}},
		{"Service credits", "| Less than 99.8%, but equal to or greater than 99% | 10% |\n| Less than 99% | 30% |",
			[]model.CreditTier{{Below: 99.8, CreditPct: 10}, {Below: 99, CreditPct: 30}}},
	}
	for _, tt := range tests {
		ps := ProposeTiers(model.Clause{Number: "4", Heading: tt.heading, Body: tt.body})
		if len(ps) != 1 || !slices.Equal(ps[0].Tiers, tt.want) {
			t.Errorf("%q: %+v, want %v", tt.body, ps, tt.want)
		}
	}
}

// TestTierRowInWordsIsNoTable: a row whose threshold is a level named in
// words, not a figure, leaves the table unread rather than read short.
func TestTierRowInWordsIsNoTable(t *testing.T) {
	for _, body := range []string{
		"| Uptime | Credit |\n|---|---|\n| < the plan's committed level | 5 % |\n| < 98 % | 20 % |\n| < 93 % | 40 % |",
		"| Upptid | Kredit |\n| Under avtalad nivå | 5 % |\n| Under 98 % | 20 % |",
	} {
		if ps := ProposeTiers(model.Clause{Number: "7", Heading: "Uptime credits", Body: body}); len(ps) != 0 {
			t.Errorf("%q: %+v, want no tiers", body, ps)
		}
	}
}

func TestTierExampleIsNoTable(t *testing.T) {
	body := "| Below 99.5% | 10% |\n\nExample:\n\n- The month reached 99.2%, below 99.5% so the credit is 10%.\n- Below 99.9% with 3% credit."
	ps := ProposeTiers(model.Clause{Number: "4", Heading: "Uptime credits", Body: body})
	if len(ps) != 1 || !slices.Equal(ps[0].Tiers, []model.CreditTier{{Below: 99.5, CreditPct: 10}}) {
		t.Errorf("%+v, want the table's one tier", ps)
	}
}

// TestTierMatrixIsNoTable: a credit per plan in columns whose header gives
// no plain plan names says no tiers, while a row that names its tier keeps
// it (TestPlanTiers has the tables read plan by plan).
func TestTierMatrixIsNoTable(t *testing.T) {
	tests := []struct {
		body string
		want []model.CreditTier
	}{
		{"Monthly uptime | Basic 99% | Pro 99.9%\n98% - < 99.9% | n/a | 15%\n< 98% | 20% | 40%", nil},
		{"Level | Monthly uptime | Credit\nTier A | < 99.9% | 10%\nTier B | < 99% | 25%",
			[]model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99, CreditPct: 25}}},
	}
	for _, tt := range tests {
		var got []model.CreditTier
		if ps := ProposeTiers(model.Clause{Number: "3", Heading: "Uptime credits", Body: tt.body}); len(ps) == 1 {
			got = ps[0].Tiers
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: tiers %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestMergeSiblingTiers(t *testing.T) {
	tier := func(clause string, below, credit float64) Proposal {
		return Proposal{Kind: ProposeSLATiers, Clause: clause, Tiers: []model.CreditTier{{Below: below, CreditPct: credit}}}
	}
	got := mergeSiblingTiers([]Proposal{tier("5.1", 99.9, 5), tier("5.2", 99.5, 5), tier("5.3", 99.5, 5), tier("6", 98, 20)})
	if len(got) != 2 || got[0].Clause != "5.1–5.3" || got[1].Clause != "6" {
		t.Fatalf("%+v, want 5.1–5.3 and 6", got)
	}
	if want := []model.CreditTier{{Below: 99.9, CreditPct: 5}, {Below: 99.5, CreditPct: 5}}; !slices.Equal(got[0].Tiers, want) {
		t.Errorf("tiers %+v, want %+v", got[0].Tiers, want)
	}
}

// A table of plans side by side gives a proposal for each plan, named by
// it; tiers of different plans are never one ladder.
func TestPlanTiers(t *testing.T) {
	type perPlan struct {
		name  string
		tiers []model.CreditTier
	}
	tests := []struct {
		name, body string
		want       []perPlan
	}{
		{"a column a plan over thresholds",
			"| Monthly uptime | Starter | Team |\n|---|---|---|\n| Below 99.9 % | 5 % | 10 % |\n| Below 99.0 % | 10 % | 20 % |",
			[]perPlan{{"Starter", []model.CreditTier{{Below: 99.9, CreditPct: 5}, {Below: 99, CreditPct: 10}}},
				{"Team", []model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99, CreditPct: 20}}}}},
		{"a plan left without credit at the first threshold",
			"| Reached | Gold | Silver | Bronze |\n| < 99.8% | – | 10% | 5% |\n| < 97% | 30% | 20% | 10% |",
			[]perPlan{{"Gold", []model.CreditTier{{Below: 97, CreditPct: 30}}},
				{"Silver", []model.CreditTier{{Below: 99.8, CreditPct: 10}, {Below: 97, CreditPct: 20}}},
				{"Bronze", []model.CreditTier{{Below: 99.8, CreditPct: 5}, {Below: 97, CreditPct: 10}}}}},
		{"a commitment row and a credit row under the plans",
			"| | Lite | Plus | Max |\n|---|---|---|---|\n| Uptime commitment | 99.0 % | 99.5 % | 99.9 % |\n| Service credit | 5 % | 10 % | 20 % |\n| Support reply | 2 days | 1 day | 4 hours |",
			[]perPlan{{"Lite", []model.CreditTier{{Below: 99, CreditPct: 5}}},
				{"Plus", []model.CreditTier{{Below: 99.5, CreditPct: 10}}},
				{"Max", []model.CreditTier{{Below: 99.9, CreditPct: 20}}}}},
		{"a row a plan with its commitment and credit",
			"| Plan | Availability | Credit |\n|---|---|---|\n| Lite | 99.0 % | 5 % |\n| Plus | 99.5 % | 5 % |",
			[]perPlan{{"Lite", []model.CreditTier{{Below: 99, CreditPct: 5}}},
				{"Plus", []model.CreditTier{{Below: 99.5, CreditPct: 5}}}}},
		{"named levels of one ladder",
			"| Level | Availability | Credit |\n| First | 99.9 % | 10 % |\n| Second | 99.0 % | 25 % |",
			[]perPlan{{"", []model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99, CreditPct: 25}}}}},
		{"credits that shrink as uptime falls are no ladder",
			"| 99.0 % | 5 % |\n| 99.5 % | 10 % |\n| 99.9 % | 20 % |", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []perPlan
			evidence := map[string]bool{} // the store tells a clause's proposals apart by it
			for _, p := range ProposeTiers(model.Clause{Number: "2", Heading: "Availability credits", Body: tt.body}) {
				got = append(got, perPlan{p.Plan, p.Tiers})
				if evidence[p.Evidence] {
					t.Errorf("two proposals with the evidence %q", p.Evidence)
				}
				evidence[p.Evidence] = true
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

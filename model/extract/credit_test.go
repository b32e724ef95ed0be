package extract

import (
	"testing"

	"avtal/model"
)

func TestCreditTiers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []model.CreditTier
		rows []string // the text each row item covers
	}{
		{
			name: "table with comparators, as in Pureservice's 4.5",
			in:   "Upptid per månad | Kreditering av månadsavgiften\n< 99,5 % | 25 %\n< 99 % | 50 %\n< 95 % | 100 %\n",
			want: []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}, {Below: 95, CreditPct: 100}},
			rows: []string{"< 99,5 % | 25 %", "< 99 % | 50 %", "< 95 % | 100 %"},
		},
		{
			name: "rows in sentences",
			in:   "Under 99,5% lämnas 25% av månadsavgiften i avdrag.\nUnder 98 % lämnas 40 % i avdrag.",
			want: []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 98, CreditPct: 40}},
			rows: []string{"Under 99,5% lämnas 25%", "Under 98 % lämnas 40 %"},
		},
		{
			name: "English with points, no comparator, but a table about uptime and credits",
			in:   "Monthly uptime    Service credit\n99.0% – 99.5%    10%\n95.0% – 99.0%    25%",
			want: []model.CreditTier{{Below: 99.5, CreditPct: 10}, {Below: 99, CreditPct: 25}},
			rows: []string{"99.0% – 99.5%    10%", "95.0% – 99.0%    25%"},
		},
		{
			name: "two rows on one line",
			in:   "Kreditering: < 99,5 % ger 10 %, < 99 % ger 20 %.",
			want: []model.CreditTier{{Below: 99.5, CreditPct: 10}, {Below: 99, CreditPct: 20}},
			rows: []string{"< 99,5 % ger 10 %", "< 99 % ger 20 %"},
		},
		{
			name: "a target and a higher goal are not a tier (99,9 is no credit)",
			in:   "Tillgängligheten ska vara 99,5 % och målet är 99,9 %. Kreditering enligt bilaga.",
		},
		{
			name: "two percentages without comparator outside a credit text",
			in:   "Priset höjs med 60 % och sedan 5 %.",
		},
		{
			name: "a threshold of 50 % or less is not an uptime",
			in:   "< 40 % | 10 %",
		},
	}
	for _, tt := range tests {
		got := CreditTiers(tt.in, "4.5")
		if len(got) != len(tt.want) {
			t.Errorf("%s: CreditTiers = %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if got[i].Tier != w || got[i].Kind != KindCreditTier || got[i].Span.In(tt.in) != tt.rows[i] {
				t.Errorf("%s: row %d = %+v %q, want %+v %q", tt.name, i, got[i].Tier, got[i].Span.In(tt.in), w, tt.rows[i])
			}
		}
	}
}

package model

import (
	"strings"
	"testing"
)

func TestTiersMustRiseAsUptimeFalls(t *testing.T) {
	tests := []struct {
		name  string
		tiers []CreditTier
		field string // "" when the table is fine
		msg   string
	}{
		{"rising", []CreditTier{{99.5, 25}, {99, 50}, {95, 100}}, "", ""},
		{"rising, written from the bottom", []CreditTier{{95, 100}, {99, 50}, {99.5, 25}}, "", ""},
		{"flat steps", []CreditTier{{99.5, 10}, {99, 10}}, "", ""},
		{"same tier twice", []CreditTier{{99.5, 10}, {99.5, 10}}, "", ""},
		{"falling", []CreditTier{{99.5, 50}, {99, 25}}, "tiers[1].credit_pct", "below 99% gives 25%, less than the 50% below 99.5%"},
		{"falling, written from the bottom", []CreditTier{{99, 25}, {99.5, 50}}, "tiers[1].credit_pct", "below 99% gives 25%"},
		{"one uptime, two credits", []CreditTier{{99.5, 10}, {99, 20}, {99.5, 5}}, "tiers[2].below", "below 99.5% is given twice"},
	}
	for _, tt := range tests {
		s := SLATerms{TargetPct: 99.5, Tiers: tt.tiers, Window: Window{Kind: Window24x7}}
		err := s.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != tt.field || !strings.Contains(fe.Msg, tt.msg) {
			t.Errorf("%s: %v, want %s: …%s…", tt.name, err, tt.field, tt.msg)
		}
	}
}

package model

import (
	"errors"
	"strings"
	"testing"
	"time"
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

func TestIncidentCheckRecord(t *testing.T) {
	start := time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC)
	ok := Incident{AgreementID: "a", Start: start, End: start.Add(time.Hour)}
	with := func(f func(*Incident)) Incident { i := ok; f(&i); return i }
	tests := []struct {
		name       string
		inc        Incident
		field, key string
		msg        string
	}{
		{"valid", ok, "", "", ""},
		{"no agreement", with(func(i *Incident) { i.AgreementID = "" }), "agreement_id", "agreement_missing", "agreement_id: must be set"},
		{"no start", with(func(i *Incident) { i.Start = time.Time{} }), "start", "start_missing", "start: must be set"},
		{"end before start", with(func(i *Incident) { i.End = start.Add(-time.Hour) }), "end", "end_order",
			"end: 2026-11-10 15:00 is not after the start 2026-11-10 16:00"},
		{"no length", with(func(i *Incident) { i.End = start }), "end", "end_order", "end: 2026-11-10 16:00 is not after the start 2026-11-10 16:00"},
		{"year 10000", with(func(i *Incident) { i.End = start.AddDate(8000, 0, 0) }), "end", "year", "end: year 10026 is outside 1–9999"},
		{"excluded, no reason", with(func(i *Incident) { i.Excluded = true }), "exclude_reason", "reason", "exclude_reason: say why the incident is excluded"},
		{"excluded with reason", with(func(i *Incident) { i.Excluded, i.ExcludeReason = true, "customer asked" }), "", "", ""},
	}
	for _, tt := range tests {
		err := tt.inc.CheckRecord()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v, want none", tt.name, err)
			}
			continue
		}
		var ie *IncidentError
		var fe *FieldError
		if !errors.As(err, &ie) || ie.Field != tt.field || ie.Key != tt.key || err.Error() != tt.msg || !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: %v, want %s (%s) %q", tt.name, err, tt.field, tt.key, tt.msg)
		}
	}
}

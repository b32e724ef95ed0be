package slacredit

import (
	"testing"
	"time"

	"avtal/model"
)

func TestPresetsAreValidAndLabelled(t *testing.T) {
	names := map[string]bool{}
	for _, p := range Presets() {
		if err := p.Terms.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		if p.Terms.Source == "" || p.Title == "" || names[p.Name] {
			t.Errorf("%s: want a unique name, a title and a source: %+v", p.Name, p)
		}
		names[p.Name] = true
	}
	for name, example := range map[string]bool{"pureservice": false, "centuri": false, "azure-style": true, "aws-style": true, "google-style": true} {
		if p, ok := PresetByName(name); !ok || p.Example != example {
			t.Errorf("%s: found %v, example %v; want found, example %v", name, ok, p.Example, example)
		}
	}
	if _, ok := PresetByName("oracle"); ok {
		t.Error("found a preset that does not exist")
	}
}

func TestPresetsAreFreshCopies(t *testing.T) {
	p, _ := PresetByName("pureservice")
	p.Terms.Tiers[0].CreditPct = 99
	if q, _ := PresetByName("pureservice"); q.Terms.Tiers[0].CreditPct != 25 {
		t.Errorf("changing a returned preset changed the next one: %v", q.Terms.Tiers)
	}
}

func TestCloudExamplesCredit(t *testing.T) {
	// November 2026 in UTC: 43 200 minutes; fee 1 000.
	tests := []struct {
		preset  string
		minutes int
		uptime  string
		credit  model.Amount
		capped  bool
	}{
		// 43 140 / 43 200 = 0.9986111… → 99.8611 % < 99.99 → 10 % = 100.
		{"azure-style", 60, "99.8611", sek(100), false},
		{"aws-style", 60, "99.8611", sek(100), false},
		// 480 min → 98.8889 %: Azure < 99 → 25 %, AWS < 99 → 30 %, Google < 99 → 25 %.
		{"azure-style", 480, "98.8889", sek(250), false},
		{"aws-style", 480, "98.8889", sek(300), false},
		{"google-style", 480, "98.8889", sek(250), false},
		// 2 days → 93.3333 % < 95: Google's 50 % is also its cap.
		{"google-style", 2880, "93.3333", sek(500), true},
		// 60 min → 99.8611 % is above Google's 99.5 %: no credit.
		{"google-style", 60, "99.8611", 0, false},
	}
	for _, tt := range tests {
		terms := preset(t, tt.preset)
		loc, _ := Location(terms.Window)
		start := month(t, "2026-11").Span(loc).Start.AddDate(0, 0, 9)
		inc := model.Incident{Start: start, End: start.Add(time.Duration(tt.minutes) * time.Minute)}
		r, err := Credit(terms, month(t, "2026-11"), sek(1000), []model.Incident{inc})
		if err != nil {
			t.Fatal(err)
		}
		if r.WindowMinutes != 43200 || r.Uptime() != tt.uptime || r.CreditAmount != tt.credit || r.Capped != tt.capped {
			t.Errorf("%s, %d min: window %d, uptime %s, credit %s, capped %v; want 43200, %s, %s, %v",
				tt.preset, tt.minutes, r.WindowMinutes, r.Uptime(), r.CreditAmount, r.Capped, tt.uptime, tt.credit, tt.capped)
		}
	}
}

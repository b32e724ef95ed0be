package extract

import (
	"testing"

	"avtal/model"
)

func TestDurations(t *testing.T) {
	type want struct {
		text   string
		period model.Period
	}
	m := func(n int) model.Period { return model.Period{N: n, Unit: model.Months} }
	tests := []struct {
		in   string
		want []want
	}{
		{"Uppsägning ska ske senast sex (6) månader innan perioden löper ut.", []want{{"sex (6) månader", m(6)}}},
		{"Fakturan betalas inom 30 dagar.", []want{{"30 dagar", model.Period{N: 30, Unit: model.Days}}}},
		{"Anmälan görs inom 4 veckor och svar lämnas inom 2 -två- veckors tid.",
			[]want{{"4 veckor", model.Period{N: 4, Unit: model.Weeks}}, {"2 -två- veckors", model.Period{N: 2, Unit: model.Weeks}}}},
		// dashes set apart, as Norwegian and Danish public texts write them
		{"Avtalen kan sies opp med 2 – to – måneders varsel.", []want{{"2 – to – måneders", m(2)}}},
		{"Opsigelse sker med 4 - fire - ugers varsel.", []want{{"4 - fire - ugers", model.Period{N: 4, Unit: model.Weeks}}}},
		{"Testperioden är tio (10) kalenderdagar.", []want{{"tio (10) kalenderdagar", model.Period{N: 10, Unit: model.Days}}}},
		{"Incidenten rapporteras inom 24 timmar.", []want{{"24 timmar", model.Period{N: 24, Unit: model.Hours}}}},
		{"under de tolv (12) månader som gått", []want{{"tolv (12) månader", m(12)}}},
		{"Either party may end it on six (6) months' notice.", []want{{"six (6) months", m(6)}}},
		{"payable within 30 days of the invoice", []want{{"30 days", model.Period{N: 30, Unit: model.Days}}}},
		{"åtgärdas inom fem arbetsdagar", []want{{"fem arbetsdagar", model.Period{N: 5, Unit: model.WorkDays}}}},
		{"no later than 3 months after delivery", []want{{"3 months", m(3)}}},
		// inflections: definite plural, genitive, the year forms
		{"de 12 månaderna före skadan", []want{{"12 månaderna", m(12)}}},
		{"tre (3) års sekretess och ett år därefter",
			[]want{{"tre (3) års", model.Period{N: 3, Unit: model.Years}}, {"ett år", model.Period{N: 1, Unit: model.Years}}}},
		// English forms: two-word units, a hyphenated unit, a hyphenated number
		{"within 5 business days, a 30-day cure period, thirty-six (36) months",
			[]want{{"5 business days", model.Period{N: 5, Unit: model.WorkDays}}, {"30-day", model.Period{N: 30, Unit: model.Days}},
				{"thirty-six (36) months", m(36)}}},
		// units written right after the digits; apart, a letter is no unit
		{"svar inom 4h, rapport inom 72h, radering inom 30d", []want{{"4h", model.Period{N: 4, Unit: model.Hours}},
			{"72h", model.Period{N: 72, Unit: model.Hours}}, {"30d", model.Period{N: 30, Unit: model.Days}}}},
		{"ilmoitus 24h kuluessa, poisto 14pv", []want{{"24h", model.Period{N: 24, Unit: model.Hours}},
			{"14pv", model.Period{N: 14, Unit: model.Days}}}},
		{"se punkt 4 d) och bilaga 2 h", nil},
		// Swedish compound number words: tjugofyra = 24
		{"tjugofyra (24) månader", []want{{"tjugofyra (24) månader", m(24)}}},
		// words and digits that disagree keep the digits (TestDurationConflict)
		{"sex (7) månader", []want{{"sex (7) månader", m(7)}}},
		// not durations: a decimal ("1,5 år" is not 5 years), an identifier, no unit, a version
		{"inom 1,5 år", nil},
		{"enligt Q3 dagar", nil},
		{"sex (6) exemplar och 2.9 månadsversioner", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := Durations(tt.in, "4.2")
		if len(got) != len(tt.want) {
			t.Errorf("Durations(%q) found %d items %v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || g.Period != w.period || g.Kind != KindDuration || g.Clause != "4.2" {
				t.Errorf("Durations(%q)[%d] = %q %v, want %q %v", tt.in, i, g.Text, g.Period, w.text, w.period)
			}
			if tt.in[g.Start:g.End] != g.Text {
				t.Errorf("span %d–%d of %q is %q, not the item text %q", g.Start, g.End, tt.in, tt.in[g.Start:g.End], g.Text)
			}
		}
	}
}

func TestDurationSpanIsInBytes(t *testing.T) {
	// "Återköp" has two two-byte letters before the duration: Å and ö.
	text := "Återköp inom 30 dagar."
	got := Durations(text, "")
	// "Återköp inom " is 7 runes + 2 extra bytes + 6 = 15 bytes; "30 dagar" is 8 bytes.
	if len(got) != 1 || got[0].Start != 15 || got[0].End != 23 {
		t.Fatalf("Durations(%q) = %+v, want one item at bytes 15–23", text, got)
	}
}

func TestDurationConflict(t *testing.T) {
	for text, conflict := range map[string]bool{"sex (7) månader": true, "sex (6) månader": false, "2 -tre- veckor": true} {
		got := Durations(text, "")
		if len(got) != 1 || got[0].Conflict != conflict {
			t.Errorf("Durations(%q) = %+v, want one item with conflict=%v", text, got, conflict)
		}
	}
}

package extract

import (
	"testing"

	"avtal/model"
)

func TestPercentages(t *testing.T) {
	type want struct {
		text string
		pct  float64
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"Tillgängligheten ska vara 99,5 % per månad.", []want{{"99,5 %", 99.5}}},
		{"rabatt om 10% på listpris", []want{{"10%", 10}}},
		{"högst femtio procent (50%) av värdet", []want{{"femtio procent (50%)", 50}}},
		{"an uptime of 99.5 percent", []want{{"99.5 percent", 99.5}}},
		{"fifty per cent of the fees", []want{{"fifty per cent", 50}}},
		{"0,5 % per påbörjad vecka, högst 10 %", []want{{"0,5 %", 0.5}, {"10 %", 10}}},
		// words and digits disagree: the digits win
		{"tio procent (15 %)", []want{{"tio procent (15 %)", 15}}},
		// not percentages: a version number, a "%" in a heading with no figure, a word with "%"
		{"version 2.9.1%", nil},
		{"Månatlig upptid-% Kreditering", nil},
		{"femtio %", nil},
	}
	for _, tt := range tests {
		got := Percentages(tt.in, "4.5")
		if len(got) != len(tt.want) {
			t.Errorf("Percentages(%q) = %v, want %d items", tt.in, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Text != w.text || g.Percent != w.pct || g.Span.In(tt.in) != w.text {
				t.Errorf("Percentages(%q)[%d] = %q %g, want %q %g", tt.in, i, g.Text, g.Percent, w.text, w.pct)
			}
		}
	}
}

func TestAmounts(t *testing.T) {
	type want struct {
		text     string
		amount   model.Amount // hundredths: 10 000 SEK = 1 000 000
		currency string
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"Avgiften är 10 000 SEK per år.", []want{{"10 000 SEK", 1_000_000, "SEK"}}},
		{"startavgift 1 500 kr.", []want{{"1 500 kr", 150_000, "SEK"}}},
		{"a fee of EUR 2,000 per month", []want{{"EUR 2,000", 200_000, "EUR"}}},
		{"högst 100 000 kronor", []want{{"100 000 kronor", 10_000_000, "SEK"}}},
		// decimals with a comma after space groups; both marks together
		{"2 500,50 kr och €2,000.50", []want{{"2 500,50 kr", 250_050, "SEK"}, {"€2,000.50", 200_050, "EUR"}}},
		// "1,5 miljoner" = 1 500 000; 2 MSEK = 2 000 000; 25 tkr = 25 000
		{"1,5 miljoner kronor, 2 MSEK, 25 tkr", []want{{"1,5 miljoner kronor", 150_000_000, "SEK"},
			{"2 MSEK", 200_000_000, "SEK"}, {"25 tkr", 2_500_000, "SEK"}}},
		// the Swedish ":-" means kronor; 1.500 groups thousands
		{"pris 1 500:- eller 1.500 SEK", []want{{"1 500:-", 150_000, "SEK"}, {"1.500 SEK", 150_000, "SEK"}}},
		{"USD 99.90 and 5 000 NOK", []want{{"USD 99.90", 9_990, "USD"}, {"5 000 NOK", 500_000, "NOK"}}},
		// not amounts: no currency, a code glued to the figure, a year
		{"10 000 användare", nil},
		{"SEK100", nil},
		{"år 2025", nil},
	}
	for _, tt := range tests {
		got := Amounts(tt.in, "7.1")
		if len(got) != len(tt.want) {
			t.Errorf("Amounts(%q) = %v, want %d items", tt.in, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Text != w.text || g.Amount != w.amount || g.Currency != w.currency || g.Span.In(tt.in) != w.text {
				t.Errorf("Amounts(%q)[%d] = %q %d %s, want %q %d %s", tt.in, i, g.Text, g.Amount, g.Currency, w.text, w.amount, w.currency)
			}
		}
	}
}

func TestDates(t *testing.T) {
	type want struct{ text, date string }
	tests := []struct {
		in   string
		want []want
	}{
		{"Avtalet gäller från 1 september 2023.", []want{{"1 september 2023", "2023-09-01"}}},
		{"Tjänsteavtal utgåva 3.1 – 22.10.2025 sida 4 av 12", []want{{"22.10.2025", "2025-10-22"}}},
		{"gäller från och med 2018-05-25", []want{{"2018-05-25", "2018-05-25"}}},
		{"undertecknat den 25 maj 2018", []want{{"25 maj 2018", "2018-05-25"}}},
		{"signed on 25th May 2018 and on May 25, 2018", []want{{"25th May 2018", "2018-05-25"}, {"May 25, 2018", "2018-05-25"}}},
		{"den 1:a mars 2024, 3 sep. 2024 och 25. mai 2018", []want{{"1:a mars 2024", "2024-03-01"},
			{"3 sep. 2024", "2024-09-03"}, {"25. mai 2018", "2018-05-25"}}},
		// 2024 is a leap year, 2023 is not
		{"29 februari 2024 men inte 29 februari 2023", []want{{"29 februari 2024", "2024-02-29"}}},
		// dates that do not exist, a date without a year, a version, a longer number
		{"30 februari 2024, 2024-02-30, 31.04.2025, 2024-13-01", nil},
		{"indexering sker den 1 januari", nil},
		{"2018-05-25-3 och 1.22.10.2025", nil},
	}
	for _, tt := range tests {
		got := Dates(tt.in, "1")
		if len(got) != len(tt.want) {
			t.Errorf("Dates(%q) = %v, want %d items", tt.in, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Text != w.text || g.Date.String() != w.date || g.Span.In(tt.in) != w.text {
				t.Errorf("Dates(%q)[%d] = %q %s, want %q %s", tt.in, i, g.Text, g.Date, w.text, w.date)
			}
		}
	}
}

func TestExtractOrdersAllKinds(t *testing.T) {
	text := "Från 1 januari 2026 kostar tjänsten 1 200 kr per månad, med 10 % rabatt under 12 månader."
	got := Extract(text, "7.2")
	kinds := []Kind{KindDate, KindAmount, KindPercent, KindDuration}
	if len(got) != len(kinds) {
		t.Fatalf("Extract = %v, want %v", got, kinds)
	}
	for i, k := range kinds {
		if got[i].Kind != k || got[i].Clause != "7.2" {
			t.Errorf("Extract[%d] = %s %q, want %s in clause 7.2", i, got[i].Kind, got[i].Text, k)
		}
	}
}

package extract

import "testing"

func TestFold(t *testing.T) {
	tests := map[string]string{
		"uppsägning":          "uppsagning",
		"Överlåtelse":         "Overlatelse",
		"ÅÄÖ åäö":             "AAO aao",
		"försäkring, café":    "forsakring, cafe",
		"Ærø og Grüße":        "AEro og Grusse",
		"a\u030angström":      "angstrom", // a + combining ring, as some files store å
		"plain ASCII 42 %":    "plain ASCII 42 %",
		"Norrtälje – 2025-01": "Norrtalje – 2025-01", // the dash is not a letter and stays
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		// the examples: definite and plural endings go
		{"leverantören", "leverantör"},
		{"avtalet", "avtal"},
		{"uppsägningen", "uppsägning"},
		{"villkoren", "villkor"},
		// the forms of one word meet
		{"leverantörer", "leverantör"},
		{"leverantörens", "leverantör"},
		{"avtalets", "avtal"},
		{"avtalen", "avtal"},
		{"underbiträde", "underbiträd"},
		{"underbiträden", "underbiträd"},
		{"tjänsten", "tjänst"},
		{"tjänsterna", "tjänst"},
		{"personuppgifter", "personuppgift"},
		{"dagar", "dag"},
		{"månaden", "månad"},
		{"månader", "månad"},
		// -lig goes after the ending: skriftligen → skriftlig → skrift
		{"skriftligen", "skrift"},
		{"skriftlig", "skrift"},
		// the -et guard: "paket" keeps its t, "paketet" meets it
		{"paket", "paket"},
		{"paketet", "paket"},
		// "-or" is taken for a plural, so villkor cuts further than villkoren;
		// "villk" is a prefix of "villkor", which is how search meets them
		{"villkor", "villk"},
		// upper case is lowered; short words have no R1 to strip from
		{"Avtalet", "avtal"},
		{"år", "år"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

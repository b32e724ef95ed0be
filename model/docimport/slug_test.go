package docimport

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ title, supplier, want string }{
		// The title names the supplier: the id starts there.
		{"ALLMÄNNA VILLKOR FÖR CENTURI SAAS", "Centuri AB", "centuri-saas"},
		{"Vägledning för volymavtal med Cleura AB", "Cleura AB", "cleura"},
		{"Pureservice tjänesteavtal", "Pureservice AS", "pureservice-tjanesteavtal"},
		// It does not: supplier's first word, then the title; å/ä/ö folded.
		// "superoffice-personuppgiftsbitradesavtal" is 11 + 1 + 27 = 39
		// characters; "-dpa" would make 43, past the 40 allowed.
		{"Personuppgiftsbiträdesavtal (DPA)", "SuperOffice Sweden AB", "superoffice-personuppgiftsbitradesavtal"},
		{"Avtal med Norrsken", "Norrsken AB", "norrsken"},
		{"Frågor och svar om Kundavtal 2", "", "fragor-och-svar-om-kundavtal-2"},
		// Cut at a word: "exempel-ett-mycket-langt-avtal-om-drift" is 39
		// characters, one more word would pass 40.
		{"Ett mycket långt avtal om drift och förvaltning", "Exempel AB", "exempel-ett-mycket-langt-avtal-om-drift"},
		// One word longer than 40 characters is cut inside it:
		// drift 5 + sakerhets 9 + gransknings 11 + uppfoljnings 12 + rap 3 = 40.
		{"Driftsäkerhetsgranskningsuppföljningsrapporteringsavtal", "", "driftsakerhetsgranskningsuppfoljningsrap"},
		{"§§ –", "", "agreement"},
	}
	for _, tt := range tests {
		if got := Slug(tt.title, tt.supplier); got != tt.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tt.title, tt.supplier, got, tt.want)
		}
	}
}

func TestNextVersion(t *testing.T) {
	tests := []struct{ old, stated, want string }{
		{"2.9", "3.0", "3.0"}, // the text states a new version
		{"2.9", "2.9", "2.10"},
		{"2.9", "", "2.10"},
		{"", "", "2"},
		{"1", "", "2"},
		{"v9", "", "v10"},
		{"rev", "", "rev 2"},
	}
	for _, tt := range tests {
		if got := NextVersion(tt.old, tt.stated); got != tt.want {
			t.Errorf("NextVersion(%q, %q) = %q, want %q", tt.old, tt.stated, got, tt.want)
		}
	}
}

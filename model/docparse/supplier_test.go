package docparse

import "testing"

// The supplier guessed for a new draft is the company with a legal form
// whose first word starts the most words of the text.
func TestGuessSupplier(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"named twice", "Avtal med Norrmoln Drift AB.\nNorrmoln Drift AB levererar tjänsten.", "Norrmoln Drift AB"},
		{"in capitals, and in small letters", "BJØRKLI DATA AS\n\nBjørkli Data AS leverer tjenesten. Bjørkli fakturerer.", "BJØRKLI DATA AS"},
		{"capitals ending in a form", "THE SERVICE IS GIVEN AS IS, EXCEPT AS THE LAW REQUIRES.\nExcept as said above, nothing is given.", ""},
		{"a name met once", "Tjänsten levereras av Fjällbris AB.", "Fjällbris AB"},
		{"a brand in compounds", "Exempeltjänsten ges av Exempel Drift AS.\nExempelportalen och Drift av servrar.\nDrift", "Exempel Drift AS"},
		// "Health" stands inside "StartHealth" three times, and as a word
		// of its own only in the other company's name.
		{"a word inside a longer one", "Palvelun tarjoaa StartHealth Oy.\nStartHealth Oy vastaa palvelusta, ja Kuura Health Oy ylläpitää järjestelmää.\nKuura Health Oy on alihankkija. StartHealth laskuttaa.",
			"StartHealth Oy"},
		{"a domain as the name", "Skyfjord.io AS leverer tjenesten.\nSkyfjord.io sender faktura.", "Skyfjord.io AS"},
	}
	for _, tt := range tests {
		if got := guessSupplier(tt.text); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

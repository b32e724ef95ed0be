package docparse

import "testing"

// A text whose front matter was removed is named by its first line when
// that line names a document, in any of the languages, even when it is an
// appendix heading or is set on two lines; the file name is the last resort.
func TestTitleFromTheFirstLine(t *testing.T) {
	tests := []struct{ text, title string }{
		{"Salgsbetingelser\nVi sender faktura hver måned.\n1. Betaling\nFakturaen betales innen 14 dager.\n", "Salgsbetingelser"},
		{"Palvelun käyttöehdot\n1. Palvelu\nPalvelu toimitetaan verkossa.\n", "Palvelun käyttöehdot"},
		{"Bilaga 2: Säkerhetsåtgärder\nLeverantören skyddar uppgifterna.\n1. Åtkomst\nÅtkomst kräver två faktorer.\n", "Bilaga 2: Säkerhetsåtgärder"},
		{"Vilkår for bruk av\n\nTjenesten Eksempel\n\n1. Formål\nVilkårene gjelder tjenesten.\n", "Vilkår for bruk av Tjenesten Eksempel"},
		{"Tack för att du valt oss!\n1. Tjänsten\nTjänsten levereras på webben.\n", "leverans"},
	}
	for _, tt := range tests {
		res, err := Parse("leverans.txt", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if res.Title != tt.title {
			t.Errorf("title %q, want %q", res.Title, tt.title)
		}
	}
}

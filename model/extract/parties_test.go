package extract

import (
	"slices"
	"testing"

	"avtal/model"
)

func TestPartiesSupplier(t *testing.T) {
	tests := []struct {
		lang, sentence, want string
	}{
		{"en", "This Agreement is made between Brightfield Hosting and the Customer.", "Brightfield Hosting"},
		{"en", "These terms form an agreement between you and northwind.io, a service for teams.", "northwind.io"},
		{"sv", "Detta avtal gäller mellan Kunden och Fjällmolnet.", "Fjällmolnet"},
		{"da", `Aftalen indgås mellem dig som kunde ("Kunden") og Skovdata ("Leverandøren").`, "Skovdata"},
		{"no", "Avtalens parter er kommunen og Vann- og avløpsetaten.", "Vann- og avløpsetaten"},
		{"no", "Partene er Fjordlyd Konsult og virksomheten som tar tjenesten i bruk.", "Fjordlyd Konsult"},
		{"fi", "Sopimuksen osapuolet ovat asiakas ja Revontuli Pilvi.", "Revontuli Pilvi"},
		// the first party described between commas before "and"
		{"sv", `Villkoren gäller mellan Vinterhamn, verksamt under varumärket Vinterhamn ("Vinterhamn"), och den som tecknar abonnemang.`, "Vinterhamn"},
		{"en", "This agreement is between Lumora, a design studio in Tallinn, and you.", "Lumora"},
		{"en", "This agreement is between Lumora, a studio, and Harbour Design.", ""},
		// two names: only the one put in the supplier's role
		{"sv", `Avtalet ingås mellan Stadsbolaget ("Kunden") och Nordsaga AB ("Leverantören").`, "Nordsaga AB"},
		{"en", "This agreement is between Alpha Corp and Beta Inc.", ""},
		// roles only, two things compared, no agreement named
		{"en", "This Agreement is between the Customer and the Provider.", ""},
		{"en", "In a conflict between this Agreement and the Order Form, the Order Form wins.", ""},
		{"en", "Choose a number between Ten and twenty.", ""},
	}
	for _, tt := range tests {
		if got := partiesSupplier(tt.sentence); got != tt.want {
			t.Errorf("%s %q: supplier %q, want %q", tt.lang, tt.sentence, got, tt.want)
		}
	}
}

func TestSupplierNamedAsDomainWithForm(t *testing.T) {
	tests := []struct{ lang, body, want string }{
		{"da", "Abonnementet købes hos Regnefix.dk ApS.\n\nRegnefix.dk ApS sender fakturaen.", "Regnefix.dk ApS"},
		{"sv", "Tjänsten levereras av Bokio.se AB.\n\nBokio.se AB skickar fakturan.", "Bokio.se AB"},
		{"no", "Tjenesten leveres av Fjordsky.no AS.\n\nFjordsky.no AS sender faktura.", "Fjordsky.no AS"},
		{"fi", "Palvelun tarjoaa Pilvi.fi Oy.\n\nPilvi.fi Oy laskuttaa.", "Pilvi.fi Oy"},
		{"en", "The service is run by Ledger.io Ltd.\n\nLedger.io Ltd sends the invoice.", "Ledger.io Ltd"},
		// A domain written in capitals is still one name with its form,
		// and the number after it is the company's.
		{"en", "1.1 The supplier is TRAILMAP.IO AS 911 222 333 (\"Trailmap\").", "TRAILMAP.IO AS"},
	}
	for _, tt := range tests {
		var got string
		for _, p := range Propose([]model.Clause{{Number: "1", Heading: "Vilkår", Body: tt.body}}) {
			if p.Kind == ProposeSupplier {
				got = p.Supplier.Name
			}
		}
		if got != tt.want {
			t.Errorf("%s: supplier %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// orgNumbers finds exactly what the expression finds over the whole text,
// only faster.
func TestOrgNumbersAgreeWithTheExpression(t *testing.T) {
	for _, text := range []string{
		"Leverantör: Moln i Norr AB, org.nr 556123-4567, Umeå.",
		"Exempel ApS (CVR-nr. 12345678) og Kunde A/S, CVR 87654321.",
		"Palvelu Oy, Y-tunnus 1234567-8, ja asiakas.",
		"Tjeneste AS, organisasjonsnummer 912 345 678, heretter Leverandøren.",
		"Example Ltd, company number 01234567, registered in England; signed 2024-04-01 and 2025-01-31.",
		"[CVR DK12345678](https://example.dk) — xorg.nr 556000-0000 is not a label.",
		"Nothing here but 2026-12-07, 08:00 and 99,5 %.",
		"Prices 1 000 000 SEK; ärendenummer 123456789; Org nr: 5560001111.",
	} {
		want := orgNumberRe().FindAllStringSubmatchIndex(text, -1)
		got := orgNumbers(text)
		if len(got) != len(want) {
			t.Errorf("%q: %v, want %v", text, got, want)
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%q: %v, want %v", text, got, want)
			}
		}
	}
}

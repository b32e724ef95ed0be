package docparse

import "testing"

// Rows of a table laid out with tabs, or with runs of spaces as text taken
// from a PDF has them, stay rows of their clause; numbered lines whose
// number is set off by spaces, and a single line with a wide gap, do not.
func TestColumnRowsStayInTheirClause(t *testing.T) {
	tests := []struct {
		name, text, clause, body string
	}{
		{
			name:   "tab-separated",
			text:   "1. Tillgänglighet\nUtfallet per månad ger avdrag:\nUtfall\tAvdrag\nunder 99,5 %\t5 %\nunder 98 %\t15 %\n2. Pris\nPriset står i prislistan.\n",
			clause: "1",
			body:   "Utfallet per månad ger avdrag:\n| Utfall | Avdrag |\n| under 99,5 % | 5 % |\n| under 98 % | 15 % |",
		},
		{
			name:   "aligned with spaces",
			text:   "1. Support\nPrioritet     Svarstid      Åtgärdstid\nHög           1 timme       4 timmar\nLåg           1 dag         5 dagar\n2. Pris\nPriset står i prislistan.\n",
			clause: "1",
			body:   "| Prioritet | Svarstid | Åtgärdstid |\n| Hög | 1 timme | 4 timmar |\n| Låg | 1 dag | 5 dagar |",
		},
		{
			name:   "numbers set off by spaces",
			text:   "1.    Avtalet\n1.1.    Detta avtal gäller tjänsten.\n1.2.    Avtalet löper ett år.\n",
			clause: "1.2",
			body:   "Avtalet löper ett år.",
		},
		{
			name:   "rows from a PDF with blank lines between them",
			text:   "4. Helpers\nThe vendor uses these helpers.\n\nCompany\tPurpose\tCountry\n\nHarbour Storage Limited\tKeeps backups\tIreland\n\nPinecone Mail\tSends reminders\tFinland\n\n5. Fees\nFees are paid yearly.\n",
			clause: "4",
			body:   "The vendor uses these helpers.\n\n| Company | Purpose | Country |\n| Harbour Storage Limited | Keeps backups | Ireland |\n| Pinecone Mail | Sends reminders | Finland |",
		},
		{
			name:   "one line with a gap",
			text:   "1. Kontakt\nSupport nås på vardagar.     Telefon 010-000 00 00\n",
			clause: "1",
			body:   "Support nås på vardagar. Telefon 010-000 00 00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse("x.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := clauseMap(res.Documents[0])[tt.clause].Body; got != tt.body {
				t.Errorf("clause %s: body %q, want %q", tt.clause, got, tt.body)
			}
		})
	}
}

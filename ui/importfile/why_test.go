package importfile

import (
	"os"
	"strings"
	"testing"

	"avtal/model/docimport"
	"avtal/ui/i18n"
)

func TestWhyInSwedish(t *testing.T) {
	tests := []struct{ en, sv string }{
		{`30 days near "invoice"`, "30 dagar nära ”invoice”"},
		{`2 business days near "underrätta"`, "2 arbetsdagar nära ”underrätta”"},
		{`yearly on 01-01 near "index"`, "årligen den 01-01 nära ”index”"},
		{`listed in a clause about sub-processors, org. no. 556000-0000, company form "AB", place SE`,
			"uppräknat i en punkt om underbiträden, org.nr 556000-0000, bolagsform ”AB”, plats SE"},
		{`a row of a table of sub-processors, under "Leverantör"`, "en rad i en tabell över underbiträden, under ”Leverantör”"},
		{"the agreement's term: initial 36 months, renewal 12 months, notice 6 months",
			"avtalstiden: inledande period 36 månader, förlängning 12 månader, uppsägningstid 6 månader"},
		{"the agreement runs until further notice, and no period of its own: until ended",
			"avtalet gäller tills vidare, och ingen egen period: tills det sägs upp"},
		{"a date the text gives as signed", "ett datum som texten anger som undertecknat"},
		{"clause 8.6.6 removed by 2", "punkt 8.6.6 utgår genom 2"},
		{"credit tables of 4 with 3 rows", "kredittabeller i 4 med 3 rader"},
		{"the company the text names most", "företaget som texten nämner mest"},
		{"a reason not known here", "a reason not known here"},
	}
	for _, tt := range tests {
		if got := Why(i18n.SV, tt.en); got != tt.sv {
			t.Errorf("%q: %q, want %q", tt.en, got, tt.sv)
		}
		if got := Why(i18n.EN, tt.en); got != tt.en {
			t.Errorf("English %q became %q", tt.en, got)
		}
	}
}

// Every reason the importer gives for the drift document's proposals has
// Swedish words: none is shown in English in a Swedish review.
func TestWhyKnowsTheImportersReasons(t *testing.T) {
	data, err := os.ReadFile("../../model/docimport/testdata/drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := docimport.Prepare("drift.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range plan.Documents {
		for _, p := range d.Proposals {
			for _, part := range strings.Split(p.Reason, ", ") {
				if whyPart(i18n.SV, part) == part {
					t.Errorf("no Swedish for %q (of %q)", part, p.Reason)
				}
			}
		}
	}
}

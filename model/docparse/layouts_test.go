package docparse

import (
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docread"
)

// Each layout an agreement is published in must come out as the same kind
// of clause tree, whatever the file's extension says.
func TestParseLayouts(t *testing.T) {
	tests := []struct {
		name, text string
		numbers    string            // the clause numbers, in order ("-" for an unnumbered clause)
		headings   map[string]string // number → heading
		bodies     map[string]string // number → a part of the body
	}{
		{
			name:    "a list written 1. for every item is numbered 1, 2, 3",
			text:    "# Villkor för bokföringstjänsten\n\n1. Byrån utför tjänsten med omsorg.\n1. Kunden lämnar underlag i tid.\n\n1. Fel ska anmälas inom en månad.\n",
			numbers: "1 2 3",
			bodies:  map[string]string{"2": "underlag i tid", "3": "inom en månad"},
		},
		{
			name: "a web page's numbered banner above the agreement does not take clause 1",
			text: "  1. This site stores small files in your browser. [More](https://example.com/files)\nAgree Refuse\n  * Products\n  * Prices\n" +
				"# Response Times\n\nThe provider answers as follows.\n\n### 1. Answer Times\n\nTickets are answered within a day.\n\n### 2. Refunds\n\nA late answer earns a refund.\n",
			numbers:  "- 1 2",
			headings: map[string]string{"1": "Answer Times"},
			bodies:   map[string]string{"": "small files in your browser", "2": "earns a refund"},
		},
		{
			name: "a list of companies with <br> breaks stays in its clause",
			text: "# Processing Terms\n\n## 1. Purpose\n\nThe vendor stores files for the client.\n\n## 2. Helpers\n\nThe client accepts these helpers:\n\n" +
				"**Harbour Storage Ltd**<br>\n12 Quay Lane, Galway, Ireland<br>\nKeeps backups\n\n**Pinecone Mail Oy**<br>\n7 Birch Street, Oulu, Finland<br>\nSends reminders\n\n" +
				"## 3. Audits\n\nThe client may check the vendor yearly.\n",
			numbers: "1 2 3",
			bodies:  map[string]string{"2": "Harbour Storage Ltd\n12 Quay Lane, Galway, Ireland\nKeeps backups"},
		},
		{
			name: "an unnumbered list of companies in HTML does not become headings",
			text: "<p>Our helpers</p><p>These companies help to run the service.</p>" +
				"<p><strong>Harbour Storage Ltd</strong><br>12 Quay Lane, Galway, Ireland<br>Keeps backups.</p>" +
				"<p><strong>Pinecone Mail Oy</strong><br>7 Birch Street, Oulu, Finland<br>Sends reminders.</p>" +
				"<p><strong>Quarry Billing Inc.</strong><br>40 Elm Road, Austin, USA<br>Sends invoices.</p>",
			numbers:  "1",
			headings: map[string]string{"1": "Our helpers"},
			bodies:   map[string]string{"1": "Pinecone Mail Oy\n7 Birch Street"},
		},
		{
			name:     "markdown headings in a .txt file",
			text:     "# Tjänsteavtal\n\n## 1. Parter\n\nExempel AB och Kunden.\n\n## 2. Avtalstid\n\n2.1. Avtalet gäller i två år.\n\n2.2. Det förlängs med ett år i taget.\n",
			numbers:  "1 2 2.1 2.2",
			headings: map[string]string{"1": "Parter", "2": "Avtalstid"},
		},
		{
			name:     "nested ordered lists imply their numbers",
			text:     "# Service Terms\n\n1. Service\n    1. Access.  The customer may use the service.\n    2. Support.  Support is given on working days.\n        a. by e-mail,\n\n2. Fees\n    1. Invoices.  Invoices are paid within 30 days.\n",
			numbers:  "1 1.1 1.2 2 2.1",
			headings: map[string]string{"1.1": "Access", "2.1": "Invoices"},
			bodies:   map[string]string{"1.2": "a. by e-mail,", "2.1": "paid within 30 days"},
		},
		{
			name:     "numbered headings nest under numbered headings",
			text:     "# Agreement\n\n## Key Terms\n\nWords.\n\n## 1. Roles\n\n### 1. Provider\n\nThe provider processes.\n\n### 2. Customer\n\nThe customer instructs.\n\n## 2. Transfers\n\n### 1. Consent\n\nTransfers need consent.\n",
			numbers:  "- 1 1.1 1.2 2 2.1",
			headings: map[string]string{"1.2": "Customer", "2.1": "Consent"},
		},
		{
			name:     "bold run-in numbers",
			text:     "## 3. Ersättning\n\n**3.1. Nivå ett**. Kunden får 5 % tillbaka.\n\n**3.2** Kunden får 10 % tillbaka.\n\n## 4. Definitioner\n\nOrd som används.\n",
			numbers:  "3 3.1 3.2 4",
			headings: map[string]string{"3.1": "Nivå ett"},
			bodies:   map[string]string{"3.1": "Kunden får 5 %", "3.2": "Kunden får 10 %"},
		},
		{
			name:     "unnumbered headings over numbered clauses take the number",
			text:     "# Terms\n\nIntroductory words about the service.\n\n## Accounts\n1.1. You must register.\n\n1.2. Keep the password safe.\n\n## Payments\n2.1. Pay in advance.\n",
			numbers:  "- 1 1.1 1.2 2 2.1",
			headings: map[string]string{"1": "Accounts", "2": "Payments"},
		},
		{
			name:     "headings without numbers are numbered by position",
			text:     "# Avtal för tjänsten\n\n## AVTALSPARTER\n\n### Kund\n\nKunden är ett företag.\n\n### Leverantör\n\nExempel Oy.\n\n## PRISER\n\nPriset är fast.\n",
			numbers:  "1 1.1 1.2 2",
			headings: map[string]string{"1": "AVTALSPARTER", "1.2": "Leverantör", "2": "PRISER"},
		},
		{
			name:     "a heading above the first ones goes on from their numbers",
			text:     "# Villkor för tjänsten\n\n## Användning\n\nKunden får använda tjänsten.\n\n## Betalning\n\nKunden betalar i förskott.\n\n# Tillägg för skolor\n\n## Avgift\n\nSkolan betalar ingenting.\n",
			numbers:  "1 2 3 3.1",
			headings: map[string]string{"2": "Betalning", "3": "Tillägg för skolor", "3.1": "Avgift"},
		},
		{
			name: "a text with page breaks has running footers even with headings",
			text: "# Hyresvillkor\n\n## 1. Hyra\n\nHyran betalas i förskott varje månad till\nExempel AB Sida 1\n" + docread.PageBreak +
				"\nhyresvärdens konto.\n\n## 2. Uppsägning\n\nUppsägning sker skriftligen.\nExempel AB Sida 2\n" + docread.PageBreak +
				"\n## 3. Tvist\n\nParterna ska först försöka enas.\n\nTvist avgörs av allmän domstol.\nExempel AB Sida 3\n",
			numbers: "1 2 3",
			bodies:  map[string]string{"1": "förskott varje månad till hyresvärdens konto.", "3": "allmän domstol."},
		},
		{
			name:     "a Markdown heading that ends in a dot keeps its title",
			text:     "## 4. Uses.\n\nThe data is used for support.\n\n## 5. Disclosures.\n\nNo data is sold.\n",
			numbers:  "4 5",
			headings: map[string]string{"4": "Uses", "5": "Disclosures"},
		},
		{
			name:     "a heading that ends in an abbreviation is a heading",
			text:     "4. Krav\n\nKravet sendes inn.\n\n5. Utbetaling mv.\n\nBeløpet betales innen 30 dager.\n\n6. Maksu ym.\n\nMaksu tapahtuu kuukausittain.\n",
			numbers:  "4 5 6",
			headings: map[string]string{"5": "Utbetaling mv.", "6": "Maksu ym."},
		},
		{
			name: "an unnumbered text with appendices is numbered by position, under each appendix too",
			text: "# Vilkår\n\n## Betaling\n\nFaktura betales inden 20 dage.\n\n## Ophør\n\nKunden kan opsige.\n\n" +
				"## Bilag 1: Databehandleraftale\n\nBestemmelser om data.\n\n### Sikkerhed\n\nDatabehandleren sørger for:\n\n" +
				"1. Kryptering af data\n2. evne til at genoprette data\n\n### Underdatabehandlere\n\nListen følger.\n\n" +
				"## Bilag 1.B: Underdatabehandlere\n\nDisse bruges.\n\n### Varsel\n\nTo dages varsel.\n",
			numbers:  "1 2 Bilag 1 Bilag 1.1 Bilag 1.2 Bilag 1.B Bilag 1.B.1",
			headings: map[string]string{"2": "Ophør", "Bilag 1.1": "Sikkerhed", "Bilag 1.B": "Underdatabehandlere", "Bilag 1.B.1": "Varsel"},
			bodies:   map[string]string{"Bilag 1.1": "2. evne til"},
		},
		{
			name: "lines set apart as headings without hashes, among Markdown headings",
			text: "# Terms of Use\n\n## The Service\n\nWe run the service for you and keep it working on most days of the year.\n\n" +
				"Fees and Billing\n\nYou pay the fee for each month in advance, and we send an invoice by e-mail every month.\n\n" +
				"LIMITS OF LIABILITY\n\nNEITHER PARTY IS LIABLE FOR LOST PROFITS OR ANY INDIRECT LOSS ARISING FROM THE SERVICE.\n\n" +
				"Our Partners\n\n- Hosting is done by a partner.\n\nThanks\n\nShort.\n",
			numbers:  "1 2 3",
			headings: map[string]string{"2": "Fees and Billing", "3": "LIMITS OF LIABILITY"},
			bodies:   map[string]string{"3": "Our Partners"},
		},
		{
			name:     "a bulleted list of anchor links under its own heading is contents, heading and all",
			text:     "# Terms\n\n## Contents\n\n- [Fees](#fees)\n- [Term](#term)\n  - [Renewal](#renewal)\n\n## Fees\n\nPay monthly.\n\n## Term\n\nOne year.\n",
			numbers:  "1 2",
			headings: map[string]string{"1": "Fees", "2": "Term"},
		},
		{
			name:     "levels set apart by a space after each dot",
			text:     "# Leveransvillkor\n\n## 1. Inledning\n\n### 1. 1. Omfattning\n\nVillkoren gäller alla uppdrag.\n\n### 1. 2. Parter\n\nByrån och Kunden.\n\n## 2. Betalning\n\n### 2. 1. Fakturor\n\nFakturor betalas inom 15 dagar.\n",
			numbers:  "1 1.1 1.2 2 2.1",
			headings: map[string]string{"1.1": "Omfattning", "2.1": "Fakturor"},
			bodies:   map[string]string{"2.1": "inom 15 dagar"},
		},
		{
			name:     "a number glued to its text",
			text:     "1.Allmänt\n1.1 Villkoren gäller för tjänsten.\n1.2Kunden ska betala i tid.\n2.Tvist\nTvister avgörs i domstol.\nPriset är 2.5GHz-tillägget plus moms.\n",
			numbers:  "1 1.1 1.2 2",
			headings: map[string]string{"1": "Allmänt", "2": "Tvist"},
			bodies:   map[string]string{"1.2": "Kunden ska betala", "2": "2.5GHz"},
		},
		{
			name:    "a lettered list's items are sub-clauses",
			text:    "1. Ansvar\nLeverantören ska:\n(a) hålla tjänsten uppe;\n(b) rapportera fel; och\n(c) rätta fel inom rimlig tid.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 1(a) 1(b) 1(c) 2",
			bodies:  map[string]string{"1": "Leverantören ska:", "1(b)": "rapportera fel; och"},
		},
		{
			name:    "roman items inside a lettered one",
			text:    "1. Ansvar\nKunden får:\n(a) använda tjänsten för att\n(i) lagra filer,\n(ii) dela filer; och\n(b) ge sina anställda konton.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 1(a) 1(a)(i) 1(a)(ii) 1(b) 2",
			bodies:  map[string]string{"1(a)": "använda tjänsten för att", "1(a)(ii)": "dela filer; och"},
		},
		{
			name:    "the ninth letter continues the letters",
			text:    "1. Rättigheter\nDe registrerade har rätt till\na) ett\nb) två\nc) tre\nd) fyra\ne) fem\nf) sex\ng) sju\nh) åtta\ni) nio\nj) tio\n",
			numbers: "1 1(a) 1(b) 1(c) 1(d) 1(e) 1(f) 1(g) 1(h) 1(i) 1(j)",
		},
		{
			name:    "a single (a) in prose stays text",
			text:    "1. Ansvar\nParten ansvarar inte för\n(a) skador som beror på kunden.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 2",
		},
		{
			name:    "a list that does not start at a stays text",
			text:    "1. Ansvar\nParten ansvarar för skador enligt (a) ovan och\n(b) skador på egendom, och\n(c) förlorad data.\n",
			numbers: "1",
		},
		{
			name:    "a second list from (a) stays in the first's last item",
			text:    "1. Ansvar\nLeverantören ska:\n(a) hålla tjänsten uppe;\n(b) rätta fel.\nKunden ska:\n(a) betala;\n(b) anmäla fel.\n",
			numbers: "1 1(a) 1(b)",
			bodies:  map[string]string{"1(b)": "Kunden ska:\n(a) betala;\n(b) anmäla fel."},
		},
		{
			name:     "lettered sections number the clauses under them",
			text:     "ANSLUTNINGSVILLKOR\n\nA. Allmänt\n1. Villkoren gäller anslutning till tjänsten.\n2. Villkoren gäller tills vidare.\n\nB. Betalning\n1. Avgiften betalas kvartalsvis.\n2. Fakturan betalas inom 30 dagar.\n",
			numbers:  "A A.1 A.2 B B.1 B.2",
			headings: map[string]string{"B": "Betalning"},
		},
		{
			name:    "letters after numbered clauses are no sections",
			text:    "1. Säkerhet\nLeverantören skyddar data:\nA. Fysiskt skydd\nB. Behörigheter\n",
			numbers: "1",
		},
		{
			name:     "section signs",
			text:     "§ 1 Parter\n\nExempel AB och Kunden.\n\n2 § Avtalstid\n\nAvtalet gäller tills vidare.\n\n§ 3\nUppsägning\nTre månaders uppsägningstid.\n",
			numbers:  "1 2 3",
			headings: map[string]string{"1": "Parter", "2": "Avtalstid", "3": "Uppsägning"},
		},
		{
			name:    "a table stays in its clause, rows that look alike are not page furniture",
			text:    "1. Tillgänglighet\n\nKunden får avdrag enligt tabellen.\n\n| Tillgänglighet | Avdrag |\n| --- | --- |\n| Under 99,9 % | 5 % |\n| Under 99,5 % | 10 % |\n| Under 99,0 % | 20 % |\n\n2. Ansvar\n\nAnsvaret är begränsat.\n",
			numbers: "1 2",
			bodies:  map[string]string{"1": "| Under 99,9 % | 5 % |\n| Under 99,5 % | 10 % |\n| Under 99,0 % | 20 % |"},
		},
		{
			name:    "an empty corner cell keeps the columns in place",
			text:    "1. Nivåer\n\n| | Bas | Plus |\n| --- | --- | --- |\n| Tillgänglighet | 99,5 % | 99,9 % |\n\n2. Ansvar\n\nAnsvaret är begränsat.\n",
			numbers: "1 2",
			bodies:  map[string]string{"1": "| | Bas | Plus |\n| Tillgänglighet | 99,5 % | 99,9 % |"},
		},
		{
			name:    "an item after '; or' keeps its line",
			text:    "1. Uppsägning\n\nAvtalet får sägas upp om\n1) part bryter mot avtalet; eller\n2) part går i konkurs.\n\n2. Övrigt\n\nInget mer.\n",
			numbers: "1 2",
			bodies:  map[string]string{"1": "avtalet; eller\n2) part går i konkurs."},
		},
		{
			name:    "HTML inside Markdown",
			text:    "## 1. Parter\n\n<p>Exempel <b>AB</b> och Kunden.</p>\n\n## 2. Priser\n\n<table><tr><td>Bas</td><td>100 kr</td></tr></table>\n",
			numbers: "1 2",
			bodies:  map[string]string{"1": "Exempel AB och Kunden.", "2": "| Bas | 100 kr |"},
		},
		{
			name:     "appendices number their clauses on their own",
			text:     "1. Avtalet\n\nDetta avtal gäller.\n\n2. Bilagor\n\nBilagorna hör till avtalet.\n\nBilaga 1 – Åtgärder\n\n1. Kryptering\n\nAll data krypteras.\n\n2. Loggning\n\nAll åtkomst loggas.\n",
			numbers:  "1 2 Bilaga 1 Bilaga 1.1 Bilaga 1.2",
			headings: map[string]string{"Bilaga 1": "Åtgärder", "Bilaga 1.2": "Loggning"},
		},
		{
			name:     "a contents list of links is skipped",
			text:     "# Hosting Terms\n\n## Contents\n\n1. [Scope](#1-scope)\n2. [Fees](#2-fees)\n3. [Exit](#3-exit)\n\n## 1. Scope\n\nWe host the shop.\n\n## 2. Fees\n\nFees are due monthly.\n\n## 3. Exit\n\nEither side may leave.\n",
			numbers:  "1 2 3",
			headings: map[string]string{"1": "Scope", "3": "Exit"},
		},
		{
			name:     "a numbered list repeating the later headings is contents",
			text:     "Mowing Agreement\n\n1. Parties\n2. Lawns\n3. Payment\n\n1. Parties\n\nThe gardener and the owner.\n\n2. Lawns\n\nThe front and back lawns are mown weekly.\n\n3. Payment\n\nThe owner pays each month.\n",
			numbers:  "1 2 3",
			headings: map[string]string{"2": "Lawns"},
			bodies:   map[string]string{"3": "pays each month"},
		},
		{
			name:     "a numbered list under a numbered heading stays in its clause",
			text:     "# Storage Terms\n\n## 1. Uploads\n\n### 1.1 Steps\n\nWhat happens:\n1. You send the file\n2. **We scan it** for viruses\n3. **We delete it** after a day\n\n### 1.2 Limits\n\nFiles are small.\n\n## 2. Fees\n\nNone.\n",
			numbers:  "1 1.1 1.2 2",
			headings: map[string]string{"1.2": "Limits"},
			bodies:   map[string]string{"1.1": "We delete it after a day"},
		},
		{
			name:     "a plain numbered clause after a numbered heading is a clause",
			text:     "# Parking Terms\n\n## 1. Term\n\nThe space is let for a year.\n\n2. Rent\n\nThe rent is paid monthly.\n",
			numbers:  "1 2",
			headings: map[string]string{"2": "Rent"},
		},
		{
			name:    "steps under an unnumbered heading are not clauses",
			text:    "# Change Policy\n\n## Notices\n\nWe write to you first.\n\n## Objections\n\nHow to object:\n\n1. Write to us\n2. We answer within a week\n3. You may leave\n\n## Contact\n\nBy e-mail.\n",
			numbers: "1 2 3",
			bodies:  map[string]string{"2": "We answer within a week"},
		},
		{
			name:     "numbered headings under a lettered appendix take its letter",
			text:     "# Processing Terms\n\n## 1. Scope\n\nData is processed.\n\n## 2. Duration\n\nAs long as the service.\n\n# Appendix B: Security\n\n## 1. Encryption\n\nAlways on.\n\n## 2. Access\n\nSteps:\n1. Ask\n2. Wait\n",
			numbers:  "1 2 Appendix B B.1 B.2",
			headings: map[string]string{"B.1": "Encryption"},
			bodies:   map[string]string{"B.2": "2. Wait"},
		},
		{
			name:     "metadata lines stay in the preamble",
			text:     "# Cleaning Terms\n\n**Last Updated:** 2 May 2025\n**Document Classification:** Public\n\n## 1. Scope\n\nWe clean the office.\n",
			numbers:  "- 1",
			headings: map[string]string{"": "Cleaning Terms", "1": "Scope"},
			bodies:   map[string]string{"": "Document Classification: Public"},
		},
		{
			name:     "an old web page with bold clause headings in a layout table",
			text:     "<html><head><title>Page</title></head><body><table><tr><td><h2>Bike hire</h2><p><b>1. HIRE.</b> The bike is hired by the hour.<p>It is returned clean.<hr>2. <b>DEPOSIT. </b>A deposit is paid.</td></tr></table></body></html>",
			numbers:  "1 2",
			headings: map[string]string{"1": "HIRE", "2": "DEPOSIT"},
			bodies:   map[string]string{"1": "by the hour.\nIt is returned", "2": "A deposit is paid."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := docread.FromHTML(tt.text) // as docread.Read does
			res, err := Parse("avtal.txt", text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			byNumber := map[string]string{}
			heads := map[string]string{}
			for _, d := range res.Documents {
				if err := d.Validate(); err != nil {
					t.Errorf("document %q: %v", d.Name, err)
				}
				for _, c := range d.Clauses {
					n := c.Number
					if n == "" {
						n = "-"
					}
					got = append(got, n)
					byNumber[c.Number], heads[c.Number] = c.Body, c.Heading
				}
			}
			for _, d := range res.Documents {
				// A clause sits under its parent number when that is there.
				index := map[string]int{}
				for i, c := range d.Clauses {
					index[c.Number] = i
				}
				parents := ParentIndex(d.Clauses)
				for i, c := range d.Clauses {
					p := model.ParentNumber(c.Number)
					if j, ok := index[p]; ok && p != "" && parents[i] != j {
						t.Errorf("%s sits under clause %d, want %d", c.Number, parents[i], j)
					}
				}
			}
			if strings.Join(got, " ") != tt.numbers {
				t.Errorf("numbers %q, want %q", strings.Join(got, " "), tt.numbers)
			}
			for n, h := range tt.headings {
				if heads[n] != h {
					t.Errorf("%s: heading %q, want %q", n, heads[n], h)
				}
			}
			for n, b := range tt.bodies {
				if !strings.Contains(byNumber[n], b) {
					t.Errorf("%s: body %q, want it to hold %q", n, byNumber[n], b)
				}
			}
			if lost, total := lostWords(text, res); lost > 0 {
				t.Errorf("%d of %d words lost", lost, total)
			}
		})
	}
}

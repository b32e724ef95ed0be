package docparse

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docread"
)

func parseFile(t *testing.T, name string) Result {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Parse(name, string(data))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return res
}

// clauseMap indexes a document's clauses by number.
func clauseMap(d model.Document) map[string]model.Clause {
	m := map[string]model.Clause{}
	for _, c := range d.Clauses {
		m[c.Number] = c
	}
	return m
}

func numbers(d model.Document) string {
	var s []string
	for _, c := range d.Clauses {
		s = append(s, c.Number)
	}
	return strings.Join(s, " ")
}

// testdata/wrapped.txt reproduces the layout of a hard-wrapped PDF export:
// lines cut near 95 characters, a running footer with page numbers, a
// formula in mathematical italics, a footnote numbered 1 in the middle of
// chapter 3, lettered appendices declared by numbered clauses ("3.5
// Tillägg B: …" then "B.1"), a lower-case numbered list inside C.1 and a
// change log whose dates and numbers must not become clauses.
func TestParseWrappedLayout(t *testing.T) {
	res := parseFile(t, "wrapped.txt")
	if len(res.Documents) != 1 {
		t.Fatalf("got %d documents, want 1", len(res.Documents))
	}
	d := res.Documents[0]
	const want = "1 1.1 1.2 1.3 1.4 2 2.1 2.2 3 3.1 3.1.1 3.1.2 3.2 3.2.1 3.2.2 3.3 3.3.1 3.4 A.1 A.2 3.5 B.1 B.2 3.6 C.1 C.2"
	if got := numbers(d); got != want {
		t.Errorf("clause numbers:\n got %s\nwant %s", got, want)
	}
	if d.Name != "Exempeltjänst avtal" || res.Title != "Exempeltjänst avtal" {
		t.Errorf("name %q, title %q: want the footer's words without version, date and page", d.Name, res.Title)
	}
	if d.Version != "3.1" {
		t.Errorf("version %q, want 3.1 from the footer", d.Version)
	}
	if res.Supplier != "Exempel Drift AS" {
		t.Errorf("supplier %q, want Exempel Drift AS", res.Supplier)
	}
	c := clauseMap(d)
	tests := []struct {
		number, heading, body string
	}{
		// A wrap before a capitalised word is joined when the line before
		// reaches the wrap width: "… hos" + "Leverantören."
		{"1.2", "Avtalets omfattning", "Avtalet reglerar hur Exempeltjänsten tillhandahålls och vilka villkor Kunden ska följa under hela perioden. Avtalet löper så länge Kunden betalar för ett aktivt abonnemang hos Leverantören."},
		// "punkt" + "1.4." is a reference, joined; dash items stay in the clause.
		{"1.3", "Sekretess", "Parterna håller information om varandras verksamhet hemlig mot utomstående. Undantag gäller för uppgifter som:\n\n– redan var allmänt kända när de lämnades,\n\n– mottagaren kände till sedan tidigare.\n\nBestämmelsen hindrar inte att Leverantören nämner Kunden som referens på det sätt som punkt 1.4."},
		// NFKC turns the mathematical italics into plain letters.
		{"2.1", "Tillgänglighet", "Tillgängligheten räknas ut för varje kalendermånad med hjälp av följande formel;\n\nUppetid = Tid − Nedtid"},
		// The footnote "1 Med medlemsstat …" is followed by 3.3, so it is text.
		{"3.2.2", "", "Ändringar i listan meddelas skriftligen minst fyra veckor i förväg, så att den personuppgiftsansvarige hinner invända.\n\n1 Med medlemsstat avses här även stater inom EES."},
		{"3.5", "Tillägg B: Godkända underbiträden", ""},
		{"B.1", "Godkända underbiträden", "Namn Land Beskrivning\n\nMolnbolaget Norden AB EES Drift av servrar"},
		// A lead-in ending with ":" is body, not heading.
		{"A.1", "", "Ändamålet med behandlingen är att leverera tjänsten så som det beskrivs i huvudavtalet:\nLagring av ärenden och kontaktuppgifter."},
		{"C.1", "Åtgärder vid intrång", "Vid ett misstänkt intrång ska personuppgiftsbiträdet:\n\n1. stänga av berörda konton,\n\n2. informera den personuppgiftsansvarige."},
	}
	for _, tt := range tests {
		got, ok := c[tt.number]
		if !ok {
			t.Errorf("no clause %s", tt.number)
			continue
		}
		if got.Heading != tt.heading || got.Body != tt.body {
			t.Errorf("clause %s:\n got heading %q body %q\nwant heading %q body %q", tt.number, got.Heading, got.Body, tt.heading, tt.body)
		}
	}
	// The footers on lines 27, 65 and 99 are reported, nothing else.
	var skipped []int
	for _, s := range res.Skipped {
		if s.Reason != SkipFurniture {
			t.Errorf("unexpected skip %+v", s)
		}
		skipped = append(skipped, s.Line)
	}
	if len(skipped) != 3 || skipped[0] != 27 || skipped[1] != 65 || skipped[2] != 99 {
		t.Errorf("skipped lines %v, want [27 65 99]", skipped)
	}
}

// testdata/parts.txt reproduces one text holding four documents, each
// numbered from 1 again under a title in capitals, with paragraph-long
// lines, "1." style numbers indented with no-break spaces, a DPA whose
// "Bilaga 1" is numbered on its own and whose "Bilaga 2" has lettered
// sections, a lettered list whose items are sub-clauses, and a lower-case
// numbered list inside a clause.
func TestParseSeveralDocuments(t *testing.T) {
	res := parseFile(t, "parts.txt")
	want := []struct {
		name    string
		kind    model.Kind
		numbers string
	}{
		{"ALLMÄNNA VILLKOR FÖR EXEMPELMOLNET", model.KindGeneralTerms, "1 1.1 1.2 2 2.1 2.2 2.3 2.3(a) 2.3(b)"},
		{"SERVICENIVÅAVTAL (EXEMPELMOLNET)", model.KindSLA, "1 1.1 2 2.1 2.2"},
		{"DATABEHANDLINGSVILLKOR", model.KindDPA, "1 1.1 2 2.1 Bilaga 1 Bilaga 1.1 Bilaga 1.2 Bilaga 2"},
		{"TJÄNSTEBESKRIVNING EXEMPELMOLNET", "", "1 2 2.1 2.2"},
	}
	if len(res.Documents) != len(want) {
		t.Fatalf("got %d documents, want %d", len(res.Documents), len(want))
	}
	for i, w := range want {
		d := res.Documents[i]
		if d.Name != w.name || d.Kind != w.kind || numbers(d) != w.numbers {
			t.Errorf("document %d: got %q %q [%s], want %q %q [%s]", i, d.Name, d.Kind, numbers(d), w.name, w.kind, w.numbers)
		}
		if err := d.Validate(); err != nil {
			t.Errorf("document %d does not validate: %v", i, err)
		}
	}
	if res.Title != "ALLMÄNNA VILLKOR FÖR EXEMPELMOLNET" || res.Supplier != "Exempel AB" {
		t.Errorf("title %q supplier %q", res.Title, res.Supplier)
	}
	terms, sla, dpa, desc := clauseMap(res.Documents[0]), clauseMap(res.Documents[1]), clauseMap(res.Documents[2]), clauseMap(res.Documents[3])
	checks := []struct {
		got, want string
	}{
		{terms["2"].Heading, "Avtalstid"},
		{terms["2.3"].Body, "Kunden ska:"},
		{terms["2.3(b)"].Body, "följa instruktionerna för tjänsten."},
		{sla["2.1"].Body, "Tillgängligheten ska vara minst 99,5 % under servicetid."},
		{dpa["Bilaga 1"].Heading, "Instruktioner för behandlingen"},
		{dpa["Bilaga 1.2"].Heading + " / " + dpa["Bilaga 1.2"].Body, "Underbiträden / • Datahallen Exempel AB, driftleverantör."},
		{dpa["Bilaga 2"].Body, "Leverantören vidtar följande åtgärder:\nA. Fysisk säkerhet\n• Låsta serverrum.\nB. Behörigheter\n• Tvåfaktorsinloggning."},
		{desc["2.1"].Body, "Tjänsten har fritextsökning med följande delar:\n1. indexering av dokument\n2. filtrering per behörighet"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParseTableOfContents(t *testing.T) {
	const body = "\n1 Allmänt\n1.1 Parter\nLeverantören och Kunden är parter.\n2 Leverans\nLeverans sker på den dag parterna kommit överens om.\n"
	tests := []struct {
		name, text string
		toc        []int // lines reported as table of contents
	}{
		{"dot leaders", "LEVERANSAVTAL\nInnehållsförteckning\n1 Allmänt ........ 2\n1.1 Parter ........ 2\n2 Leverans ........ 3\n" + body, []int{2, 3, 4, 5}},
		// Without leaders the entries parse as clauses without bodies, and
		// the numbering restarting at the real text gives them away.
		{"page numbers only", "LEVERANSAVTAL\n\n1 Allmänt 2\n1.1 Parter 2\n2 Leverans 3\n" + body, []int{3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse("leverans.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Documents) != 1 {
				t.Fatalf("got %d documents, want 1", len(res.Documents))
			}
			d := res.Documents[0]
			if d.Name != "LEVERANSAVTAL" || numbers(d) != "1 1.1 2" {
				t.Errorf("got %q [%s], want LEVERANSAVTAL [1 1.1 2]", d.Name, numbers(d))
			}
			if got := clauseMap(d)["1.1"].Body; got != "Leverantören och Kunden är parter." {
				t.Errorf("1.1 body %q", got)
			}
			var toc []int
			for _, s := range res.Skipped {
				if s.Reason == SkipContents {
					toc = append(toc, s.Line)
				}
			}
			if !slices.Equal(toc, tt.toc) {
				t.Errorf("contents lines %v, want %v", toc, tt.toc)
			}
		})
	}
}

func TestParsePreambleAndHeadings(t *testing.T) {
	t.Run("preamble under the title", func(t *testing.T) {
		text := "Läs vår nya rapport om molnet\n\nAvtal om personuppgiftsbiträde\n\nAvtalet gäller från 1 mars 2024.\n\nMellan Exempel Sweden AB och Kunden\n\n1. Syfte\n\nAvtalet reglerar behandlingen.\n"
		res, err := Parse("pub.txt", text)
		if err != nil {
			t.Fatal(err)
		}
		d := res.Documents[0]
		if res.Title != "Avtal om personuppgiftsbiträde" || d.Kind != "" && d.Kind != model.KindDPA {
			t.Errorf("title %q kind %q", res.Title, d.Kind)
		}
		// Nothing is lost: the line above the title stays in the preamble.
		if len(d.Clauses) != 2 || d.Clauses[0].Number != "" || d.Clauses[0].Heading != "Avtal om personuppgiftsbiträde" ||
			d.Clauses[0].Body != "Läs vår nya rapport om molnet\n\nAvtalet gäller från 1 mars 2024.\n\nMellan Exempel Sweden AB och Kunden" {
			t.Errorf("preamble clause: %+v", d.Clauses)
		}
		if len(res.Skipped) != 0 {
			t.Errorf("skipped %+v, want nothing", res.Skipped)
		}
		if res.Supplier != "Exempel Sweden AB" {
			t.Errorf("supplier %q", res.Supplier)
		}
	})
	t.Run("no numbers, only headings", func(t *testing.T) {
		text := "Vägledning om ramavtalet för Exempeltjänster\n\nVad omfattar avtalet?\nAvtalet omfattar drift och support av Exempeltjänster.\n\nPriser\nLeverantören ger 5 % rabatt på listpris.\n\nHur gör vi avrop?\nAvrop görs genom förnyad konkurrensutsättning.\n"
		res, err := Parse("vagledning.txt", text)
		if err != nil {
			t.Fatal(err)
		}
		d := res.Documents[0]
		var headings []string
		for _, c := range d.Clauses {
			headings = append(headings, c.Heading)
		}
		if d.Name != "Vägledning om ramavtalet för Exempeltjänster" || d.Kind != model.KindFramework ||
			strings.Join(headings, "|") != "Vad omfattar avtalet?|Priser|Hur gör vi avrop?" {
			t.Errorf("got %q %q %q", d.Name, d.Kind, headings)
		}
		if d.Clauses[1].Body != "Leverantören ger 5 % rabatt på listpris." {
			t.Errorf("body %q", d.Clauses[1].Body)
		}
	})
}

func TestParseHeadingOrBody(t *testing.T) {
	text := "1 Avgifter\n1.1 Priser\nPriserna anges i bilagan.\n1.2 Leverantören får höja priserna en gång per år\n1.3 Betalning ska ske mot faktura inom trettio dagar efter fakturadatum och utan avdrag\n2 Installation, kopiering m.m.\nKunden får installera tjänsten.\n"
	res, err := Parse("x.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	c := clauseMap(res.Documents[0])
	tests := []struct{ number, heading, body string }{
		{"1", "Avgifter", ""},
		{"1.1", "Priser", "Priserna anges i bilagan."},
		// A short line with no text under it is still a heading…
		{"1.2", "Leverantören får höja priserna en gång per år", ""},
		// …but a long one is the clause's only sentence.
		{"1.3", "", "Betalning ska ske mot faktura inom trettio dagar efter fakturadatum och utan avdrag"},
		// "m.m." is an abbreviation, not the end of a sentence.
		{"2", "Installation, kopiering m.m.", "Kunden får installera tjänsten."},
	}
	for _, tt := range tests {
		if got := c[tt.number]; got.Heading != tt.heading || got.Body != tt.body {
			t.Errorf("%s: got %q / %q, want %q / %q", tt.number, got.Heading, got.Body, tt.heading, tt.body)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
	}{
		{"tom.txt", "", docread.ErrEmpty},
		{"blank.txt", " \n\n\t \n", docread.ErrEmpty},
		{"binar.txt", "1 Allmänt\x00\x00\x01\x02", docread.ErrBinary},
		{"skrap.txt", strings.Repeat("\x01\x02\x03\x04ab", 50), docread.ErrBinary},
	}
	for _, tt := range tests {
		_, err := Parse(tt.name, tt.text)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.name+": ") {
			t.Errorf("%s: message %q does not name the file", tt.name, err)
		}
	}
}

// A text without any structure is one clause, and the result says so.
func TestParseUnstructured(t *testing.T) {
	res, err := Parse("prosa.txt", "Det här är bara en mening utan rubriker eller nummer. Och en till mening i samma stycke.")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Unstructured || len(res.Documents) != 1 || len(res.Documents[0].Clauses) != 1 ||
		!strings.HasPrefix(res.Documents[0].Clauses[0].Body, "Det här är bara") || res.Documents[0].Clauses[0].Heading != "prosa" {
		t.Errorf("got %+v", res)
	}
}

// A contract must never be able to repaint the terminal: no control
// character or escape sequence survives into a title, heading or body.
func TestParseRemovesEscapes(t *testing.T) {
	text := "\x1b]0;ny titel\x07AVTAL\x1b[2J\n1 Allmänt\x1b[31m\n1.1 Parter\nTexten \x1b[1mär\x1b[0m fet.\x07\x08\n\u009b2J1.2 Slut\u202e\n"
	res, err := Parse("x.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	c := clauseMap(res.Documents[0])
	if res.Title != "AVTAL" || c["1"].Heading != "Allmänt" || c["1.1"].Body != "Texten är fet." || c["1.2"].Heading != "Slut" {
		t.Errorf("got title %q, clauses %+v", res.Title, res.Documents[0].Clauses)
	}
	assertPrintable(t, res)
}

func assertPrintable(t *testing.T, res Result) {
	t.Helper()
	check := func(s string) {
		for _, r := range s {
			if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e {
				t.Errorf("control character %U in %q", r, s)
				return
			}
		}
	}
	check(res.Title)
	check(res.Supplier)
	for _, d := range res.Documents {
		check(d.Name)
		for _, c := range d.Clauses {
			check(c.Number)
			check(c.Heading)
			check(c.Body)
		}
	}
	for _, s := range res.Skipped {
		check(s.Text)
	}
}

// hostileShapes are texts shaped to make a careless parser slow: a very
// long line, a very deep number, a restart on every line, and a number at
// every depth. BenchmarkParseHostileShapes measures them.
func hostileShapes() map[string]string {
	deep := strings.Repeat("1.", 5000) + "1 Djup"
	var many strings.Builder
	for range 20000 {
		many.WriteString("1. Rubrik\n")
	}
	return map[string]string{
		"100 000 character line": "1 Allmänt\n1.1 Lång\n" + strings.Repeat("ord ", 25000) + "\n",
		"deep number":            "1 Allmänt\n" + deep + "\n1.1 Nästa\nText.\n",
		"restarts everywhere":    many.String(),
		"numbers at every depth": "1 A\n1.1 B\n1.1.1 C\n1.1.1.1 D\n1.1.1.1.1 E\n1.1.1.1.1.1 F\n1.1.1.1.1.1.1 G\n1.1.1.1.1.1.1.1 H\n1.1.1.1.1.1.1.1.1 I\n",
	}
}

// Very long lines and very deep or very many numbers parse into valid
// documents.
func TestParseHostileShapes(t *testing.T) {
	tests := hostileShapes()
	for name, text := range tests {
		res, err := Parse("x.txt", text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, d := range res.Documents {
			if err := d.Validate(); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	res, _ := Parse("x.txt", tests["numbers at every depth"])
	// Eight levels are clauses; the ninth is text in the eighth.
	if got := numbers(res.Documents[0]); got != "1 1.1 1.1.1 1.1.1.1 1.1.1.1.1 1.1.1.1.1.1 1.1.1.1.1.1.1 1.1.1.1.1.1.1.1" {
		t.Errorf("numbers %s", got)
	}
}

// The whole path from a PDF's bytes: docread rebuilds the lines, Parse
// drops the running footer ("Exempelavtal version 1.0 Sida 2 av 3") and
// finds the clauses under the title on page 1.
func TestParsePDFEndToEnd(t *testing.T) {
	data, err := os.ReadFile("../docread/testdata/clauses.pdf")
	if err != nil {
		t.Fatal(err)
	}
	text, err := docread.Read("avtal.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Parse("avtal.pdf", text)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	if d.Name != "Serviceavtal för Exempeltjänsten" || d.Version != "1.0" || numbers(d) != "1 1.1 1.2 2 2.1 2.2 3 3.1" {
		t.Errorf("got %q version %q [%s]", d.Name, d.Version, numbers(d))
	}
	if got := clauseMap(d)["2.2"]; got.Heading != "Betalning" || got.Body != "Betalning ska ske inom 30 dagar." {
		t.Errorf("2.2: %+v", got)
	}
	if len(res.Skipped) != 3 {
		t.Errorf("skipped %+v, want the 3 footers", res.Skipped)
	}
}

// A number set on a line of its own above its heading ("SECTION 4", then
// "Fees") numbers that heading, in a Markdown text and in a plain one; a
// sentence that starts with such a word and a number stays text.
func TestParseLabelledHeadings(t *testing.T) {
	for name, text := range map[string]string{
		"plain.txt": "Tjänsteavtal\n\nParter\n\nKunden och leverantören.\n\nARTIKEL 1\n\nTjänsten\n\nLeverantören driver tjänsten.\n\n" +
			"ARTIKEL 2\n\nAvgifter\n\nKunden betalar inom trettio dagar. Artikel 1 gäller också\nArtikel 3 nedan.\n\nARTIKEL 3\n\nUppsägning\n\nAvtalet sägs upp skriftligen.\n",
		"headings.md": "# Tjänsteavtal\n\n## Parter\n\nKunden och leverantören.\n\n### SECTION 1\n## Tjänsten\n\nLeverantören driver tjänsten.\n\n" +
			"### SECTION 2\n## Avgifter\n\nKunden betalar inom trettio dagar. Artikel 1 gäller också\nArtikel 3 nedan.\n\n### SECTION 3\n## Uppsägning\n\nAvtalet sägs upp skriftligen.\n",
	} {
		res, err := Parse(name, text)
		if err != nil {
			t.Fatal(err)
		}
		c := clauseMap(res.Documents[0])
		for number, heading := range map[string]string{"1": "Tjänsten", "2": "Avgifter", "3": "Uppsägning"} {
			if c[number].Heading != heading {
				t.Errorf("%s: clause %s is %q, want %q (clauses %s)", name, number, c[number].Heading, heading, numbers(res.Documents[0]))
			}
		}
		if !strings.Contains(c["2"].Body, "Artikel 3 nedan.") {
			t.Errorf("%s: clause 2 lost its sentence: %q", name, c["2"].Body)
		}
	}
}

// A web page saved as Markdown keeps each heading's permalink; the link is
// no part of the heading, and the numbers in front are still read.
func TestHeadingPermalinksGo(t *testing.T) {
	text := "# Villkor för Exempeltjänsten[#](https://example.se/villkor#villkor)\n\n" +
		"## 1. Avtalstid[#](https://example.se/villkor#1-avtalstid)\n\nAvtalet gäller ett år.\n\n" +
		"## 2. Avgifter [¶](#2-avgifter)\n\nAvgiften betalas månadsvis.\n\n" +
		"### 2.1 Fakturering[](https://example.se/villkor#21)\n\nFaktura skickas i förskott.\n"
	res, err := Parse("villkor.md", text)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	if got := numbers(d); got != "1 2 2.1" {
		t.Errorf("clause numbers %q, want 1 2 2.1", got)
	}
	c := clauseMap(d)
	if res.Title != "Villkor för Exempeltjänsten" || c["1"].Heading != "Avtalstid" || c["2"].Heading != "Avgifter" || c["2.1"].Heading != "Fakturering" {
		t.Errorf("title %q, headings %q %q %q", res.Title, c["1"].Heading, c["2"].Heading, c["2.1"].Heading)
	}
}

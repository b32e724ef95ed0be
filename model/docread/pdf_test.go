package docread

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"avtal/model/docread/doctest"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testdata/clauses.pdf is three pages written by hand: numbered clauses,
// Swedish letters in WinAnsi encoding, and a running footer on each page.
func TestPDF(t *testing.T) {
	got, err := Read("avtal.pdf", readFixture(t, "clauses.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Serviceavtal för Exempeltjänsten\n",
		"\n1.1 Parter\nAvtalet gäller mellan Leverantören och Kunden.\n",
		"\n2.2 Betalning\nBetalning ska ske inom 30 dagar.\n",
		"\n3.1 Uppsägning\n",
		"\nExempelavtal version 1.0 Sida 3 av 3\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, got)
		}
	}
}

// A PDF the library refuses is ErrDamaged (or ErrEncrypted) with a detail
// of our own for the common failures, so it can be said in the reader's
// language; the library's English words are kept only for the others.
func TestPDFBadFiles(t *testing.T) {
	valid := readFixture(t, "clauses.pdf")
	tests := []struct {
		name string
		data []byte
		want error
		key  string
	}{
		{"garbage between header and trailer", readFixture(t, "garbage.pdf"), ErrDamaged, "pdf_structure"},
		{"password-protected", readFixture(t, "encrypted.pdf"), ErrEncrypted, ""},
		{"cut in half", valid[:len(valid)/2], ErrDamaged, "pdf_end"},
		{"header only", []byte("%PDF-1.7\n"), ErrDamaged, "pdf_end"},
		{"a few words after the header", []byte("%PDF-1.4\nsome words and no more\n"), ErrDamaged, "pdf_end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("avtal.pdf", tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			var d *Detail
			if errors.As(err, &d) != (tt.key != "") || d != nil && d.Key != tt.key {
				t.Errorf("detail %+v, want the key %q", d, tt.key)
			}
		})
	}
}

// Damaged copies of a valid PDF must give an error or text, never a panic:
// the library itself panics on about two in three of these copies, and PDF
// must recover.
func TestPDFNeverPanics(t *testing.T) {
	valid := readFixture(t, "clauses.pdf")
	for i := 0; i < len(valid); i += 13 {
		for _, b := range []byte{0, '(', ']'} {
			data := append([]byte(nil), valid...)
			data[i] = b
			PDF(data) // a panic fails the test
		}
	}
}

func TestPDFCompatibleHeader(t *testing.T) {
	// A PDF 2.0 header, or a comment on the header line, is patched to one
	// the library reads, without moving any byte after it.
	valid := readFixture(t, "clauses.pdf")
	v2 := append([]byte("%PDF-2.0\n"), valid[len("%PDF-1.4\n"):]...)
	v2 = append(v2, "\n% trailing junk after the end\n"...)
	got, err := PDF(v2)
	if err != nil {
		t.Fatalf("PDF 2.0 header: %v", err)
	}
	if !strings.Contains(got, "1.1 Parter") {
		t.Errorf("PDF 2.0 text lacks clause 1.1:\n%s", got)
	}
}

// pdfTestLine is one line of a page in a PDF built by makePDF: its font size,
// its height on the page and its text (ASCII).
type pdfTestLine struct {
	size, y int
	text    string
	bold    string // drawn in Helvetica-Bold before text, on the same line
	after   string // drawn in Helvetica after bold, when bold is not first
	at      int    // where after starts, when not just after the rest
}

// makePDF writes a PDF of the given pages in Helvetica, with the offsets
// of its cross-reference table computed.
func makePDF(pages ...[]pdfTestLine) []byte {
	var objs []string
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 5+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		var content strings.Builder
		for _, l := range p {
			// Each part starts a little after the one before (the widths
			// of Helvetica are about half the size).
			x := 72
			for _, part := range []struct{ font, text string }{{"F1", l.text}, {"F2", l.bold}, {"F1", l.after}} {
				if part.text == l.after && l.at > 0 {
					x = l.at
				}
				if part.text != "" {
					fmt.Fprintf(&content, "BT /%s %d Tf %d %d Td (%s) Tj ET\n", part.font, l.size, x, l.y, part.text)
					x += len(part.text)*l.size*6/10 + l.size
				}
			}
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", 6+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
	}
	return doctest.PDF(objs)
}

// Lines set clearly larger than the body text are headings, the largest
// size first; a heading on two lines is one; a list in the body stays a
// list; the pages are set apart by PageBreak lines.
func TestPDFHeadingsAndPages(t *testing.T) {
	data := makePDF(
		[]pdfTestLine{
			{size: 18, y: 780, text: "Hyresvillkor"},
			{size: 14, y: 740, text: "1 Hyra"},
			{size: 10, y: 720, text: "Hyran betalas i forskott enligt dessa handlingar:"},
			{size: 10, y: 700, text: "1. Kontraktet"},
			{size: 10, y: 688, text: "2. Bilagorna"},
			{size: 14, y: 660, text: "2 Villkor som galler vid"},
			{size: 14, y: 644, text: "uppsagning"},
			{size: 10, y: 620, text: "Uppsagning sker skriftligen."},
		},
		[]pdfTestLine{
			{size: 14, y: 780, text: "3 Tvist"},
			{size: 10, y: 760, text: "Tvist avgors av allman domstol i Exempelstad."},
		})
	wantText(t, "avtal.pdf", data,
		"# Hyresvillkor",
		"",
		"## 1 Hyra",
		"",
		"Hyran betalas i forskott enligt dessa handlingar:",
		"",
		"1. Kontraktet",
		"2. Bilagorna",
		"",
		"## 2 Villkor som galler vid uppsagning",
		"",
		"Uppsagning sker skriftligen.",
		PageBreak,
		"## 3 Tvist",
		"",
		"Tvist avgors av allman domstol i Exempelstad.")
}

// A numbered line whose first words are bold, with text after them, is a
// run-in heading, and the bold words are marked for model/docparse; a bold
// word that starts no numbered line is not, and a numbered line all in
// bold is a heading.
func TestPDFRunInHeadings(t *testing.T) {
	wantText(t, "avtal.pdf", makePDF([]pdfTestLine{
		{size: 10, y: 780, bold: "4. Avgifter.", after: "Kunden betalar i forskott."},
		{size: 10, y: 760, text: "5.", bold: "Tvist", after: "avgors av domstol."},
		{size: 10, y: 740, bold: "Obs", after: "detta galler alla."},
		{size: 10, y: 720, bold: "6. Pris"},
	}), "4. **Avgifter.** Kunden betalar i forskott.", "", "5. **Tvist** avgors av domstol.", "", "Obs detta galler alla.", "", "# 6. Pris")
}

// Without widths in the font (the standard fonts), the library puts every
// glyph of a run at the run's start; the next run, placed where the first
// really ends, must not seem to stand after a gap, while one placed clearly
// further on does.
func TestPDFStackedGlyphs(t *testing.T) {
	width := 0.0
	for _, r := range "ramavtal IT" {
		width += advance(pdf.Text{S: string(r)}, 10)
	}
	wantText(t, "avtal.pdf", makePDF([]pdfTestLine{
		{size: 10, y: 780, text: "ramavtal IT", after: "-konsulter", at: 72 + int(width+0.5)},
		{size: 10, y: 768, text: "ramavtal IT", after: "konsulter", at: 72 + int(width) + 6},
	}), "ramavtal IT-konsulter", "ramavtal IT konsulter")
}

func TestJoinSpacedNumber(t *testing.T) {
	for in, want := range map[string]string{
		"1 4 .1. Vite":       "14.1. Vite",
		"## 16 . Ansvar":     "## 16. Ansvar",
		"# 2 Avgifter":       "# 2 Avgifter",
		"12 Månader gäller":  "12 Månader gäller",
		"3 . 2 Uppsägning":   "3.2 Uppsägning",
		"Priset är 1 4 . Kr": "Priset är 1 4 . Kr",
	} {
		if got := spacedNumbersRe().ReplaceAllStringFunc(in, joinSpacedNumber); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

// type3PDF writes text in a Type 3 font whose glyphs have names that say
// nothing ("/g1", "/g2" …), as headless Chrome writes web fonts, with a
// ToUnicode map that says which character each code is; encoding is the
// font's /Encoding entry, %s standing for its Differences array (object 7
// holds them too).
func type3PDF(text, encoding string) []byte {
	var codes, names, bfchar strings.Builder
	seen := map[rune]int{}
	for _, r := range text {
		if seen[r] == 0 {
			seen[r] = len(seen) + 1
			fmt.Fprintf(&names, " /g%d", seen[r])
			fmt.Fprintf(&bfchar, "<%02X> <%04X>\n", seen[r], r)
		}
		fmt.Fprintf(&codes, "%02X", seen[r])
	}
	widths := strings.Repeat("500 ", len(seen))
	cmap := fmt.Sprintf("begincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n%d beginbfchar\n%sendbfchar\nendcmap\n", len(seen), bfchar.String())
	content := fmt.Sprintf("BT /F1 12 Tf 72 700 Td <%s> Tj ET\n", codes.String())
	differences := "[1" + names.String() + "]"
	return doctest.PDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Type /Font\n/Subtype /Type3\n/FontMatrix [0.001 0 0 0.001 0 0]\n/FontBBox [0 0 500 700]\n/FirstChar 1\n/LastChar %d\n/Widths [%s]\n/CharProcs << >>\n/ToUnicode 6 0 R\n/Encoding %s>>",
			len(seen), widths, strings.ReplaceAll(encoding, "%s", differences)),
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(cmap), cmap),
		"<< /Type /Encoding /Differences " + differences + " >>",
	})
}

// The characters of a Type 3 font come from its ToUnicode map, whether its
// /Encoding is a dictionary in the font, another object, or a name: its
// glyph names mean nothing, and read by them the text was raw codes
// (ErrBinary).
func TestPDFType3FontReadsToUnicode(t *testing.T) {
	const text = "Uppsägning sker tre månader före årsskiftet."
	for _, encoding := range []string{"<< /Type /Encoding /Differences %s >>", "7 0 R", "/WinAnsiEncoding"} {
		got, err := Read("avtal.pdf", type3PDF(text, encoding))
		if err != nil {
			t.Fatalf("encoding %s: %v", encoding, err)
		}
		if strings.TrimSpace(got) != text {
			t.Errorf("encoding %s: got %q, want %q", encoding, got, text)
		}
	}
}

// A page printed from a web browser sets its lines 1.7 font sizes apart;
// only a wider gap than that starts a paragraph, not every line.
func TestPDFWideLeadingParagraphs(t *testing.T) {
	var lines []pdfTestLine
	var want []string
	y := 780
	for p, words := range [][]string{
		{"Kunden betalar varje", "faktura inom trettio", "dagar efter att den", "har kommit fram, och", "vid drojsmal utgar", "ranta enligt lag."},
		{"Avtalet galler ett", "ar i taget och kan", "sagas upp senast tre", "manader fore utgangen", "av ett avtalsar."},
		{"Tvister avgors av", "allman domstol pa", "den ort dar kunden", "har sitt sate."},
	} {
		if p > 0 {
			y -= 10 // a paragraph: 27 points below the line before
			want = append(want, "")
		}
		for _, w := range words {
			lines = append(lines, pdfTestLine{size: 10, y: y, text: w})
			want = append(want, w)
			y -= 17
		}
	}
	wantText(t, "avtal.pdf", makePDF(lines), want...)
}

// In a document that sets its title larger and numbers no heading, a short
// line in bold at the body's size that starts a paragraph is a section
// heading; where the headings are numbered, it is a sub-heading inside a
// clause and stays text.
func TestPDFBoldUnnumberedHeadings(t *testing.T) {
	body := []string{"Kunden betalar varje faktura inom trettio dagar fran fakturadagen", "och vid drojsmal utgar ranta enligt rantelagen fran forfallodagen."}
	document := func(first, second string) []byte {
		return makePDF([]pdfTestLine{
			{size: 16, y: 780, text: "Villkor for tjansten"},
			{size: 10, y: 750, bold: first},
			{size: 10, y: 736, text: body[0]},
			{size: 10, y: 724, text: body[1]},
			{size: 10, y: 698, bold: second},
			{size: 10, y: 684, text: body[0]},
			{size: 10, y: 672, text: body[1]},
		})
	}
	wantText(t, "avtal.pdf", document("Betalning", "Drojsmal"),
		"# Villkor for tjansten", "", "## Betalning", body[0], body[1], "", "## Drojsmal", body[0], body[1])
	wantText(t, "avtal.pdf", document("1. Betalning", "Drojsmal"),
		"# Villkor for tjansten", "", "## 1. Betalning", body[0], body[1], "", "Drojsmal", body[0], body[1])
}

// A box of party details that the page draws after its clauses, though it
// stands above them, is read where it stands, and a box beside it after
// it; the second column of a page, drawn after the first and level with
// it, stays after the first.
func TestPDFLateBlocksInPlace(t *testing.T) {
	wantText(t, "avtal.pdf", makePDF(
		[]pdfTestLine{
			{size: 16, y: 780, text: "Tjansteavtal"},
			{size: 10, y: 640, text: "1. Tjansten"},
			{size: 10, y: 626, text: "Leverantoren driver tjansten."},
			{size: 10, y: 600, text: "2. Betalning"},
			{size: 10, y: 586, text: "Kunden betalar inom trettio dagar."},
			{size: 10, y: 730, text: "Kund"},
			{size: 10, y: 716, text: "Exempel kommun"},
			{size: 10, y: 730, after: "Leverantor", at: 300},
			{size: 10, y: 716, after: "Exempel AB", at: 300},
		},
		[]pdfTestLine{
			{size: 10, y: 780, text: "3. Ansvar"},
			{size: 10, y: 766, text: "Ansvaret ar begransat."},
			{size: 10, y: 780, after: "4. Tvist", at: 300},
			{size: 10, y: 766, after: "Tvist avgors av domstol.", at: 300},
		}),
		"# Tjansteavtal", "", "Kund", "Exempel kommun", "Leverantor", "Exempel AB", "", "1. Tjansten", "Leverantoren driver tjansten.", "",
		"2. Betalning", "Kunden betalar inom trettio dagar.", PageBreak,
		"3. Ansvar", "Ansvaret ar begransat.", "4. Tvist", "Tvist avgors av domstol.")
}

// A table whose cells wrap, drawn a cell at a time: the page goes down the
// first cell, back up for the next. Each row is put together as one line
// with its cells parted by tabs; a row that fits on one line keeps its
// tabs, and two blocks side by side are not a table.
func TestPDFWrappedTableRows(t *testing.T) {
	wantText(t, "avtal.pdf", makePDF(
		[]pdfTestLine{
			{size: 10, y: 760, text: "Company", after: "Purpose", at: 200},
			{size: 10, y: 760, after: "Country", at: 350},
			{size: 10, y: 740, text: "Harbour Storage"},
			{size: 10, y: 726, text: "Limited"},
			{size: 10, y: 740, after: "Keeps backups", at: 200},
			{size: 10, y: 740, after: "Ireland and", at: 350},
			{size: 10, y: 726, after: "the UK", at: 350},
			{size: 10, y: 700, text: "Pinecone Mail", after: "Sends reminders", at: 200},
			{size: 10, y: 700, after: "Finland", at: 350},
		}),
		"Company\tPurpose\tCountry", "", "Harbour Storage Limited\tKeeps backups\tIreland and the UK", "", "Pinecone Mail\tSends reminders\tFinland")
}

// A table of two columns whose cells wrap is put together row by row when
// a header row of short labels stands above it; a margin heading beside its
// paragraph, two boxes of party details and a page set in two numbered
// columns stay lines of text.
func TestPDFTwoColumnTables(t *testing.T) {
	tests := []struct {
		name  string
		lines []pdfTestLine
		want  []string
	}{
		{"cells drawn one at a time", []pdfTestLine{
			{size: 10, y: 760, text: "Provider", after: "What it does", at: 250},
			{size: 10, y: 740, text: "Northwind Hosting"},
			{size: 10, y: 726, text: "Limited"},
			{size: 10, y: 740, after: "Runs the servers", at: 250},
			{size: 10, y: 700, text: "Bluebird Post", after: "Delivers the monthly", at: 250},
			{size: 10, y: 686, after: "invoices by email", at: 250},
		}, []string{"Provider\tWhat it does", "", "Northwind Hosting Limited\tRuns the servers", "", "Bluebird Post\tDelivers the monthly invoices by email"}},
		{"rows drawn across, one on a line", []pdfTestLine{
			{size: 10, y: 760, text: "Availability", after: "Credit", at: 300},
			{size: 10, y: 740, text: "Below 99.9 % but at", after: "5 %", at: 300},
			{size: 10, y: 726, text: "least 99.0 %"},
			{size: 10, y: 706, text: "Below 99.0 %", after: "15 %", at: 300},
		}, []string{"Availability\tCredit", "", "Below 99.9 % but at least 99.0 %\t5 %", "", "Below 99.0 %\t15 %"}},
		{"margin heading and a long paragraph", []pdfTestLine{
			{size: 10, y: 760, text: "Fees", after: "The customer pays", at: 200},
			{size: 10, y: 746, after: "each invoice within", at: 200},
			{size: 10, y: 732, after: "thirty days of its", at: 200},
			{size: 10, y: 718, after: "date, in the currency", at: 200},
			{size: 10, y: 704, after: "the order names.", at: 200},
		}, []string{"Fees The customer pays", "each invoice within", "thirty days of its", "date, in the currency", "the order names."}},
		{"party boxes", []pdfTestLine{
			{size: 10, y: 760, text: "Customer", after: "Supplier", at: 300},
			{size: 10, y: 740, text: "Example Town", after: "Example Ltd", at: 300},
			{size: 10, y: 726, text: "Main Street 1", after: "Harbour Road 2", at: 300},
		}, []string{"Customer Supplier", "", "Example Town Example Ltd", "Main Street 1 Harbour Road 2"}},
		{"a page in two numbered columns", []pdfTestLine{
			{size: 10, y: 760, text: "Villkor", after: "Terms", at: 300},
			{size: 10, y: 740, text: "1. Tjansten", after: "1. The service", at: 300},
			{size: 10, y: 726, text: "Vi driver den."},
			{size: 10, y: 712, text: "Dygnet runt.", after: "We run it.", at: 300},
		}, []string{"Villkor Terms", "", "1. Tjansten 1. The service", "Vi driver den.", "Dygnet runt. We run it."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantText(t, "avtal.pdf", makePDF(tt.lines), tt.want...)
		})
	}
}

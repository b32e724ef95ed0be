package docread

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"avtal/model/docread/doctest"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
}

// para writes a paragraph, numbered when numID is not "".
func para(numID string, ilvl int, runs string) string {
	ppr := ""
	if numID != "" {
		ppr = fmt.Sprintf(`<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr></w:pPr>`, ilvl, numID)
	}
	return `<w:p>` + ppr + runs + `</w:p>`
}

func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// The numbering used by the tests: list 1 numbers clauses "1." / "1.1" /
// "1.1.1"; list 2 letters appendices "Bilaga A"; list 3 restarts a
// lower-case letter list at (c); list 4 is bullets.
const testNumbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Rubrik1"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Bilaga %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="40">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="40"/></w:num>
</w:numbering>`

// styles: "Rubrik1" is numbered through list 1 (level from the definition's
// pStyle), "Underrubrik" is based on it at level 1.
const testStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Underrubrik"><w:basedOn w:val="Rubrik1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

func TestDOCX(t *testing.T) {
	body := para("1", 0, run("Allmänt")) +
		// A tracked insertion is kept, a tracked deletion dropped.
		para("1", 1, run("Avtalet gäller ")+`<w:ins w:id="1" w:author="A"><w:r><w:t>tills vidare</w:t></w:r></w:ins>`+
			`<w:del w:id="2" w:author="A"><w:r><w:delText>i två år</w:delText></w:r></w:del>`+run(".")) +
		// The old numbering of a tracked format change is not the numbering.
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>` +
		`<w:pPrChange w:id="3"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` +
		run("Parterna") + `<w:r><w:tab/><w:t>är två.</w:t></w:r></w:p>` +
		para("1", 2, run("Med part avses en avtalsslutande part.")) +
		// Numbered through its style: the definition ties Rubrik1 to level 0.
		`<w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr>` + run("Avgifter") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Underrubrik"/></w:pPr>` + run("Fakturering") + `</w:p>` +
		// A whole deleted paragraph leaves nothing; a moved-away run neither.
		`<w:p><w:moveFrom w:id="4"><w:r><w:t>flyttad text</w:t></w:r></w:moveFrom>` + run("Kvar") + `</w:p>` +
		para("3", 0, run("första punkten")) +
		para("3", 0, run("andra punkten")) +
		para("4", 0, run("en punkt i en lista")) +
		`<w:tbl><w:tr><w:tc><w:p>` + run("Leverantör") + `</w:p></w:tc><w:tc><w:p>` + run("Land") + `</w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p>` + run("Exempel AB") + `</w:p></w:tc><w:tc><w:p>` + run("Sverige") + `</w:p><w:p>` + run("(EES)") + `</w:p></w:tc></w:tr></w:tbl>` +
		para("2", 0, run("Säkerhet")) +
		para("2", 1, run("Kryptering")) +
		para("2", 0, run("Underbiträden")) +
		// Alternate content: the fallback repeats the choice and is skipped.
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>val</w:t></mc:Choice><mc:Fallback><w:t>reserv</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	data := doctest.Zip(map[string]string{
		"[Content_Types].xml": `<Types/>`,
		"word/document.xml":   document(body),
		"word/numbering.xml":  testNumbering,
		"word/styles.xml":     testStyles,
	})
	got, err := Read("avtal.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"1. Allmänt",
		"1.1 Avtalet gäller tills vidare.",
		"1.2 Parterna\tär två.",
		"1.2.1 Med part avses en avtalsslutande part.",
		"2. Avgifter",
		"2.1 Fakturering",
		"Kvar",
		"(c) första punkten", // startOverride 3 → c
		"(d) andra punkten",
		"• en punkt i en lista",
		"Leverantör | Land",
		"Exempel AB | Sverige (EES)",
		"Bilaga A Säkerhet",
		"1.1 Kryptering", // isLgl: every level in decimal
		"Bilaga B Underbiträden",
		"val",
		"",
	}, "\n")
	if got != want {
		t.Errorf("DOCX text:\n%s\nwant:\n%s", got, want)
	}
}

// A table of contents comes as a TOC field (each entry a tab, then a page
// number that is itself a PAGEREF field) or as paragraphs in the "toc N"
// styles, whose ids are in the author's language. Either way the tab before
// the page number becomes the dot leader Word draws; a number that only
// looks like a page number outside a table of contents stays as it is.
func TestDOCXTableOfContents(t *testing.T) {
	pageRef := func(page string) string {
		return `<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc2 \h </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run(page) + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	body := `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:hyperlink w:anchor="_Toc1">` + run("1") + `<w:r><w:tab/></w:r>` + run("Avgifter") + pageRef("2") + `</w:hyperlink></w:p>` +
		`<w:p><w:hyperlink w:anchor="_Toc2">` + run("2") + `<w:r><w:tab/></w:r>` + run("Uppsägning") + pageRef("14") + `</w:hyperlink></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Innehall1"/></w:pPr>` + run("Bilagor") + `<w:r><w:tab/></w:r>` + run("20") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Innehall1"/></w:pPr>` + run("Utan sidnummer") + `</w:p>` +
		para("", 0, run("Priset är")+`<w:r><w:tab/></w:r>`+run("100")) +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("Sida") + `<w:r><w:tab/></w:r>` + run("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Innehall"><w:name w:val="TOC 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Innehall1"><w:name w:val="Min rubrik"/><w:basedOn w:val="Innehall"/></w:style>
</w:styles>`
	wantText(t, "avtal.docx", doctest.Zip(map[string]string{"word/document.xml": document(body), "word/styles.xml": styles}),
		"1\tAvgifter ........ 2",
		"2\tUppsägning ........ 14",
		"",
		"Bilagor ........ 20",
		"Utan sidnummer",
		"Priset är\t100",
		"Sida\t3")
}

// wantText reads data as the file name and checks that it gives the lines
// want, each ended by a newline.
func wantText(t *testing.T, name string, data []byte, want ...string) {
	t.Helper()
	got, err := Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(want, "\n") + "\n"; got != w {
		t.Errorf("%s text:\n%q\nwant:\n%q", name, got, w)
	}
}

// Paragraphs in heading styles become Markdown headings, so that a list
// inside a clause is not read as the clauses after it. The level comes
// from the style's English built-in name, from its outline level, or from
// the paragraph's own; a heading-styled paragraph that holds a whole
// clause, one in a table, and body text stay as they are. Tabs that only
// indent a paragraph go.
func TestDOCXHeadings(t *testing.T) {
	styled := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + run(text) + `</w:p>`
	}
	long := strings.Repeat("Leverantören ska leverera i tid. ", 5)
	body := styled("Rubrik1", "1 Allmänt") +
		styled("EgenRubrik", "Bakgrund") +
		para("", 0, run("Handlingarna gäller i denna ordning:")) +
		para("", 0, run("1. Avtalet")) +
		para("", 0, run("2. Bilagorna")) +
		para("", 0, `<w:r><w:tab/><w:t>3. Prislistan</w:t></w:r>`) +
		styled("Rubrik2", "2.1 Leverans") +
		styled("Rubrik2", long) +
		`<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>` + run("Egen nivå") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Rubrik1"/><w:outlineLvl w:val="9"/></w:pPr>` + run("Brödtext") + `</w:p>` +
		`<w:tbl><w:tr><w:tc>` + styled("Rubrik1", "Cell") + `</w:tc></w:tr></w:tbl>`
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="EgenRubrik"><w:name w:val="Min rubrik"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>`
	wantText(t, "avtal.docx", doctest.Zip(map[string]string{"word/document.xml": document(body), "word/styles.xml": styles}),
		"# 1 Allmänt",
		"## Bakgrund",
		"Handlingarna gäller i denna ordning:",
		"1. Avtalet",
		"2. Bilagorna",
		"3. Prislistan", // indented by a tab, which nests nothing
		"## 2.1 Leverans",
		long,
		"### Egen nivå",
		"Brödtext",
		"Cell")
}

// A numbered paragraph that starts with bold words and goes on in regular
// text has a run-in heading, marked for model/docparse, whether its number
// is Word's or typed; bold that starts no numbered paragraph, or bold
// turned off again, marks nothing.
func TestDOCXRunInHeadings(t *testing.T) {
	bold := func(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }
	body := para("1", 0, bold("Avgifter.")+run(" Kunden betalar i förskott.")) +
		para("", 0, run("2.1 ")+bold("Tvist")+run(" avgörs av domstol.")) +
		para("", 0, bold("Obs")+run(" detta gäller alla.")) +
		para("", 0, `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>3. Pris</w:t></w:r>`+run(" står i bilagan."))
	wantText(t, "avtal.docx", doctest.Zip(map[string]string{"word/document.xml": document(body), "word/numbering.xml": testNumbering}),
		"1. **Avgifter.** Kunden betalar i förskott.",
		"2.1 **Tvist** avgörs av domstol.",
		"Obs detta gäller alla.",
		"3. Pris står i bilagan.")
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{3, "decimal", "3"},
		{4, "decimalZero", "04"},
		{1, "upperLetter", "A"},
		{26, "lowerLetter", "z"},
		{27, "upperLetter", "AA"}, // Word repeats the letter: 27 = AA, 28 = BB
		{28, "upperLetter", "BB"},
		{14, "upperRoman", "XIV"},
		{9, "lowerRoman", "ix"},
		{5, "none", ""},
		{7, "ordinalText", "7"}, // unknown formats fall back to digits
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}

func TestDOCXBadArchives(t *testing.T) {
	many := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i <= maxZipEntries; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("f%d", i), Method: zip.Store})
		}
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("PK\x03\x04 this is not really an archive"), ErrDamaged},
		{"no document.xml", doctest.Zip(map[string]string{"word/other.xml": "<x/>"}), ErrDamaged},
		{"malformed XML", doctest.Zip(map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), ErrDamaged},
		{"malformed numbering", doctest.Zip(map[string]string{"word/document.xml": document(para("", 0, run("x"))), "word/numbering.xml": "<w:numbering><"}), ErrDamaged},
		{"no text", doctest.Zip(map[string]string{"word/document.xml": document("<w:p/>")}), ErrNoText},
		{"too many entries", many(), ErrTooLarge},
		{"zip bomb", zipBomb(t), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("avtal.docx", tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// zipBomb builds a small archive (about 50 kB) whose document.xml inflates
// past the limit.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for i := 0; i <= maxUnzipped>>20; i++ {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

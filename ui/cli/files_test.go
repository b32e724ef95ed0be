package cli

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"avtal/model/docread/doctest"
)

// pdfOf writes a one-page PDF whose page shows lines top to bottom in
// Helvetica with WinAnsi encoding (so å, ä and ö are one byte each), with
// the cross-reference table computed, as a PDF writer would.
func pdfOf(t *testing.T, lines []string) []byte {
	t.Helper()
	var content strings.Builder
	content.WriteString("BT /F1 11 Tf 14 TL 56 790 Td\n")
	for _, l := range lines {
		enc, err := charmap.Windows1252.NewEncoder().String(l)
		if err != nil {
			t.Fatalf("%q cannot be written in WinAnsi: %v", l, err)
		}
		r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
		content.WriteString("(" + r.Replace(enc) + ") Tj T*\n")
	}
	content.WriteString("ET")
	return pdfWith(content.String())
}

// pdfWith writes a one-page PDF whose page draws content (PDF operators)
// in Helvetica, with the cross-reference table computed.
func pdfWith(content string) []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return doctest.PDF(objects)
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// docxOf writes a .docx whose paragraphs are lines; a line written
// "+text" is a tracked insertion, which the reader keeps.
func docxOf(t *testing.T, lines []string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		run := `<w:r><w:t xml:space="preserve">` + xmlEscape(strings.TrimPrefix(l, "+")) + `</w:t></w:r>`
		if strings.HasPrefix(l, "+") {
			run = `<w:ins w:id="1" w:author="Granskare">` + run + `</w:ins>`
		}
		body.WriteString("<w:p>" + run + "</w:p>")
	}
	return doctest.Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + body.String() + `</w:body></w:document>`,
	})
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// zipBombDocx is a .docx of about 60 kB whose document.xml inflates to 60 MB
// of zeros, past what the reader unpacks (50 MB).
func zipBombDocx(t *testing.T) []byte {
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
	for range 60 {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

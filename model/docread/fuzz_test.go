package docread

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"avtal/model/docread/doctest"
)

// FuzzRead feeds arbitrary bytes to Read under each kind of file name. It
// must never panic; a failure is a *FileError naming the file, and a
// success is valid UTF-8 without control characters other than newline,
// tab and the form feed of a PageBreak line, so nothing read can reach a
// terminal as an escape.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/clauses.pdf", "testdata/garbage.pdf"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(doctest.Zip(map[string]string{"word/document.xml": document(para("", 0, `<w:r><w:t>1. Avtalet</w:t></w:r>`) + para("", 0, `<w:r><w:t>Parterna</w:t><w:tab/><w:t>Exempel AB</w:t></w:r>`))}))
	f.Add([]byte("<h1>Villkor</h1><ol><li>Tjänsten<ol><li>Omfattning</li></ol></li></ol><table><tr><td>99 %</td><td>5 %</td></tr></table>"))
	f.Add([]byte("\xff\xfe1\x00.\x00 \x00A\x00v\x00t\x00a\x00l\x00"))
	f.Add([]byte("1. Villkor\x1b]8;;x\x07länk\x1b[31m\r\n(a) ett\u202e\t(b) två\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"avtal.txt", "avtal.html", "avtal.docx", "avtal.pdf"} {
			text, err := Read(name, data)
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), name+": ") {
					t.Fatalf("%s: error %q does not name the file", name, err)
				}
				continue
			}
			if !utf8.ValidString(text) {
				t.Fatalf("%s: invalid UTF-8 %q", name, text)
			}
			for _, r := range strings.ReplaceAll(text, "\n"+PageBreak+"\n", "\n") {
				if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
					t.Fatalf("%s: control character %U in %q", name, r, text)
				}
			}
		}
	})
}

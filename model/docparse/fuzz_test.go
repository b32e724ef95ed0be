package docparse

import (
	"os"
	"testing"
	"unicode/utf8"

	"avtal/model/docread"
)

// FuzzParse feeds arbitrary text to Parse. It must never panic, and when it
// succeeds every document must be valid, every clause must sit under an
// earlier one, and no control character may reach the result. The checked-in
// corpus under testdata/fuzz/FuzzParse holds the layouts the parser knows;
// testdata/markdown.txt the Markdown ones (headings, nested lists, bold
// run-in numbers, tables, HTML); testdata/lists.txt lettered and roman
// items and tables laid out with tabs and spaces; testdata/sections.txt
// lettered top-level sections.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/wrapped.txt", "testdata/parts.txt", "testdata/markdown.txt", "testdata/lists.txt", "testdata/sections.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	// A PDF's text: headings by type size, pages set apart by PageBreak.
	f.Add("# Villkor\n\n## 1 Avgift\n\nKunden betalar\nExempel AB Sida 1\n" + docread.PageBreak + "\ni förskott.\n\n## 2 Tvist\n\n1. Förhandling\n2. Domstol\nExempel AB Sida 2\n" + docread.PageBreak + "\n")
	f.Fuzz(func(t *testing.T, text string) {
		res, err := Parse("fuzz.txt", docread.FromHTML(text))
		if err != nil {
			return
		}
		if len(res.Documents) == 0 || res.Title == "" {
			t.Fatalf("success without documents or title: %+v", res)
		}
		for _, d := range res.Documents {
			if err := d.Validate(); err != nil {
				t.Fatalf("invalid document: %v", err)
			}
			for i, p := range ParentIndex(d.Clauses) {
				if p >= i {
					t.Fatalf("clause %d has parent %d", i, p)
				}
			}
			for _, c := range d.Clauses {
				if !utf8.ValidString(c.Body) || !utf8.ValidString(c.Heading) {
					t.Fatalf("invalid UTF-8 in %+v", c)
				}
			}
		}
		assertPrintable(t, res)
	})
}

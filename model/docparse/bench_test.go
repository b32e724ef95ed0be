package docparse

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParseCenturi parses the largest reference document (84 KB, four
// documents) when it is present, and otherwise a generated text of the same
// size and shape.
func BenchmarkParseCenturi(b *testing.B) {
	name, text, ok := seedText("003")
	if !ok {
		name, text = "generated.txt", generated(84<<10)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(name, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHostileShapes parses each hostile shape (parse_test.go):
// the parser's work must stay linear in the length of the text, so each
// takes milliseconds, not seconds.
func BenchmarkParseHostileShapes(b *testing.B) {
	for name, text := range hostileShapes() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := Parse("x.txt", text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// generated writes about size bytes of agreement text: documents under
// titles in capitals, each numbered from 1, with paragraph-long clauses.
func generated(size int) string {
	var b strings.Builder
	sentence := "Parterna ska fullgöra sina åtaganden enligt detta avtal med den omsorg och skicklighet som kan krävas, och meddela varandra utan dröjsmål om något hinder uppstår."
	for doc := 1; b.Len() < size; doc++ {
		fmt.Fprintf(&b, "DEL %d AV EXEMPELAVTALET\n\n", doc)
		for ch := 1; ch <= 12 && b.Len() < size; ch++ {
			fmt.Fprintf(&b, "%d.\u00a0\u00a0\u00a0 Rubrik för kapitel %d\n", ch, ch)
			for cl := 1; cl <= 6; cl++ {
				fmt.Fprintf(&b, "%d.%d.\u00a0\u00a0\u00a0 %s %s\n", ch, cl, sentence, sentence)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestGeneratedIsParsedIntoDocuments(t *testing.T) {
	res, err := Parse("generated.txt", generated(84<<10))
	if err != nil {
		t.Fatal(err)
	}
	// A clause line is about 350 bytes, a chapter (heading and 6 clauses)
	// about 2.1 KB, a document of 12 chapters about 26 KB: 84 KB makes three
	// whole documents of 12 × 7 = 84 clauses and the start of a fourth.
	if len(res.Documents) != 4 {
		t.Fatalf("%d documents, want 4", len(res.Documents))
	}
	for i, d := range res.Documents[:3] {
		if len(d.Clauses) != 84 || d.Name != fmt.Sprintf("DEL %d AV EXEMPELAVTALET", i+1) {
			t.Errorf("document %d: %q with %d clauses, want 84", i, d.Name, len(d.Clauses))
		}
	}
}

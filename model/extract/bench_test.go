package extract

import (
	"strings"
	"testing"

	"avtal/model"
)

// benchText repeats the fixture clauses to about 80 KB, the size of the
// largest reference document (Centuri, 84 KB).
func benchText() string {
	var b strings.Builder
	for b.Len() < 80_000 {
		for _, c := range fixtureDocument {
			b.WriteString(c.Number + " " + c.Heading + "\n" + c.Body + "\n\n")
		}
	}
	return b.String()
}

func BenchmarkExtract80KB(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, "1")
	}
}

// benchDocument repeats the fixture clauses to about 80 KB of headings and bodies.
func benchDocument() ([]model.Clause, int) {
	var doc []model.Clause
	size := 0
	for size < 80_000 {
		doc = append(doc, fixtureDocument...)
		for _, c := range fixtureDocument {
			size += len(c.Heading) + len(c.Body)
		}
	}
	return doc, size
}

func BenchmarkPropose80KB(b *testing.B) {
	doc, size := benchDocument()
	b.SetBytes(int64(size))
	for b.Loop() {
		Propose(doc)
	}
}

func BenchmarkSuggestTags80KB(b *testing.B) {
	doc, size := benchDocument()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, c := range doc {
			SuggestTags(c.Heading, c.Body)
		}
	}
}

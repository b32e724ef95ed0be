package docimport

import (
	"cmp"
	"os"
	"path/filepath"
	"testing"

	"avtal/model/extract"
)

// centuriPlan reads the largest reference document (Centuri, 84 KB, 265
// clauses in four documents) up to its clauses, or skips when the seeds
// are absent.
func centuriPlan(b *testing.B) Plan {
	name, data := centuriFile(b)
	p, err := Read(name, data)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// centuriFile returns the name and bytes of the Centuri reference
// document, or skips when the seeds are absent.
func centuriFile(b *testing.B) (string, []byte) {
	files, _ := filepath.Glob(filepath.Join(cmp.Or(os.Getenv("AVTAL_SEEDS"), "../../../shared/seeds"), "003_*.txt"))
	if len(files) != 1 {
		b.Skip("reference document 003 (Centuri) not found")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	return files[0], data
}

// BenchmarkReadCenturi measures what an import does before it stores and
// analyses: decoding and cleaning the text, then finding its documents and
// clauses. It runs before either, so all of it is waited for.
func BenchmarkReadCenturi(b *testing.B) {
	name, data := centuriFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(name, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyseCenturi measures the analysis of an import apart from
// reading and storing: each document's proposals (extract.Propose) and
// each clause's suggested tags, one after the other on one goroutine, so
// the numbers add up to the work Analyse spreads over the cores.
func BenchmarkAnalyseCenturi(b *testing.B) {
	p := centuriPlan(b)
	report := func(b *testing.B) {
		b.ReportMetric(float64(p.Clauses()*b.N)/b.Elapsed().Seconds(), "clauses/s")
	}
	b.Run("propose", func(b *testing.B) {
		for b.Loop() {
			for _, d := range p.Documents {
				extract.Propose(d.Clauses)
			}
		}
		report(b)
	})
	b.Run("tags", func(b *testing.B) {
		for b.Loop() {
			for _, d := range p.Documents {
				for _, c := range d.Clauses {
					extract.SuggestTags(c.Heading, c.Body)
				}
			}
		}
		report(b)
	})
}

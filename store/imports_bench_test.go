package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"avtal/model/docimport"
)

// BenchmarkStoreImportCenturi stores the prepared Centuri reference document
// (245 clauses in four documents, with their tags, proposals and the
// full-text index kept in step by its triggers) as a new agreement, again
// and again into one register: the store's share of `avtal import`.
func BenchmarkStoreImportCenturi(b *testing.B) {
	dir := os.Getenv("AVTAL_SEEDS")
	if dir == "" {
		dir = "../../shared/seeds"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "003_*.txt"))
	if len(files) != 1 {
		b.Skip("reference document 003 (Centuri) not found")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	plan, err := docimport.Prepare(files[0], data)
	if err != nil {
		b.Fatal(err)
	}
	s := openTemp(b)
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.ImportDocuments(ctx, ImportRequest{Plan: plan}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(plan.Clauses()*b.N)/b.Elapsed().Seconds(), "clauses/s")
}

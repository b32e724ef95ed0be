package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"avtal/model/docimport"
)

// BenchmarkStoreImportCenturi stores the prepared Centuri reference document
// (265 clauses in four documents, with their tags, proposals and the
// full-text index, which takes them in after the import): the store's
// share of `avtal import`, the index included. "empty" imports into a new register each time; "growing"
// imports again and again into one, so the index's segment merges, which
// grow with the index, are paid as a large register pays them.
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
	ctx := context.Background()
	run := func(b *testing.B, s *Store) {
		if _, err := s.ImportDocuments(ctx, ImportRequest{Plan: plan}); err != nil {
			b.Fatal(err)
		}
		if err := s.WaitWrites(ctx); err != nil {
			b.Fatal(err)
		}
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(plan.Clauses()*b.N)/b.Elapsed().Seconds(), "clauses/s")
	}
	b.Run("empty", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			b.StopTimer()
			s := openTemp(b)
			b.StartTimer()
			run(b, s)
		}
		report(b)
	})
	b.Run("growing", func(b *testing.B) {
		s := openTemp(b)
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			run(b, s)
		}
		report(b)
	})
}

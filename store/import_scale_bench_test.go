package store_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"avtal/model/gen"
	"avtal/model/yamlreg"
	"avtal/store"
	"avtal/store/benchdb"
)

// importBatch is how many agreements one YAML import holds: 50 generated
// agreements, some 5 000 clauses.
const importBatch = 50

// BenchmarkImportYAML imports YAML files the way `avtal import` does —
// yamlreg.DecodeAll of the files (on every core), then
// store.PutAgreements of them all in one transaction, the full-text index
// kept in step by its triggers — into an empty register and into a copy of
// the register of a million clauses, where the index is large. MB/s is YAML read; the target is
// 10 000 clauses/s.
func BenchmarkImportYAML(b *testing.B) {
	// Agreements of another seed, so their ids are new to the large register.
	g := gen.New(gen.Config{Agreements: 1 << 30, Seed: benchdb.Seed + 1})
	batch := func(b *testing.B) (files [][]byte, clauses int) {
		for range importBatch {
			it, _ := g.Next()
			data, err := yamlreg.Encode(it.Agreement)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, data)
			clauses += it.Clauses()
		}
		return files, clauses
	}
	run := func(b *testing.B, open func(b *testing.B) *store.Store) {
		ctx := context.Background()
		var bytes, clauses int
		for b.Loop() {
			b.StopTimer()
			files, n := batch(b)
			st := open(b)
			b.StartTimer()
			yamls := make([]yamlreg.File, len(files))
			for i, f := range files {
				yamls[i] = yamlreg.File{Name: fmt.Sprintf("agreement-%d.yaml", i), Data: f}
				bytes += len(f)
			}
			list, err := yamlreg.DecodeAll(yamls)
			if err != nil {
				b.Fatal(err)
			}
			if err := st.PutAgreements(ctx, list, false); err != nil {
				b.Fatal(err)
			}
			clauses += n
		}
		secs := b.Elapsed().Seconds()
		b.ReportMetric(float64(bytes)/secs/1e6, "MB/s")
		b.ReportMetric(float64(clauses)/secs, "clauses/s")
	}
	b.Run("empty", func(b *testing.B) {
		run(b, func(b *testing.B) *store.Store {
			st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "avtal.db"), store.WithClock(time.Now))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			return st
		})
	})
	b.Run("large", func(b *testing.B) {
		st := copyRegister(b)
		run(b, func(*testing.B) *store.Store { return st })
	})
}

// copyRegister opens a copy of the shared register, to write into.
func copyRegister(b *testing.B) *store.Store {
	src, err := os.Open(benchdb.Path(b))
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(b.TempDir(), "copy.db")
	dst, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(context.Background(), path, store.WithClock(time.Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

package store

import (
	"context"
	"slices"
	"testing"

	"avtal/model/gen"
)

// A bulk load keeps the count of every trigram of the words of its sample
// as the index counts it, and a search finds the same clauses whether its
// plan comes from the kept counts, from counts gone stale or from counting
// afresh: the counts choose how to ask, never what is found.
func TestKeptTrigramCounts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.BulkLoad(ctx, gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 8, Seed: 3})), nil); err != nil {
		t.Fatal(err)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT trigram, n FROM trigram_counts")
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]int{}
	for rows.Next() {
		var tri string
		var n int
		if err := rows.Scan(&tri, &n); err != nil {
			t.Fatal(err)
		}
		kept[tri] = n
	}
	rows.Close()
	// A register this small is read whole: every trigram of "leverantören".
	for _, tri := range []string{"lev", "ver", "era", "ran", "ant", "nto", "tor", "ore", "ren"} {
		n, err := countTrigram(ctx, s.read, tri)
		if err != nil {
			t.Fatal(err)
		}
		if kept[tri] != n || n == 0 {
			t.Errorf("%q: kept %d, the index counts %d", tri, kept[tri], n)
		}
	}

	search := func() []int64 {
		s.trigrams = &trigramCounts{} // as a new process
		page, err := s.Search(ctx, "leverantören avtalet", 500, nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range page.Hits {
			ids = append(ids, h.ClauseID)
		}
		slices.Sort(ids)
		return ids
	}
	want := search()
	if len(want) == 0 {
		t.Fatal("the search found nothing")
	}
	for name, change := range map[string]string{
		"stale: every trigram counted rare":   "UPDATE trigram_counts SET n = 1",
		"stale: every trigram counted common": "UPDATE trigram_counts SET n = 1000000",
		"none kept":                           "DELETE FROM trigram_counts",
	} {
		if _, err := s.write.ExecContext(ctx, change); err != nil {
			t.Fatal(err)
		}
		if got := search(); !slices.Equal(got, want) {
			t.Errorf("%s: found %v, want %v", name, got, want)
		}
	}
}

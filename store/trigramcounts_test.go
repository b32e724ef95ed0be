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

// A word is asked for by its rarest trigram and the least common of those
// that do not overlap it, if any does not.
func TestRareTrigramsChoosesTheSecond(t *testing.T) {
	s := openTemp(t)
	for _, tt := range []struct {
		name   string
		word   string
		counts map[string]int
		want   []string
	}{
		{"the least common apart from the rarest", "abcdefgh",
			map[string]int{"abc": 5000, "bcd": 100, "cde": 300, "def": 9000, "efg": 4000, "fgh": 2500}, []string{"bcd", "fgh"}},
		{"an overlapping one only when none is apart", "abcd",
			map[string]int{"abc": 100, "bcd": 3000}, []string{"abc", "bcd"}},
		{"the first in the word of equals", "abcdefg",
			map[string]int{"abc": 7000, "bcd": 7000, "cde": 7000, "def": 7000, "efg": 40}, []string{"efg", "abc"}},
		{"none rare", "abcde",
			map[string]int{"abc": 2000, "bcd": 5000, "cde": 9000}, nil},
	} {
		s.trigrams = &trigramCounts{n: tt.counts}
		got, err := s.rareTrigrams(context.Background(), tt.word)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A trigram counted as far as rareTrigram is kept with the sample's
// estimate of how many clauses hold it: in a register read whole, the
// count of its clauses.
func TestKeptTrigramEstimates(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	defer func(n int) { rareTrigram = n }(rareTrigram)
	rareTrigram = 3
	if _, err := s.BulkLoad(ctx, gen.AllAs[BulkItem](gen.New(gen.Config{Agreements: 8, Seed: 3})), nil); err != nil {
		t.Fatal(err)
	}
	for _, tri := range []string{"lev", "ant", "avt"} {
		var kept, holding int
		if err := s.read.QueryRowContext(ctx, "SELECT n FROM trigram_counts WHERE trigram = ?", tri).Scan(&kept); err != nil {
			t.Fatal(err)
		}
		rows, err := s.read.QueryContext(ctx, "SELECT heading, body FROM clauses")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var heading, body string
			if err := rows.Scan(&heading, &body); err != nil {
				t.Fatal(err)
			}
			in := map[string]bool{}
			addTrigrams(in, foldText(heading, false).text)
			addTrigrams(in, foldText(body, false).text)
			if in[tri] {
				holding++
			}
		}
		rows.Close()
		if holding < rareTrigram || kept != holding {
			t.Errorf("%q: kept %d, %d clauses hold it", tri, kept, holding)
		}
	}
}

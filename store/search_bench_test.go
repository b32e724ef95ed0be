package store_test

import (
	"context"
	"testing"

	"avtal/model/gen"
	"avtal/store"
	"avtal/store/benchdb"
)

// searchQueries are the searches measured on the register of a million
// generated clauses (store/benchdb), in the words of its vocabulary
// (model/gen/words.go).
var searchQueries = []struct{ name, query string }{
	{"common", "avtalet"},               // the commonest Swedish noun: in a large share of all clauses
	{"rare", "kulanskreditering"},       // the rarest noun of the list: about 1 300 clauses
	{"very_rare", "kontinuitetsövning"}, // the rarest modifier on the rarest head: 32 clauses
	{"prefix", "leveran"},               // leverans, leveransen, leverantören, leverantörens
	{"compound", "biträde"},             // a part of personuppgiftsbiträde, underbiträdet …
	{"diacritics", "overlatelse"},       // överlåtelse typed without its letters
	{"two_words", "uppsägning månader"},
}

// searchPage is the first page the Clauses pane asks for.
const searchPage = 50

// BenchmarkSearch measures the first page of a search, as the Clauses pane
// asks for it on every pause in typing, then the next page and a clause
// tree. Target: 20 ms at the 95th percentile for any query.
func BenchmarkSearch(b *testing.B) {
	st := benchdb.Open(b)
	ctx := context.Background()
	for _, q := range searchQueries {
		b.Run(q.name, func(b *testing.B) {
			var l benchdb.Latencies
			hits := 0
			for b.Loop() {
				var p *store.SearchPage
				var err error
				l.Time(func() { p, err = st.Search(ctx, q.query, searchPage, nil) })
				if err != nil {
					b.Fatal(err)
				}
				hits = len(p.Hits)
			}
			if hits == 0 {
				b.Fatalf("%q found nothing", q.query)
			}
			l.Report(b)
		})
	}
	// Limited to one agreement (the Clauses pane scoped to it): a common
	// word and a rare one.
	for _, q := range []string{"avtalet", "kulanskreditering"} {
		b.Run("scoped_"+q, func(b *testing.B) {
			id := gen.ID(benchdb.Seed, 42)
			var l benchdb.Latencies
			for b.Loop() {
				var err error
				l.Time(func() { _, err = st.SearchIn(ctx, id, q, searchPage, nil) })
				if err != nil {
					b.Fatal(err)
				}
			}
			l.Report(b)
		})
	}
	b.Run("next_page", func(b *testing.B) {
		first, err := st.Search(ctx, "avtalet", searchPage, nil)
		if err != nil {
			b.Fatal(err)
		}
		var l benchdb.Latencies
		for b.Loop() {
			l.Time(func() { _, err = st.Search(ctx, "avtalet", searchPage, first.Next) })
			if err != nil {
				b.Fatal(err)
			}
		}
		l.Report(b)
	})
	b.Run("clause_tree", func(b *testing.B) {
		id := gen.ID(benchdb.Seed, 42)
		var l benchdb.Latencies
		for b.Loop() {
			var err error
			l.Time(func() { _, err = st.ClauseTree(ctx, id, false) })
			if err != nil {
				b.Fatal(err)
			}
		}
		l.Report(b)
	})
}

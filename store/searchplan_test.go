package store

import (
	"context"
	"slices"
	"testing"

	"avtal/model"
)

// Asking the index by a word's two rare trigrams or by all of its trigrams
// (when none is rare), and checking the words in Go, must find the same.
func TestSearchPlansAgree(t *testing.T) {
	defer func(n int) { rareTrigram = n }(rareTrigram)
	s := openReview(t)
	ctx := context.Background()
	// Every trigram of "ansvar" is in this clause, none of them in order:
	// the trigrams find it, the check must drop it.
	decoy := sampleAgreement("decoy", "Decoy AB")
	decoy.Documents = []model.Document{{Name: "V", Clauses: []model.Clause{
		{Number: "1", Heading: "Transport", Body: "Varor med nsv-kod i svala rum."},
		{Number: "2", Heading: "Ansvar", Body: "Parternas ansvar."},
	}}}
	if err := s.PutAgreement(ctx, decoy, false); err != nil {
		t.Fatal(err)
	}
	queries := []string{"ansvar", "biträde", "uppsagning", "leverantören", "kopior underbiträden", "skiljedom", "SLA", "tillgänglighet"}
	search := func(q string) ([]string, searchPlan) {
		terms, _ := parseQuery(q)
		plan, err := s.plan(ctx, terms, "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Search(ctx, q, 50, nil)
		if err != nil {
			t.Fatal(err)
		}
		return hitKeys(p), plan
	}
	for _, q := range queries {
		rareTrigram = 2000 // every trigram of a small register is rare
		byTrigram, plan := search(q)
		terms, _ := parseQuery(q)
		for i, term := range terms {
			if len([]rune(term.stem)) > 3 && !slices.Contains(plan.check, i) {
				t.Errorf("%q: %q was asked for whole, not by its trigrams (plan %+v)", q, term.stem, plan)
			}
		}
		rareTrigram = 0 // no trigram is rare
		byEvery, plan := search(q)
		for i, term := range terms {
			if len([]rune(term.stem)) > 3 && !slices.Contains(plan.check, i) {
				t.Errorf("%q: with no rare trigram %q was not asked for by every trigram and checked (plan %+v)", q, term.stem, plan)
			}
		}
		if !slices.Equal(byTrigram, byEvery) {
			t.Errorf("%q: by two trigrams %v, by every trigram %v", q, byTrigram, byEvery)
		}
		if q == "ansvar" && (slices.Contains(byTrigram, "decoy:1") || !slices.Contains(byTrigram, "decoy:2")) {
			t.Errorf("ansvar: %v, want decoy:2 and not the decoy clause 1", byTrigram)
		}
	}
}

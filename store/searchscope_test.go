package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"avtal/model"
)

// withScopeScan runs f once with each way a search limited to an
// agreement can go: reading the agreement's clauses, and asking the index.
func withScopeScan(t *testing.T, f func(t *testing.T)) {
	defer func(n int) { scopeScan = n }(scopeScan)
	for _, c := range []struct {
		name string
		n    int
	}{{"agreement's clauses", 2000}, {"index", 0}} {
		scopeScan = c.n
		t.Run(c.name, f)
	}
}

func TestSearchInOneAgreement(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	withScopeScan(t, func(t *testing.T) {
		for _, tt := range []struct {
			agreement, query string
			want             []string // in rank order
		}{
			// Over the register "biträde" finds alfa:1, beta:5 and beta:5.1.
			{"alfa", "biträde", []string{"alfa:1"}},
			// Each holds the word once, exactly; beta:5.1 is 6 + 52
			// letters long (heading + body), beta:5 10 + 64: the shorter
			// clause ranks first.
			{"beta", "biträde", []string{"beta:5.1", "beta:5"}},
			{"alfa", "uppsagning", []string{"alfa:2"}},
			{"beta", "uppsagning", []string{"beta:4"}},
			// Every word must be there, in the one agreement.
			{"alfa", "kopior underbiträden", nil},
			{"beta", "kopior underbiträden", []string{"beta:5.1"}},
		} {
			p, err := s.SearchIn(ctx, tt.agreement, tt.query, 10, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitKeys(p); !slices.Equal(got, tt.want) {
				t.Errorf("SearchIn(%s, %q) = %v, want %v", tt.agreement, tt.query, got, tt.want)
			}
		}
	})
}

func TestSearchInOneAgreementEdges(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	if err := s.PutAgreement(ctx, sampleAgreementWithout("tom"), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, "UPDATE documents SET superseded = 1 WHERE agreement_id = 'alfa' AND name = 'SLA'"); err != nil {
		t.Fatal(err)
	}
	withScopeScan(t, func(t *testing.T) {
		if _, err := s.SearchIn(ctx, "nope", "ansvar", 10, nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("an unknown agreement: %v, want ErrNotFound", err)
		}
		if p, err := s.SearchIn(ctx, "tom", "ansvar", 10, nil); err != nil || len(p.Hits) != 0 {
			t.Errorf("an agreement without clauses: %v, %v", hitKeys(p), err)
		}
		// alfa's SLA is an old version now: its clause is not found.
		if p, err := s.SearchIn(ctx, "alfa", "tillgänglighet", 10, nil); err != nil || len(p.Hits) != 0 {
			t.Errorf("an old version's clause: %v, %v", hitKeys(p), err)
		}
	})
}

// sampleAgreementWithout is a sample agreement with no documents.
func sampleAgreementWithout(id string) *model.Agreement {
	a := sampleAgreement(id, "Tom AB")
	a.Documents = nil
	return a
}

func TestSearchInOneAgreementPages(t *testing.T) {
	defer func(w int) { rankWindow = w }(rankWindow)
	rankWindow = 20 // 45 matches in "many": a ranked window of 20, then 25 in index order
	s := openTemp(t)
	ctx := context.Background()
	// "many" and "other" both hold "ansvar" in clauses 1–50 but every
	// tenth; only many's 45 may come back.
	for _, id := range []string{"other", "many"} {
		a := sampleAgreement(id, id+" AB")
		var clauses []model.Clause
		for i := range 50 {
			body := fmt.Sprintf("Punkt %d handlar om ansvar.", i)
			if i%10 == 9 {
				body = fmt.Sprintf("Punkt %d handlar om annat.", i)
			}
			clauses = append(clauses, model.Clause{Number: fmt.Sprint(i + 1), Heading: "Punkt", Body: body})
		}
		a.Documents = []model.Document{{Name: "V", Clauses: clauses}}
		if err := s.PutAgreement(ctx, a, false); err != nil {
			t.Fatal(err)
		}
	}
	withScopeScan(t, func(t *testing.T) {
		seen := map[string]bool{}
		var cur *SearchCursor
		pages := 0
		for {
			p, err := s.SearchIn(ctx, "many", "ansvar", 7, cur)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, k := range hitKeys(p) {
				if seen[k] || k[:5] != "many:" {
					t.Fatalf("page %d: %s repeated or from another agreement", pages, k)
				}
				seen[k] = true
			}
			if p.Next == nil {
				break
			}
			cur = p.Next
		}
		// 45 matches in pages of 7: 6 full pages and 3 on the seventh.
		if len(seen) != 45 || pages != 7 {
			t.Errorf("%d hits over %d pages, want 45 over 7", len(seen), pages)
		}
	})
}

// A search limited to an agreement reads its clauses when they are few, or
// when the index would read long lists; the index only for a large
// agreement and a word with a rare trigram.
func TestSearchInChoosesItsPlan(t *testing.T) {
	defer func(n, r int) { scopeScan, rareTrigram = n, r }(scopeScan, rareTrigram)
	s := openReview(t)
	ctx := context.Background()
	terms, _ := parseQuery("leverantören")
	for _, c := range []struct {
		name            string
		scopeScan, rare int
		agreement       string
		scan            bool
	}{
		{"beta has 5 clauses, fewer than 2000", 2000, 2000, "beta", true},
		{"a large agreement, a rare word", 0, 2000, "beta", false},
		{"a large agreement, a common word", 0, 0, "beta", true},
		{"the whole register", 2000, 2000, "", false},
	} {
		scopeScan, rareTrigram = c.scopeScan, c.rare
		p, err := s.plan(ctx, terms, c.agreement)
		if err != nil {
			t.Fatal(err)
		}
		if p.scan != c.scan || p.agreementID != c.agreement || (p.scan && len(p.check) != len(terms)) {
			t.Errorf("%s: plan %+v, want scan %v", c.name, p, c.scan)
		}
	}
}

package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The trigram index lists, for each trigram, the clauses that hold it, and
// not where (schema step 24: keeping the positions was most of the cost of
// indexing an import). A word is asked for by its trigrams, and the
// clauses found are checked in Go to hold the word itself. A long word is
// made of common trigrams ("ing", "ter", "ans") whose lists run to
// hundreds of thousands of clauses, so a word that few clauses hold costs
// the whole length of those lists: 30–70 ms in a million clauses, where a
// common word, found at once, costs 1 ms. When one trigram of the word is
// rare, search asks the index for that trigram and one other — short lists
// that hold every clause with the word — and keeps the clauses whose
// folded text holds the word.

// rareTrigram is the count below which a trigram is rare: the clauses that
// hold it are few enough to read and check. It is also where counting
// stops, so counting a common trigram reads this many entries at most. A
// variable only so that tests can reach the index's own matching with a
// small register.
var rareTrigram = 2000

// searchPlan is how candidates asks the index for the clauses that hold
// every term.
type searchPlan struct {
	match string // the FTS5 expression
	// check are the terms asked for by some of their trigrams: the index
	// keeps no positions (schema step 24), so the clauses found must be
	// checked to hold the whole word.
	check []int
	// agreementID limits the search to one agreement; scan reads its
	// current clauses instead of asking the index, and checks every term.
	agreementID string
	scan        bool
}

// scopeScan is the number of current clauses below which a search limited
// to one agreement reads the agreement's clauses rather than the index.
// Reading and checking a clause costs about 4 µs, so an agreement of
// scopeScan clauses costs about 8 ms, and the agreements of the benchmark
// register have 240 on average; the index, asked for a common word,
// reads the word's whole list to find the few in the agreement: 350 ms in
// a million clauses. A variable only so that tests can reach the index
// with a small register.
var scopeScan = 2000

// plan asks for each term by its two rarest trigrams when it has a rare
// one — two short lists intersected leave few clauses to check — and by
// all of them otherwise; the clauses found are checked to hold the word,
// unless it is a single trigram. Limited to an agreement (agreementID), it reads
// the agreement's clauses instead when they are fewer than scopeScan, or
// when no term has a rare trigram (the index's lists are long); an
// agreement the register does not hold is ErrNotFound.
func (s *Store) plan(ctx context.Context, terms []term, agreementID string) (searchPlan, error) {
	scan := searchPlan{agreementID: agreementID, scan: true, check: everyTerm(terms)}
	if agreementID != "" {
		var n int
		err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents d JOIN clauses c ON c.document_id = d.id
			WHERE d.agreement_id = ? AND d.superseded = 0 LIMIT ?)`, agreementID, scopeScan).Scan(&n)
		if err != nil {
			return scan, err
		}
		if n == 0 {
			if err := s.checkAgreement(ctx, agreementID); err != nil {
				return scan, err
			}
		}
		if n < scopeScan {
			return scan, nil
		}
	}
	p := searchPlan{agreementID: agreementID}
	var parts []string
	anyRare := false
	for i, t := range terms {
		tris, err := s.rareTrigrams(ctx, t.stem)
		if err != nil {
			return p, err
		}
		anyRare = anyRare || len(tris) > 0
		if len(tris) == 0 {
			// Every trigram of the word, each once: the index keeps no
			// positions (schema step 24) to ask for the word itself.
			tris = trigramsOf(t.stem)
			slices.Sort(tris)
			tris = slices.Compact(tris)
		}
		for _, tri := range tris {
			parts = append(parts, quote(tri))
		}
		if len(tris) > 1 || tris[0] != t.stem {
			p.check = append(p.check, i)
		}
	}
	if agreementID != "" && !anyRare {
		return scan, nil
	}
	p.match = strings.Join(parts, " ")
	return p, nil
}

// holds reports whether a clause the index found holds every word the plan
// asked for by a trigram, in its heading or its body, folded as the index
// folds (weighing it in buf).
func (p *searchPlan) holds(c *candidate, terms []term, buf *[]byte) bool {
	if len(p.check) == 0 {
		return true
	}
	c.weigh(terms, buf)
	for _, i := range p.check {
		if c.freq[i] == 0 {
			return false
		}
	}
	return true
}

// everyTerm lists the index of every term, for a plan that checks them all.
func everyTerm(terms []term) []int {
	all := make([]int, len(terms))
	for i := range all {
		all[i] = i
	}
	return all
}

// rareTrigrams returns the trigram of word that the fewest clauses hold
// and a second one, when fewer than rareTrigram hold the rarest; nil when
// none is rare or the word is a single trigram (then the index's own
// matching is as quick). The second is the least common of those that do
// not overlap the rarest, known by the sample's estimate when common
// (keepTrigramCounts): the index reads its whole list to intersect the
// two, and an overlapping one ("sov" of "tsöv") is held by nearly the same
// clauses, so it leaves as many to check. "kontinuitetsövning" asked by
// "tsö" and "inu" leaves 34 clauses of a million in 0.9 ms; by "tsö" and
// "kon" 59 in 1.1; by "tsö" and "sov" 477.
func (s *Store) rareTrigrams(ctx context.Context, word string) ([]string, error) {
	if utf8.RuneCountInString(word) <= 3 {
		return nil, nil
	}
	tris := trigramsOf(word)
	counts, err := s.trigrams.counts(ctx, s, tris)
	if err != nil {
		return nil, err
	}
	rarest := 0
	for i, n := range counts {
		if n < counts[rarest] {
			rarest = i
		}
	}
	if counts[rarest] >= rareTrigram {
		return nil, nil
	}
	// The least common trigram apart from the rarest, one that does not
	// overlap it if there is one; the first in the word of equals.
	second := -1
	for i, n := range counts {
		apart, secondApart := i <= rarest-3 || i >= rarest+3, second >= 0 && (second <= rarest-3 || second >= rarest+3)
		switch {
		case i == rarest:
		case second < 0, apart && !secondApart, apart == secondApart && n < counts[second]:
			second = i
		}
	}
	return []string{tris[rarest], tris[second]}, nil
}

// trigramsOf returns the trigrams of a word, in order.
func trigramsOf(word string) []string {
	r := []rune(word)
	var tris []string
	for i := 0; i+3 <= len(r); i++ {
		tris = append(tris, string(r[i:i+3]))
	}
	return tris
}

// trigramCounts remembers how many clauses hold each trigram (up to
// rareTrigram), shared by every session: a word typed letter by letter
// asks about the same trigrams again and again. A count comes from the
// register's trigram_counts when it is there (kept by keepTrigramCounts),
// so that the first search of a process costs what a repeated one does,
// and from the index otherwise. The counts may go stale as the register
// grows; they only choose how to search, never what is found.
type trigramCounts struct {
	mu sync.Mutex
	n  map[string]int
}

// maxTrigramCounts bounds the counts kept; beyond it they start afresh.
const maxTrigramCounts = 20000

// counts returns how many clauses hold each of tris, counted up to
// rareTrigram: from memory, then the kept counts (one query for all),
// then the index.
func (t *trigramCounts) counts(ctx context.Context, s *Store, tris []string) ([]int, error) {
	out := make([]int, len(tris))
	keys := make([]string, len(tris))
	var missing []any
	t.mu.Lock()
	for i, tri := range tris {
		keys[i] = foldText(tri, false).text
		n, ok := t.n[keys[i]]
		if !ok {
			n = -1
			missing = append(missing, keys[i])
		}
		out[i] = n
	}
	t.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	found := map[string]int{}
	rows, err := s.read.QueryContext(ctx, `SELECT trigram, n FROM trigram_counts WHERE trigram IN (?`+
		strings.Repeat(", ?", len(missing)-1)+`)`, missing...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var tri string
		var n int
		if err := rows.Scan(&tri, &n); err != nil {
			rows.Close()
			return nil, err
		}
		found[tri] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, key := range keys {
		if out[i] >= 0 {
			continue
		}
		n, ok := found[key]
		if !ok {
			if n, err = countTrigram(ctx, s.read, key); err != nil {
				return nil, err
			}
			found[key] = n
		}
		out[i] = n
	}
	t.mu.Lock()
	if t.n == nil || len(t.n)+len(found) > maxTrigramCounts {
		t.n = map[string]int{}
	}
	maps.Copy(t.n, found)
	t.mu.Unlock()
	return out, nil
}

// countTrigram counts the clauses that hold tri in the index, up to
// rareTrigram: about 0.5 ms for a common one in a million clauses.
func countTrigram(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, tri string) (n int, err error) {
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM clauses_fts WHERE clauses_fts MATCH ? LIMIT ?)`,
		quote(tri), rareTrigram).Scan(&n)
	return n, err
}

// trigramSample is about how many clauses keepTrigramCounts reads for the
// trigrams to count. A trigram common enough to cost a search time (2 000
// clauses of a million) is all but sure to be in 20 000 of them spread over
// the register; a rare one it misses is quick to count when first asked for.
const trigramSample = 20000

// keepTrigramCounts makes the register's trigram_counts afresh in tx, after
// a bulk load or the migrations that add the table and its estimates: the
// trigrams of the words of a sample of clauses, each counted in the index
// (a second or two for a million clauses). Counting stops at rareTrigram;
// a trigram counted that far is kept with how many clauses the sample says
// hold it, for choosing a rare word's second trigram (rareTrigrams).
func keepTrigramCounts(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM trigram_counts"); err != nil {
		return err
	}
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM clauses").Scan(&last); err != nil {
		return err
	}
	step := max(1, last/trigramSample)
	rows, err := tx.QueryContext(ctx, `WITH RECURSIVE sample(id) AS (SELECT ? UNION ALL SELECT id + ? FROM sample WHERE id + ? <= ?)
		SELECT c.heading, c.body FROM sample JOIN clauses c ON c.id = sample.id`, step, step, step, last)
	if err != nil {
		return err
	}
	inSample := map[string]int{} // how many clauses of the sample hold each trigram
	sampled := 0
	for rows.Next() {
		var heading, body string
		if err := rows.Scan(&heading, &body); err != nil {
			rows.Close()
			return err
		}
		sampled++
		clause := map[string]bool{}
		for _, text := range []string{heading, body} {
			addTrigrams(clause, foldText(text, false).text)
		}
		for tri := range clause {
			inSample[tri]++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for tri, held := range inSample {
		n, err := countTrigram(ctx, tx, tri)
		if err != nil {
			return err
		}
		if n >= rareTrigram {
			n = max(n, int(int64(held)*last/int64(sampled)))
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO trigram_counts(trigram, n) VALUES (?, ?)", tri, n); err != nil {
			return err
		}
	}
	return nil
}

// addTrigrams adds the trigrams of the words of text, as search asks for a
// word's (rareTrigrams).
func addTrigrams(seen map[string]bool, text string) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		r := []rune(w)
		for i := 0; i+3 <= len(r); i++ {
			seen[string(r[i:i+3])] = true
		}
	}
}

// quote makes s one FTS5 string.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

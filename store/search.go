package store

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"avtal/model/extract"
)

// rankWindow is how many matches, in index order, are ranked together. A
// word found in most of a million clauses would cost seconds to rank in
// full; the first rankWindow matches are ranked and shown first, and the
// rest follow in index order, so the first page costs the same however
// large the register grows. A rare word's matches lie scattered over the
// file, each a page to read: 350 of them cost about 4 ms, 1 000 about
// 12 ms, which made a rare word only six times quicker than rg (the target
// is ten). The window is a variable only so that tests can cross it with a
// small register.
var rankWindow = 350

// maxSearchPage bounds a page of hits: the page's details are fetched with
// one placeholder per hit.
const maxSearchPage = 500

// MinWordLen is the shortest word search looks for: the index is made of
// three-letter pieces, so a shorter word cannot be found in it.
const MinWordLen = 3

// Hit is one clause that matches a search.
type Hit struct {
	ClauseID    int64
	AgreementID string
	Agreement   string // the agreement's title
	DocumentID  int64
	Document    string
	Number      string
	Heading     string
	// Snippet is the stretch of the body around the first match, on one
	// line, with "…" where it was cut; Marks are the byte spans of the
	// matching words in it, and HeadingMarks those in Heading.
	Snippet      string
	Marks        []extract.Span
	HeadingMarks []extract.Span
	// Exact counts the query's words that the clause holds with the very
	// letters typed (diacritics included); Score is the BM25 weight of the
	// matches, higher is better. Hits come ordered by Exact, then Score.
	Exact int
	Score float64
}

// SearchCursor says where the next page of a search starts. It is opaque:
// pass back the one a page returned.
type SearchCursor struct {
	tail    bool    // past the ranked window: in index order after id
	exact   int     // in the window: after this hit's (exact, score, id)
	score   float64 //
	id      int64   //
	headEnd int64   // the last clause id of the ranked window; 0 = it holds every match
}

// SearchPage is one page of search results.
type SearchPage struct {
	Hits []Hit
	// Next continues the search; nil when there is nothing more.
	Next *SearchCursor
	// Words are the words searched for, lower-cased; Ignored those left
	// out for being shorter than MinWordLen.
	Words   []string
	Ignored []string
}

// term is one searched word: the word as typed (lower-case) and the stem
// the index is asked for, both also folded for finding them again in Go.
type term struct {
	word, stem         string
	wordFold, stemFold string
}

// parseQuery splits a query into words and stems them. Every word is
// looked for as a piece of text, so a stem finds its inflections and a
// part of a compound finds the compound ("biträde" finds
// "personuppgiftsbiträdesavtal").
func parseQuery(query string) (terms []term, ignored []string) {
	seen := map[string]bool{}
	// Control characters are no text to find, and a NUL would end the
	// FTS5 query string early.
	query = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query)
	for _, w := range strings.Fields(norm.NFC.String(query)) {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
		if w == "" {
			continue
		}
		if utf8.RuneCountInString(w) < MinWordLen {
			ignored = append(ignored, w)
			continue
		}
		stem := extract.Stem(w)
		if utf8.RuneCountInString(stem) < MinWordLen {
			stem = w
		}
		if seen[stem] {
			continue
		}
		seen[stem] = true
		terms = append(terms, term{word: w, stem: stem, wordFold: fold(w).text, stemFold: fold(stem).text})
	}
	return terms, ignored
}

// candidate is a matching clause being ranked.
type candidate struct {
	id            int64
	heading, body string
	// Once weighed (freq not nil), length is the folded heading's and
	// body's length, and freq[i] counts term i's folded stem in them, a
	// heading's counting headingWeight: a plan's check weighs a candidate,
	// and ranking need not do it again.
	length int
	freq   []int
	exact  int
	score  float64
}

// weigh folds the candidate's heading and body into buf, a buffer used
// again for the next candidate, and counts the terms' stems in them,
// unless it was done: only the counts are kept, not the folded text.
func (c *candidate) weigh(terms []term, buf *[]byte) {
	if c.freq != nil {
		return
	}
	c.freq = make([]int, len(terms))
	*buf, _ = appendFold((*buf)[:0], nil, c.heading, false)
	c.length = len(*buf)
	for i, t := range terms {
		c.freq[i] = headingWeight * bytes.Count(*buf, []byte(t.stemFold))
	}
	*buf, _ = appendFold((*buf)[:0], nil, c.body, false)
	c.length += len(*buf)
	for i, t := range terms {
		c.freq[i] += bytes.Count(*buf, []byte(t.stemFold))
	}
}

// before orders candidates: more exact words first, then higher score,
// then index order.
func (c *candidate) before(o *candidate) bool {
	if c.exact != o.exact {
		return c.exact > o.exact
	}
	if c.score != o.score {
		return c.score > o.score
	}
	return c.id < o.id
}

// Search finds the clauses of current documents that hold every word of
// query (see parseQuery), diacritics ignored, and returns up to limit hits
// after the cursor (nil for the first page). Words typed with their exact
// letters rank first: "uppsagning" finds "uppsägning", but a clause that
// really says "uppsagning" comes before it. A page holds at most 500 hits.
func (s *Store) Search(ctx context.Context, query string, limit int, after *SearchCursor) (*SearchPage, error) {
	return s.SearchIn(ctx, "", query, limit, after)
}

// SearchIn is Search over the current documents of one agreement;
// agreementID "" searches the whole register. An agreement the register
// does not hold is ErrNotFound. A cursor continues the search that made it.
func (s *Store) SearchIn(ctx context.Context, agreementID, query string, limit int, after *SearchCursor) (*SearchPage, error) {
	limit = min(limit, maxSearchPage)
	terms, ignored := parseQuery(query)
	page := &SearchPage{Ignored: ignored}
	for _, t := range terms {
		page.Words = append(page.Words, t.word)
	}
	if len(terms) == 0 || limit <= 0 {
		return page, nil
	}
	plan, err := s.plan(ctx, terms, agreementID)
	if err != nil {
		return nil, err
	}
	var hits []*candidate
	if after == nil || !after.tail {
		var headEnd int64
		if after != nil {
			headEnd = after.headEnd
		}
		window, err := s.candidates(ctx, &plan, terms, 0, headEnd, rankWindow)
		if err != nil {
			return nil, err
		}
		if headEnd == 0 && len(window) == rankWindow {
			headEnd = window[len(window)-1].id
		}
		rank(window, terms)
		start := 0
		if after != nil {
			start, _ = slices.BinarySearchFunc(window, after, func(c *candidate, a *SearchCursor) int {
				if c.before(&candidate{id: a.id, exact: a.exact, score: a.score}) || c.id == a.id {
					return -1
				}
				return 1
			})
		}
		hits = window[start:min(len(window), start+limit)]
		switch {
		case start+limit < len(window):
			last := hits[len(hits)-1]
			page.Next = &SearchCursor{exact: last.exact, score: last.score, id: last.id, headEnd: headEnd}
		case headEnd != 0:
			page.Next = &SearchCursor{tail: true, id: headEnd}
		}
		if len(hits) == limit || page.Next == nil {
			return page, s.finish(ctx, page, hits, terms)
		}
		after = page.Next
	}
	// Past the ranked window matches come in index order, a page at a time.
	more, err := s.candidates(ctx, &plan, terms, after.id, 0, limit-len(hits)+1)
	if err != nil {
		return nil, err
	}
	page.Next = nil
	if len(more) > limit-len(hits) {
		more = more[:limit-len(hits)]
		page.Next = &SearchCursor{tail: true, id: more[len(more)-1].id}
	}
	rank(more, terms)
	slices.SortFunc(more, func(a, b *candidate) int { return cmp.Compare(a.id, b.id) })
	return page, s.finish(ctx, page, append(hits, more...), terms)
}

// candidates returns up to limit matches of current documents (of the
// plan's agreement, if it has one) with ids in (from, to] (to = 0: no
// bound) in index order, with their text. The rows are read until limit
// of them hold the words: when the plan asks by a trigram, or reads an
// agreement's clauses, some do not.
func (s *Store) candidates(ctx context.Context, plan *searchPlan, terms []term, from, to int64, limit int) ([]*candidate, error) {
	if to == 0 {
		to = math.MaxInt64
	}
	// The superseded documents are read once (by their index), not each
	// match's document: those would be a page read per match.
	q := `SELECT c.id, c.heading, c.body
		FROM clauses_fts f JOIN clauses c ON c.id = f.rowid
		WHERE clauses_fts MATCH ? AND f.rowid > ? AND f.rowid <= ?
			AND c.document_id NOT IN (SELECT id FROM documents WHERE superseded = 1) AND (? = '' OR c.agreement_id = ?)
		ORDER BY f.rowid`
	args := []any{plan.match, from, to, plan.agreementID, plan.agreementID}
	var unindexed []*candidate
	if plan.scan {
		q = `SELECT c.id, c.heading, c.body FROM documents d JOIN clauses c ON c.document_id = d.id
			WHERE d.agreement_id = ? AND d.superseded = 0 AND c.id > ? AND c.id <= ?
			ORDER BY c.id`
		args = []any{plan.agreementID, from, to}
	} else {
		// The clauses not yet in the index are read first: should the
		// index take them in between the two reads, the index then has them.
		var err error
		if unindexed, err = s.unindexedCandidates(ctx, plan, terms, from, to); err != nil {
			return nil, err
		}
	}
	if len(plan.check) == 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*candidate
	var buf []byte
	for len(out) < limit && rows.Next() {
		c := &candidate{}
		if err := rows.Scan(&c.id, &c.heading, &c.body); err != nil {
			return nil, err
		}
		if plan.holds(c, terms, &buf) {
			out = append(out, c)
		}
	}
	if err := rows.Err(); err != nil || len(unindexed) == 0 {
		return out, err
	}
	return mergeByID(out, unindexed, limit), nil
}

// mergeByID merges two lists of candidates in id order into one, a
// candidate in both once, and keeps the first limit. The first list holds
// every match up to its last id, so what the merge keeps is all there is
// up to its own last id.
func mergeByID(a, b []*candidate, limit int) []*candidate {
	out := make([]*candidate, 0, min(limit, len(a)+len(b)))
	for len(out) < limit && (len(a) > 0 || len(b) > 0) {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].id < b[0].id:
			out, a = append(out, a[0]), a[1:]
		case len(a) == 0 || b[0].id < a[0].id:
			out, b = append(out, b[0]), b[1:]
		default: // the same clause, found in both
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return out
}

// BM25 parameters, the usual ones.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// headingWeight counts a match in a heading as this many in the body.
	headingWeight = 3
)

// rank scores the candidates and sorts them best first. The score is BM25
// over the candidates: how often each stem occurs, a heading counting
// more, against the clause's length. Every candidate holds every word, so
// the words' rarity would weigh them all alike and is left out.
func rank(cands []*candidate, terms []term) {
	if len(cands) == 0 {
		return
	}
	total := 0
	var buf []byte
	for _, c := range cands {
		c.weigh(terms, &buf)
		total += c.length
	}
	avg := float64(total) / float64(len(cands))
	for _, c := range cands {
		lengthNorm := bm25K1 * (1 - bm25B + bm25B*float64(c.length)/max(avg, 1))
		for i, t := range terms {
			f := float64(c.freq[i])
			c.score += f * (bm25K1 + 1) / (f + lengthNorm)
			if containsLower(c.heading, t.word) || containsLower(c.body, t.word) {
				c.exact++
			}
		}
	}
	slices.SortFunc(cands, func(a, b *candidate) int {
		if a.before(b) {
			return -1
		}
		return 1
	})
}

// containsLower reports whether strings.ToLower(s) contains word, which is
// lower-case, without making the lower-cased copy: ranking asks it of
// every candidate, and copying a clause with letters beyond ASCII (every
// Swedish one) was most of ranking's time.
func containsLower(s, word string) bool {
	// Most clauses that hold a word hold it as typed, in lower case: that
	// is found by the quick search for bytes, and is a match, as
	// strings.ToLower lower-cases letter by letter, and lower-cases a
	// lower-case letter to itself.
	if strings.Contains(s, word) {
		return true
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// An ASCII byte that lower-cased is not the word's first byte
			// starts no match: most of a text is passed without a call.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == word[0] && hasLowerPrefix(s[i:], word) {
				return true
			}
			i++
			continue
		}
		if hasLowerPrefix(s[i:], word) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return false
}

// hasLowerPrefix reports whether s lower-cased letter by letter, as
// strings.ToLower does, starts with word.
func hasLowerPrefix(s, word string) bool {
	for len(word) > 0 {
		if len(s) == 0 {
			return false
		}
		if c, w := s[0], word[0]; c < utf8.RuneSelf && w < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w {
				return false
			}
			s, word = s[1:], word[1:]
			continue
		}
		// A letter beyond ASCII may lower-case to one within it (the
		// Kelvin sign to k), so both are decoded.
		r, n := utf8.DecodeRuneInString(s)
		w, m := utf8.DecodeRuneInString(word)
		if unicode.ToLower(r) != w {
			return false
		}
		s, word = s[n:], word[m:]
	}
	return true
}

// finish turns the page's candidates into hits: their agreement and
// document, and a snippet with the matches marked.
func (s *Store) finish(ctx context.Context, page *SearchPage, cands []*candidate, terms []term) error {
	if len(cands) == 0 {
		return nil
	}
	ids := make([]any, len(cands))
	marks := make([]string, len(cands))
	for i, c := range cands {
		ids[i], marks[i] = c.id, "?"
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, a.id, a.title, d.id, d.name, c.number
		FROM clauses c JOIN documents d ON d.id = c.document_id JOIN agreements a ON a.id = c.agreement_id
		WHERE c.id IN (`+strings.Join(marks, ",")+`)`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := make(map[int64]*Hit, len(cands))
	for rows.Next() {
		h := &Hit{}
		if err := rows.Scan(&h.ClauseID, &h.AgreementID, &h.Agreement, &h.DocumentID, &h.Document, &h.Number); err != nil {
			return err
		}
		byID[h.ClauseID] = h
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range cands {
		h := byID[c.id]
		if h == nil {
			continue // removed since it matched
		}
		h.Heading, h.Exact, h.Score = c.heading, c.exact, c.score
		h.HeadingMarks = markTerms(c.heading, terms)
		h.Snippet = snippet(c.body, terms)
		h.Marks = markTerms(h.Snippet, terms)
		page.Hits = append(page.Hits, *h)
	}
	return nil
}

// markTerms returns the spans of text where a word or its stem occurs, in
// order and not overlapping: the whole word where it is there, so
// "ansvar" is marked in "Ansvarsbegränsning", not just its stem "ansv".
func markTerms(text string, terms []term) []extract.Span {
	f := fold(text)
	var spans []extract.Span
	for _, t := range terms {
		spans = append(spans, f.spans(t.wordFold)...)
		spans = append(spans, f.spans(t.stemFold)...)
	}
	slices.SortFunc(spans, func(a, b extract.Span) int { return cmp.Compare(a.Start, b.Start) })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// Snippet sizes in bytes: the context kept before the first match, and the
// whole stretch.
const (
	snippetLead = 60
	snippetLen  = 200
)

// snippet returns the stretch of body around its first match, whitespace
// made single spaces, cut at word boundaries with "…" where it was cut.
func snippet(body string, terms []term) string {
	body = strings.Join(strings.Fields(body), " ")
	first := len(body)
	f := fold(body)
	for _, t := range terms {
		if sp := f.spans(t.stemFold); len(sp) > 0 {
			first = min(first, sp[0].Start)
		}
	}
	if first == len(body) {
		first = 0
	}
	start := 0
	if first > snippetLead {
		start = first - snippetLead
		if i := strings.IndexByte(body[start:first], ' '); i >= 0 {
			start += i + 1
		}
		start = runeStart(body, start)
	}
	end := len(body)
	if end-start > snippetLen {
		end = start + snippetLen
		if i := strings.LastIndexByte(body[start:end], ' '); i > snippetLen/2 {
			end = start + i
		}
		end = runeStart(body, end)
	}
	out := body[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(body) {
		out += "…"
	}
	return out
}

// runeStart moves i back to the start of the letter it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docimport"
)

// holdIndex keeps the index of the next imports from running until the
// returned function runs them, so a test sees the register between an
// import and its index.
func holdIndex(t *testing.T) (release func()) {
	t.Helper()
	var held []func()
	saved := indexAfterImport
	indexAfterImport = func(index func()) { held = append(held, index) }
	t.Cleanup(func() { indexAfterImport = saved })
	return func() {
		for _, index := range held {
			index()
		}
		held = nil
	}
}

// importClauses imports a document of n clauses made from the texts, in turn.
func importClauses(t *testing.T, s *Store, title string, n int, texts ...string) ImportResult {
	t.Helper()
	doc := docimport.Document{Document: model.Document{Name: title}}
	for i := range n {
		doc.Clauses = append(doc.Clauses, model.Clause{Number: fmt.Sprint(i + 1), Heading: fmt.Sprintf("Punkt %d", i+1), Body: texts[i%len(texts)]})
	}
	doc.Suggested = make([][]string, n)
	res, err := s.ImportDocuments(context.Background(), ImportRequest{Plan: docimport.Plan{Title: title, Kind: model.KindOrder,
		Documents: []docimport.Document{doc}}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// everyHit pages through a search, limit hits a page, and lists each hit
// with its rank.
func everyHit(t *testing.T, s *Store, query string, limit int) []string {
	t.Helper()
	var out []string
	var cur *SearchCursor
	for {
		p, err := s.Search(context.Background(), query, limit, cur)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Hits {
			out = append(out, fmt.Sprintf("%d exact %d score %.6f %q", h.ClauseID, h.Exact, h.Score, h.Snippet))
		}
		if p.Next == nil {
			return out
		}
		cur = p.Next
	}
}

func unindexedCount(t *testing.T, s *Store) int {
	return count(t, s, "SELECT count(*) FROM clauses_unindexed")
}

func checkIndex(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.write.Exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("the search index is out of step with the clauses: %v", err)
	}
}

// indexedHolding counts the clauses the full-text index lists under every
// trigram of word: it keeps no positions (schema step 24) to be asked for
// the word itself.
func indexedHolding(t *testing.T, s *Store, word string) int {
	t.Helper()
	var tris []string
	for _, tri := range trigramsOf(word) {
		tris = append(tris, quote(tri))
	}
	return count(t, s, "SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH ?", strings.Join(tris, " "))
}

// A search right after an import, before the index has the clauses, finds
// them, ranked and paged exactly as once the index has them: across the
// ranked window and the pages in index order after it, with indexed
// clauses before and after the unindexed ones.
func TestSearchFindsImportedClausesBeforeTheIndex(t *testing.T) {
	defer func(w int) { rankWindow = w }(rankWindow)
	rankWindow = 5
	s := openTemp(t)
	texts := []string{"Leverantören ska åtgärda felet inom fem arbetsdagar.", "Kunden betalar avgiften kvartalsvis i förskott.",
		"Felet anmäls till leverantörens kundtjänst skriftligen, och felet rättas utan extra avgift."}
	importClauses(t, s, "Tidigare villkor", 7, texts...)
	if err := s.WaitWrites(context.Background()); err != nil {
		t.Fatal(err)
	}
	release := holdIndex(t)
	importClauses(t, s, "Nya villkor", 8, texts...)
	if n := unindexedCount(t, s); n != 8 {
		t.Fatalf("%d clauses waiting for the index, want the 8 imported", n)
	}
	queries := []string{"felet", "leverantor avgift", "kvartalsvis", "förskott kunden"}
	before := map[string][]string{}
	for _, q := range queries {
		before[q] = everyHit(t, s, q, 2)
	}
	if n := len(before["felet"]); n != 10 {
		t.Errorf("%q: %d hits before the index, want 10 (5 clauses of each import)", "felet", n)
	}
	release()
	if n := unindexedCount(t, s); n != 0 {
		t.Errorf("%d clauses still waiting after the index ran", n)
	}
	checkIndex(t, s)
	for _, q := range queries {
		if after := everyHit(t, s, q, 2); !slices.Equal(before[q], after) {
			t.Errorf("%q before the index:\n%v\nafter:\n%v", q, before[q], after)
		}
	}
}

// A program that stops between an import and its index leaves the clauses
// listed; the next Open indexes them, and the index is whole.
func TestClausesLeftUnindexedAreIndexedAtOpen(t *testing.T) {
	s := openTemp(t)
	release := holdIndex(t)
	defer release()
	importClauses(t, s, "Avbrutet avtal", 4, "Avtalet gäller tills vidare med tre månaders uppsägningstid.")
	checkIndexedAtOpen(t, killedCopy(t, s))
}

// Schema step 24 makes the index again from every clause, those an import
// left for later too, and lists none of them as waiting after it: the next
// Open must not index them twice.
func TestIndexRemadeWithClausesLeftUnindexed(t *testing.T) {
	s := openTemp(t)
	release := holdIndex(t)
	defer release()
	importClauses(t, s, "Avbrutet avtal", 4, "Avtalet gäller tills vidare med tre månaders uppsägningstid.")
	path := killedCopy(t, s)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()-1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	checkIndexedAtOpen(t, path)
}

// killedCopy copies s's file as a program killed now leaves it (the
// import committed, its index not begun) and returns the copy's path.
func killedCopy(t *testing.T, s *Store) string {
	t.Helper()
	dir := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(s.Path() + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "avtal.db"+suffix), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "avtal.db")
}

// checkIndexedAtOpen opens the register at path and checks that its index
// holds, once each, the four clauses with "uppsägningstid" that waited.
func checkIndexedAtOpen(t *testing.T, path string) {
	t.Helper()
	reopened, err := Open(context.Background(), path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if n := unindexedCount(t, reopened); n != 0 {
		t.Errorf("%d clauses still waiting for the index after Open", n)
	}
	checkIndex(t, reopened)
	if n := indexedHolding(t, reopened, "uppsägningstid"); n != 4 {
		t.Errorf("%d clauses in the index hold the word, want 4", n)
	}
}

// A clause changed or deleted before the index took it in leaves the index
// in step: the index takes in the text as it is then, and nothing of a
// deleted one; an indexed clause changed or deleted meanwhile is changed
// or taken out of the index at once.
func TestUnindexedClausesChangedOrDeleted(t *testing.T) {
	s := openTemp(t)
	indexed := clauseIDs(t, s, importClauses(t, s, "Äldre avtal", 2, "Avgiften faktureras månadsvis.").Documents[0].ID)
	if err := s.WaitWrites(context.Background()); err != nil {
		t.Fatal(err)
	}
	release := holdIndex(t)
	res := importClauses(t, s, "Ändrat avtal", 3, "Priset justeras årligen efter index.")
	ids := clauseIDs(t, s, res.Documents[0].ID)
	// Another program writes meanwhile (SQLite's own lock is free: the
	// index has not begun).
	for _, q := range []struct {
		sql string
		id  int64
	}{
		{"UPDATE clauses SET body = 'Priset ligger fast under hela avtalstiden.' WHERE id = ?", ids[0]},
		{"DELETE FROM clauses WHERE id = ?", ids[1]},
		{"UPDATE clauses SET body = 'Avgiften faktureras i efterskott per kvartal.' WHERE id = ?", indexed[0]},
		{"DELETE FROM clauses WHERE id = ?", indexed[1]},
	} {
		if _, err := s.write.Exec(q.sql, q.id); err != nil {
			t.Fatal(err)
		}
	}
	if n := unindexedCount(t, s); n != 2 {
		t.Errorf("%d clauses waiting after one was deleted, want 2", n)
	}
	release()
	checkIndex(t, s)
	for q, want := range map[string]int{"avtalstiden": 1, "justeras": 1, "kvartal": 1, "månadsvis": 0} {
		if n := indexedHolding(t, s, q); n != want {
			t.Errorf("%s: %d clauses in the index, want %d", q, n, want)
		}
	}
}

func clauseIDs(t *testing.T, s *Store, docID int64) []int64 {
	t.Helper()
	rows, err := s.read.Query("SELECT id FROM clauses WHERE document_id = ? ORDER BY position", docID)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := scanAll(rows, func(r scanner) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestMergeByID(t *testing.T) {
	ids := func(cs []*candidate) []int64 {
		var out []int64
		for _, c := range cs {
			out = append(out, c.id)
		}
		return out
	}
	cands := func(ids ...int64) []*candidate {
		var out []*candidate
		for _, id := range ids {
			out = append(out, &candidate{id: id})
		}
		return out
	}
	for _, tc := range []struct {
		a, b  []int64
		limit int
		want  []int64
	}{
		{[]int64{1, 4, 6}, []int64{2, 3, 7}, 10, []int64{1, 2, 3, 4, 6, 7}},
		{[]int64{1, 4, 6}, []int64{2, 3, 7}, 4, []int64{1, 2, 3, 4}},
		{nil, []int64{5, 8}, 1, []int64{5}},
		{[]int64{2, 5}, nil, 3, []int64{2, 5}},
		// Taken in by the index between the two reads: once.
		{[]int64{3, 5}, []int64{5, 9}, 10, []int64{3, 5, 9}},
	} {
		if got := ids(mergeByID(cands(tc.a...), cands(tc.b...), tc.limit)); !slices.Equal(got, tc.want) {
			t.Errorf("merge %v and %v, limit %d: %v, want %v", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}

// A backup taken before the index has an import's clauses passes the check
// a restore makes, and the register restored from it indexes them at Open.
func TestBackupBeforeTheIndex(t *testing.T) {
	s := openTemp(t)
	release := holdIndex(t)
	defer release()
	importClauses(t, s, "Säkerhetskopierat avtal", 3, "Underbiträden får anlitas efter skriftligt godkännande.")
	backup := filepath.Join(t.TempDir(), "kopia.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	if err := CheckBackup(context.Background(), backup); err != nil {
		t.Errorf("the backup taken before the index: %v", err)
	}
	copied, err := Open(context.Background(), backup, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if n := indexedHolding(t, copied, "godkännande"); n != 3 {
		t.Errorf("%d clauses of the backup's index hold the word, want 3", n)
	}
}

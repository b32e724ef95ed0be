package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"avtal/model"
)

// testClock is the store tests' clock: one fixed instant, so no test
// depends on the day it runs.
var testClock = WithClock(func() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC) })

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "avtal.db"), testClock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// count runs a counting query on the read pool.
func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.read.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func sampleAgreement(id, supplier string) *model.Agreement {
	return &model.Agreement{
		ID: id, Title: supplier + " SaaS", Kind: model.KindGeneralTerms, Status: model.StatusActive,
		Supplier: model.Party{Name: supplier, OrgNumber: "556000-0000"},
		Customer: model.Party{Name: "Exempelkommunen"},
		Start:    model.MustDate(2024, 4, 1),
		Term:     model.Term{Initial: model.Period{N: 36, Unit: model.Months}, Renewal: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 6, Unit: model.Months}},
		Fee:      model.Fee{Amount: 12000000, Currency: "SEK", Per: model.Years},
		Rules:    []model.Rule{{Kind: model.DLTermination, Anchor: model.AnchorCancelBy, Clause: "15.1"}},
		Subs:     []model.SubProcessor{{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Status: model.SubApproved, Since: model.MustDate(2024, 4, 1)}},
		Documents: []model.Document{
			{Name: "Allmänna villkor", Clauses: []model.Clause{{Number: "1", Heading: "Definitioner"}, {Number: "1.1", Heading: "Avtalet", Body: "Uppsägningstid sex månader.", Tags: []string{"notice", "termination"}}}},
			{Name: "SLA", Clauses: []model.Clause{{Number: "7.1", Heading: "Tillgänglighet", Body: "99,5 %"}}},
		},
	}
}

func TestAgreementRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	want := sampleAgreement("centuri-saas", "Centuri AB")
	if err := s.PutAgreement(ctx, want, false); err != nil {
		t.Fatal(err)
	}
	got, err := s.Agreement(ctx, "centuri-saas")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
	if err := s.PutAgreement(ctx, want, false); !errors.Is(err, ErrConflict) {
		t.Errorf("second create: %v, want ErrConflict", err)
	}
	if _, err := s.Agreement(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing agreement: %v, want ErrNotFound", err)
	}
}

func TestTitlesOfTheAgreementsNamed(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutAgreements(ctx, []*model.Agreement{sampleAgreement("a", "Alfa AB"), sampleAgreement("b", "Beta AB"), sampleAgreement("c", "Gamma AB")}, false); err != nil {
		t.Fatal(err)
	}
	got, err := s.Titles(ctx, []string{"c", "a", "gone"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"a": "Alfa AB SaaS", "c": "Gamma AB SaaS"}; !reflect.DeepEqual(got, want) {
		t.Errorf("titles %v, want %v (the unknown id left out, b not asked for)", got, want)
	}
	if got, err := s.Titles(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}

func TestPutAgreementsIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	bad := sampleAgreement("bad", "X")
	bad.Kind = "nonsense"
	err := s.PutAgreements(ctx, []*model.Agreement{sampleAgreement("a", "A"), bad}, false)
	if err == nil || !strings.Contains(err.Error(), "kind") {
		t.Fatalf("want an error naming the kind field, got %v", err)
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("%d agreements written after a failed import, want 0", n)
	}
}

func TestPageKeepsCallOffsUnderTheirFramework(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	child := sampleAgreement("inera-1177", "Inera AB")
	child.Title = "1177"
	child.Kind = model.KindSubscription
	child.Relations = []model.Relation{{Kind: model.RelCallOff, Target: "inera-kundavtal-2"}}
	framework := sampleAgreement("inera-kundavtal-2", "Inera AB")
	framework.Title = "Kundavtal 2"
	// The child arrives before its framework; the list must still nest it.
	for _, a := range []*model.Agreement{child, sampleAgreement("zeta", "Zeta AB"), framework, sampleAgreement("alfa", "Alfa AB")} {
		if err := s.PutAgreement(ctx, a, false); err != nil {
			t.Fatal(err)
		}
	}
	var ids, keys []string
	var depths []int
	after := ""
	for {
		page, err := s.Page(ctx, after, 2, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			ids = append(ids, r.Agreement.ID)
			keys = append(keys, r.SortKey)
			depths = append(depths, r.Depth)
		}
		after = page[len(page)-1].SortKey
	}
	if want := []string{"alfa", "inera-kundavtal-2", "inera-1177", "zeta"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if want := []int{0, 0, 1, 0}; !reflect.DeepEqual(depths, want) {
		t.Errorf("depths %v, want %v", depths, want)
	}
	back, err := s.Page(ctx, keys[3], 2, true)
	if err != nil || len(back) != 2 || back[0].Agreement.ID != "inera-kundavtal-2" || back[1].Agreement.ID != "inera-1177" {
		t.Errorf("backward page before zeta = %v, %v; want the framework then its call-off", back, err)
	}
	rel, err := s.Related(ctx, "inera-kundavtal-2")
	if err != nil || len(rel) != 1 || rel[0].Target != "inera-1177" || rel[0].Kind != model.RelCallOff {
		t.Errorf("Related = %v, %v; want the 1177 call-off", rel, err)
	}
}

func TestRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello, not a database"), 0o644)
	if _, err := Open(ctx, text, testClock); err == nil || !strings.Contains(err.Error(), "not an Avtal database") {
		t.Errorf("text file: %v", err)
	}
	if b, _ := os.ReadFile(text); string(b) != "hello, not a database" {
		t.Error("the text file was changed")
	}

	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	before, _ := os.ReadFile(other)
	if _, err := Open(ctx, other, testClock); err == nil || !strings.Contains(err.Error(), "another program") {
		t.Errorf("foreign SQLite file: %v", err)
	}
	if after, _ := os.ReadFile(other); !reflect.DeepEqual(before, after) {
		t.Error("the foreign database was changed")
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	s.write.Exec("PRAGMA user_version = 999")
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(ctx, path, testClock); err == nil || !strings.Contains(err.Error(), "newer Avtal") {
		t.Errorf("newer schema: %v", err)
	}
	if after, _ := os.ReadFile(path); !reflect.DeepEqual(before, after) {
		t.Error("the newer database was changed")
	}
}

// A newer Avtal's schema may still be in the write-ahead log, the file's
// header showing the version before it: Open finds it there too, and
// refuses before writing.
func TestRefusesNewerSchemaInTheLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// A program still holding the file keeps the log from being copied
	// into it.
	newer, err := sql.Open("sqlite", dsn(path, url.Values{"_pragma": {"wal_autocheckpoint(0)"}}))
	if err != nil {
		t.Fatal(err)
	}
	defer newer.Close()
	newer.SetMaxOpenConns(1)
	if _, err := newer.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 100)
	f, _ := os.Open(path)
	f.ReadAt(head, 0)
	f.Close()
	if v := binary.BigEndian.Uint32(head[60:]); v != uint32(len(migrations)) {
		t.Fatalf("the file's header says version %d: the newer one is not only in the log", v)
	}
	var refused *NewerError
	if _, err := Open(ctx, path, testClock); !errors.As(err, &refused) || refused.Version != len(migrations)+1 || refused.Path != path {
		t.Errorf("newer schema in the log: %v, want a NewerError naming the file and version %d", err, len(migrations)+1)
	}
	var version int
	if err := newer.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(migrations)+1 {
		t.Errorf("the version became %d (%v)", version, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Created {
		t.Error("a new file must report Created")
	}
	s.PutAgreement(ctx, sampleAgreement("a", "A"), false)
	s.Close()
	s, err = Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Created {
		t.Error("an existing file must not report Created")
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("count after reopen = %d, want 1", n)
	}
}

func TestReplaceKeepsWhatWasRecordedAndOldVersions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := sampleAgreement("centuri-saas", "Centuri AB")
	if err := s.PutAgreement(ctx, a, false); err != nil {
		t.Fatal(err)
	}
	s.write.Exec(`INSERT INTO incidents(agreement_id, start, end) VALUES ('centuri-saas', '2026-11-10T16:00:00+01:00', '2026-11-10T19:00:00+01:00')`)
	var docsBefore int
	s.read.QueryRow("SELECT count(*) FROM documents").Scan(&docsBefore)

	// The same agreement again: nothing new is stored.
	if err := s.PutAgreement(ctx, a, true); err != nil {
		t.Fatal(err)
	}
	var docs, incidents int
	s.read.QueryRow("SELECT count(*) FROM documents").Scan(&docs)
	if docs != docsBefore {
		t.Errorf("an unchanged replace stored %d documents, want %d", docs, docsBefore)
	}

	// A changed clause: the old version stays, superseded; the incident stays.
	changed := sampleAgreement("centuri-saas", "Centuri AB")
	changed.Documents[1].Clauses[0].Body = "99,7 %"
	if err := s.PutAgreement(ctx, changed, true); err != nil {
		t.Fatal(err)
	}
	s.read.QueryRow("SELECT count(*) FROM documents").Scan(&docs)
	s.read.QueryRow("SELECT count(*) FROM incidents").Scan(&incidents)
	if docs != 2*docsBefore || incidents != 1 {
		t.Errorf("after a changed replace: %d documents (want %d, old kept), %d incidents (want 1)", docs, 2*docsBefore, incidents)
	}
	got, _ := s.Agreement(ctx, "centuri-saas")
	if !reflect.DeepEqual(got.Documents, changed.Documents) {
		t.Errorf("current documents are not the new version: %+v", got.Documents)
	}
}

// A path is a path: "#", "?", "%" and spaces in it are not read as parts of
// an SQLite URI, so "foreign.db#x" never opens foreign.db.
func TestOpenTakesPathsLiterally(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	before, _ := os.ReadFile(foreign)
	for _, name := range []string{"foreign.db#x", "foreign.db?mode=memory", "foreign%2Edb", "my register.db", "50% off?#.db"} {
		path := filepath.Join(dir, name)
		s, err := Open(ctx, path, testClock)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.PutAgreements(ctx, []*model.Agreement{sampleAgreement("centuri-saas", "Centuri AB")}, false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		copyPath := filepath.Join(dir, "copy of "+name)
		if err := s.Backup(ctx, copyPath); err != nil {
			t.Errorf("backup of %s: %v", name, err)
		} else if err := CheckBackup(ctx, copyPath); err != nil {
			t.Errorf("backup of %s: %v", name, err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the database is not at its path: %v", name, err)
		}
	}
	if after, _ := os.ReadFile(foreign); !reflect.DeepEqual(before, after) {
		t.Error("the foreign database was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) == 0 {
		t.Error("nothing was written")
	}
}

// Opening a register at the current schema takes no write lock: a long
// write elsewhere (an `--apply` of a large list) does not keep the list or
// the workbench from starting.
func TestOpenDuringAWriteNeedsNoLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	writer, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	err = writer.Tx(ctx, func(*sql.Tx) error {
		// A deadline far below the 30 s a write waits for the lock.
		quick, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		reader, err := Open(quick, path, testClock)
		if err != nil {
			return err
		}
		_, err = reader.Count(quick)
		reader.Close()
		return err
	})
	if err != nil {
		t.Errorf("opening while another store writes: %v", err)
	}
}

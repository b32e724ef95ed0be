package store

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
)

// writeFixture makes TestWriteSchemaFixture write testdata/schema-N.db for
// the current schema version N. Run it once per released schema version:
//
//	go test ./store -run TestWriteSchemaFixture -schema-fixture
//
// and commit the file; every later version must migrate it intact.
var writeFixture = flag.Bool("schema-fixture", false, "write testdata/schema-N.db for the current schema")

// fixtureAgreements are the agreements every schema fixture holds: a
// framework and its call-off, with documents, tagged clauses,
// sub-processors, SLA terms and a relation.
func fixtureAgreements() []*model.Agreement {
	framework := sampleAgreement("fixture-framework", "Ramleverantören AB")
	framework.Kind = model.KindFramework
	framework.SLA = &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.5,
		Tiers: []model.CreditTier{{Below: 99.5, CreditPct: 5}}, Clause: "7.1"}
	callOff := sampleAgreement("fixture-calloff", "Ramleverantören AB")
	callOff.Title = "Avrop drift"
	callOff.Relations = []model.Relation{{Kind: model.RelCallOff, Target: "fixture-framework"}}
	return []*model.Agreement{framework, callOff}
}

// legacyObjection is an agreement as registers before schema 9 could hold
// it, written into the fixtures from schema 8 on: its objection period is
// only a rule counted from a notice (14 days), and its sub-processor policy
// states no period, so a notice it received has no calendar deadline
// until the migration fills the policy from the rule.
func legacyObjection() *model.Agreement {
	a := sampleAgreement("fixture-dpa", "Biträdet AB")
	a.Title = "Biträdesavtal"
	a.Documents = nil
	a.Rules = append(a.Rules, model.Rule{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received"),
		Offset: model.Period{N: 14, Unit: model.Days}, Clause: "9.2", Title: "Invänd mot nytt underbiträde"})
	a.SubPolicy = &model.SubPolicy{OnObjection: "Parterna söker en lösning", TransferBasis: "EU:s standardavtalsklausuler"}
	return a
}

// legacyNotice is the open notice legacyObjection received.
func legacyNotice() subproc.Notice {
	return subproc.Notice{Received: model.MustDate(2026, 11, 2), Change: subproc.ChangeAdd,
		Sub: model.SubProcessor{Name: "Molnhallen AB", Country: "SE", Purpose: "Drift"}}
}

// fixtureIncident is the incident every schema fixture holds.
func fixtureIncident() model.Incident {
	cet := time.FixedZone("CET", 3600)
	return model.Incident{AgreementID: "fixture-framework", Start: time.Date(2026, 11, 10, 16, 0, 0, 0, cet),
		End: time.Date(2026, 11, 10, 19, 0, 0, 0, cet), Description: "Inloggningen låg nere", Reported: model.MustDate(2026, 11, 11)}
}

// fixtureRows fills the tables no store method writes yet, so that every
// table of the fixture holds data.
var fixtureRows = []string{
	`INSERT INTO amendments(agreement_id, target_number, kind, by_number, text, confirmed)
		VALUES ('fixture-framework', '7.1', 'changed', 'D.2', 'Tillgängligheten höjs till 99,7 %', 1)`,
	`INSERT INTO proposals(agreement_id, kind, clause, evidence, payload)
		VALUES ('fixture-framework', 'rule', '1.1', 'sex månader', '{"kind":"termination"}')`,
	`INSERT INTO clause_notes(clause_id, text, risk, created, author)
		SELECT min(id), 'Kontrollera uppsägningen i god tid', 'high', '2026-11-20T10:00:00Z', 'local:fixture' FROM clauses`,
	`INSERT INTO events(agreement_id, name, date, ref, note)
		VALUES ('fixture-framework', 'event:notice_received', '2026-10-01', 'ärende 17', 'ändrad underbiträdeslista')`,
	`INSERT INTO decisions(agreement_id, deadline_key, done_on, comment)
		VALUES ('fixture-framework', 'termination:2026-09-30', '2026-09-15', 'förlängs')`,
}

func TestWriteSchemaFixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("run with -schema-fixture to write testdata/schema-N.db")
	}
	ctx := context.Background()
	path := filepath.Join("testdata", fmt.Sprintf("schema-%d.db", SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		t.Fatalf("%s exists: a released schema's fixture is never rewritten", path)
	}
	// A small page keeps the committed file small: it is mostly empty tables.
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA page_size = 1024; PRAGMA journal_mode = WAL"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	s, err := Open(ctx, path, WithUser("local:fixture"), WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutAgreements(ctx, fixtureAgreements(), false); err != nil {
		t.Fatal(err)
	}
	inc := fixtureIncident()
	if _, err := s.AddIncident(ctx, &inc); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAgreement(ctx, legacyObjection(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordNotice(ctx, "fixture-dpa", legacyNotice()); err != nil {
		t.Fatal(err)
	}
	for _, q := range fixtureRows {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for table, n := range tableCounts(t, s.write) {
		if n == 0 {
			t.Errorf("table %s of the fixture is empty; give it a row in fixtureRows", table)
		}
	}
}

// schemaFixtures are the committed databases of earlier schema versions.
func schemaFixtures(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "schema-*.db"))
	if len(files) == 0 {
		t.Fatal("no testdata/schema-*.db: write one with -schema-fixture")
	}
	return files
}

// copyFixture copies a fixture into the test's folder, so the committed
// file is never opened for writing.
func copyFixture(t *testing.T, fixture string) string {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "avtal.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// userTables lists the tables of db that hold the register's data: not
// SQLite's own and not the search index's, which is derived from clauses.
func userTables(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clauses_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

func tableCounts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, name := range userTables(t, db) {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[name] = n
	}
	return counts
}

// tableColumns returns the columns of every register table of db.
func tableColumns(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	cols := map[string][]string{}
	for _, name := range userTables(t, db) {
		cols[name] = columns(t, db, name)
	}
	return cols
}

// tableDump returns every row of the given tables of db, in the given
// columns, as text: with an old schema's columns, what a later schema must
// still hold.
func tableDump(t *testing.T, db *sql.DB, tables map[string][]string) map[string][]string {
	t.Helper()
	dump := map[string][]string{}
	for name, cols := range tables {
		rows, err := db.Query(fmt.Sprintf("SELECT %s FROM %s", strings.Join(cols, ", "), name))
		if err != nil {
			t.Fatalf("table %s, columns %v: %v", name, cols, err)
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			dump[name] = append(dump[name], fmt.Sprint(vals...))
		}
		rows.Close()
		slices.Sort(dump[name])
	}
	return dump
}

func columns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, `"`+c+`"`)
	}
	return cols
}

// TestNoUpgradeNoticeForNewOrCurrent: a new register is created, not
// upgraded, and one already at this schema needs nothing; neither tells.
func TestNoUpgradeNoticeForNewOrCurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "avtal.db")
	for _, what := range []string{"new", "current"} {
		told := 0
		s, err := Open(context.Background(), path, testClock, WithUpgradeNotice(func(int, int) { told++ }))
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if told != 0 {
			t.Errorf("opening a %s register told of an upgrade %d time(s)", what, told)
		}
	}
}

// TestMigratesEveryEarlierSchema opens a copy of each earlier version's
// database with this program: the schema comes up to date, and every row
// of every old table is still there, readable through the store.
func TestMigratesEveryEarlierSchema(t *testing.T) {
	ctx := context.Background()
	for _, fixture := range schemaFixtures(t) {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			path := copyFixture(t, fixture)
			raw, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			old := tableColumns(t, raw)
			before := tableDump(t, raw, old)
			var fixtureVersion int
			raw.QueryRow("PRAGMA user_version").Scan(&fixtureVersion)
			raw.Close()
			for table, rows := range before {
				if len(rows) == 0 {
					t.Errorf("the fixture's table %s is empty, so its migration is untested", table)
				}
			}

			var told [][2]int
			s, err := Open(ctx, path, testClock, WithUpgradeNotice(func(from, to int) { told = append(told, [2]int{from, to}) }))
			if err != nil {
				t.Fatalf("opening the old database: %v", err)
			}
			defer s.Close()
			var version int
			s.read.QueryRow("PRAGMA user_version").Scan(&version)
			if version != SchemaVersion() {
				t.Errorf("schema after opening = %d, want %d", version, SchemaVersion())
			}
			if want := [][2]int{{fixtureVersion, SchemaVersion()}}; !reflect.DeepEqual(told, want) {
				t.Errorf("upgrade notices = %v, want %v", told, want)
			}
			checkIntact(t, s.write)

			// Old rows, in the old columns, are all still there; but for
			// the policy schema 9 fills in on purpose (see
			// TestMigrationFillsObjectionPolicy).
			after := tableDump(t, s.write, old)
			for table, rows := range before {
				got := after[table]
				for _, r := range rows {
					filled := (table == "agreements" || table == "sub_policies") && strings.HasPrefix(r, legacyObjection().ID)
					if !filled && !slices.Contains(got, r) {
						t.Errorf("table %s lost a row after migration: %s", table, r)
					}
				}
			}

			// And the store reads them as they were written.
			for _, want := range fixtureAgreements() {
				got, err := s.Agreement(ctx, want.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s after migration:\n got %+v\nwant %+v", want.ID, got, want)
				}
			}
			// The deadline engine's own copy of the facts is filled in.
			var stored int
			s.read.QueryRow("SELECT count(*) FROM agreements").Scan(&stored)
			engine, _, err := s.DeadlineInputs(ctx, "")
			if err != nil || len(engine) != stored {
				t.Fatalf("deadline inputs after migration = %d agreements, %v; want %d", len(engine), err, stored)
			}
			for _, e := range engine {
				full, _ := s.Agreement(ctx, e.ID)
				if e.Title != full.Title || e.Start != full.Start || e.Term != full.Term || !reflect.DeepEqual(e.Rules, full.Rules) {
					t.Errorf("%s: the engine's facts after migration\n%+v\ndiffer from the agreement\n%+v", e.ID, e, full)
				}
			}
			want := fixtureIncident()
			incs, err := s.Incidents(ctx, want.AgreementID, want.Start.Add(-time.Hour), want.End)
			if err != nil || len(incs) != 1 || !incs[0].Start.Equal(want.Start) || incs[0].Description != want.Description {
				t.Errorf("incidents after migration = %+v, %v; want the one of the fixture", incs, err)
			}
			if hits := indexedHolding(t, s, "Uppsägningstid"); hits != 2 {
				t.Errorf("a search for a fixture clause found %d, want 2 (one per agreement)", hits)
			}
			if log, _ := s.AuditLog(ctx, "", 100); len(log) < 3 {
				t.Errorf("the audit log holds %d entries after migration, want the fixture's 3", len(log))
			}
		})
	}
}

// checkIntact fails unless db passes SQLite's integrity, foreign-key and
// search-index checks.
func checkIntact(t *testing.T, db *sql.DB) {
	t.Helper()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check = %q, %v", result, err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports rows that point nowhere")
	}
	rows.Close()
	// With rank 1 the check also compares the index with the clauses it
	// indexes; without, a stale index passes.
	if _, err := db.Exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES('integrity-check', 1)"); err != nil {
		t.Errorf("search index out of step with the clauses: %v", err)
	}
}

// TestFailedMigrationLeavesTheFile puts a good step and then a failing one
// after the real steps: opening an old database then fails naming the
// failing step, and the file is byte for byte what it was, at its old
// version — the steps before the failing one are not applied either.
func TestFailedMigrationLeavesTheFile(t *testing.T) {
	ctx := context.Background()
	real := migrations
	t.Cleanup(func() { migrations = real })
	migrations = append(slices.Clone(real), migration{name: "998_fine.sql", sql: "CREATE TABLE fine(x);"}, migration{name: "999_broken.sql",
		sql: "CREATE TABLE half_done(x);\nALTER TABLE no_such_table ADD COLUMN y;"})
	bad := len(migrations)

	for _, fixture := range schemaFixtures(t) {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			path := copyFixture(t, fixture)
			before, _ := os.ReadFile(path)
			_, err := Open(ctx, path, testClock)
			if err == nil {
				t.Fatal("opening with a broken step succeeded")
			}
			if want := fmt.Sprintf("schema step %d (999_broken.sql) failed", bad); !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not name the step (%q)", err, want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the database file changed although its migration failed")
			}
			for _, suffix := range []string{"-wal", "-journal"} {
				if b, err := os.ReadFile(path + suffix); err == nil && len(b) > 0 {
					t.Errorf("a %s file of %d bytes was left behind", suffix, len(b))
				}
			}
			db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
			defer db.Close()
			var version, leftovers int
			db.QueryRow("PRAGMA user_version").Scan(&version)
			db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name IN ('fine', 'half_done')").Scan(&leftovers)
			if want := fixtureVersion(fixture); version != want || leftovers != 0 {
				t.Errorf("after the failure: schema %d (want %d), %d tables of the new steps left", version, want, leftovers)
			}
		})
	}
}

// fixtureVersion reads N from testdata/schema-N.db.
func fixtureVersion(path string) int {
	var n int
	fmt.Sscanf(filepath.Base(path), "schema-%d.db", &n)
	return n
}

// TestConcurrentFirstOpen starts several programs on a new file at once:
// each must find the schema in place, none may fail ("table exists",
// "database is locked"), and exactly one reports that it created the
// register (so the sample is seeded once).
func TestConcurrentFirstOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "avtal.db")
	const n = 8
	type opened struct {
		s   *Store
		err error
	}
	results := make(chan opened, n)
	for range n {
		go func() {
			s, err := Open(ctx, path, testClock)
			results <- opened{s, err}
		}()
	}
	created := 0
	for range n {
		r := <-results
		if r.err != nil {
			t.Errorf("a concurrent first open failed: %v", r.err)
			continue
		}
		if r.s.Created {
			created++
		}
		r.s.Close()
	}
	if created != 1 {
		t.Errorf("%d of %d openers report that they created the register, want 1", created, n)
	}
}

// TestMigrationFillsObjectionPolicy opens the schema 8 fixture, whose
// fixture-dpa keeps its objection period (14 days) only as a rule: after
// the upgrade its policy holds the period with the rule's clause, and the
// open notice received 2026-11-02 has its calendar deadline, 2026-11-16 (a
// Monday, so acted on that day). Running the step again changes nothing.
func TestMigrationFillsObjectionPolicy(t *testing.T) {
	ctx := context.Background()
	path := copyFixture(t, filepath.Join("testdata", "schema-8.db"))
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(ctx, "fixture-dpa")
	if err != nil {
		t.Fatal(err)
	}
	want := legacyObjection().SubPolicy
	want.ObjectionWindow, want.Clause = model.Period{N: 14, Unit: model.Days}, "9.2"
	if !reflect.DeepEqual(a.SubPolicy, want) {
		t.Errorf("policy after the upgrade = %+v, want %+v", a.SubPolicy, want)
	}
	as, recs, err := s.DeadlineInputs(ctx, "fixture-dpa")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range deadlines.Compute(as[0], recs["fixture-dpa"], model.MustDate(2026, 11, 1), model.MustDate(2026, 12, 31), model.English) {
		if d.Kind == model.DLObjection {
			got = append(got, d.Subject+" "+d.Date.String()+" act by "+d.ActBy.String())
		}
	}
	if len(got) != 1 || got[0] != legacyNotice().Sub.Name+" 2026-11-16 act by 2026-11-16" {
		t.Errorf("objection deadlines after the upgrade %q, want Molnhallen AB's on 2026-11-16", got)
	}
	data := func() string {
		var d string
		s.write.QueryRow("SELECT data FROM agreements WHERE id = 'fixture-dpa'").Scan(&d)
		return d
	}
	once := data()
	if _, err := s.write.Exec(migrations[9].statements()); err != nil {
		t.Fatalf("the policy step again: %v", err)
	}
	if twice := data(); twice != once {
		t.Errorf("the policy step run twice changed the agreement again:\n%s\n%s", once, twice)
	}
}

// TestObjectionPolicyStep runs schema step 10 over agreements written
// today: a policy that states a period keeps it even beside an older rule
// (Pureservice: 4 weeks' advance notice, so one may object until the change
// takes effect, not "notice + 4 weeks"), and an agreement with no policy
// gets one from its advance-notice rule.
func TestObjectionPolicyStep(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	rule := func(kind model.DeadlineKind, n int, unit model.Unit) model.Rule {
		return model.Rule{Kind: kind, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: n, Unit: unit}, Clause: "8.6"}
	}
	stated := sampleAgreement("stated", "Stated AS")
	stated.Rules = append(stated.Rules, rule(model.DLObjection, 4, model.Weeks))
	stated.SubPolicy = &model.SubPolicy{AdvanceNotice: model.Period{N: 4, Unit: model.Weeks}, Clause: "8.6.3"}
	bare := sampleAgreement("bare", "Bare AB")
	bare.Rules = append(bare.Rules, rule(model.DLAdvanceNotice, 2, model.Months))
	putAll(t, s, stated, bare)
	if _, err := s.write.Exec(migrations[9].statements()); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Agreement(ctx, "stated"); !reflect.DeepEqual(got.SubPolicy, stated.SubPolicy) {
		t.Errorf("a stated policy changed: %+v", got.SubPolicy)
	}
	want := &model.SubPolicy{AdvanceNotice: model.Period{N: 2, Unit: model.Months}, Clause: "8.6"}
	if got, _ := s.Agreement(ctx, "bare"); !reflect.DeepEqual(got.SubPolicy, want) {
		t.Errorf("policy from the advance-notice rule = %+v, want %+v", got.SubPolicy, want)
	}
}

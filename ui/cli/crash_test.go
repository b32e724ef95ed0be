package cli_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"avtal/model/docimport"
	"avtal/model/gen"
	"avtal/model/yamlreg"
	"avtal/store"
	"avtal/ui/cli"
)

// childEnv, set to 1, makes the test binary run the program with its
// arguments instead of the tests: the crash tests start it as a child
// process and kill it, as a power cut or `kill -9` would. The child runs
// the same cli.Main as the avtal binary, without a build.
const childEnv = "AVTAL_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv, time.Now))
	}
	os.Exit(m.Run())
}

// crashRuns is how many kills each crash scenario makes: one by default,
// AVTAL_CRASH_RUNS for a longer run; none with -short.
func crashRuns(t *testing.T) int {
	if testing.Short() {
		t.Skip("crash runs start child processes; skipped with -short")
	}
	if s := os.Getenv("AVTAL_CRASH_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("AVTAL_CRASH_RUNS=%q is not a number of runs", s)
		}
		return n
	}
	return 1
}

// startChild runs avtal with args in a child process and, when kill is
// positive, sends it SIGKILL after that long. It returns whether the child
// ran to its end and what it wrote.
func startChild(t *testing.T, args []string, kill time.Duration) (finished bool, output string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "XDG_DATA_HOME="+t.TempDir())
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return false, out.String()
	}
	if err != nil {
		t.Fatalf("avtal %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return true, out.String()
}

// crashScenario is a write that must be all or nothing however it is cut off.
type crashScenario struct {
	// prepare writes what the runs share into dir and returns a database to
	// start each run from ("" for none).
	prepare func(t *testing.T, dir string) string
	// args runs the write on db.
	args func(db string) []string
	// check verifies what a run left in st and names the outcome.
	check func(t *testing.T, st *store.Store, raw *sql.DB) string
}

// crash runs sc once to its end, to time it, then runs it again and again,
// each time killed at a different point of that time, and checks the
// database after every run.
func crash(t *testing.T, sc crashScenario) {
	runs := crashRuns(t)
	t.Parallel()
	dir := t.TempDir()
	pristine := sc.prepare(t, dir)
	fresh := func(i int) string {
		db := filepath.Join(dir, fmt.Sprintf("run-%d.db", i))
		if pristine != "" {
			data, err := os.ReadFile(pristine)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return db
	}

	db := fresh(0)
	began := time.Now()
	startChild(t, sc.args(db), 0)
	full := time.Since(began)
	if got := checkCrashed(t, db, sc.check); got != "complete" {
		t.Fatalf("an uninterrupted run left %q, want complete", got)
	}

	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("AVTAL_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rnd := rand.New(rand.NewPCG(seed, 0))
	outcomes := map[string]int{}
	killed := 0
	for i := 1; i <= runs; i++ {
		db := fresh(i)
		// Kill points spread over the whole run, one in each slice of it.
		at := time.Duration((float64(i-1) + rnd.Float64()) / float64(runs) * float64(full))
		finished, _ := startChild(t, sc.args(db), max(at, time.Millisecond))
		if !finished {
			killed++
		}
		outcomes[checkCrashed(t, db, sc.check)]++
	}
	t.Logf("uninterrupted run %v; %d runs, %d killed with SIGKILL (seed %d): %v", full.Round(time.Millisecond), runs, killed, seed, outcomes)
}

// checkCrashed checks the database a run left: SQLite's integrity and
// foreign keys on the file as it was left, then, after Avtal opened it (and
// finished what it finishes on open), the search index against the clauses
// and the scenario's own all-or-nothing check.
func checkCrashed(t *testing.T, db string, check func(*testing.T, *store.Store, *sql.DB) string) string {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		return "no file"
	}
	raw, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var result string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check after the kill = %q, %v", result, err)
	}
	rows, err := raw.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check after the kill reports rows that point nowhere")
	}
	rows.Close()

	st, err := store.Open(context.Background(), db, store.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatalf("the database cannot be opened after the kill: %v", err)
	}
	defer st.Close()
	if _, err := raw.Exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES('integrity-check', 1)"); err != nil {
		t.Errorf("the search index is out of step with the clauses: %v", err)
	}
	return check(t, st, raw)
}

// perAgreement counts rows of table by agreement.
func perAgreement(t *testing.T, raw *sql.DB, table string) map[string]int {
	t.Helper()
	rows, err := raw.Query("SELECT agreement_id, count(*) FROM " + table + " GROUP BY agreement_id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		rows.Scan(&id, &n)
		out[id] = n
	}
	return out
}

// TestCrashDuringGen kills `avtal gen`: the register holds the agreements
// of every batch that committed — a whole number of batches, in the order
// generated, each agreement with all its clauses, sub-processors,
// incidents and events — and a search index that matches them.
func TestCrashDuringGen(t *testing.T) {
	const n, seed = 450, 7
	items := map[string]gen.Item{}
	var order []string
	for it := range gen.New(gen.Config{Agreements: n, Seed: seed}).All() {
		items[it.Agreement.ID] = it
		order = append(order, it.Agreement.ID)
	}
	crash(t, crashScenario{
		prepare: func(*testing.T, string) string { return "" },
		args: func(db string) []string {
			return []string{"--db", db, "gen", "--agreements", strconv.Itoa(n), "--seed", strconv.Itoa(seed)}
		},
		check: func(t *testing.T, st *store.Store, raw *sql.DB) string {
			ids, err := st.IDs(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(ids)%store.BulkBatch != 0 && len(ids) != n {
				t.Errorf("%d agreements after the kill: not a whole number of batches of %d", len(ids), store.BulkBatch)
			}
			clauses, subs := perAgreement(t, raw, "clauses"), perAgreement(t, raw, "subprocessors")
			incidents, events := perAgreement(t, raw, "incidents"), perAgreement(t, raw, "events")
			for _, id := range ids {
				it, ok := items[id]
				if !ok {
					t.Errorf("agreement %s was never generated", id)
					continue
				}
				if clauses[id] != it.Clauses() || subs[id] != len(it.Agreement.Subs) ||
					incidents[id] != len(it.Incidents) || events[id] != len(it.Events) {
					t.Errorf("%s is half there: %d/%d clauses, %d/%d sub-processors, %d/%d incidents, %d/%d events", id,
						clauses[id], it.Clauses(), subs[id], len(it.Agreement.Subs), incidents[id], len(it.Incidents), events[id], len(it.Events))
				}
			}
			for _, id := range order[:min(len(ids), n)] {
				if it := items[id]; clauses[id] == 0 && it.Clauses() > 0 {
					t.Errorf("%s of a committed batch is missing", id)
				}
			}
			if len(ids) == n {
				return "complete"
			}
			return fmt.Sprintf("%d agreements", len(ids))
		},
	})
}

// TestCrashDuringYAMLImport kills `avtal import` of many YAML files: all
// of them are in the register, each whole, or none is.
func TestCrashDuringYAMLImport(t *testing.T) {
	const files = 60
	var paths []string
	want := map[string]int{} // id → clauses
	crash(t, crashScenario{
		prepare: func(t *testing.T, dir string) string {
			for it := range gen.New(gen.Config{Agreements: files, Seed: 3}).All() {
				data, err := yamlreg.Encode(it.Agreement)
				if err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(dir, it.Agreement.ID+".yaml")
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, p)
				want[it.Agreement.ID] = it.Clauses()
			}
			return emptyRegister(t)
		},
		args: func(db string) []string { return append([]string{"--db", db, "import"}, paths...) },
		check: func(t *testing.T, st *store.Store, raw *sql.DB) string {
			got := perAgreement(t, raw, "clauses")
			n, _ := st.Count(context.Background())
			switch n {
			case 0:
				return "none"
			case len(want):
				for id, clauses := range want {
					if got[id] != clauses {
						t.Errorf("%s has %d of its %d clauses", id, got[id], clauses)
					}
				}
				return "complete"
			}
			t.Errorf("%d of %d agreements after the kill: the import was cut in half", n, len(want))
			return "half"
		},
	})
}

// bigDocument writes an agreement of sections × clauses numbered clauses,
// laid out as a supplier's general terms are.
func bigDocument(sections, clauses int) string {
	var b strings.Builder
	b.WriteString("ALLMÄNNA VILLKOR FÖR PROVTJÄNSTEN\n\nLeverantör: Provleverantören AB\n\n")
	for s := 1; s <= sections; s++ {
		fmt.Fprintf(&b, "%d.    Avsnitt nummer %d\n", s, s)
		for c := 1; c <= clauses; c++ {
			fmt.Fprintf(&b, "%d.%d.    Parterna har kommit överens om punkt %d i avsnitt %d; den gäller under hela avtalstiden och kan sägas upp med tre månaders varsel.\n", s, c, c, s)
		}
	}
	return b.String()
}

// TestCrashDuringDocumentImport kills `avtal import` of a large text
// document: the agreement it creates is there with all its documents and
// clauses, or not at all.
func TestCrashDuringDocumentImport(t *testing.T) {
	var doc string
	var wantDocs, wantClauses int
	crash(t, crashScenario{
		prepare: func(t *testing.T, dir string) string {
			doc = filepath.Join(dir, "provtjansten.txt")
			text := []byte(bigDocument(150, 40))
			if err := os.WriteFile(doc, text, 0o644); err != nil {
				t.Fatal(err)
			}
			plan, err := docimport.Prepare(doc, text)
			if err != nil {
				t.Fatal(err)
			}
			wantDocs = len(plan.Documents)
			for _, d := range plan.Documents {
				wantClauses += len(d.Clauses)
			}
			return emptyRegister(t)
		},
		args: func(db string) []string { return []string{"--db", db, "import", doc} },
		check: func(t *testing.T, st *store.Store, raw *sql.DB) string {
			var agreements, docs, clauses int
			raw.QueryRow("SELECT count(*) FROM agreements").Scan(&agreements)
			raw.QueryRow("SELECT count(*) FROM documents").Scan(&docs)
			raw.QueryRow("SELECT count(*) FROM clauses").Scan(&clauses)
			switch {
			case agreements == 0 && docs == 0 && clauses == 0:
				return "none"
			case agreements == 1 && docs == wantDocs && clauses == wantClauses:
				return "complete"
			}
			t.Errorf("half an import: %d agreements, %d documents (want %d), %d clauses (want %d)", agreements, docs, wantDocs, clauses, wantClauses)
			return "half"
		},
	})
}

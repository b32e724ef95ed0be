package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"avtal/store"
	"avtal/ui/cli"
	"avtal/ui/tuitest"
)

// today is the day of the commands outside tuitest.EachDay: 2026-11-24.
var today = tuitest.Today

// result is what one run of the program left behind.
type result struct {
	code           int
	stdout, stderr string
}

// avtal runs the program as a shell would, with an environment that holds
// nothing but a private XDG_DATA_HOME, so no test can touch a real register,
// and a clock that stands still on the test's day.
func avtal(t *testing.T, args ...string) result {
	t.Helper()
	env := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	day := tuitest.Day(t)
	var out, errOut bytes.Buffer
	code := cli.Main(args, &out, &errOut, func(k string) string { return env[k] }, func() time.Time { return day })
	return result{code, out.String(), errOut.String()}
}

// ok runs the program and fails the test unless it exits 0.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := avtal(t, args...)
	if r.code != 0 {
		t.Fatalf("avtal %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// listItem is the part of `avtal list --json` the tests read.
type listItem struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Parent    string `json:"parent"`
	PeriodEnd string `json:"period_end"`
	CancelBy  string `json:"cancel_by"`
	ActBy     string `json:"act_by"`
}

func list(t *testing.T, db string) []listItem {
	t.Helper()
	var items []listItem
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "list", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	return items
}

func TestListJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "avtal.db") // new: seeded with the sample
	items := list(t, db)
	var ids []string
	byID := map[string]listItem{}
	for _, it := range items {
		ids = append(ids, it.ID)
		byID[it.ID] = it
	}
	// List order: by supplier, each framework followed by its call-offs.
	want := []string{"centuri-saas", "cleura-volymavtal", "inera-kundavtal-2", "inera-npo", "inera-sdk",
		"inera-pub-1", "pureservice", "superoffice-dpa"}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids %v\nwant %v", ids, want)
	}
	tests := []listItem{
		// Centuri: 36 months from 2024-04-01 end 2027-03-31; its cancel-by
		// (6 months before, 2026-09-30) has passed on 2026-11-24, so the next
		// one is for renewal 1 (2027-04-01 – 2028-03-31): 2027-09-30, a
		// Thursday and a working day.
		{ID: "centuri-saas", Kind: "general_terms", PeriodEnd: "2027-03-31", CancelBy: "2027-09-30", ActBy: "2027-09-30"},
		// Pureservice: 12 months from 2025-11-03 ended 2026-11-02; renewal 1
		// runs 2026-11-03 – 2027-11-02; 3 months before = 2027-08-02, a Monday.
		{ID: "pureservice", Kind: "general_terms", PeriodEnd: "2027-11-02", CancelBy: "2027-08-02", ActBy: "2027-08-02"},
		// Until further notice: no period end and no cancel-by.
		{ID: "cleura-volymavtal", Kind: "volume"},
		{ID: "inera-kundavtal-2", Kind: "framework"},
		{ID: "inera-npo", Kind: "subscription", Parent: "inera-kundavtal-2"},
		{ID: "inera-sdk", Kind: "subscription", Parent: "inera-kundavtal-2"},
		{ID: "superoffice-dpa", Kind: "dpa"},
	}
	for _, tt := range tests {
		if got := byID[tt.ID]; got != tt {
			t.Errorf("%s: got %+v\nwant %+v", tt.ID, got, tt)
		}
	}

	text := ok(t, "--db", db, "--lang", "sv", "list")
	for _, s := range []string{"Leverantör", "Säg upp senast", "centuri-saas", "2027-09-30", "└ Nationell"} {
		if !strings.Contains(text, s) {
			t.Errorf("avtal --lang sv list lacks %q:\n%s", s, text)
		}
	}
}

func TestShowJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "avtal.db")
	var got struct {
		Agreement struct {
			ID    string `json:"id"`
			Start string `json:"start"`
			Term  struct {
				Initial string `json:"initial"`
				Notice  string `json:"notice"`
			} `json:"term"`
		} `json:"agreement"`
		Term struct {
			PeriodStart string `json:"period_start"`
			PeriodEnd   string `json:"period_end"`
			CancelBy    string `json:"cancel_by"`
			ActBy       string `json:"act_by"`
			Explanation string `json:"explanation"`
		} `json:"term_dates"`
		Related []struct {
			Target string `json:"target"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "show", "centuri-saas", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	a, term := got.Agreement, got.Term
	if a.ID != "centuri-saas" || a.Start != "2024-04-01" || a.Term.Initial != "36 months" || a.Term.Notice != "6 months" {
		t.Errorf("agreement facts: %+v", a)
	}
	// The current period is the initial term; the cancel-by is that of
	// renewal 1, as in TestListJSON.
	if term.PeriodStart != "2024-04-01" || term.PeriodEnd != "2027-03-31" || term.CancelBy != "2027-09-30" || term.ActBy != "2027-09-30" {
		t.Errorf("term dates: %+v", term)
	}
	if want := "renewal 1 (12 months) from 2027-04-01 ends 2028-03-31; 6 months before = 2027-09-30"; term.Explanation != want {
		t.Errorf("explanation %q\nwant %q", term.Explanation, want)
	}
	if got.Related == nil || len(got.Related) != 0 {
		t.Errorf("centuri-saas has no related agreements, want []: %+v", got.Related)
	}

	var framework struct {
		Related []struct {
			Target string `json:"target"`
			Kind   string `json:"kind"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "show", "--json", "inera-kundavtal-2")), &framework); err != nil {
		t.Fatal(err)
	}
	var related []string
	for _, r := range framework.Related {
		related = append(related, r.Target+" "+r.Kind)
	}
	if want := []string{"inera-npo call_off_of", "inera-sdk call_off_of", "inera-pub-1 part_of"}; !slices.Equal(related, want) {
		t.Errorf("related of Kundavtal 2: %v, want %v", related, want)
	}

	text := ok(t, "--db", db, "show", "centuri-saas")
	for _, s := range []string{"Centuri AB", "2024-04-01 – 2027-03-31", "2027-09-30 (period ending 2028-03-31) [sample: start] (act by 2027-09-30)", "Allmänna villkor för Centuri SaaS"} {
		if !strings.Contains(text, s) {
			t.Errorf("avtal show lacks %q:\n%s", s, text)
		}
	}
}

// emptyRegister creates an Avtal database with no agreements, as a team
// keeping its register in git would start.
func emptyRegister(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "empty.db")
	day := tuitest.Day(t)
	st, err := store.Open(context.Background(), db, store.WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return db
}

func yamlFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no YAML files in %s: %v", dir, err)
	}
	return files
}

func TestExportImportRoundTrip(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		first := filepath.Join(t.TempDir(), "avtal.db")
		dir1, dir2 := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "two")
		if out := ok(t, "--db", first, "export", "--yaml", dir1); !strings.Contains(out, "wrote 8 agreement(s)") {
			t.Errorf("export said %q", out)
		}

		second := emptyRegister(t)
		if got := ok(t, "--db", second, "list", "--json"); strings.TrimSpace(got) != "[]" {
			t.Fatalf("the new register is not empty: %s", got)
		}
		var imported struct{ Imported []string }
		files := yamlFiles(t, dir1)
		if err := json.Unmarshal([]byte(ok(t, append([]string{"--db", second, "import", "--json"}, files...)...)), &imported); err != nil {
			t.Fatal(err)
		}
		if len(imported.Imported) != 8 {
			t.Errorf("imported %v, want all 8", imported.Imported)
		}
		ok(t, "--db", second, "export", "--yaml", dir2)

		if a, b := list(t, first), list(t, second); !reflect.DeepEqual(a, b) {
			t.Errorf("the lists differ after the round trip:\n%+v\n%+v", a, b)
		}
		files2 := yamlFiles(t, dir2)
		if len(files) != len(files2) {
			t.Fatalf("%d files exported, then %d", len(files), len(files2))
		}
		for i := range files {
			a, _ := os.ReadFile(files[i])
			b, _ := os.ReadFile(files2[i])
			if filepath.Base(files[i]) != filepath.Base(files2[i]) || !bytes.Equal(a, b) {
				t.Errorf("%s and %s differ", files[i], files2[i])
			}
		}

		// Importing the same files again is refused without --replace and
		// changes nothing with it.
		if r := avtal(t, append([]string{"--db", second, "import"}, files...)...); r.code != 1 || !strings.Contains(r.stderr, "--replace") {
			t.Errorf("re-import without --replace: exit %d, %q", r.code, r.stderr)
		}
		ok(t, append([]string{"--db", second, "import", "--replace"}, files...)...)
		if a, b := list(t, first), list(t, second); !reflect.DeepEqual(a, b) {
			t.Errorf("the lists differ after import --replace")
		}
	})
}

func TestImportMalformedYAML(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		dir := t.TempDir()
		write := func(name, text string) string {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
		head := "id: acme-saas\ntitle: Acme SaaS\nkind: general_terms\nstatus: active\nsupplier:\n  name: Acme AB\n"
		good := write("good.yaml", strings.Replace(head, "acme-saas", "acme-other", 1))
		tests := []struct {
			name, text string
			wantLine   string
			wantField  string
		}{
			{"bad-date.yaml", head + "signed: 2024-02-30\n", "bad-date.yaml:7", "signed"},
			{"unknown-field.yaml", head + "  colour: blue\n", "unknown-field.yaml:7", "colour"},
			{"bad-kind.yaml", strings.Replace(head, "general_terms", "lease", 1), "bad-kind.yaml:3", "kind"},
		}
		db := filepath.Join(t.TempDir(), "avtal.db")
		before := ok(t, "--db", db, "list", "--json")
		for _, tt := range tests {
			bad := write(tt.name, tt.text)
			// The good file comes first: it must not be written either.
			r := avtal(t, "--db", db, "import", good, bad)
			if r.code != 1 {
				t.Errorf("%s: exit %d, want 1", tt.name, r.code)
			}
			if !strings.Contains(r.stderr, tt.wantLine) || !strings.Contains(r.stderr, tt.wantField) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("%s: stderr %q should be one line naming %s and %s", tt.name, r.stderr, tt.wantLine, tt.wantField)
			}
		}
		if after := ok(t, "--db", db, "list", "--json"); after != before {
			t.Errorf("a failed import changed the register:\n%s", after)
		}
	})
}

func TestUsageErrors(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "avtal.db")
		ok(t, "--db", db, "list") // the register exists: stderr holds only the mistake
		// A mistake is one line naming it, and one saying where to read more:
		// the command's own help, or the list of commands.
		for _, tt := range []struct {
			args       []string
			said, help string
		}{
			{[]string{"--db", db, "frobnicate"}, `avtal: unknown command "frobnicate"`, "avtal help"},
			{[]string{"--db", db, "--frob", "list"}, "avtal: there is no flag --frob", "avtal help"},
			{[]string{"--db", db, "list", "--frob"}, "avtal list: there is no flag --frob", "avtal list --help"},
			{[]string{"--db", db, "--lang", "sv", "list", "--frob"}, "avtal list: flaggan --frob finns inte", "avtal list --help"},
			{[]string{"--db", db, "--lang", "sv", "search", "--limit", "x", "moms"}, `avtal search: --limit "x": inget heltal`, "avtal search --help"},
			{[]string{"--db", db, "search", "--limit"}, "avtal search: flag --limit needs a value", "avtal search --help"},
			{[]string{"--db", db, "list", "extra"}, `avtal list: unexpected argument "extra"`, "avtal list --help"},
			{[]string{"--db", db, "--lang", "sv", "note", "delete", "1", "2"}, `avtal note: oväntat argument "2"`, "avtal note delete --help"},
			{[]string{"--db", db, "sla", "credit", "--frob"}, "avtal sla: there is no flag --frob", "avtal sla credit --help"},
			{[]string{"--db", db, "serve", "--max-sessions", "0"}, "avtal serve: --max-sessions must be at least 1, got 0", "avtal serve --help"},
			{[]string{"--db", db, "--lang", "sv", "serve", "--idle-timeout", "soon"}, `avtal serve: --idle-timeout "soon": ingen tidslängd`, "avtal serve --help"},
			{[]string{"--db", db, "serve", "extra"}, `avtal serve: unexpected argument "extra"`, "avtal serve --help"},
			{[]string{"--db", db, "help", "frobnicate"}, `avtal help: unknown command "frobnicate"`, "avtal help --help"},
			{[]string{"--db", db, "completion", "tcsh"}, "avtal completion: completion needs a shell", "avtal completion --help"},
			{[]string{"--lang", "fi", "list"}, `avtal: unknown language "fi"`, "avtal help"},
			{[]string{"--db", db, "show"}, "avtal show: show needs an agreement id", "avtal show --help"},
			{[]string{"--db", db, "export"}, "avtal export: export needs --yaml DIR", "avtal export --help"},
		} {
			r := avtal(t, tt.args...)
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if r.code != 2 || r.stdout != "" || len(lines) != 2 || !strings.HasPrefix(lines[0], tt.said) || !strings.Contains(lines[1], tt.help) {
				t.Errorf("avtal %s: exit %d, stdout %q, stderr %q; want 2, %q and a pointer to %q", strings.Join(tt.args, " "), r.code, r.stdout, r.stderr, tt.said, tt.help)
			}
		}
		if out := ok(t, "help"); !strings.Contains(out, "Usage:") {
			t.Errorf("avtal help: %q", out)
		}
		// A command's --help is its own: its usage, its commands, flags and examples.
		if out := ok(t, "note", "--help"); !strings.HasPrefix(out, "add a note to a clause\n") || !strings.Contains(out, "  delete N ") || strings.Contains(out, "avtal list") {
			t.Errorf("avtal note --help: %q", out)
		}
		if out := ok(t, "version"); !strings.HasPrefix(out, "avtal ") {
			t.Errorf("avtal version: %q", out)
		}
	})
}

func TestShowUnknownID(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "avtal.db")
		ok(t, "--db", db, "list")
		r := avtal(t, "--db", db, "show", "nope")
		if want := "avtal show: no agreement with id \"nope\"\n"; r.code != 1 || r.stderr != want {
			t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, want)
		}
	})
}

func TestNewRegisterIsAnnounced(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	first := avtal(t, "--db", db, "list")
	if first.code != 0 || first.stderr != "avtal: created a new register with the sample at "+db+"\n" {
		t.Errorf("first run: exit %d, stderr %q", first.code, first.stderr)
	}
	if again := avtal(t, "--db", db, "list"); again.code != 0 || again.stderr != "" {
		t.Errorf("second run: exit %d, stderr %q; want nothing said", again.code, again.stderr)
	}
}

func TestMissingFolderRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo", "avtal.db")
	r := avtal(t, "--db", db, "list")
	if r.code != 1 || !strings.Contains(r.stderr, filepath.Join(dir, "typo")+" is not a folder that exists") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want one line naming the missing folder", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !os.IsNotExist(err) {
		t.Errorf("the folder was made: %v", err)
	}
}

func TestForeignFileRefused(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "notes.txt")
		content := []byte("Ring Centuri om förlängningen.\n")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"--db", path, "list"}, {"--db", path, "demo"}} {
			r := avtal(t, args...)
			if r.code != 1 || !strings.Contains(r.stderr, "not an Avtal database") || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("avtal %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
			}
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
			t.Errorf("the text file was changed: %q", got)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("files appeared next to it: %v", entries)
		}
	})
}

func TestDemoRecreates(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "avtal.db")
		second := emptyRegister(t)
		ok(t, "--db", db, "demo")
		// demo over an Avtal database (even an empty one) makes it the sample.
		if out := ok(t, "--db", second, "demo"); !strings.Contains(out, "(8 agreements)") {
			t.Errorf("demo said %q", out)
		}
		if a, b := list(t, db), list(t, second); !reflect.DeepEqual(a, b) || len(a) != 8 {
			t.Errorf("demo registers differ or are not the sample: %d and %d agreements", len(a), len(b))
		}
	})
}

// demo replaces a register with changes of the user's own only when told
// to: without --db it names the user's own register.
func TestDemoKeepsChangesOfYourOwn(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "avtal.db")
		ok(t, "--db", db, "demo")
		ok(t, "--db", db, "note", "pureservice", "8.9.2", "Ask for 24 hours")
		before, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		r := avtal(t, "--db", db, "demo")
		if r.code != 1 || !strings.Contains(r.stderr, "holds changes of your own") || !strings.Contains(r.stderr, "--replace") {
			t.Errorf("demo over a changed register: exit %d, stderr %q", r.code, r.stderr)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
			t.Error("the refused demo changed the database")
		}
		out := ok(t, "--db", db, "demo", "--replace")
		if log := ok(t, "--db", db, "log"); strings.Contains(log, "note") || strings.Count(log, "create") != 8 {
			t.Errorf("after demo --replace the log is not the sample's:\n%s", log)
		}
		// The replaced register is kept beside it, with the note.
		kept := db + ".before-demo-" + tuitest.Day(t).UTC().Format("20060102T150405Z")
		if !strings.Contains(out, "kept as "+kept) {
			t.Errorf("demo --replace said %q, want it to name %s", out, kept)
		}
		if log := ok(t, "--db", kept, "log"); !strings.Contains(log, "note") {
			t.Errorf("the kept register lost the note:\n%s", log)
		}
	})
}

// A register open in a workbench, a server or another command is never
// replaced underneath it: demo --replace and restore refuse, naming it.
func TestDemoAndRestoreRefuseARegisterInUse(t *testing.T) {
	dir := t.TempDir()
	db, backup := filepath.Join(dir, "avtal.db"), filepath.Join(dir, "copy.db")
	ok(t, "--db", db, "demo")
	ok(t, "--db", db, "note", "pureservice", "8.9.2", "Ask for 24 hours")
	ok(t, "--db", db, "backup", backup)
	st, err := store.Open(context.Background(), db, store.WithClock(func() time.Time { return tuitest.Today }))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"demo", "--replace"}, {"restore", backup}} {
		r := avtal(t, append([]string{"--db", db}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, db+" is open in another Avtal") {
			t.Errorf("avtal %s while open: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if n, err := st.Count(context.Background()); err != nil || n != 8 {
		t.Errorf("the open register after the refusals: %d agreements, %v", n, err)
	}
	st.Close()
	if r := avtal(t, "--db", db, "restore", backup); r.code != 0 {
		t.Errorf("restore once closed: exit %d, %s", r.code, r.stderr)
	}
}

// Help and mistakes in the arguments of demo and restore change no file.
func TestDemoAndRestoreArguments(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "avtal.db")
		for _, c := range []struct {
			args []string
			code int
			out  string
		}{
			{[]string{"demo", "--help"}, 0, "Usage:\n  avtal demo [flags]"},
			{[]string{"demo", "-h"}, 0, "Usage:\n  avtal demo [flags]"},
			{[]string{"demo", "-replace", "-h"}, 0, "Usage:\n  avtal demo [flags]"},
			{[]string{"demo", "extra"}, 2, `unexpected argument "extra"`},
			{[]string{"demo", "--bogus"}, 2, "-bogus"},
			{[]string{"restore", "--help"}, 0, "Usage:\n  avtal restore FILE [flags]"},
			{[]string{"restore"}, 2, "restore needs the backup FILE"},
			{[]string{"restore", "a.db", "b.db"}, 2, `unexpected argument "b.db"`},
		} {
			r := avtal(t, append([]string{"--db", db}, c.args...)...)
			if r.code != c.code || !strings.Contains(r.stdout+r.stderr, c.out) {
				t.Errorf("avtal %s: exit %d, want %d with %q\n%s%s", strings.Join(c.args, " "), r.code, c.code, c.out, r.stdout, r.stderr)
			}
			if _, err := os.Stat(db); err == nil {
				t.Fatalf("avtal %s made %s", strings.Join(c.args, " "), db)
			}
		}
	})
}

func TestLeadTimesFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	runWith := func(leads string, args ...string) result {
		env := map[string]string{"XDG_DATA_HOME": dir, "AVTAL_LEAD_TIMES": leads}
		var out, errOut bytes.Buffer
		code := cli.Main(args, &out, &errOut, func(k string) string { return env[k] }, func() time.Time { return today })
		return result{code, out.String(), errOut.String()}
	}
	if r := runWith("termination=1", "list"); r.code != 2 || !strings.Contains(r.stderr, "AVTAL_LEAD_TIMES") {
		t.Errorf("a bad AVTAL_LEAD_TIMES: exit %d, stderr %q; want 2 naming the variable", r.code, r.stderr)
	}
	// One alarm per lead time: 120, 60 and 0 days before the termination notice.
	r := runWith("termination_notice=120,60,0", "deadlines", "--agreement", "centuri-saas", "--to", "2027-12-31", "--ics")
	if r.code != 0 {
		t.Fatalf("deadlines --ics: exit %d: %s", r.code, r.stderr)
	}
	for _, trigger := range []string{"TRIGGER:-P119DT15H", "TRIGGER:-P59DT15H", "TRIGGER:PT9H"} {
		if !strings.Contains(r.stdout, trigger) {
			t.Errorf("the calendar lacks %s", trigger)
		}
	}
	// Only termination notices default to 90 days, and they were configured away.
	if strings.Contains(r.stdout, "TRIGGER:-P89DT15H") {
		t.Error("the default 90-day alarm is still there")
	}
}

// TestDatesComeFromTheClock runs the commands that stamp or reckon from
// today on each of tuitest.Days: every audit entry (the seeding, a note, a
// done mark) is stamped on the day, a deadline marked done without --on is
// done on the day, and the days left of every deadline count from it.
func TestDatesComeFromTheClock(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		day := tuitest.Day(t)
		date := day.Format(time.DateOnly)
		db := filepath.Join(t.TempDir(), "avtal.db")
		ok(t, "--db", db, "note", "pureservice", "8.9.2", "Check", "the", "hours")
		if out := ok(t, "--db", db, "clauses", "pureservice", "--full"); !strings.Contains(out, "#1 "+date) {
			t.Errorf("the note is not dated %s:\n%s", date, out)
		}

		var deadlines []struct {
			Key      string `json:"key"`
			ActBy    string `json:"act_by"`
			DaysLeft int    `json:"days_left"`
			ID       string `json:"agreement_id"`
		}
		if err := json.Unmarshal([]byte(ok(t, "--db", db, "deadlines", "--json")), &deadlines); err != nil {
			t.Fatal(err)
		}
		if len(deadlines) == 0 {
			t.Fatal("no deadlines in the year from " + date)
		}
		for _, d := range deadlines {
			actBy, err := time.Parse(time.DateOnly, d.ActBy)
			if err != nil {
				t.Fatal(err)
			}
			if want := int(actBy.Sub(day.Truncate(24*time.Hour)).Hours() / 24); d.DaysLeft != want {
				t.Errorf("%s: %d days left to %s, want %d from %s", d.Key, d.DaysLeft, d.ActBy, want, date)
			}
		}
		first := deadlines[0]
		if out := ok(t, "--db", db, "done", first.ID, first.Key); !strings.Contains(out, "done on "+date) {
			t.Errorf("done without --on: %q, want the day %s", out, date)
		}

		var log []struct {
			At     string `json:"at"`
			Action string `json:"action"`
		}
		if err := json.Unmarshal([]byte(ok(t, "--db", db, "log", "--json")), &log); err != nil {
			t.Fatal(err)
		}
		if len(log) < 3 {
			t.Fatalf("log of seeding, note and done mark: %+v", log)
		}
		for _, e := range log {
			if !strings.HasPrefix(e.At, date+"T") {
				t.Errorf("%s stamped %s, not on %s", e.Action, e.At, date)
			}
		}
	})
}

// --no-mouse is a global flag: accepted anywhere, with any command.
func TestNoMouseIsAGlobalFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "avtal.db")
	for _, args := range [][]string{{"--no-mouse", "--db", db, "list"}, {"--db", db, "list", "--no-mouse"}} {
		if r := avtal(t, args...); r.code != 0 {
			t.Errorf("avtal %s: exit %d, %s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

// avtal list --sort reads the register in the pane's sort orders: the
// sample's agreements by cancel-by date (the ones without one last, in the
// register's order), flat; a column it does not know is refused.
func TestListSorted(t *testing.T) {
	db := filepath.Join(t.TempDir(), "avtal.db")
	var items []listItem
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "list", "--sort", "cancel-by", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, it := range items {
		if it.CancelBy != "" {
			dates = append(dates, it.CancelBy)
		}
	}
	if len(items) != 8 || len(dates) < 2 || !slices.IsSorted(dates) || items[len(dates)-1].CancelBy == "" || items[len(dates)].CancelBy != "" {
		t.Errorf("--sort cancel-by: %+v", items)
	}
	if text := ok(t, "--db", db, "list", "--sort", "supplier"); strings.Contains(text, "└") {
		t.Errorf("sorted, a call-off is not drawn under its framework:\n%s", text)
	}
	r := avtal(t, "--db", db, "list", "--sort", "price")
	if r.code == 0 || !strings.Contains(r.stderr, `--sort "price": use supplier, title, status, end or cancel-by`) {
		t.Errorf("--sort price: exit %d, %q", r.code, r.stderr)
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
)

// cliEnv runs commands against a register of its own in a temporary folder.
type cliEnv struct {
	st         *store.Store
	dir        string
	out, errs  bytes.Buffer
	code       int
	stdout     string
	stderrText string
}

func newCLI(t testing.TB) *cliEnv {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dir, "avtal.db"), store.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &cliEnv{st: st, dir: dir}
}

// run runs one command and keeps its exit code and output.
func (e *cliEnv) run(args ...string) *cliEnv {
	e.out.Reset()
	e.errs.Reset()
	env := &Env{Store: e.st, Lang: i18n.EN, Stdout: &e.out, Stderr: &e.errs,
		Now: func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }}
	e.code = runOn(context.Background(), env, args[0], args[1:])
	e.stdout, e.stderrText = e.out.String(), e.errs.String()
	return e
}

// ok runs a command that must succeed and decodes its JSON into v (if not nil).
func (e *cliEnv) ok(t *testing.T, v any, args ...string) string {
	t.Helper()
	e.run(args...)
	if e.code != ExitOK {
		t.Fatalf("avtal %s: exit %d: %s", strings.Join(args, " "), e.code, e.stderrText)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(e.stdout), v); err != nil {
			t.Fatalf("avtal %s: %v\n%s", strings.Join(args, " "), err, e.stdout)
		}
	}
	return e.stdout
}

// file writes data to a file of the given name in the environment's folder.
func (e *cliEnv) file(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(e.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// rows counts the rows of a table through the store's read API: agreements
// with Count, documents and clauses through each agreement.
func (e *cliEnv) rows(t *testing.T) (agreements, documents, clauses int) {
	t.Helper()
	ctx := context.Background()
	ids, err := e.st.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		a, err := e.st.Agreement(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		documents += len(a.Documents)
		for _, d := range a.Documents {
			clauses += len(d.Clauses)
		}
	}
	return len(ids), documents, clauses
}

// importOut is the part of `avtal import --json` the tests read.
type importOut struct {
	AgreementID string `json:"agreement_id"`
	Created     bool   `json:"created"`
	Documents   []struct {
		Name     string `json:"name"`
		Kind     string `json:"kind"`
		Version  string `json:"version"`
		Clauses  int    `json:"clauses"`
		Replaces *struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"replaces"`
	} `json:"documents"`
	Skipped []struct {
		Line   int    `json:"line"`
		Reason string `json:"reason"`
		Text   string `json:"text"`
	} `json:"skipped"`
	Proposals []struct {
		ID         int64   `json:"id"`
		Kind       string  `json:"kind"`
		Clause     string  `json:"clause"`
		Evidence   string  `json:"evidence"`
		Reason     string  `json:"reason"`
		Confidence float64 `json:"confidence"`
		Status     string  `json:"status"`
	} `json:"proposals"`
	Amendments []struct {
		Target    string `json:"target"`
		Kind      string `json:"kind"`
		ByClause  string `json:"by_clause"`
		Confirmed bool   `json:"confirmed"`
	} `json:"amendments"`
	Diff []struct {
		Document string   `json:"document"`
		Added    []string `json:"added"`
		Removed  []string `json:"removed"`
		Changed  []string `json:"changed"`
	} `json:"diff"`
}

// clauseIndex maps each document name of an agreement to its clauses by number.
func clauseIndex(t *testing.T, st *store.Store, id string) (*model.Agreement, []map[string]model.Clause) {
	t.Helper()
	a, err := st.Agreement(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]model.Clause
	for _, d := range a.Documents {
		m := map[string]model.Clause{}
		for _, c := range d.Clauses {
			m[c.Number] = c
			if strings.ContainsRune(c.Heading+c.Body, '\x1b') {
				t.Errorf("clause %s of %s holds an escape character", c.Number, d.Name)
			}
		}
		out = append(out, m)
	}
	return a, out
}

// driftText is the small service agreement the import's tests share (see
// model/docimport/testdata): 22 lines, 14 clauses, a credit table, a
// sub-processor table and an appendix amending two clauses.
func driftText(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../../model/docimport/testdata/drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// driftProposals are what the fixture proposes, in order: the supplier its
// preamble names, the parts of the term in 1.1 and 1.2, the payment rule of
// 2.1, the tiers of 3.2, the two sub-processors of 4.1 and the amendments
// of A.1 and A.2.
var driftProposals = []string{"supplier ", "term 1.1", "term 1.2", "rule 2.1", "sla_tiers 3.2", "subprocessor 4.1", "subprocessor 4.1", "amendment A.1", "amendment A.2"}

// proposalID returns the number of the agreement's proposal of kind in
// clause, so a test names proposals by what they are, not by position.
func proposalID(t *testing.T, e *cliEnv, agreementID, kind, clause string) string {
	t.Helper()
	var list []struct {
		ID     int64  `json:"id"`
		Kind   string `json:"kind"`
		Clause string `json:"clause"`
	}
	e.ok(t, &list, "proposals", agreementID, "--all", "--json")
	for _, p := range list {
		if p.Kind == kind && p.Clause == clause {
			return strconv.FormatInt(p.ID, 10)
		}
	}
	t.Fatalf("no %s proposal in clause %q among %+v", kind, clause, list)
	return ""
}

func TestImportTextFormats(t *testing.T) {
	text := driftText(t)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	md := "# " + strings.Replace(text, "\n1. Avtalstid", "\n## 1. Avtalstid", 1)
	docxLines := append(slices.Clone(lines[:len(lines)-1]), "+"+lines[len(lines)-1])
	tests := []struct {
		name string
		data []byte
	}{
		{"drift.txt", []byte(text)},
		{"drift.md", []byte(md)},
		{"drift.docx", docxOf(t, docxLines)}, // A.2 is a tracked insertion
		{"drift.pdf", pdfOf(t, lines)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCLI(t)
			var out importOut
			e.ok(t, &out, "import", e.file(t, tt.name, tt.data), "--json")
			if out.AgreementID != "norrsken-moln" || !out.Created || len(out.Documents) != 1 {
				t.Fatalf("%+v", out)
			}
			_, docs := clauseIndex(t, e.st, out.AgreementID)
			c := docs[0]
			// The preamble, 1–4 with 1.1, 1.2, 2.1, 3.1, 3.2, 4.1, the
			// appendix with A.1 and A.2: 1 + 4 + 6 + 3 = 14.
			if out.Documents[0].Clauses != 14 || len(c) != 14 {
				t.Errorf("%d clauses (%d stored), want 14", out.Documents[0].Clauses, len(c))
			}
			if !strings.Contains(c["1.2"].Body, "sex (6) månader") || !strings.Contains(c["A.2"].Body, "«tre (3) månader»") {
				t.Errorf("1.2 %q, A.2 %q", c["1.2"].Body, c["A.2"].Body)
			}
			var kinds []string
			for _, p := range out.Proposals {
				kinds = append(kinds, p.Kind+" "+p.Clause)
			}
			if !slices.Equal(kinds, driftProposals) {
				t.Errorf("proposals %q, want %q", kinds, driftProposals)
			}
			if len(out.Amendments) != 2 || out.Amendments[0].Target != "2.1" || out.Amendments[0].Kind != "removed" ||
				out.Amendments[1].Target != "1.2" || out.Amendments[1].Kind != "changed" || out.Amendments[0].Confirmed {
				t.Errorf("amendments %+v", out.Amendments)
			}
		})
	}
}

func TestImportPlainSummary(t *testing.T) {
	e := newCLI(t)
	path := e.file(t, "drift.txt", []byte("Sida 1 av 2\n"+driftText(t)+"Sida 2 av 2\n"))
	out := e.ok(t, nil, "import", path)
	want := "Imported DRIFTAVTAL FÖR NORRSKEN MOLN as norrsken-moln: 1 document, 14 clauses; skipped 2 lines (page header or footer 2); " +
		"9 proposals to review — review with `avtal proposals norrsken-moln`\n" +
		"  line 1: page header or footer: Sida 1 av 2\n" +
		"  line 24: page header or footer: Sida 2 av 2\n" // after the 22 lines of the fixture
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestImportNewVersionShowsTheDiff(t *testing.T) {
	e := newCLI(t)
	var first, second importOut
	e.ok(t, &first, "import", e.file(t, "v1.txt", []byte(driftText(t))), "--json")
	// v2 rewords 3.1, drops 1.2 and adds 2.2.
	v2 := strings.NewReplacer(
		"upptid om 99,5 % per månad", "upptid om 99,7 % per månad",
		"1.2 Den som vill avsluta avtalet ska säga upp det skriftligen senast sex (6) månader före periodens slut.\n", "",
		"3. Tillgänglighet", "2.2 Vid sen betalning debiteras ränta enligt räntelagen.\n3. Tillgänglighet",
	).Replace(driftText(t))
	e.ok(t, &second, "import", e.file(t, "v2.txt", []byte(v2)), "--agreement", first.AgreementID, "--json")
	if second.Created || second.AgreementID != first.AgreementID || len(second.Diff) != 1 {
		t.Fatalf("%+v", second)
	}
	d := second.Diff[0]
	if !slices.Equal(d.Changed, []string{"3.1"}) || !slices.Equal(d.Added, []string{"2.2"}) || !slices.Equal(d.Removed, []string{"1.2"}) {
		t.Errorf("diff %+v, want changed 3.1, added 2.2, removed 1.2", d)
	}
	doc := second.Documents[0]
	if doc.Replaces == nil || doc.Replaces.Name != "DRIFTAVTAL FÖR NORRSKEN MOLN" || doc.Replaces.Version != "" || doc.Version != "2" {
		t.Errorf("document %+v", doc)
	}
	// Nothing new to propose: the unchanged clauses' proposals exist
	// already, and 1.2's rule went with the clause.
	if len(second.Proposals) != 0 {
		t.Errorf("proposals again: %+v", second.Proposals)
	}
	// The agreement shows the new version; the old one is still stored.
	_, docs := clauseIndex(t, e.st, first.AgreementID)
	if len(docs) != 1 || docs[0]["1.2"].Number != "" || docs[0]["2.2"].Number != "2.2" {
		t.Errorf("current version: %v", docs)
	}
	diff, err := e.st.ClauseDiff(context.Background(), 1, 2)
	if err != nil || len(diff) != 3 {
		t.Errorf("the old version is not kept: ClauseDiff(1, 2) = %d changes, %v", len(diff), err)
	}

	// Plain output names the versions and the clauses.
	out := e.ok(t, nil, "import", e.file(t, "v3.txt", []byte(driftText(t))), "--agreement", first.AgreementID)
	if !strings.Contains(out, "  DRIFTAVTAL FÖR NORRSKEN MOLN 2 → 3: changed 3.1; added 1.2; removed 2.2;\n") {
		t.Errorf("plain output of a third version:\n%s", out)
	}
	if r := e.run("import", e.file(t, "v4.txt", []byte(driftText(t))), "--agreement", "nope"); r.code != ExitFail || !strings.Contains(r.stderrText, `no agreement with id "nope"`) {
		t.Errorf("unknown agreement: exit %d %q", r.code, r.stderrText)
	}
}

// utf16LE encodes s as UTF-16 little-endian without a byte-order mark.
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestImportBadFiles(t *testing.T) {
	text := driftText(t)
	latin1 := bytes.ReplaceAll([]byte(text), []byte("ä"), []byte{0xe4}) // invalid UTF-8: Windows-1252
	latin1 = bytes.ReplaceAll(latin1, []byte("å"), []byte{0xe5})
	latin1 = bytes.ReplaceAll(latin1, []byte("Ä"), []byte{0xc4})
	latin1 = bytes.ReplaceAll(latin1, []byte("Ö"), []byte{0xd6})
	latin1 = bytes.ReplaceAll(latin1, []byte("ö"), []byte{0xf6})
	longLine := strings.Replace(text, "2.1 Norrsken", "2.1 "+strings.Repeat("lång rad ", 100_000/len("lång rad "))+"Norrsken", 1)
	escapes := strings.NewReplacer("1.2 Den", "1.2 \x1b[2J\x1b[31mDen", "Betalning", "Betal\x1b]0;hijacked\x07ning", "2.1 Norrsken", "2.1 \u009b31mNorrsken").Replace(text)
	tests := []struct {
		name string
		data []byte
		// fail is what the one line on stderr says; "" means the file imports.
		fail string
		// clause and body: a clause the import must hold, with this in its body.
		clause, body string
	}{
		{name: "empty.txt", data: nil, fail: "the file is empty"},
		{name: "blank.txt", data: []byte(" \n\t\n"), fail: "the file is empty"},
		{name: "image.txt", data: append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3, 0xff}, 200)...), fail: "not text"},
		// A text without structure imports as one clause (and says so).
		{name: "prose.txt", data: []byte("Tack för senast, vi hörs nästa vecka om hur vi går vidare med det."), clause: "", body: "vi hörs nästa vecka"},
		{name: "locked.docx", data: append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...), fail: "password-protected"},
		{name: "bomb.docx", data: zipBombDocx(t), fail: "too large"},
		{name: "garbage.pdf", data: append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("obj << /Kids [ ( ] >> stream\x00\xff endobj\n"), 50)...), fail: "damaged"},
		{name: "old.doc", data: append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...), fail: "not supported"},
		{name: "latin1.txt", data: latin1, clause: "1.2", body: "säga upp"},
		{name: "utf16.txt", data: utf16LE(text), clause: "1.2", body: "säga upp"},
		// A line of 100 000 characters is too long to start a clause; its
		// text is kept in the body of the clause before it.
		{name: "long-line.txt", data: []byte(longLine), clause: "2", body: "2.1 lång rad lång rad"},
		{name: "escapes.txt", data: []byte(escapes), clause: "1.2", body: "Den som vill avsluta avtalet ska säga upp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCLI(t)
			path := e.file(t, tt.name, tt.data)
			e.run("import", path, "--json")
			if tt.fail != "" {
				a, d, c := e.rows(t)
				lines := strings.Split(strings.TrimSpace(e.stderrText), "\n")
				if e.code != ExitFail || len(lines) != 1 || !strings.Contains(lines[0], path) || !strings.Contains(lines[0], tt.fail) {
					t.Errorf("exit %d, stderr %q; want exit 1 and one line naming %s and %q", e.code, e.stderrText, path, tt.fail)
				}
				if a+d+c != 0 || e.stdout != "" {
					t.Errorf("a failed import wrote %d agreements, %d documents, %d clauses; stdout %q", a, d, c, e.stdout)
				}
				return
			}
			if e.code != ExitOK {
				t.Fatalf("exit %d: %s", e.code, e.stderrText)
			}
			var out importOut
			json.Unmarshal([]byte(e.stdout), &out)
			_, docs := clauseIndex(t, e.st, out.AgreementID) // also checks for escapes
			if c, ok := docs[0][tt.clause]; !ok || !strings.Contains(c.Body, tt.body) {
				t.Errorf("clause %q: %q, want it to hold %q", tt.clause, c.Body, tt.body)
			}
		})
	}
}

func TestImportMissingFileAndUsage(t *testing.T) {
	e := newCLI(t)
	missing := filepath.Join(e.dir, "saknas.pdf")
	if e.run("import", missing); e.code != ExitFail || e.stderrText != "avtal import: "+missing+": there is no such file\n" {
		t.Errorf("missing file: exit %d %q", e.code, e.stderrText)
	}
	if e.run("import", e.dir); e.code != ExitFail || !strings.Contains(e.stderrText, "is a folder") {
		t.Errorf("folder: exit %d %q", e.code, e.stderrText)
	}
	for _, args := range [][]string{
		{"import", "a.txt", "b.txt", "--agreement", "x"},
		{"import", "a.yaml", "b.txt"},
		{"import", "a.yaml", "--agreement", "x"},
	} {
		if e.run(args...); e.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (usage)", args, e.code)
		}
	}
}

// Several documents are imported each on its own: a file that fails is
// named with its problem, leaves nothing behind and fails the command,
// while the others are in the register; --json gives one result a file.
func TestImportSeveralDocuments(t *testing.T) {
	e := newCLI(t)
	good := e.file(t, "drift.txt", []byte(driftText(t)))
	bad := e.file(t, "scan.pdf", []byte("these bytes are no PDF"))
	other := e.file(t, "drift2.txt", []byte(driftText(t)))
	e.run("import", good, bad, other)
	if e.code != ExitFail || strings.Count(e.stdout, "Imported") != 2 || !strings.Contains(e.stdout, good+": Imported") ||
		!strings.Contains(e.stderrText, "avtal import: "+bad+": ") ||
		!strings.HasSuffix(e.stderrText, "avtal import: imported 2 of 3 files; nothing was imported from "+bad+"\n") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", e.code, e.stdout, e.stderrText)
	}
	if ids, err := e.st.IDs(context.Background()); err != nil || len(ids) != 2 {
		t.Errorf("register after the import: %v %v", ids, err)
	}

	e.ok(t, nil, "import", good, other)
	if !strings.HasSuffix(e.stdout, "imported all 2 files\n") || e.stderrText != "" {
		t.Errorf("all imported: %q %q", e.stdout, e.stderrText)
	}

	e.run("import", bad, good, "--json")
	var results []struct {
		File  string `json:"file"`
		Error string `json:"error"`
		importOut
	}
	if err := json.Unmarshal([]byte(e.stdout), &results); err != nil || e.code != ExitFail || len(results) != 2 ||
		results[0].File != bad || results[0].Error == "" || results[0].AgreementID != "" ||
		results[1].File != good || results[1].Error != "" || !results[1].Created || results[1].AgreementID == "" {
		t.Errorf("--json: exit %d %v %+v\n%s", e.code, err, results, e.stdout)
	}
}

func TestProposalsCommand(t *testing.T) {
	e := newCLI(t)
	var imported importOut
	e.ok(t, &imported, "import", e.file(t, "drift.txt", []byte(driftText(t))), "--json")
	id := imported.AgreementID
	var list []struct {
		ID     int64  `json:"id"`
		Kind   string `json:"kind"`
		Status string `json:"status"`
		Term   *struct {
			Notice string `json:"notice"`
		} `json:"term"`
	}
	e.ok(t, &list, "proposals", id, "--json")
	if len(list) != len(driftProposals) || list[2].Term == nil || list[2].Term.Notice != "6 months" {
		t.Fatalf("pending proposals: %+v", list)
	}
	plain := e.ok(t, nil, "proposals", id)
	if !strings.Contains(plain, "6 months notice") || !strings.Contains(plain, "< 99.5 % → 10 %; < 99 % → 25 %") {
		t.Errorf("plain list:\n%s", plain)
	}
	notice, tiers, payment := proposalID(t, e, id, "term", "1.2"), proposalID(t, e, id, "sla_tiers", "3.2"), proposalID(t, e, id, "rule", "2.1")

	// A typo decides nothing: proposal 99 does not exist, so the notice stays pending.
	if e.run("proposals", id, "accept", notice, "99"); e.code != ExitFail || !strings.Contains(e.stderrText, "no proposal 99") {
		t.Errorf("unknown proposal: exit %d %q", e.code, e.stderrText)
	}
	out := e.ok(t, nil, "proposals", id, "accept", notice, tiers)
	if want := "accepted proposal " + notice + " (term, clause 1.2)\naccepted proposal " + tiers + " (SLA credit tiers, clause 3.2)\n"; out != want {
		t.Errorf("accept output %q, want %q", out, want)
	}
	e.ok(t, nil, "proposals", id, "reject", payment)
	if e.run("proposals", id, "reject", notice); e.code != ExitFail || !strings.Contains(e.stderrText, "already accepted") {
		t.Errorf("deciding twice: exit %d %q", e.code, e.stderrText)
	}
	a, _ := clauseIndex(t, e.st, id)
	if a.Term.Notice != (model.Period{N: 6, Unit: model.Months}) || a.Term.Clause != "1.2" || len(a.Rules) != 0 || a.SLA == nil || len(a.SLA.Tiers) != 2 {
		t.Errorf("after accepting: term %+v, rules %+v, SLA %+v", a.Term, a.Rules, a.SLA)
	}
	e.ok(t, &list, "proposals", id, "--all", "--json")
	var statuses []string
	for _, p := range list {
		statuses = append(statuses, p.Status)
	}
	if !slices.Equal(statuses, []string{"pending", "pending", "accepted", "rejected", "accepted", "pending", "pending", "pending", "pending"}) {
		t.Errorf("statuses %q", statuses)
	}
	for _, args := range [][]string{{"proposals"}, {"proposals", id, "approve", "1"}, {"proposals", id, "accept"}, {"proposals", id, "accept", "x"}} {
		if e.run(args...); e.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, e.code)
		}
	}
	if e.run("proposals", "nope"); e.code != ExitFail || !strings.Contains(e.stderrText, `no agreement with id "nope"`) {
		t.Errorf("unknown agreement: exit %d %q", e.code, e.stderrText)
	}
}

// A PDF the library refuses is explained in the session's language, the
// library's English detail not quoted.
func TestImportBrokenPDFInSwedish(t *testing.T) {
	e := newSampleCLI(t)
	path := filepath.Join(t.TempDir(), "avtal.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4\nnågra ord och sedan inget mer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := e.runIn(i18n.SV, "import", path)
	want := "avtal import: " + path + ": filen är skadad eller inte vad namnet säger (PDF-filens slut saknas: filen kan ha kapats när den kopierades eller laddades ner)\n"
	if code != ExitFail || errOut != want {
		t.Errorf("exit %d\n%q\nwant\n%q", code, errOut, want)
	}
}

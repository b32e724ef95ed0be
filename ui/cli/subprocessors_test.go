package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// sampleCLI is a register with the sample agreements on a fixed day,
// 2026-11-24.
type sampleCLI struct {
	t  *testing.T
	st *store.Store
}

func newSampleCLI(t *testing.T) *sampleCLI {
	t.Helper()
	return &sampleCLI{t: t, st: tuitest.SampleStore(t)}
}

// run runs one command and returns its exit code, stdout and stderr.
func (e *sampleCLI) run(name string, args ...string) (int, string, string) {
	return e.runIn(i18n.EN, name, args...)
}

// runIn runs one command in the language lang.
func (e *sampleCLI) runIn(lang i18n.Lang, name string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env := &Env{Store: e.st, Lang: lang, Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return tuitest.Day(e.t) }}
	code := runOn(context.Background(), env, name, args)
	return code, out.String(), errOut.String()
}

// json runs a command with --json that must succeed and decodes its output.
func (e *sampleCLI) json(v any, name string, args ...string) {
	e.t.Helper()
	code, out, errOut := e.run(name, append(args, "--json")...)
	if code != ExitOK {
		e.t.Fatalf("%s %v: exit %d: %s", name, args, code, errOut)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		e.t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

func (e *sampleCLI) noticeCount() int {
	n := 0
	for _, id := range []string{"centuri-saas", "pureservice", "superoffice-dpa"} {
		ns, err := e.st.Notices(context.Background(), id)
		if err != nil {
			e.t.Fatal(err)
		}
		n += len(ns)
	}
	return n
}

func TestNoticeHandCases(t *testing.T) {
	e := newSampleCLI(t)
	type result struct {
		ID                int64   `json:"id"`
		ObjectionBy       *string `json:"objection_by"`
		ActBy             *string `json:"act_by"`
		EarliestEffective *string `json:"earliest_effective"`
		SufficientNotice  *bool   `json:"sufficient_notice"`
		NoticeCheck       string  `json:"notice_check"`
		GivenNotice       string  `json:"given_notice"`
		Clause            string  `json:"clause"`
		Status            string  `json:"status"`
		Remedy            struct {
			CustomerMayTerminate bool   `json:"customer_may_terminate"`
			EndsAt               string `json:"ends_at"`
		} `json:"remedy"`
	}
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	boolean := func(p *bool) string {
		if p == nil {
			return "null"
		}
		return map[bool]string{true: "true", false: "false"}[*p]
	}
	tests := []struct {
		name                                   string
		args                                   []string
		objectionBy, actBy, earliest, suffices string
		check, clause, endsAt                  string
	}{
		{
			// 2026-12-01 + 1 month = 2027-01-01, nyårsdagen; the 31st is
			// nyårsafton, so act by Wednesday 2026-12-30. 4 months' notice:
			// 2027-04-01 at the earliest. Terminating on 2027-01-01 with 3
			// months' notice ends the agreement 2027-04-01.
			"SuperOffice", []string{"superoffice-dpa", "--received", "2026-12-01", "--add", "Acme Inc", "--country", "US"},
			"2027-01-01", "2026-12-30", "2027-04-01", "null", "unknown", "3.7", "2027-04-01",
		},
		{
			// 2026-12-01 + 14 days = 2026-12-15, a Tuesday.
			"Centuri", []string{"centuri-saas", "--received", "2026-12-01", "--add", "Backup AB", "--country", "SE"},
			"2026-12-15", "2026-12-15", "null", "null", "not_required", "DPA 8.2", "",
		},
		{
			// 4 weeks required: 2026-12-01 + 28 days = 2026-12-29; the
			// change is to take effect 2026-12-15, 2 weeks after: too short.
			// No objection window, so object by the day before, Monday 2026-12-14.
			"Pureservice", []string{"pureservice", "--received", "2026-12-01", "--effective", "2026-12-15", "--add", "Postmark", "--country", "US"},
			"2026-12-14", "2026-12-14", "2026-12-29", "false", "insufficient", "8.6.3", "",
		},
	}
	for _, tt := range tests {
		var r result
		e.json(&r, "notice", tt.args...)
		got := []string{str(r.ObjectionBy), str(r.ActBy), str(r.EarliestEffective), boolean(r.SufficientNotice), r.NoticeCheck, r.Clause, r.Remedy.EndsAt}
		want := []string{tt.objectionBy, tt.actBy, tt.earliest, tt.suffices, tt.check, tt.clause, tt.endsAt}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: got %v, want %v", tt.name, got, want)
		}
		if r.ID == 0 || r.Status != "open" {
			t.Errorf("%s: id %d status %q", tt.name, r.ID, r.Status)
		}
	}
	if r := e.noticeCount(); r != 3 {
		t.Errorf("%d notices stored, want 3", r)
	}

	// The plain output names each computed value.
	code, out, _ := e.run("notice", "superoffice-dpa", "--received", "2026-12-01", "--remove", "acme inc")
	for _, want := range []string{"Recorded notice 4 for superoffice-dpa: remove Acme Inc, received 2026-12-01.", "Object by           2027-01-01",
		"Act by              2026-12-30", "Earliest effective  2027-04-01", "you may terminate, notice 3 months (given on the last day to object, it ends 2027-04-01)"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	var reg struct {
		Notices []struct {
			Status   string `json:"status"`
			DaysLeft int    `json:"days_left"`
		} `json:"notices"`
		Subprocessors []struct {
			Name   string `json:"name"`
			Status string `json:"status"`
			Region string `json:"transfer_region"`
		} `json:"subprocessors"`
		History []struct {
			Action   string `json:"action"`
			NoticeID int64  `json:"notice_id"`
		} `json:"history"`
	}
	e.json(&reg, "subprocessors", "superoffice-dpa")
	// 2026-11-24 to act-by 2026-12-30 is 36 days.
	if len(reg.Notices) != 2 || reg.Notices[0].DaysLeft != 36 || len(reg.Subprocessors) != 1 ||
		reg.Subprocessors[0].Status != "proposed" || reg.Subprocessors[0].Region != "adequacy" || len(reg.History) != 1 || reg.History[0].NoticeID != 1 {
		t.Errorf("SuperOffice's register after the notices: %+v", reg)
	}
}

func TestNoticeBadInputWritesNothing(t *testing.T) {
	e := newSampleCLI(t)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "X", "--country", "XX"}, ExitFail, `--country: "XX" is not an ISO 3166 country code`},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "X", "--country", "Swedn"}, ExitFail, `--country: "Swedn" is not an ISO code — write SE (Sweden)`},
		{[]string{"centuri-saas", "--received", "2026-13-01", "--add", "X"}, ExitFail, `--received: "2026-13-01" is not a date that exists`},
		{[]string{"centuri-saas", "--received", "1/12/2026", "--add", "X"}, ExitFail, `--received: "1/12/2026" is not a date (want YYYY-MM-DD)`},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--effective", "2026-11-01", "--add", "X", "--country", "SE"}, ExitFail, "--effective: the change takes effect 2026-11-01, before the notice was received (2026-12-01)"},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--remove", "Nobody AB"}, ExitFail, `--remove: "Nobody AB" is not in use in the register`},
		// The pane's checks, from the same function: an add of one already
		// in use, and an add without a country.
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "FourEdge AB", "--country", "SE"}, ExitFail, "--add: already in use; to change its details record a replace of it"},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "X"}, ExitFail, "--country: say where it processes data"},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "X", "--region", "SE"}, ExitFail, `--region: "SE" is a country code`},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--add", "X", "--region", "EEA; US"}, ExitFail, `--region: "EEA; US": ';' does not belong`},
		{[]string{"no-such", "--received", "2026-12-01", "--add", "X"}, ExitFail, `no agreement with id "no-such"`},
		{[]string{"centuri-saas", "--add", "X"}, ExitUsage, "notice needs --received"},
		{[]string{"centuri-saas", "--received", "2026-12-01"}, ExitUsage, "say what the notice changes"},
		{[]string{"centuri-saas", "--received", "2026-12-01", "--remove", "FourEdge AB", "--add", "Y"}, ExitUsage, "a notice is one change"},
	}
	for _, tt := range tests {
		code, out, errOut := e.run("notice", tt.args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != tt.code || !strings.Contains(first, tt.msg) || strings.Count(errOut, "\n") > 2 || out != "" {
			t.Errorf("notice %v: exit %d, stderr %q, stdout %q; want exit %d and a first line with %q", tt.args, code, errOut, out, tt.code, tt.msg)
		}
	}
	if n := e.noticeCount(); n != 0 {
		t.Errorf("%d notices written by bad input", n)
	}
}

// TestNoticeRefusesPlacesInSwedish: a country, region or received date
// the notice cannot read is refused in the session's language.
func TestNoticeRefusesPlacesInSwedish(t *testing.T) {
	e := newSampleCLI(t)
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--country", "XX"}, `--country: "XX" är ingen landskod enligt ISO 3166`},
		{[]string{"--country", "Swedn"}, `--country: "Swedn" är ingen ISO-kod — skriv SE (Sverige)`},
		{[]string{"--country", "Atlantis"}, `--country: "Atlantis" är varken en ISO-kod eller ett landsnamn`},
		{[]string{"--country", "SE", "--region", "SE"}, `--region: "SE" är en landskod — skriv den som land`},
		{[]string{"--country", "SE", "--region", "EEA; US"}, `--region: "EEA; US": ';' hör inte hemma i en regions namn`},
		{[]string{"--country", "SE", "--region", "--"}, `--region: "--" anger ingen region`},
		{[]string{"--country", "SE", "--received", "2026-13-01"}, `--received: "2026-13-01" är inget datum som finns`},
		{[]string{"--country", "SE", "--received", "1/12/2026"}, `--received: "1/12/2026" är inget datum (skriv ÅÅÅÅ-MM-DD)`},
	}
	for _, tt := range tests {
		args := append([]string{"centuri-saas", "--received", "2026-12-01", "--add", "X"}, tt.args...)
		code, _, errOut := e.runIn(i18n.SV, "notice", args...)
		if code != ExitFail || !strings.Contains(errOut, tt.msg) {
			t.Errorf("notice %v: exit %d, stderr %q; want %q", tt.args, code, errOut, tt.msg)
		}
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportComparesAndApplies(t *testing.T) {
	e := newSampleCLI(t)
	// Centuri's supplier now lists FourEdge in Norway and a new US backup host.
	list := writeFile(t, "centuri.csv", "name,org_number,country,purpose\n"+
		"FourEdge AB,556726-8106,NO,Drift av datacenter (driftpartner)\nCloudCo Inc,,United States,Backups\n")
	var res struct {
		Changes []struct {
			Kind   string   `json:"kind"`
			Fields []string `json:"fields"`
		} `json:"changes"`
		Applied   bool    `json:"applied"`
		NoticeIDs []int64 `json:"notice_ids"`
		Rows      int     `json:"rows"`
	}
	e.json(&res, "subprocessors", "import", "centuri-saas", list)
	if res.Rows != 2 || len(res.Changes) != 2 || res.Changes[0].Kind != "changed" || strings.Join(res.Changes[0].Fields, ",") != "country" ||
		res.Changes[1].Kind != "added" || res.Applied || len(res.NoticeIDs) != 0 {
		t.Fatalf("comparison = %+v", res)
	}
	if n := e.noticeCount(); n != 0 {
		t.Fatalf("a comparison without --apply wrote %d notices", n)
	}
	code, out, _ := e.run("subprocessors", "import", "centuri-saas", list)
	if code != ExitOK || !strings.Contains(out, "~ FourEdge AB: country SE → NO") || !strings.Contains(out, "+ CloudCo Inc (US) Backups") ||
		!strings.Contains(out, "2 change(s). Run again with --apply") {
		t.Errorf("plain comparison:\n%s", out)
	}

	e.json(&res, "subprocessors", "import", "centuri-saas", list, "--apply", "--received", "2026-12-01")
	if !res.Applied || len(res.NoticeIDs) != 2 {
		t.Fatalf("--apply = %+v", res)
	}
	var reg struct {
		Notices []struct {
			Notice struct {
				Change   string `json:"change"`
				Replaces string `json:"replaces"`
			} `json:"notice"`
			ObjectionBy string `json:"objection_by"`
		} `json:"notices"`
	}
	e.json(&reg, "subprocessors", "centuri-saas")
	// Both received 2026-12-01: object by 2026-12-15.
	if len(reg.Notices) != 2 || reg.Notices[0].Notice.Change != "replace" || reg.Notices[0].Notice.Replaces != "FourEdge AB" ||
		reg.Notices[1].Notice.Change != "add" || reg.Notices[1].ObjectionBy != "2026-12-15" {
		t.Errorf("notices after --apply: %+v", reg.Notices)
	}
}

func TestImportBadListWritesNothing(t *testing.T) {
	e := newSampleCLI(t)
	tests := []struct {
		name, content, msg string
	}{
		{"missing.csv", "name,purpose\nAcme,hosting\n", `row 1: missing required column "country"`},
		{"colon.csv", "name:country:purpose\nAcme:SE:hosting\n", "row 1: the header has only one column — separate the columns with , ; tab or |"},
		{"country.csv", "name,country\nFourEdge AB,SE\nAcme,Atlantis\n", `row 3, column country: "Atlantis" is not an ISO code or a country name`},
		{"columns.csv", "name;country\nAcme;SE;extra\n", "row 2: 3 columns but the header has 2"},
	}
	for _, tt := range tests {
		path := writeFile(t, tt.name, tt.content)
		before := e.noticeCount()
		code, out, errOut := e.run("subprocessors", "import", "centuri-saas", path, "--apply")
		if code != ExitFail || !strings.Contains(errOut, path+": "+tt.msg) || strings.Count(errOut, "\n") != 1 || out != "" {
			t.Errorf("%s: exit %d, stderr %q; want one line with %q", tt.name, code, errOut, tt.msg)
		}
		if after := e.noticeCount(); after != before {
			t.Errorf("%s: notices %d → %d", tt.name, before, after)
		}
	}
}

func TestExportReadsBack(t *testing.T) {
	e := newSampleCLI(t)
	code, out, _ := e.run("subprocessors", "export", "pureservice", "--csv")
	want := "name,org_number,country,region,purpose\nMicrosoft Sverige AS (Azure),,,EEA,Drift av Pureservice SaaS (behandling inom EES)\n"
	if code != ExitOK || !strings.HasPrefix(out, want) {
		t.Fatalf("export:\n%s", out)
	}
	// The export compares equal to the register; placed in a country
	// instead of the EEA, Microsoft is the one change.
	path := writeFile(t, "pureservice.csv", out)
	if code, back, _ := e.run("subprocessors", "import", "pureservice", path); code != ExitOK || !strings.Contains(back, "matches the register") {
		t.Errorf("read back:\n%s", back)
	}
	path = writeFile(t, "pureservice-ie.csv", strings.Replace(out, "(Azure),,,EEA,", "(Azure),,IE,,", 1))
	code, out, _ = e.run("subprocessors", "import", "pureservice", path)
	if code != ExitOK || !strings.Contains(out, "~ Microsoft Sverige AS (Azure): country — → IE; region EEA → —") || strings.Count(out, "\n") != 2 {
		t.Errorf("read back moved to Ireland:\n%s", out)
	}
	code, out, _ = e.run("subprocessors", "export")
	if code != ExitOK || !strings.HasPrefix(out, "agreement_id,name,org_number,country,region,purpose\n") || !strings.Contains(out, "centuri-saas,FourEdge AB,556726-8106,SE,,") {
		t.Errorf("export of every register:\n%s", out)
	}
}

func TestSubprocessorsRegisterAndPortfolio(t *testing.T) {
	e := newSampleCLI(t)
	var reg struct {
		Policy struct {
			ListURL string `json:"list_url"`
		} `json:"policy"`
		Flags []struct {
			Kind     string `json:"kind"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		} `json:"flags"`
	}
	e.json(&reg, "subprocessors", "superoffice-dpa")
	if reg.Policy.ListURL == "" || len(reg.Flags) != 2 || reg.Flags[0].Kind != "invalid_basis" || reg.Flags[0].Severity != "critical" ||
		!strings.Contains(reg.Flags[0].Message, "Privacy Shield") || reg.Flags[1].Kind != "stale_list" {
		t.Errorf("SuperOffice: %+v", reg)
	}
	code, out, _ := e.run("subprocessors", "centuri-saas")
	if code != ExitOK || !strings.Contains(out, "FourEdge AB") || !strings.Contains(out, "556726-8106") || !strings.Contains(out, "object within 14 days") {
		t.Errorf("Centuri:\n%s", out)
	}
	var port struct {
		Groups []struct {
			Name       string `json:"name"`
			Agreements int    `json:"agreements"`
			Flagged    int    `json:"flagged"`
		} `json:"groups"`
	}
	// Pureservice's two name the EEA and no country: inside, unflagged.
	e.json(&port, "subprocessors", "--region", "eea")
	if len(port.Groups) != 2 || port.Groups[0].Flagged+port.Groups[1].Flagged != 0 {
		t.Errorf("portfolio of the EEA: %+v", port)
	}
	e.json(&port, "subprocessors", "--region", "unknown")
	if len(port.Groups) != 0 {
		t.Errorf("portfolio of unknown regions: %+v", port)
	}
	if code, _, errOut := e.run("subprocessors", "--status", "maybe"); code != ExitUsage || !strings.Contains(errOut, `--status: "maybe"`) {
		t.Errorf("bad status filter: exit %d, %q", code, errOut)
	}
}

// A sub-processor whose name would run as a formula in a spreadsheet is
// exported with a guarding apostrophe, in one register and in all, and
// the export of one register reads back as the register.
func TestExportGuardsFormulas(t *testing.T) {
	e := newSampleCLI(t)
	hostile := model.SubProcessor{Name: "=HYPERLINK(\"http://x.test\")", Country: "SE", Purpose: "@backup", Status: model.SubApproved}
	if err := e.st.AddSub(context.Background(), "pureservice", hostile, model.MustDate(2026, 11, 24)); err != nil {
		t.Fatal(err)
	}
	// By hand: each of the two cells gets one apostrophe; the name holds
	// quotes, so the CSV quotes it and doubles them.
	row := "\"'=HYPERLINK(\"\"http://x.test\"\")\",,SE,,'@backup\n"
	code, out, _ := e.run("subprocessors", "export", "pureservice")
	if code != ExitOK || !strings.HasSuffix(out, row) {
		t.Fatalf("export of one register, want it to end in %q:\n%s", row, out)
	}
	// Reading the export back finds the register as it is.
	path := writeFile(t, "pureservice.csv", out)
	code, back, _ := e.run("subprocessors", "import", "pureservice", path)
	if code != ExitOK || !strings.Contains(back, "matches the register") {
		t.Errorf("read back:\n%s", back)
	}
	code, out, _ = e.run("subprocessors", "export")
	if code != ExitOK || !strings.Contains(out, "\npureservice,"+row) {
		t.Errorf("export of every register lacks %q:\n%s", "pureservice,"+row, out)
	}
}

// TestNoticeInARegion records an add placed in the EEA and no country:
// the notice and the register keep the region as model.ParseRegion writes
// it, and the register counts it inside the EU/EEA.
func TestNoticeInARegion(t *testing.T) {
	e := newSampleCLI(t)
	var r struct {
		Notice struct {
			Sub struct {
				Country string `json:"country"`
				Region  string `json:"region"`
			} `json:"subprocessor"`
		} `json:"notice"`
	}
	e.json(&r, "notice", "centuri-saas", "--received", "2026-12-01", "--add", "Molnet AB", "--region", "ees")
	if r.Notice.Sub.Region != "EEA" || r.Notice.Sub.Country != "" {
		t.Errorf("the notice's place: %+v", r.Notice.Sub)
	}
	var reg struct {
		Subprocessors []struct {
			Name           string `json:"name"`
			Region         string `json:"region"`
			TransferRegion string `json:"transfer_region"`
		} `json:"subprocessors"`
	}
	e.json(&reg, "subprocessors", "centuri-saas")
	if n := len(reg.Subprocessors); n != 2 || reg.Subprocessors[1].Region != "EEA" || reg.Subprocessors[1].TransferRegion != "eea" {
		t.Errorf("the register after an add in the EEA: %+v", reg.Subprocessors)
	}
	code, out, _ := e.run("subprocessors", "centuri-saas")
	// Centuri's DPA allows Sweden only: somewhere in the EEA may be outside.
	if code != ExitOK || !strings.Contains(out, "Molnet AB") || !strings.Contains(out, "somewhere in the EEA; the DPA allows SE only — check where") {
		t.Errorf("the register lacks the region or its flag:\n%s", out)
	}
}

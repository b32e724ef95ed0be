package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"avtal/assets"
	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// sampleStore is a register holding the sample agreements and one Swedish
// agreement written for these tests.
func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	list, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	sv := &model.Agreement{ID: "kommun-it", Title: "IT-drift för kommunen", Kind: model.KindGeneralTerms, Status: model.StatusActive,
		Supplier: model.Party{Name: "Driftbolaget AB"}, Term: model.Term{Indefinite: true},
		Documents: []model.Document{{Name: "Villkor", Clauses: []model.Clause{
			{Number: "9", Heading: "Driftansvar", Body: "Leverantörens driftansvar gäller dygnet runt, alla dagar."},
			{Number: "10", Heading: "Uppsägning", Body: "Avtalet kan sägas upp med tre månaders uppsägningstid."},
		}}}}
	return tuitest.Store(t, append(list, sv))
}

// run runs one command and returns its exit code, stdout and stderr.
func run(t *testing.T, st *store.Store, name string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	day := tuitest.Day(t)
	env := &Env{Store: st, Lang: i18n.EN, Stdout: &out, Stderr: &errOut, Now: func() time.Time { return day }}
	code := runOn(context.Background(), env, name, args)
	return code, out.String(), errOut.String()
}

func TestCompareLiability(t *testing.T) {
	st := sampleStore(t)
	code, out, errOut := run(t, st, "compare", "liability_cap", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var groups []struct {
		AgreementID string `json:"agreement_id"`
		Clauses     []struct {
			Number string `json:"number"`
			Body   string `json:"body"`
		} `json:"clauses"`
	}
	if err := json.Unmarshal([]byte(out), &groups); err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, g := range groups {
		for _, c := range g.Clauses {
			found[g.AgreementID+" "+c.Number] = c.Body
		}
	}
	// Pureservice caps at twelve months' fees (2.7); Centuri at twelve
	// months' SaaS fees and half the SOW for consulting (12.1).
	if !strings.Contains(found["pureservice 2.7"], "tolv månaderna") || !strings.Contains(found["centuri-saas 12.1"], "halva uppdragets värde") {
		t.Errorf("compare liability lacks the caps: %v", found)
	}
	if groups[0].AgreementID != "centuri-saas" {
		t.Errorf("register order: first %s, want centuri-saas", groups[0].AgreementID)
	}
	code, out, _ = run(t, st, "compare", "Indemnity")
	if code != 0 || !strings.Contains(out, "No current clause has tag indemnity") {
		t.Errorf("an unused built-in tag, by its label: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, st, "compare", "no tag"); code != 1 || !strings.Contains(errOut, `"no tag" is not a tag`) {
		t.Errorf("a bad tag: exit %d, %s", code, errOut)
	}
}

func TestSearchCommand(t *testing.T) {
	st := sampleStore(t)
	code, out, errOut := run(t, st, "search", "ansvarstak", "--json", "--limit", "50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type hit struct {
		Rank        int    `json:"rank"`
		AgreementID string `json:"agreement_id"`
		Agreement   string `json:"agreement"`
		Document    string `json:"document"`
		Number      string `json:"number"`
		Heading     string `json:"heading"`
		Snippet     string `json:"snippet"`
		Highlights  []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"highlights"`
	}
	var res struct {
		Results []hit `json:"results"`
		More    bool  `json:"more"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var pure *hit
	for i, r := range res.Results {
		if r.Rank != i+1 {
			t.Errorf("result %d has rank %d", i, r.Rank)
		}
		if r.AgreementID == "superoffice-dpa" && r.Number == "4" {
			pure = &res.Results[i]
		}
	}
	// SuperOffice 4 names "ett gemensamt ansvarstak": the match is marked.
	if pure == nil || len(pure.Highlights) != 1 || pure.Snippet[pure.Highlights[0].Start:pure.Highlights[0].End] != "ansvarstak" ||
		pure.Agreement == "" || pure.Document == "" || pure.Heading != "Ansvar" || res.More {
		t.Errorf("superoffice-dpa 4 in %+v", res)
	}
	code, out, _ = run(t, st, "search", "driftansvar")
	// driftansvar is in the heading and the body of kommun-it 9 only.
	if code != 0 || !strings.Contains(out, "1. kommun-it · Villkor · 9 Driftansvar") || strings.Contains(out, "2.") ||
		!strings.Contains(out, "Leverantörens [driftansvar] gäller") {
		t.Errorf("search driftansvar: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, st, "search", "av", "i"); code != 1 || !strings.Contains(errOut, "at least 3 letters") {
		t.Errorf("only short words: exit %d, %s", code, errOut)
	}
	if code, _, _ := run(t, st, "search"); code != 2 {
		t.Errorf("search without words: exit %d, want 2", code)
	}
}

func TestClausesJSON(t *testing.T) {
	st := sampleStore(t)
	if code, out, errOut := run(t, st, "note", "pureservice", "8.9.2", "Ask", "for", "24", "hours", "--risk", "watch"); code != 0 ||
		!strings.Contains(out, "noted on pureservice 8.9.2 (watch)") {
		t.Fatalf("note: exit %d, %s%s", code, out, errOut)
	}
	code, out, errOut := run(t, st, "clauses", "pureservice", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []struct {
		Number    string   `json:"number"`
		Heading   string   `json:"heading"`
		Body      string   `json:"body"`
		Document  string   `json:"document"`
		Depth     int      `json:"depth"`
		Parent    string   `json:"parent"`
		Tags      []string `json:"tags"`
		Notes     []struct{ Text, Risk, Author string }
		AmendedBy []struct{ By, Kind, Text string } `json:"amended_by"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]int{}
	for i, it := range items {
		byNumber[it.Number] = i
		if it.Tags == nil || it.AmendedBy == nil {
			t.Errorf("%s: tags and amended_by must be lists, even empty", it.Number)
		}
	}
	c := items[byNumber["8.9.2"]]
	if c.Heading != "Tid för incidentanmälan" || c.Document != "Personuppgiftsbiträdesavtal (kapitel 8)" || c.Parent != "8.9" ||
		c.Depth != 2 || len(c.Notes) != 1 || c.Notes[0].Text != "Ask for 24 hours" || c.Notes[0].Risk != "watch" {
		t.Errorf("8.9.2: %+v", c)
	}
	// 8.9.2 sits under 8.9 under 8; B.1 under 8.16 (which declares
	// appendix B) under 8.
	if b := items[byNumber["B.1"]]; b.Parent != "8.16" || b.Depth != 2 {
		t.Errorf("B.1: %+v", b)
	}
}

func TestTagCommandErrors(t *testing.T) {
	st := sampleStore(t)
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"centuri-saas", "12.1", "Ansvarsbegränsning"}, 1, "avtal tag: centuri-saas 12.1: the clause already has liability_cap"},
		{[]string{"centuri-saas", "12.1", "liability_cap", "--remove"}, 0, "removed tag liability_cap from centuri-saas 12.1"},
		{[]string{"centuri-saas", "12.1", "liability_cap", "--remove"}, 1, "avtal tag: centuri-saas 12.1: the clause has no tag liability_cap"},
		{[]string{"centuri-saas", "12.1", "liability_cap"}, 0, "tagged centuri-saas 12.1 with liability_cap"},
		{[]string{"centuri-saas", "9.9", "sla"}, 1, "no clause 9.9 in centuri-saas"},
		{[]string{"centuri-saas", "7.1", "sla"}, 1, "clause 7.1 is in 2 documents of centuri-saas"},
		{[]string{"centuri-saas", "7.1", "exit-plan", "--document", "sla"}, 0, "tagged centuri-saas 7.1 with exit-plan"},
		{[]string{"nope", "1", "sla"}, 1, `no agreement with id "nope"`},
		{[]string{"centuri-saas", "12.1", "Not A Tag"}, 1, `"Not A Tag" is not a tag`},
		{[]string{"centuri-saas", "12.1"}, 2, "tag needs ID CLAUSE TAG"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, st, "tag", tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.out) {
			t.Errorf("tag %v: exit %d\n%s%s\nwant exit %d and %q", tt.args, code, out, errOut, tt.code, tt.out)
		}
	}
	if code, _, errOut := run(t, st, "note", "centuri-saas", "12.1", "x", "--risk", "high"); code != 2 || !strings.Contains(errOut, `risk "high"`) {
		t.Errorf("a bad risk: exit %d %s", code, errOut)
	}
}

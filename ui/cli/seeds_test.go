package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

// seedFile finds a reference document (they live outside the repository,
// in ../shared/seeds next to it, or where AVTAL_SEEDS says) by its number.
func seedFile(t testing.TB, prefix string) string {
	t.Helper()
	dir := os.Getenv("AVTAL_SEEDS")
	if dir == "" {
		dir = "../../../shared/seeds"
	}
	files, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(files) != 1 {
		t.Skipf("reference document %s not found in %s", prefix, dir)
	}
	return files[0]
}

// importSeed imports a reference document into an empty register.
func importSeed(t *testing.T, prefix string) (*cliEnv, importOut) {
	t.Helper()
	e := newCLI(t)
	var out importOut
	e.ok(t, &out, "import", seedFile(t, prefix), "--json")
	if !out.Created || len(out.Documents) == 0 {
		t.Fatalf("%+v", out)
	}
	return e, out
}

func hasClauses(t *testing.T, doc string, clauses map[string]model.Clause, numbers ...string) {
	t.Helper()
	for _, n := range numbers {
		if _, ok := clauses[n]; !ok {
			t.Errorf("%s lacks clause %s", doc, n)
		}
	}
}

func TestImportSeedPureservice(t *testing.T) {
	e, out := importSeed(t, "001")
	if out.AgreementID != "pureservice-tjanesteavtal" || out.Documents[0].Version != "2.9" {
		t.Errorf("id %q, version %q", out.AgreementID, out.Documents[0].Version)
	}
	a, docs := clauseIndex(t, e.st, out.AgreementID)
	if a.Supplier.Name != "Pureservice AS" || len(docs) != 1 {
		t.Fatalf("supplier %q, %d documents", a.Supplier.Name, len(docs))
	}
	hasClauses(t, "Pureservice", docs[0], "4.5", "8.6.3", "8.9.2", "B.1")
	// Tillägg D (clause 8.18) changes 8.8.2a and 8.9.2 and removes 8.6.6.
	var amends []string
	for _, am := range out.Amendments {
		amends = append(amends, am.Target+" "+am.Kind+" by "+am.ByClause)
	}
	slices.Sort(amends)
	if want := []string{"8.6.6 removed by 8.18", "8.8.2a changed by 8.18", "8.9.2 changed by 8.18"}; !slices.Equal(amends, want) {
		t.Errorf("amendments %q\nwant %q", amends, want)
	}
	// The running footers are reported with their line numbers.
	footers := 0
	for _, s := range out.Skipped {
		if s.Reason == "page header or footer" && strings.Contains(s.Text, "versjon 2.9") && s.Line > 0 {
			footers++
		}
	}
	if footers != 5 {
		t.Errorf("%d footers skipped, want 5", footers)
	}
	// 4.5's credit table and appendix B's sub-processors are proposed.
	var kinds []string
	for _, p := range out.Proposals {
		kinds = append(kinds, p.Kind+" "+p.Clause)
	}
	for _, want := range []string{"sla_tiers 4.5", "subprocessor B.1", "rule 8.6.3"} {
		if !slices.Contains(kinds, want) {
			t.Errorf("no proposal %q in %q", want, kinds)
		}
	}
}

func TestImportSeedCenturi(t *testing.T) {
	e, out := importSeed(t, "003")
	if out.AgreementID != "centuri-saas" || len(out.Documents) != 4 {
		t.Fatalf("id %q with %d documents, want centuri-saas with 4", out.AgreementID, len(out.Documents))
	}
	kinds := []string{out.Documents[0].Kind, out.Documents[1].Kind, out.Documents[2].Kind}
	if !slices.Equal(kinds, []string{"general_terms", "sla", "dpa"}) {
		t.Errorf("document kinds %q", kinds)
	}
	a, docs := clauseIndex(t, e.st, out.AgreementID)
	if a.Supplier.Name != "Centuri AB" || a.Kind != model.KindGeneralTerms || a.Status != model.StatusDraft {
		t.Errorf("agreement %q %q %q", a.Supplier.Name, a.Kind, a.Status)
	}
	hasClauses(t, "the general terms", docs[0], "2.13", "7.5", "13.1")
	hasClauses(t, "the SLA", docs[1], "7.1")
	if !strings.Contains(docs[1]["7.1"].Body, "99,5 %") {
		t.Errorf("SLA 7.1: %q", docs[1]["7.1"].Body)
	}
}

func TestImportOtherSeeds(t *testing.T) {
	tests := []struct {
		prefix, id string
		clauses    int // at least
	}{
		{"000", "cleura", 5},
		{"002", "fragor-och-svar-om-kundavtal-2", 20},
		{"004", "superoffice-personuppgiftsbitradesavtal", 15},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			e, out := importSeed(t, tt.prefix)
			if out.AgreementID != tt.id || out.Documents[0].Clauses < tt.clauses {
				t.Errorf("id %q with %d clauses, want %q with at least %d", out.AgreementID, out.Documents[0].Clauses, tt.id, tt.clauses)
			}
			clauseIndex(t, e.st, out.AgreementID) // no escapes
		})
	}
}

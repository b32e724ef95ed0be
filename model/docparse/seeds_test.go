package docparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"avtal/model"
)

// The five reference documents live outside the repository, in
// ../shared/seeds next to it. Tests read them when they are there
// (AVTAL_SEEDS names another directory) and skip otherwise.
func seedText(prefix string) (name, text string, ok bool) {
	dir := os.Getenv("AVTAL_SEEDS")
	if dir == "" {
		dir = "../../../shared/seeds"
	}
	files, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(files) != 1 {
		return "", "", false
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return "", "", false
	}
	return filepath.Base(files[0]), string(data), true
}

func seed(t testing.TB, prefix string) (string, string) {
	t.Helper()
	name, text, ok := seedText(prefix)
	if !ok {
		t.Skipf("reference document %s not found", prefix)
	}
	return name, text
}

func parseSeed(t *testing.T, prefix string) Result {
	t.Helper()
	name, text := seed(t, prefix)
	res, err := Parse(name, text)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	for _, d := range res.Documents {
		if err := d.Validate(); err != nil {
			t.Errorf("%s: document %q: %v", name, d.Name, err)
		}
	}
	assertPrintable(t, res)
	return res
}

func TestSeedsParse(t *testing.T) {
	for _, prefix := range []string{"000", "001", "002", "003", "004"} {
		t.Run(prefix, func(t *testing.T) {
			res := parseSeed(t, prefix)
			n := 0
			for _, d := range res.Documents {
				n += len(d.Clauses)
			}
			if n < 5 {
				t.Errorf("only %d clauses", n)
			}
		})
	}
}

func TestSeedPureservice(t *testing.T) {
	res := parseSeed(t, "001")
	if len(res.Documents) != 1 {
		t.Fatalf("%d documents, want 1 (chapter 8 continues the numbering)", len(res.Documents))
	}
	d := res.Documents[0]
	if res.Title != "Pureservice tjänesteavtal" || res.Supplier != "Pureservice AS" || d.Version != "2.9" {
		t.Errorf("title %q supplier %q version %q", res.Title, res.Supplier, d.Version)
	}
	c := clauseMap(d)
	for _, n := range []string{"1.11", "4.5", "8.6.3", "8.8.2", "8.9.2", "8.16", "A.5", "B.1", "C.7", "8.18"} {
		if _, ok := c[n]; !ok {
			t.Errorf("no clause %s", n)
		}
	}
	if c["4.5"].Heading != "Garanterad upptid" || !strings.Contains(c["4.5"].Body, "< 99.5% 25%") {
		t.Errorf("4.5: %q / %q", c["4.5"].Heading, c["4.5"].Body)
	}
	// The formula in 4.4 is written in mathematical italics.
	if !strings.Contains(c["4.4"].Body, "Månatlig upptid%") {
		t.Errorf("4.4 body lacks the NFKC-normalised formula: %q", c["4.4"].Body)
	}
	// Appendix B's sub-processor table sits under B.1, and B.1 under 8.16.
	if !strings.Contains(c["B.1"].Body, "Microsoft Sverige AS (Azure)") || !strings.Contains(c["B.1"].Body, "Mailgun") {
		t.Errorf("B.1 body lacks the sub-processors: %q", c["B.1"].Body)
	}
	parents := ParentIndex(d.Clauses)
	for i, cl := range d.Clauses {
		if cl.Number == "B.1" && (parents[i] < 0 || d.Clauses[parents[i]].Number != "8.16") {
			t.Errorf("B.1 sits under %d, want 8.16 (Tillägg B)", parents[i])
		}
	}
	// The running footers are reported, with their line numbers.
	footers := 0
	for _, s := range res.Skipped {
		if s.Reason == SkipFurniture && strings.HasPrefix(s.Text, "Pureservice tjänesteavtal versjon 2.9") {
			footers++
		}
	}
	if footers != 5 {
		t.Errorf("%d footers skipped, want the 5 in the text", footers)
	}
}

func TestSeedCenturi(t *testing.T) {
	res := parseSeed(t, "003")
	want := []model.Kind{model.KindGeneralTerms, model.KindSLA, model.KindDPA, ""}
	if len(res.Documents) != len(want) {
		t.Fatalf("%d documents, want 4: general terms, SLA, DPA, service description", len(res.Documents))
	}
	for i, k := range want {
		if res.Documents[i].Kind != k {
			t.Errorf("document %d %q: kind %q, want %q", i, res.Documents[i].Name, res.Documents[i].Kind, k)
		}
	}
	if res.Supplier != "Centuri AB" {
		t.Errorf("supplier %q", res.Supplier)
	}
	terms, sla, dpa, desc := clauseMap(res.Documents[0]), clauseMap(res.Documents[1]), clauseMap(res.Documents[2]), clauseMap(res.Documents[3])
	for _, n := range []string{"2.13", "7.5", "13.1", "15.2"} {
		if _, ok := terms[n]; !ok {
			t.Errorf("general terms lack %s", n)
		}
	}
	if !strings.Contains(terms["2.13"].Body, "(36) månader") || !strings.Contains(terms["13.1"].Body, "(6) månader") {
		t.Errorf("2.13 / 13.1 bodies: %q / %q", terms["2.13"].Body, terms["13.1"].Body)
	}
	if !strings.Contains(sla["7.1"].Body, "99,5 %") {
		t.Errorf("SLA 7.1: %q", sla["7.1"].Body)
	}
	if _, ok := sla["13.1"]; ok {
		t.Error("the SLA has no 13.1; numbering leaked between documents")
	}
	if !strings.Contains(dpa["Bilaga 1.7"].Body, "FourEdge AB") || dpa["Bilaga 2"].Heading == "" {
		t.Errorf("DPA appendices: 1.7 %q, Bilaga 2 %q", dpa["Bilaga 1.7"].Body, dpa["Bilaga 2"].Heading)
	}
	if desc["3.5"].Heading != "Riskhantering" {
		t.Errorf("service description 3.5: %q", desc["3.5"].Heading)
	}
}

func TestSeedsWithoutNumbers(t *testing.T) {
	cleura := parseSeed(t, "000")
	if cleura.Supplier != "Cleura AB" || cleura.Documents[0].Kind != model.KindVolume || !strings.Contains(cleura.Title, "Cleura") {
		t.Errorf("Cleura: title %q supplier %q kind %q", cleura.Title, cleura.Supplier, cleura.Documents[0].Kind)
	}
	superOffice := parseSeed(t, "004")
	c := clauseMap(superOffice.Documents[0])
	if superOffice.Supplier != "SuperOffice Sweden AB" || c["3.7"].Heading == "" || c["3.3.1"].Heading == "" {
		t.Errorf("SuperOffice: supplier %q, 3.7 %q, 3.3.1 %q", superOffice.Supplier, c["3.7"].Heading, c["3.3.1"].Heading)
	}
}

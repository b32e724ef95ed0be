package docimport

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docread"
	"avtal/model/extract"
)

// testdata/drift.txt is a small service agreement written for the tests
// of the import (here, in the store and in the CLI and TUI), laid out like
// the reference agreements: a title, the parties, numbered clauses, a
// credit table, a sub-processor table and an appendix amending two clauses.
func fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPrepare(t *testing.T) {
	p, err := Prepare("drift.txt", fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "DRIFTAVTAL FÖR NORRSKEN MOLN" || p.Supplier != "Norrsken Drift AB" || p.Kind != model.KindGeneralTerms {
		t.Errorf("title %q supplier %q kind %q", p.Title, p.Supplier, p.Kind)
	}
	if len(p.Documents) != 1 {
		t.Fatalf("%d documents, want 1", len(p.Documents))
	}
	d := p.Documents[0]
	var numbers []string
	for _, c := range d.Clauses {
		numbers = append(numbers, c.Number)
	}
	// The preamble under the title is an unnumbered clause.
	want := []string{"", "1", "1.1", "1.2", "2", "2.1", "3", "3.1", "3.2", "4", "4.1", "Tillägg A", "A.1", "A.2"}
	if !slices.Equal(numbers, want) {
		t.Errorf("clauses %q\nwant %q", numbers, want)
	}
	if p.Clauses() != len(want) || len(d.Suggested) != len(want) {
		t.Errorf("Clauses() = %d, %d tag lists; want %d", p.Clauses(), len(d.Suggested), len(want))
	}
	for i, tags := range d.Suggested {
		if len(tags) > MaxTags {
			t.Errorf("clause %q: %d tags suggested, at most %d", d.Clauses[i].Number, len(tags), MaxTags)
		}
	}
	if i := slices.Index(numbers, "2.1"); !slices.Contains(d.Suggested[i], "payment") {
		t.Errorf("2.1 (invoices paid within 30 days) should suggest payment: %q", d.Suggested[i])
	}
	found := map[string]extract.Proposal{}
	for _, pr := range d.Proposals {
		found[string(pr.Kind)+" "+pr.Clause] = pr
	}
	if term := found["term 1.2"].Term; term == nil || term.Notice != (model.Period{N: 6, Unit: model.Months}) {
		t.Errorf("no six-month notice period from 1.2: %+v", found["term 1.2"])
	}
	// 99,5 % → 10 %, 99 % → 25 %, the highest threshold first.
	if tiers := found["sla_tiers 3.2"].Tiers; !slices.Equal(tiers, []model.CreditTier{{Below: 99.5, CreditPct: 10}, {Below: 99, CreditPct: 25}}) {
		t.Errorf("tiers of 3.2: %+v", tiers)
	}
	if a := found["amendment A.1"].Amendment; a == nil || a.Target != "2.1" || a.Kind != extract.AmendRemoved {
		t.Errorf("A.1 should remove 2.1: %+v", found["amendment A.1"])
	}
	if a := found["amendment A.2"].Amendment; a == nil || a.Target != "1.2" || a.Kind != extract.AmendChanged {
		t.Errorf("A.2 should change 1.2: %+v", found["amendment A.2"])
	}
	if last := d.Proposals[len(d.Proposals)-1]; last.Kind != extract.ProposeAmendment {
		t.Errorf("amendments come last, the last proposal is a %s", last.Kind)
	}
}

func TestPrepareGuessesTheKind(t *testing.T) {
	// The first document with a kind gives the agreement's; none gives
	// general terms.
	tests := []struct {
		text string
		want model.Kind
	}{
		{"PERSONUPPGIFTSBITRÄDESAVTAL\n\n1. Ändamål\n1.1 Biträdet behandlar uppgifter åt Kunden.\n", model.KindDPA},
		{"ORDERFORMULÄR FÖR DRIFT\n\n1. Omfattning\n1.1 Leverantören sköter driften.\n", model.KindOrder},
		{"Avtal om drift\n\n1. Omfattning\n1.1 Leverantören sköter driften.\n", model.KindGeneralTerms},
	}
	for _, tt := range tests {
		p, err := Prepare("avtal.txt", []byte(tt.text))
		if err != nil || p.Kind != tt.want {
			t.Errorf("%q: kind %q (%v), want %q", p.Title, p.Kind, err, tt.want)
		}
	}
}

func TestPrepareFailsNamingTheFile(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"tom.txt", "  \n", docread.ErrEmpty},
		{"bild.txt", "\x00\x01\x02\x03binary\x00\x00", docread.ErrBinary},
		{"kontrakt.pdf", "not a pdf at all", docread.ErrDamaged},
	}
	for _, tt := range tests {
		_, err := Prepare(tt.name, []byte(tt.data))
		var fe *docread.FileError
		if !errors.Is(err, tt.want) || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.name+": ") {
			t.Errorf("Prepare(%s): %v, want %v naming the file", tt.name, err, tt.want)
		}
	}
}

// StartAnalysis finds in the background what Analyse finds, and leaves the
// plan saying it needs no analysis; on an analysed plan it does nothing.
func TestStartAnalysisFindsWhatAnalyseFinds(t *testing.T) {
	want, err := Prepare("drift.txt", fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read("drift.txt", fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if !got.NeedsAnalysis() {
		t.Fatal("a plan only read says it needs no analysis")
	}
	<-got.StartAnalysis().Done()
	if got.NeedsAnalysis() {
		t.Error("a plan analysed in the background still says it needs analysis")
	}
	for i := range want.Documents {
		w, g := want.Documents[i], got.Documents[i]
		if len(w.Proposals) == 0 || !slices.EqualFunc(w.Suggested, g.Suggested, slices.Equal) || len(g.Proposals) != len(w.Proposals) {
			t.Errorf("document %d: tags %v, %d proposals; want %v, %d (and some)", i, g.Suggested, len(g.Proposals), w.Suggested, len(w.Proposals))
		}
	}
	<-want.StartAnalysis().Done() // closed at once
}

package store

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docimport"
)

// archiveV1 is a small archive-service agreement: a preamble, three
// chapters and four numbered clauses, 8 clauses in all.
const archiveV1 = `AVTAL OM ARKIVTJÄNST FÖR LINDSKOG ARKIV

Avtalet gäller mellan Lindskog Arkiv AB och Kunden.

1. Tjänsten
1.1 Lindskog förvarar kundens handlingar i ett digitalt arkiv i Sverige.
1.2 Kunden får hämta ut en kopia av sina handlingar varje vardag.
2. Pris
2.1 Priset är 500 kronor per månad och faktureras i efterskott.
3. Uppsägning
3.1 Var och en av parterna får säga upp avtalet med tre (3) månaders varsel.
`

// archiveV2 keeps 1.1 and 3.1, raises the price in 2.1, drops 1.2 and adds 3.2.
var archiveV2 = strings.NewReplacer(
	"1.2 Kunden får hämta ut en kopia av sina handlingar varje vardag.\n", "",
	"500 kronor", "650 kronor",
	"månaders varsel.\n", "månaders varsel.\n3.2 Uppsägningen ska vara skriftlig.\n",
).Replace(archiveV1)

// clauseOf returns a clause of the agreement's current documents.
func clauseOf(t *testing.T, s *Store, agreementID, number string) *ClauseDetail {
	t.Helper()
	c, err := s.FindClause(context.Background(), agreementID, number, "")
	if err != nil {
		t.Fatalf("clause %s: %v", number, err)
	}
	return c
}

// noteSummary names each note by its text, the version it was written on
// and whether its clause changed since.
func noteSummary(notes []Note) []string {
	var out []string
	for _, n := range notes {
		s := n.Text + "@" + n.WrittenOn
		if n.Changed {
			s += " changed"
		}
		out = append(out, s)
	}
	return out
}

func TestNewVersionCarriesTagsAndNotes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	first := importPlan(t, s, "", archiveV1)
	id := first.AgreementID
	v1 := map[string]int64{}
	for _, n := range []string{"1.1", "1.2", "2.1", "3.1"} {
		v1[n] = clauseOf(t, s, id, n).ID
	}
	for _, w := range []struct {
		clause, tag string
	}{{"1.1", "datalagring"}, {"2.1", "prishojning"}, {"3.1", "termination"}} { // 3.1's termination was only suggested
		if err := s.AddTag(ctx, v1[w.clause], w.tag); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range []struct{ clause, text, risk string }{
		{"1.1", "Kräv exportformat", model.RiskWatch}, {"2.1", "Dyrare än ramavtalet", model.RiskRisk}, {"1.2", "Viktig för revisionen", model.RiskOK},
	} {
		if _, err := s.AddNote(ctx, v1[w.clause], w.text, w.risk); err != nil {
			t.Fatal(err)
		}
	}

	res := importPlan(t, s, id, archiveV2)
	d := res.Documents[0]
	// Carried: the tags of 1.1, 2.1 and 3.1 (one each) = 3; the notes of
	// 1.1 and 2.1 = 2, of which 2.1's clause changed = 1; 1.2's note stays.
	want := &docimport.Carried{Tags: 3, Notes: 2, ChangedNotes: 1, NotCarried: 1, NotCarriedOn: []string{"1.2"}}
	if !reflect.DeepEqual(d.Carried, want) {
		t.Errorf("carried %+v, want %+v", d.Carried, want)
	}
	for _, c := range []struct {
		number string
		tags   []string
		notes  []string
	}{
		{"1.1", []string{"datalagring"}, []string{"Kräv exportformat@1"}},
		{"2.1", []string{"payment?", "price?", "prishojning"}, []string{"Dyrare än ramavtalet@1 changed"}},
		// Confirmed before, suggested again: once, confirmed.
		{"3.1", []string{"notice?", "termination"}, nil},
		{"3.2", []string{"termination?"}, nil}, // added: the importer's suggestion only
	} {
		got := clauseOf(t, s, id, c.number)
		if got.Superseded || !slices.Equal(got.Tags, c.tags) || !slices.Equal(noteSummary(got.Notes), c.notes) {
			t.Errorf("%s: tags %q, notes %q; want %q, %q", c.number, got.Tags, noteSummary(got.Notes), c.tags, c.notes)
		}
	}
	// The copy keeps the risk, date and author of the note it copies.
	carried := clauseOf(t, s, id, "2.1").Notes[0]
	orig, err := s.Clause(ctx, v1["2.1"])
	if err != nil {
		t.Fatal(err)
	}
	if o := orig.Notes[0]; carried.Risk != model.RiskRisk || carried.Created != o.Created || carried.Author != o.Author || carried.ID == o.ID {
		t.Errorf("carried note %+v, written as %+v", carried, o)
	}
	// The old version keeps all it had: notes and tags are copied, not moved.
	for number, notes := range map[string][]string{"1.1": {"Kräv exportformat@"}, "1.2": {"Viktig för revisionen@"}, "2.1": {"Dyrare än ramavtalet@"}} {
		old, err := s.Clause(ctx, v1[number])
		if err != nil {
			t.Fatal(err)
		}
		if !old.Superseded || !slices.Equal(noteSummary(old.Notes), notes) {
			t.Errorf("old %s: superseded %v, notes %q, want %q", number, old.Superseded, noteSummary(old.Notes), notes)
		}
	}
	// 3 notes written + 2 copies.
	if n := count(t, s, "SELECT count(*) FROM clause_notes"); n != 5 {
		t.Errorf("%d notes stored, want 5", n)
	}

	// A third version, the same as the second: the notes travel on, still
	// written on version 1, 2.1's still marked changed though v3 changed nothing.
	third := importPlan(t, s, id, archiveV2).Documents[0]
	if third.Version != "3" || third.Carried.Notes != 2 || third.Carried.ChangedNotes != 0 || third.Carried.NotCarried != 0 {
		t.Errorf("third version %q carried %+v", third.Version, third.Carried)
	}
	if got := noteSummary(clauseOf(t, s, id, "2.1").Notes); !slices.Equal(got, []string{"Dyrare än ramavtalet@1 changed"}) {
		t.Errorf("2.1 in version 3: %q", got)
	}
	if got := noteSummary(clauseOf(t, s, id, "1.1").Notes); !slices.Equal(got, []string{"Kräv exportformat@1"}) {
		t.Errorf("1.1 in version 3: %q", got)
	}
}

// A new document (no version before it) carries nothing and says so with nil.
func TestNewDocumentCarriesNothing(t *testing.T) {
	s := openTemp(t)
	if d := importPlan(t, s, "", archiveV1).Documents[0]; d.Carried != nil {
		t.Errorf("a first version carried %+v", d.Carried)
	}
}

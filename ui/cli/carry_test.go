package cli

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docimport"
)

// laundryV1 is a small laundry-service agreement: a preamble, two chapters
// and four numbered clauses.
const laundryV1 = `TVÄTTAVTAL FÖR BJÖRKDALS TVÄTTERI

Avtalet gäller mellan Björkdals Tvätteri AB och Kunden.

1. Hämtning
1.1 Tvätteriet hämtar smutstvätt varje tisdag före klockan tio.
1.2 Ren tvätt lämnas tillbaka inom två arbetsdagar.
2. Ersättning
2.1 Kunden betalar 40 kronor per kilo tvätt.
2.2 Fakturan ska betalas inom tjugo dagar.
`

// laundryV2 keeps 1.1 and 2.2, raises the price in 2.1, drops 1.2 and adds 2.3.
var laundryV2 = strings.NewReplacer(
	"1.2 Ren tvätt lämnas tillbaka inom två arbetsdagar.\n", "",
	"40 kronor", "45 kronor",
	"inom tjugo dagar.\n", "inom tjugo dagar.\n2.3 Fläckar som inte går bort ersätts inte.\n",
).Replace(laundryV1)

func TestNewVersionCarriesTagsAndNotes(t *testing.T) {
	e := newCLI(t)
	var first importOut
	e.ok(t, &first, "import", e.file(t, "v1.txt", []byte(laundryV1)), "--json")
	id := first.AgreementID
	e.ok(t, nil, "tag", id, "1.1", "hamtning")
	e.ok(t, nil, "note", id, "1.1", "Tisdagar passar inte köket")
	e.ok(t, nil, "note", id, "2.1", "Jämför med förra året", "--risk", "watch")
	e.ok(t, nil, "note", id, "1.2", "Två dagar är för långsamt", "--risk", "risk")

	var second struct {
		Documents []struct {
			Carried *docimport.Carried `json:"carried"`
		} `json:"documents"`
	}
	e.ok(t, &second, "import", e.file(t, "v2.txt", []byte(laundryV2)), "--agreement", id, "--json")
	// 1.1's tag and note, 2.1's note (its price changed); 1.2's note stays.
	want := &docimport.Carried{Tags: 1, Notes: 2, ChangedNotes: 1, NotCarried: 1, NotCarriedOn: []string{"1.2"}}
	if len(second.Documents) != 1 || !reflect.DeepEqual(second.Documents[0].Carried, want) {
		t.Fatalf("carried %+v, want %+v", second.Documents, want)
	}

	// The notes now on the new version say where they come from.
	var items []clauseItem
	e.ok(t, &items, "clauses", id, "--json")
	notes := map[string][]noteItem{}
	for _, it := range items {
		notes[it.Number] = it.Notes
	}
	if n := notes["1.1"]; len(n) != 1 || n[0].WrittenOn != "1" || n[0].ClauseChanged {
		t.Errorf("1.1 notes %+v, want one written on version 1, clause unchanged", n)
	}
	if n := notes["2.1"]; len(n) != 1 || n[0].WrittenOn != "1" || !n[0].ClauseChanged || n[0].Risk != model.RiskWatch {
		t.Errorf("2.1 notes %+v, want one written on version 1, clause changed", n)
	}
	if n := notes["2.3"]; len(n) != 0 {
		t.Errorf("the added 2.3 has notes %+v", n)
	}
	full := e.ok(t, nil, "clauses", id, "--full")
	if !strings.Contains(full, "(watch) [written on version 1; the clause has changed since]: Jämför med förra året") {
		t.Errorf("clauses --full does not say 2.1 changed since its note:\n%s", full)
	}

	// Plain output: the totals in the summary, the clauses in the document's line.
	out := e.ok(t, nil, "import", e.file(t, "v3.txt", []byte(laundryV1)), "--agreement", id)
	// v3 is v1 again: 1.1 and 2.1 (changed back) carry 1 tag and 2 notes;
	// 2.3 had no note, 1.2 comes back as new.
	for _, want := range []string{
		"(1 changed, 1 added, 1 removed); carried 1 tag(s) and 2 note(s) (1 on changed clauses)\n",
		"2 → 3: changed 2.1; added 1.2; removed 2.3;\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plain output lacks %q:\n%s", want, out)
		}
	}
	out = e.ok(t, nil, "import", e.file(t, "v4.txt", []byte(laundryV2)), "--agreement", id)
	// v4 drops 1.2 again, which has no note in v3: nothing stays behind.
	if strings.Contains(out, "stay on the old version") {
		t.Errorf("v4 reports notes left behind:\n%s", out)
	}
	e.ok(t, nil, "note", id, "2.3", "Otydligt vad som räknas som fläck")
	out = e.ok(t, nil, "import", e.file(t, "v5.txt", []byte(laundryV1)), "--agreement", id)
	for _, want := range []string{
		"; 1 note(s) stay on the old version (clause removed)\n",
		"removed 2.3; notes kept on version 4 only: 2.3;\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plain output lacks %q:\n%s", want, out)
		}
	}
	if !slices.ContainsFunc(items, func(it clauseItem) bool { return it.Number == "2.3" }) {
		t.Errorf("version 2 has no 2.3: %+v", items)
	}
}

package clausediff

import (
	"slices"
	"testing"

	"avtal/model"
)

func cl(number, heading, body string) model.Clause {
	return model.Clause{Number: number, Heading: heading, Body: body}
}

// v1 is a small document: a preamble, three chapters and an appendix item.
var v1 = []model.Clause{
	cl("", "Avtal om drift", "Parterna är Kund och Leverantör."),
	cl("1", "Definitioner", ""),
	cl("1.1", "Tjänsten", "Den drift som beskrivs i bilaga A."),
	cl("1.2", "Supporttid", "Vardagar 8–17."),
	cl("2", "Avgift", "Avgiften betalas kvartalsvis i förskott."),
	cl("2.1", "Index", "Avgiften räknas upp årligen."),
	cl("3", "Uppsägning", "Tre månaders uppsägningstid."),
	cl("A.1", "Driftmiljö", "Servrar i Sverige."),
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name                    string
		new                     []model.Clause
		added, removed, changed []string
		order                   []string // every change's number in output order
	}{
		{name: "same text, lines wrapped elsewhere", new: []model.Clause{
			v1[0], v1[1], v1[2], cl("1.2", "Supporttid", "Vardagar\n8–17."), v1[4], v1[5], v1[6], v1[7]},
			added: []string{}, removed: []string{}, changed: []string{}, order: nil},
		{name: "one body and one heading reworded", new: []model.Clause{
			v1[0], v1[1], v1[2], v1[3], cl("2", "Avgift", "Avgiften betalas månadsvis i förskott."), v1[5],
			cl("3", "Uppsägning och hävning", "Tre månaders uppsägningstid."), v1[7]},
			added: []string{}, removed: []string{}, changed: []string{"2", "3"}, order: []string{"2", "3"}},
		// 1.2 and 2.1 dropped, 1.3 and 4 added, the preamble retitled: the
		// old preamble is removed and the new one added (headings match
		// unnumbered clauses). Removed clauses follow the last kept clause
		// before them: 1.2 after 1.1, 2.1 after 2.
		{name: "clauses added and removed", new: []model.Clause{
			cl("", "Driftavtal", "Parterna är Kund och Leverantör."), v1[1], v1[2], cl("1.3", "Säkerhet", "Loggar sparas."),
			v1[4], v1[6], cl("4", "Tvist", "Svensk lag."), v1[7]},
			added: []string{"Driftavtal", "1.3", "4"}, removed: []string{"Avtal om drift", "1.2", "2.1"}, changed: []string{},
			order: []string{"", "", "1.2", "1.3", "2.1", "4"}},
		{name: "everything new", new: []model.Clause{cl("1", "Ny", "x")},
			added: []string{}, removed: []string{"Avtal om drift", "1.1", "1.2", "2", "2.1", "3", "A.1"}, changed: []string{"1"},
			order: []string{"", "1", "1.1", "1.2", "2", "2.1", "3", "A.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(v1, tt.new)
			for _, c := range []struct {
				kind Kind
				want []string
			}{{Added, tt.added}, {Removed, tt.removed}, {Changed, tt.changed}} {
				if n := Numbers(got, c.kind); !slices.Equal(n, c.want) {
					t.Errorf("%s: %q, want %q", c.kind, n, c.want)
				}
			}
			var order []string
			for _, c := range got {
				order = append(order, c.Number)
			}
			if !slices.Equal(order, tt.order) {
				t.Errorf("order %q, want %q", order, tt.order)
			}
		})
	}
}

func TestDiffCarriesBothTexts(t *testing.T) {
	got := Diff(v1[6:7], []model.Clause{cl("3", "Uppsägning", "Sex månaders uppsägningstid.")})
	if len(got) != 1 || got[0].Old.Body != "Tre månaders uppsägningstid." || got[0].New.Body != "Sex månaders uppsägningstid." {
		t.Fatalf("%+v", got)
	}
	added := Diff(nil, v1[6:7])
	if len(added) != 1 || added[0].Kind != Added || added[0].Old != nil || added[0].New.Number != "3" {
		t.Errorf("from nothing: %+v", added)
	}
}

func TestDiffPairsRepeatedNumbersInOrder(t *testing.T) {
	// Two unnumbered clauses with the same heading are matched first to
	// first and second to second, so only the second counts as changed.
	old := []model.Clause{cl("", "Not", "a"), cl("", "Not", "b")}
	new := []model.Clause{cl("", "Not", "a"), cl("", "Not", "c")}
	got := Diff(old, new)
	if len(got) != 1 || got[0].Kind != Changed || got[0].Old.Body != "b" || got[0].New.Body != "c" {
		t.Errorf("%+v", got)
	}
}

func TestLinks(t *testing.T) {
	// The new version keeps the preamble and 1 as they are, rewraps 1.2
	// (same words), rewords 2, drops 1.1, 2.1 and A.1, adds 1.3 and puts 3
	// before 2: each new clause points at its old index, wherever it stands.
	new := []model.Clause{
		v1[0], v1[1], cl("1.2", "Supporttid", "Vardagar\n8–17."), cl("1.3", "Säkerhet", "Loggar sparas."),
		v1[6], cl("2", "Avgift", "Avgiften betalas månadsvis."),
	}
	want := []Link{{0, false}, {1, false}, {3, false}, {-1, false}, {6, false}, {4, true}}
	if got := Links(v1, new); !slices.Equal(got, want) {
		t.Errorf("Links = %v, want %v", got, want)
	}
	if got := Links(v1, nil); len(got) != 0 {
		t.Errorf("to nothing: %v", got)
	}
}

package docimport

import (
	"reflect"
	"testing"

	"avtal/model"
)

func TestPlanCarry(t *testing.T) {
	clause := func(number, body string) model.Clause {
		return model.Clause{Number: number, Heading: "H" + number, Body: body}
	}
	old := []OldClause{
		{Clause: clause("1.1", "the service runs"), Tags: []string{"scope"}, Notes: 2},
		{Clause: clause("1.2", "copies every weekday"), Notes: 1},
		{Clause: clause("2.1", "price 500"), Tags: []string{"fee", "invoice"}},
		{Clause: clause("3.1", "three months notice"), Notes: 1},
	}
	next := []model.Clause{
		clause("1.1", "the service runs"), // kept: its tag and 2 notes, unchanged
		clause("2.1", "price 650"),        // changed: 2 tags
		clause("3.1", "three months notice"),
		clause("3.2", "in writing"), // new: nothing
	}
	tests := []struct {
		name, oldVersion string
		old              []OldClause
		next             []model.Clause
		want             CarryPlan
	}{
		{"a second version", "", old, next, CarryPlan{
			Tags:      [][]string{{"scope"}, {"fee", "invoice"}, nil, nil},
			Notes:     []NoteCarry{{From: 0, To: 0}, {From: 3, To: 2}},
			WrittenOn: "1",
			// tags 1 + 2 = 3; notes 2 + 1 = 3 carried, none changed; 1.2's one note stays behind.
			Counts: Carried{Tags: 3, Notes: 3, ChangedNotes: 0, NotCarried: 1, NotCarriedOn: []string{"1.2"}},
		}},
		{"a changed clause with notes", "2", []OldClause{{Clause: clause("2.1", "price 500"), Notes: 2}}, []model.Clause{clause("2.1", "price 650")}, CarryPlan{
			Tags:      [][]string{nil},
			Notes:     []NoteCarry{{From: 0, To: 0, Changed: true}},
			WrittenOn: "2",
			Counts:    Carried{Notes: 2, ChangedNotes: 2, NotCarriedOn: []string{}},
		}},
		{"an unnumbered clause left out is named by its heading", "3", []OldClause{{Clause: model.Clause{Heading: "Bakgrund", Body: "x"}, Notes: 1}}, nil, CarryPlan{
			Tags:      [][]string{},
			WrittenOn: "3",
			Counts:    Carried{NotCarried: 1, NotCarriedOn: []string{"Bakgrund"}},
		}},
	}
	for _, tt := range tests {
		if got := PlanCarry(tt.oldVersion, tt.old, tt.next); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

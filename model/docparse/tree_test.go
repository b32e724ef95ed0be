package docparse

import (
	"slices"
	"testing"

	"avtal/model"
)

func TestParentIndex(t *testing.T) {
	clauses := []model.Clause{
		{Number: "", Heading: "Inledning"},                 // 0
		{Number: "8", Heading: "Personuppgifter"},          // 1
		{Number: "8.6", Heading: "Underbiträden"},          // 2
		{Number: "8.6.3"},                                  // 3 → 8.6
		{Number: "8.7.1"},                                  // 4 → 8 (8.7 missing)
		{Number: "8.16", Heading: "Tillägg B: Godkända"},   // 5 → 8
		{Number: "B.1", Heading: "Godkända underbiträden"}, // 6 → 8.16, which declares B
		{Number: "Bilaga 1", Heading: "Instruktioner"},     // 7
		{Number: "Bilaga 1.7", Heading: "Underbiträden"},   // 8 → Bilaga 1
		{Number: "Tillägg C", Heading: "Säkerhet"},         // 9
		{Number: "C.2"},                                    // 10 → Tillägg C
		{Number: "1.1"},                                    // 11: "1" is not "Bilaga 1"
	}
	want := []int{-1, -1, 1, 2, 1, 1, 5, -1, 7, -1, 9, -1}
	if got := ParentIndex(clauses); !slices.Equal(got, want) {
		t.Errorf("ParentIndex = %v, want %v", got, want)
	}
}

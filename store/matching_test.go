package store

import (
	"context"
	"reflect"
	"testing"

	"avtal/model"
)

// The list filter keeps the agreements holding every term in their id,
// supplier, title, kind or status, in list order, ignoring case and
// accents; a term's alternatives may match any of them.
func TestMatching(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	orebro := sampleAgreement("orebro-drift", "Örebro IT AB")
	orebro.Title = "Driftavtal"
	frame := sampleAgreement("inera-kundavtal-2", "Inera AB")
	frame.Title = "Kundavtal 2"
	frame.Kind = model.KindFramework
	draft := sampleAgreement("zeta", "Zeta AB")
	draft.Status = model.StatusDraft
	for _, a := range []*model.Agreement{orebro, frame, draft, sampleAgreement("alfa", "Alfa AB")} {
		if err := s.PutAgreement(ctx, a, false); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name  string
		terms [][]string
		want  []string
	}{
		{"case and accents", [][]string{{"OREBRO"}}, []string{"orebro-drift"}},
		{"every term", [][]string{{"ab"}, {"kundavtal"}}, []string{"inera-kundavtal-2"}},
		{"alternatives", [][]string{{"ramavtal", "framework"}}, []string{"inera-kundavtal-2"}},
		{"status", [][]string{{"draft"}}, []string{"zeta"}},
		{"nothing", [][]string{{"nope"}}, nil},
		{"no terms: the whole list, in its order", nil, []string{"alfa", "inera-kundavtal-2", "zeta", "orebro-drift"}},
	} {
		rows, err := s.Matching(ctx, tt.terms, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rows {
			ids = append(ids, r.Agreement.ID)
		}
		if !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, ids, tt.want)
		}
	}
}

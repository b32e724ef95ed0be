package subproc

import (
	"reflect"
	"testing"

	"avtal/model"
)

func TestApply(t *testing.T) {
	fourEdge := model.SubProcessor{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Clause: "Bilaga 1 §7", Status: model.SubApproved}
	register := []model.SubProcessor{fourEdge}
	acme := model.SubProcessor{Name: "Acme Hosting AB", Country: "SE", Purpose: "backup"}
	decided := func(n Notice, v Verdict, on string) Notice {
		n.Decision = &Decision{Verdict: v, Date: date(on)}
		return n
	}
	add := Notice{Received: date("2026-12-01"), Change: ChangeAdd, Sub: acme}
	addEff := add
	addEff.Effective = date("2027-01-15")
	replace := Notice{Received: date("2026-12-01"), Change: ChangeReplace, Replaces: "FourEdge", Sub: acme}
	// A move of FourEdge to Norway is a replace of itself.
	move := Notice{Received: date("2026-12-01"), Change: ChangeReplace, Replaces: "FourEdge AB", Sub: model.SubProcessor{Name: "Fouredge", Country: "NO"}}
	remove := Notice{Received: date("2026-12-01"), Change: ChangeRemove, Sub: model.SubProcessor{Name: "fouredge ab"}}

	with := func(s model.SubProcessor, st model.SubStatus, since string) model.SubProcessor {
		s.Status = st
		if since != "" {
			s.Since = date(since)
		}
		return s
	}
	tests := []struct {
		name string
		subs []model.SubProcessor
		n    Notice
		want []model.SubProcessor
	}{
		{"recorded add comes in proposed", register, add, []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"recorded replace: the old one stays in use meanwhile", register, replace, []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"recorded remove changes nothing", register, remove, register},
		{"recorded move changes nothing yet", register, move, register},
		{"add of an entry in use changes nothing", register, Notice{Received: date("2026-12-01"), Change: ChangeAdd, Sub: model.SubProcessor{Name: "FourEdge"}}, register},
		{"a removed entry comes back proposed", []model.SubProcessor{with(fourEdge, model.SubRemoved, "")}, Notice{Received: date("2026-12-01"), Change: ChangeAdd, Sub: model.SubProcessor{Name: "FourEdge AB", Country: "SE"}},
			[]model.SubProcessor{{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Clause: "Bilaga 1 §7", Status: model.SubProposed}}},
		// Accepted with no effective date: approved from the decision, 2026-12-10.
		{"accepted add", []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}, decided(add, Accept, "2026-12-10"),
			[]model.SubProcessor{fourEdge, with(acme, model.SubApproved, "2026-12-10")}},
		// With an effective date the approval counts from 2027-01-15.
		{"accepted add with effective date", register, decided(addEff, Accept, "2026-12-10"),
			[]model.SubProcessor{fourEdge, with(acme, model.SubApproved, "2027-01-15")}},
		{"accepted replace removes the old one", []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}, decided(replace, Accept, "2026-12-10"),
			[]model.SubProcessor{with(fourEdge, model.SubRemoved, ""), with(acme, model.SubApproved, "2026-12-10")}},
		// The move keeps FourEdge's org number and clause, takes the new
		// country and spelling, and removes nothing.
		{"accepted move updates in place", register, decided(move, Accept, "2026-12-10"),
			[]model.SubProcessor{{Name: "Fouredge", OrgNumber: "556726-8106", Country: "NO", Clause: "Bilaga 1 §7", Status: model.SubApproved, Since: date("2026-12-10")}}},
		{"accepted remove", register, decided(remove, Accept, "2026-12-10"), []model.SubProcessor{with(fourEdge, model.SubRemoved, "")}},
		{"objected add", []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}, decided(add, Object, "2026-12-10"),
			[]model.SubProcessor{fourEdge, with(acme, model.SubObjected, "")}},
		{"objected add never recorded", register, decided(add, Object, "2026-12-10"), []model.SubProcessor{fourEdge, with(acme, model.SubObjected, "")}},
		{"objected move keeps the entry", register, decided(move, Object, "2026-12-10"), register},
		{"objected remove keeps the entry", register, decided(remove, Object, "2026-12-10"), register},
	}
	for _, tt := range tests {
		before := append([]model.SubProcessor(nil), tt.subs...)
		got := Apply(tt.subs, tt.n)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
		if !reflect.DeepEqual(tt.subs, before) {
			t.Errorf("%s: Apply changed its input", tt.name)
		}
	}
}

package subproc

import (
	"errors"
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

// TestFitRegister checks the one register check every face runs before
// recording a notice.
func TestFitRegister(t *testing.T) {
	subs := []model.SubProcessor{{Name: "FourEdge AB", Country: "SE", Status: model.SubApproved},
		{Name: "Gone AB", Country: "SE", Status: model.SubRemoved}}
	day := model.MustDate(2026, 12, 1)
	notice := func(change ChangeKind, name, replaces, country string) Notice {
		return Notice{Received: day, Change: change, Sub: model.SubProcessor{Name: name, Country: country}, Replaces: replaces}
	}
	tests := []struct {
		name      string
		n         Notice
		field     string // "" when it fits
		wantSub   string
		wantOfOld string
	}{
		{"add of one in use", notice(ChangeAdd, "fouredge ab", "", "SE"), "subprocessor.name", "", ""},
		{"add without a country", notice(ChangeAdd, "New AB", "", ""), "subprocessor.country", "", ""},
		{"add in a region", Notice{Received: day, Change: ChangeAdd, Sub: model.SubProcessor{Name: "New AB", Region: "EEA"}}, "", "New AB", ""},
		{"add of a removed one", notice(ChangeAdd, "Gone AB", "", "SE"), "", "Gone AB", ""},
		{"replace by itself", notice(ChangeReplace, "", "fouredge ab", "DE"), "", "FourEdge AB", "FourEdge AB"},
		{"replace of one not in use", notice(ChangeReplace, "X", "Gone AB", ""), "replaces", "", ""},
		{"remove", notice(ChangeRemove, "FOUREDGE AB", "", ""), "", "FourEdge AB", ""},
		{"remove of one not in use", notice(ChangeRemove, "Nobody", "", ""), "subprocessor.name", "", ""},
	}
	for _, tt := range tests {
		got, err := FitRegister(tt.n, subs)
		var re *RegisterError
		switch {
		case tt.field != "":
			if !errors.As(err, &re) || re.Field != tt.field {
				t.Errorf("%s: %v, want a register error on %s", tt.name, err, tt.field)
			}
		case err != nil || got.Sub.Name != tt.wantSub || got.Replaces != tt.wantOfOld:
			t.Errorf("%s: %+v, %v; want %q replacing %q", tt.name, got, err, tt.wantSub, tt.wantOfOld)
		}
	}
	// A region as a person types it is read with model.ParseRegion first.
	typed := Notice{Received: day, Change: ChangeAdd, Sub: model.SubProcessor{Name: "New AB", Region: "EES"}}
	var fe *model.FieldError
	if _, err := FitRegister(typed, subs); !errors.As(err, &fe) || fe.Field != "subprocessor.region" {
		t.Errorf("region EES: %v, want an error on subprocessor.region", err)
	}
	// An effective date before the notice arrived is refused on that field.
	early := notice(ChangeAdd, "New AB", "", "SE")
	early.Effective = day.AddDays(-1)
	if _, err := FitRegister(early, subs); err == nil || err.Error() != "effective: the change takes effect 2026-11-30, before the notice was received (2026-12-01)" {
		t.Errorf("early effective date: %v", err)
	}
}

package subproc

import (
	"slices"
	"testing"

	"avtal/model"
)

func tally(name, org, country string, status model.SubStatus, policyBasis string, agreements int) Tally {
	return Tally{Sub: model.SubProcessor{Name: name, OrgNumber: org, Country: country, Status: status}, PolicyBasis: policyBasis, Entries: agreements, Agreements: agreements}
}

func TestSummarise(t *testing.T) {
	tallies := []Tally{
		tally("Microsoft Sverige AS", "", "SE", model.SubApproved, "", 40),
		tally("microsoft sverige ab", "", "SE", model.SubProposed, "", 2), // same firm, other spelling
		tally("FourEdge AB", "556726-8106", "SE", model.SubApproved, "", 30),
		tally("FourEdge Datacenter", "5567268106", "SE", model.SubApproved, "", 12), // same org number
		// Acme in the US: 5 agreements whose DPA names no basis, 3 whose DPA
		// names standard contractual clauses, 4 whose DPA names Privacy
		// Shield (invalid, so no basis either).
		tally("Acme Inc", "", "US", model.SubApproved, "", 5),
		tally("Acme Inc", "", "US", model.SubApproved, "EU SCC 2021/914", 3),
		tally("Acme Inc", "", "US", model.SubApproved, "Privacy Shield", 4),
		tally("Old Host AS", "", "NO", model.SubRemoved, "", 7),
	}
	got := Summarise(tallies, GroupFilter{})
	type row struct {
		name       string
		agreements int
		flagged    int
		names      int
	}
	// Microsoft 40+2 = 42, FourEdge 30+12 = 42 (tie: by name, FourEdge
	// first), Acme 5+3+4 = 12 of which 5+4 = 9 lack a valid basis (the US
	// needs DPF certification or another basis), Old Host 7.
	want := []row{{"FourEdge AB", 42, 0, 2}, {"Microsoft Sverige AS", 42, 0, 2}, {"Acme Inc", 12, 9, 1}, {"Old Host AS", 7, 0, 1}}
	if len(got) != len(want) {
		t.Fatalf("got %d summaries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		s := got[i]
		if s.Name != w.name || s.Agreements != w.agreements || s.Flagged != w.flagged || len(s.Names) != w.names {
			t.Errorf("summary %d = %s %d agreements, %d flagged, %d names; want %+v", i, s.Name, s.Agreements, s.Flagged, len(s.Names), w)
		}
	}
	ms := got[1]
	if ms.Statuses[model.SubApproved] != 40 || ms.Statuses[model.SubProposed] != 2 || !slices.Equal(ms.Regions, []Region{RegionEU}) {
		t.Errorf("Microsoft statuses %v regions %v", ms.Statuses, ms.Regions)
	}
	acme := got[2]
	if acme.Tallies[1].Flags[0].Key != KeyBasisStated || acme.Tallies[2].Flags[0].Key != KeyDPFMissing {
		t.Errorf("Acme flags: %+v / %+v", acme.Tallies[1].Flags, acme.Tallies[2].Flags)
	}

	// Outside the EU/EEA (the US is an adequacy country, for certified
	// organisations only), in use: only Acme is left.
	filtered := Summarise(tallies, GroupFilter{Regions: []Region{RegionAdequacy, RegionThird}, Statuses: []model.SubStatus{model.SubApproved}})
	if len(filtered) != 1 || filtered[0].Name != "Acme Inc" || filtered[0].Agreements != 12 {
		t.Errorf("filtered = %+v", filtered)
	}
	// Proposed only: Microsoft's second spelling is the only one, so it names the group.
	proposed := Summarise(tallies, GroupFilter{Statuses: []model.SubStatus{model.SubProposed}})
	if len(proposed) != 1 || proposed[0].Name != "microsoft sverige ab" || proposed[0].Agreements != 2 {
		t.Errorf("proposed = %+v", proposed)
	}
}

func TestThirdCountries(t *testing.T) {
	third := ThirdCountries()
	for _, code := range []string{"US", "GB", "CH", "GL"} {
		if !slices.Contains(third, code) {
			t.Errorf("%s should need a transfer basis", code)
		}
	}
	for _, code := range []string{"SE", "NO", "AX", "IS"} {
		if slices.Contains(third, code) {
			t.Errorf("%s is in the EU/EEA", code)
		}
	}
}

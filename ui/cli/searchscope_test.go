package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchOneAgreement(t *testing.T) {
	st := sampleStore(t)
	type result struct {
		AgreementID string `json:"agreement_id"`
		Results     []struct {
			AgreementID string `json:"agreement_id"`
			Number      string `json:"number"`
		} `json:"results"`
	}
	search := func(args ...string) result {
		t.Helper()
		code, out, errOut := run(t, st, "search", append(args, "--json", "--limit", "50")...)
		var r result
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("search %v: exit %d %s", args, code, errOut)
		}
		return r
	}
	// Over the register "ansvarstak" is in several agreements, SuperOffice 4 among them.
	all := search("ansvarstak")
	agreements := map[string]bool{}
	for _, h := range all.Results {
		agreements[h.AgreementID] = true
	}
	if !agreements["superoffice-dpa"] || !agreements["pureservice"] || all.AgreementID != "" {
		t.Fatalf("unscoped search: %+v", all)
	}
	one := search("ansvarstak", "--agreement", "pureservice")
	if one.AgreementID != "pureservice" || len(one.Results) == 0 {
		t.Fatalf("scoped search: %+v", one)
	}
	for _, h := range one.Results {
		if h.AgreementID != "pureservice" {
			t.Errorf("a hit of %s in a search of pureservice", h.AgreementID)
		}
	}
	// "driftansvar" is only in kommun-it 9.
	if code, out, _ := run(t, st, "search", "driftansvar", "--agreement", "pureservice"); code != 0 ||
		out != "No clause of pureservice holds \"driftansvar\".\n" {
		t.Errorf("nothing in the agreement: exit %d %q", code, out)
	}
	if code, out, _ := run(t, st, "search", "driftansvar", "--agreement", "kommun-it"); code != 0 ||
		!strings.HasPrefix(out, "1. kommun-it · Villkor · 9 Driftansvar\n") {
		t.Errorf("kommun-it: exit %d %q", code, out)
	}
	if code, _, errOut := run(t, st, "search", "ansvar", "--agreement", "nope"); code != 1 || !strings.Contains(errOut, `no agreement with id "nope"`) {
		t.Errorf("an unknown agreement: exit %d %q", code, errOut)
	}
}

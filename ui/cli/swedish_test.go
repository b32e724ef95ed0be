package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// TestSwedishPeriodsAndExplanations: in Swedish the periods and the
// explanations of `show` and `deadlines --json` are Swedish; the machine
// fields stay as they are, and the calendar file stays English throughout.
// Centuri starts 2024-04-01: 36 months end 2027-03-31, 6 months before is
// 2026-09-30; on 2026-11-24 that has passed, so `show` explains the first
// renewal's: 2027-04-01 + 12 months − 1 day = 2028-03-31, − 6 months = 2027-09-30.
func TestSwedishPeriodsAndExplanations(t *testing.T) {
	env := sampleEnv(t)
	env.Lang = i18n.SV
	items := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--from", "2026-09-01", "--to", "2026-09-30")
	if len(items) != 1 || items[0].Kind != "termination_notice" || items[0].Date != "2026-09-30" ||
		items[0].Explanation != "36 månader från start 2024-04-01 slutar 2027-03-31; 6 månader före = 2026-09-30" {
		t.Errorf("Swedish JSON: %+v", items)
	}
	show := mustRun(t, env, "show", "centuri-saas")
	for _, want := range []string{"Inledande period       36 månader", "Förlängning            12 månader", "Uppsägningstid         6 månader",
		"2027-09-30 (perioden som slutar 2028-03-31) [exempelvärde: start] (agera senast 2027-09-30); förlängning 1 (12 månader) från 2027-04-01 slutar 2028-03-31; 6 månader före = 2027-09-30"} {
		if !strings.Contains(show, want) {
			t.Errorf("Swedish show lacks %q:\n%s", want, show)
		}
	}
	for _, english := range []string{"month", "before", "renewal"} {
		if strings.Contains(show, english) {
			t.Errorf("Swedish show says %q:\n%s", english, show)
		}
	}
	ics := mustRun(t, env, "deadlines", "--ics", "--agreement", "centuri-saas", "--from", "2026-09-01", "--to", "2026-09-30")
	if !strings.Contains(strings.ReplaceAll(ics, "\r\n ", ""), "36 months from start 2024-04-01 ends 2027-03-31") {
		t.Errorf("the calendar file should stay English:\n%s", ics)
	}
}

// TestSwedishSampleSearch: the sample register is written in Swedish, so a
// Swedish demo's first searches find clauses, and a word finds the
// compounds and inflections that hold it: uppsägning is in SuperOffice 3.7
// only as "uppsägningstid", biträde in Pureservice 8 only as
// "Personuppgiftsbiträdesavtal", skadestånd in Pureservice 2.7 only as
// "Skadeståndet".
func TestSwedishSampleSearch(t *testing.T) {
	day := tuitest.Day(t)
	env := &Env{Store: tuitest.SampleStore(t), Lang: i18n.SV, Now: func() time.Time { return day }}
	tests := []struct {
		word string
		want []string // agreement id and clause number of hits that must be among the results
	}{
		{"uppsägning", []string{"centuri-saas 13.2", "superoffice-dpa 3.7"}},
		{"biträde", []string{"pureservice 8", "superoffice-dpa 3.7"}},
		{"skadestånd", []string{"centuri-saas 12.4", "pureservice 2.7"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCommand(env, "search", tt.word, "--json", "--limit", "50")
		var res struct {
			Results []struct {
				AgreementID string `json:"agreement_id"`
				Number      string `json:"number"`
			} `json:"results"`
		}
		if code != ExitOK || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("search %s: exit %d %s", tt.word, code, errOut)
		}
		found := map[string]bool{}
		for _, r := range res.Results {
			found[r.AgreementID+" "+r.Number] = true
		}
		for _, w := range tt.want {
			if !found[w] {
				t.Errorf("search %s: %s is not among the %d hits %v", tt.word, w, len(res.Results), found)
			}
		}
	}
}

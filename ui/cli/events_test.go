package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A downtime recorded by mistake is listed with its number and deleted by
// it: the credit claim counting from it goes, the audit log keeps what was
// deleted, and a second delete is refused.
func TestEventListAndDelete(t *testing.T) {
	env := sampleEnv(t)
	if out := mustRun(t, env, "event", "list", "pureservice"); out != "no events recorded for pureservice\n" {
		t.Errorf("list of none: %q", out)
	}
	out := mustRun(t, env, "event", "pureservice", "downtime", "2026-12-02", "--ref", "INC-7")
	if out != "recorded downtime for pureservice on 2026-12-02 (event 1)\n" {
		t.Errorf("record: %q", out)
	}
	// Pureservice 4.3: claim within 4 weeks of the downtime, 2026-12-02 +
	// 28 days = 2026-12-30.
	if got := find(deadlinesJSON(t, env, "--agreement", "pureservice"), "sla_credit_claim"); len(got) != 1 || got[0] != "2026-12-30 2026-12-30" {
		t.Fatalf("credit claim %v", got)
	}
	out = mustRun(t, env, "event", "list", "pureservice")
	if want := "ID  Date        Event     Ref    Note\n1   2026-12-02  downtime  INC-7  \n"; out != want {
		t.Errorf("list:\n%q\nwant\n%q", out, want)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, env, "event", "list", "pureservice", "--json")), &list); err != nil ||
		len(list) != 1 || list[0]["id"] != 1.0 || list[0]["name"] != "downtime" || list[0]["date"] != "2026-12-02" || list[0]["ref"] != "INC-7" {
		t.Errorf("list --json: %v, %v", list, err)
	}

	var res struct {
		Deleted struct {
			ID          int64  `json:"id"`
			AgreementID string `json:"agreement_id"`
			Name        string `json:"name"`
		} `json:"deleted"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, env, "event", "delete", "1", "--json")), &res); err != nil ||
		res.Deleted.ID != 1 || res.Deleted.AgreementID != "pureservice" || res.Deleted.Name != "downtime" {
		t.Errorf("delete --json: %+v, %v", res, err)
	}
	if got := find(deadlinesJSON(t, env, "--agreement", "pureservice"), "sla_credit_claim"); len(got) != 0 {
		t.Errorf("the credit claim outlived its downtime: %v", got)
	}
	var log []struct{ Entity, Action, Before, After string }
	if err := json.Unmarshal([]byte(mustRun(t, env, "log", "pureservice", "--limit", "1", "--json")), &log); err != nil || len(log) != 1 ||
		log[0].Entity != "event" || log[0].Action != "delete" || !strings.Contains(log[0].Before, `"ref":"INC-7"`) || log[0].After != "" {
		t.Errorf("audit log: %+v, %v", log, err)
	}

	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"delete", "1"}, ExitFail, "no recorded event 1"},
		{[]string{"delete", "one"}, ExitUsage, `"one" is not an event number`},
		{[]string{"delete"}, ExitUsage, "event delete needs the event's number"},
		{[]string{"list"}, ExitUsage, "event list needs ID"},
		{[]string{"list", "nope"}, ExitFail, `no agreement with id "nope"`},
	} {
		code, _, errOut := runCommand(env, "event", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.err) {
			t.Errorf("event %v: exit %d, %q; want %d, %q", tt.args, code, errOut, tt.code, tt.err)
		}
	}
}

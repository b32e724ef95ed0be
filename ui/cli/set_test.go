package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"avtal/model"
)

// imported imports the drift document as a draft and returns its id.
func (e *cliEnv) imported(t *testing.T) string {
	t.Helper()
	var out importOut
	e.ok(t, &out, "import", e.file(t, "drift.txt", []byte(driftText(t))), "--json")
	return out.AgreementID
}

func TestSetCompletesAnImportedAgreement(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	out := e.ok(t, nil, "set", id, "term.initial=24 months", "term.renewal=12 months", "term.notice=3 months",
		"start=2025-01-01", "status=active", "owner=")
	want := "term.initial: (empty) → 24 months\nterm.renewal: (empty) → 12 months\nterm.notice: (empty) → 3 months\n" +
		"start: (empty) → 2025-01-01\nstatus: draft → active\nowner was already so; nothing changed\n"
	if out != want {
		t.Errorf("set printed\n%s\nwant\n%s", out, want)
	}
	// The calendar has the dates at once: the first period ends 2026-12-31
	// and renews; the next ends 2027-12-31, to be cancelled 3 months before.
	var dls []struct {
		Kind string `json:"kind"`
		Date string `json:"date"`
	}
	e.ok(t, &dls, "deadlines", "--agreement", id, "--json")
	if len(dls) != 2 || dls[0].Kind != "renewal" || dls[0].Date != "2026-12-31" || dls[1].Kind != "termination_notice" || dls[1].Date != "2027-09-30" {
		t.Errorf("deadlines %+v", dls)
	}
	var a model.Agreement
	e.ok(t, &a, "set", id, "supplier.name=Norrsken Drift AB", "--json")
	if a.Supplier.Name != "Norrsken Drift AB" || a.Status != model.StatusActive || len(a.Documents) == 0 {
		t.Errorf("--json printed %+v", a)
	}

	// All or nothing, and the refused field is named.
	if e.run("set", id, "owner=Eva", "term.renewal=0 months"); e.code != ExitFail || !strings.Contains(e.stderrText, `term.renewal: "0 months" must be longer than zero`) {
		t.Errorf("zero renewal: exit %d %q", e.code, e.stderrText)
	}
	if e.run("set", id, "signed=2025-02-30"); e.code != ExitFail || !strings.HasPrefix(e.stderrText, "avtal set: signed: ") {
		t.Errorf("impossible date: exit %d %q", e.code, e.stderrText)
	}
	if a, _ := e.st.Agreement(context.Background(), id); a.Owner != "" || a.Term.Renewal != (model.Period{N: 12, Unit: model.Months}) {
		t.Errorf("a refused set changed the agreement: %+v", a)
	}
	for _, args := range [][]string{{"set"}, {"set", id}} {
		if e.run(args...); e.code != ExitUsage || !strings.Contains(e.stderrText, "FIELD=VALUE") {
			t.Errorf("%v: exit %d %q", args, e.code, e.stderrText)
		}
	}
	if e.run("set", "nope", "owner=Eva"); e.code != ExitFail || !strings.Contains(e.stderrText, `no agreement with id "nope"`) {
		t.Errorf("unknown agreement: exit %d %q", e.code, e.stderrText)
	}
}

// An imported draft says which fields its term's dates wait for, in
// `show` and its JSON, until they are set: a calendar left empty after
// the review is explained.
func TestShowSaysWhatTheDatesLack(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	var res struct {
		Term struct {
			DatesLack []string `json:"dates_lack"`
		} `json:"term_dates"`
	}
	e.ok(t, &res, "show", id, "--json")
	if strings.Join(res.Term.DatesLack, " ") != "start term.initial" {
		t.Errorf("dates_lack %q", res.Term.DatesLack)
	}
	if out := e.ok(t, nil, "show", id); !strings.Contains(out, "Dates      no dates until set: Start, Initial term") {
		t.Errorf("show:\n%s", out)
	}
	if out := e.ok(t, nil, "deadlines", "--agreement", id); out != "no deadlines in that period (no dates until set: Start, Initial term)\n" {
		t.Errorf("deadlines printed %q", out)
	}
	e.ok(t, nil, "set", id, "start=2025-01-01", "term.initial=24 months")
	if out := e.ok(t, nil, "show", id); strings.Contains(out, "no dates until set") {
		t.Errorf("show still says dates are lacking:\n%s", out)
	}
}

// Once every proposal is decided, `proposals ID` says how many were and
// how to list them, rather than that there were none.
func TestProposalsAllDecidedSaysSo(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	var pending []struct {
		ID int `json:"id"`
	}
	e.ok(t, &pending, "proposals", id, "--json")
	args := []string{"proposals", id, "reject"}
	for _, p := range pending {
		args = append(args, strconv.Itoa(p.ID))
	}
	e.ok(t, nil, args...)
	want := fmt.Sprintf("%s has no proposals left to review; %d decided (--all lists them)\n", id, len(pending))
	if out := e.ok(t, nil, "proposals", id); out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestProposalsUndo(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	payment := proposalID(t, e, id, "rule", "2.1")
	e.ok(t, nil, "proposals", id, "accept", payment)
	if out := e.ok(t, nil, "proposals", id, "undo", payment); out != "undid the decision on proposal "+payment+" (deadline rule, clause 2.1); it is pending again\n" {
		t.Errorf("undo printed %q", out)
	}
	if a, _ := e.st.Agreement(context.Background(), id); len(a.Rules) != 0 {
		t.Errorf("rules after undo: %+v", a.Rules)
	}
	if e.run("proposals", id, "undo", payment); e.code != ExitFail || !strings.Contains(e.stderrText, "not decided yet") {
		t.Errorf("undoing a pending proposal: exit %d %q", e.code, e.stderrText)
	}
	// A proposal found in the preamble has no clause to name.
	supplier := proposalID(t, e, id, "supplier", "")
	if out := e.ok(t, nil, "proposals", id, "accept", supplier); out != "accepted proposal "+supplier+" (supplier)\n" {
		t.Errorf("accept printed %q", out)
	}
	// An edit since the decision is not overwritten: the undo is refused,
	// naming the field, and the edit stands.
	notice := proposalID(t, e, id, "term", "1.2")
	e.ok(t, nil, "proposals", id, "accept", notice)
	e.ok(t, nil, "set", id, "term.notice=3 months")
	if e.run("proposals", id, "undo", notice); e.code != ExitFail || !strings.Contains(e.stderrText, "term.notice") {
		t.Errorf("undo over an edit: exit %d %q", e.code, e.stderrText)
	}
	if a, _ := e.st.Agreement(context.Background(), id); a.Term.Notice != (model.Period{N: 3, Unit: model.Months}) {
		t.Errorf("notice after a refused undo: %+v", a.Term)
	}
}

// editor writes a script that edits the file it is given with sed
// expressions, one per run (the last for every further run), and counts
// its runs in a file beside it.
func editor(t *testing.T, dir string, runs ...string) (count func() int) {
	t.Helper()
	counter := filepath.Join(dir, "runs")
	var script strings.Builder
	script.WriteString("#!/bin/sh\nn=$(cat " + counter + " 2>/dev/null || echo 0)\nn=$((n+1))\necho $n > " + counter + "\ncase $n in\n")
	for i, r := range runs {
		pattern := "*"
		if i < len(runs)-1 {
			pattern = string(rune('1' + i))
		}
		script.WriteString(pattern + ") " + r + " ;;\n")
	}
	script.WriteString("esac\n")
	path := filepath.Join(dir, "editor.sh")
	if err := os.WriteFile(path, []byte(script.String()), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", path)
	return func() int {
		b, _ := os.ReadFile(counter)
		var n int
		for _, c := range strings.TrimSpace(string(b)) {
			n = 10*n + int(c-'0')
		}
		return n
	}
}

func TestEditReopensUntilValid(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	runs := editor(t, t.TempDir(),
		`sed -i 's/^status: draft/status: active\nterm:\n  initial: 12 months\n  renewal: 0 months/; s/^term: {}//' "$1"`,
		`if grep -q '^# avtal: .*:10: term.renewal: .*must be longer than zero' "$1"; then sed -i 's/renewal: 0 months/renewal: 6 months/' "$1"; fi`)
	out := e.ok(t, nil, "edit", id)
	if out != "saved "+id+"\n" || runs() != 2 {
		t.Fatalf("edit printed %q after %d runs; stderr %q", out, runs(), e.stderrText)
	}
	if !strings.Contains(e.stderrText, `.yaml:9: term.renewal: "0 months" must be longer than zero`) {
		t.Errorf("the refusal names no file:line:field: %q", e.stderrText)
	}
	a, _ := e.st.Agreement(context.Background(), id)
	if a.Status != model.StatusActive || a.Term.Renewal != (model.Period{N: 6, Unit: model.Months}) || len(a.Documents) == 0 {
		t.Errorf("after edit: status %s, term %+v, %d documents", a.Status, a.Term, len(a.Documents))
	}
}

func TestEditAbandoned(t *testing.T) {
	for name, run := range map[string]string{
		"unchanged":                    `true`,
		"emptied":                      `: > "$1"`,
		"only comments":                `echo '# nothing' > "$1"`,
		"invalid, then left as it was": `case $(cat "$1") in *refused*) ;; *) sed -i 's/^status: draft/status: paused/' "$1" ;; esac`,
	} {
		t.Run(name, func(t *testing.T) {
			e := newCLI(t)
			id := e.imported(t)
			editor(t, t.TempDir(), run)
			before, _ := e.st.Agreement(context.Background(), id)
			if out := e.ok(t, nil, "edit", id); out != id+" is unchanged: the edit was abandoned\n" {
				t.Errorf("printed %q", out)
			}
			if after, _ := e.st.Agreement(context.Background(), id); after.Status != before.Status || after.Title != before.Title {
				t.Errorf("an abandoned edit changed %+v", after)
			}
		})
	}
	e := newCLI(t)
	id := e.imported(t)
	for editor, want := range map[string]string{
		"false":                  `the editor "false" stopped with exit code 1; nothing was stored`,
		"no-such-editor-in-path": `the editor "no-such-editor-in-path" was not found; set EDITOR`,
	} {
		t.Setenv("EDITOR", editor)
		if e.run("edit", id); e.code != ExitFail || !strings.Contains(e.stderrText, want) {
			t.Errorf("editor %s: exit %d %q, want %q", editor, e.code, e.stderrText, want)
		}
	}
}

// A proposal that is almost right is corrected and accepted in one
// command; a refused value is named and nothing is stored.
func TestProposalsCorrect(t *testing.T) {
	e := newCLI(t)
	id := e.imported(t)
	payment := proposalID(t, e, id, "rule", "2.1")
	if e.run("proposals", id, "correct", payment, "offset=a fortnight"); e.code != ExitFail ||
		e.stderrText != "avtal proposals: proposal "+payment+": offset: \"a fortnight\" is not a period (want e.g. \"6 months\", \"4 weeks\", \"14 days\")\n" {
		t.Errorf("a refused value: exit %d %q", e.code, e.stderrText)
	}
	if a, _ := e.st.Agreement(context.Background(), id); len(a.Rules) != 0 {
		t.Errorf("a refused correction stored %+v", a.Rules)
	}
	if e.run("proposals", id, "correct", payment); e.code != ExitUsage {
		t.Errorf("correct without NAME=VALUE: exit %d", e.code)
	}
	out := e.ok(t, nil, "proposals", id, "correct", payment, "offset=20 days")
	if !strings.HasPrefix(out, "corrected and accepted proposal "+payment+" (deadline rule, clause 2.1)\n") || !strings.Contains(out, "20 days") {
		t.Errorf("correct printed %q", out)
	}
	if a, _ := e.st.Agreement(context.Background(), id); len(a.Rules) != 1 || a.Rules[0].Offset != (model.Period{N: 20, Unit: model.Days}) {
		t.Errorf("rules after the correction: %+v", a.Rules)
	}
	if e.run("proposals", id, "correct", payment, "offset=30 days"); e.code != ExitFail || !strings.Contains(e.stderrText, "already accepted") {
		t.Errorf("correcting a decided proposal: exit %d %q", e.code, e.stderrText)
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/gen"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// sampleEnv is an Env over a new register holding the sample agreements,
// on 2026-11-24: after Centuri's cancel-by date 2026-09-30 and before its
// period ends 2027-03-31.
func sampleEnv(t *testing.T) *Env {
	t.Helper()
	day := tuitest.Day(t)
	return &Env{Store: sampleStore(t), Lang: i18n.EN, Now: func() time.Time { return day }}
}

// runCommand runs one command and returns its exit code, stdout and stderr.
func runCommand(env *Env, name string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env.Stdout, env.Stderr = &out, &errOut
	code := runOn(context.Background(), env, name, args)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, env *Env, name string, args ...string) string {
	t.Helper()
	code, out, errOut := runCommand(env, name, args...)
	if code != ExitOK {
		t.Fatalf("avtal %s %s: exit %d\n%s", name, strings.Join(args, " "), code, errOut)
	}
	return out
}

// item is what the tests read of `avtal deadlines --json`.
type item struct {
	Key          string `json:"key"`
	Date         string `json:"date"`
	ActBy        string `json:"act_by"`
	DaysLeft     int    `json:"days_left"`
	Kind         string `json:"kind"`
	AgreementID  string `json:"agreement_id"`
	Clause       string `json:"clause"`
	Title        string `json:"title"`
	Explanation  string `json:"explanation"`
	Done         bool   `json:"done"`
	SnoozedUntil string `json:"snoozed_until"`
}

func deadlinesJSON(t *testing.T, env *Env, args ...string) []item {
	t.Helper()
	var items []item
	if err := json.Unmarshal([]byte(mustRun(t, env, "deadlines", append(args, "--json")...)), &items); err != nil {
		t.Fatal(err)
	}
	return items
}

// find returns the items of one kind, as "date act_by" pairs.
func find(items []item, kind string) []string {
	var out []string
	for _, it := range items {
		if it.Kind == kind {
			out = append(out, it.Date+" "+it.ActBy)
		}
	}
	return out
}

func TestCenturiByHand(t *testing.T) {
	env := sampleEnv(t)
	items := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--from", "2026-01-01", "--to", "2026-12-31")
	// 36 months from start 2024-04-01 end 2027-03-31; 6 months before is
	// Wednesday 2026-09-30, a working day. The price notice is 1 month
	// before that, Sunday 2026-08-30: Centuri's own deadline, so it keeps
	// its date. Indexation 2026-01-01 happens by itself and keeps its date
	// too (2027-01-01 is now after the range, as nothing moves it earlier).
	checks := map[string][]string{
		"termination_notice":    {"2026-09-30 2026-09-30"},
		"price_increase_notice": {"2026-08-30 2026-08-30"},
		"indexation":            {"2026-01-01 2026-01-01"},
	}
	for kind, want := range checks {
		if got := find(items, kind); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: %v, want %v", kind, got, want)
		}
	}
	for _, it := range items {
		if it.Kind == "termination_notice" {
			if it.Key != "centuri-saas/termination_notice/2026-09-30/13.1" || it.Clause != "13.1" || it.DaysLeft != -55 || it.Done ||
				it.Explanation != "36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30" {
				t.Errorf("the cancel-by deadline: %+v", it)
			}
		}
	}
	// The agreement date 2024-02-15 is in Q1: the first indexation is on
	// 1 January of the next year, 2025-01-01 (nyårsdagen; kept, since the
	// customer has nothing to do on it).
	first := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--from", "2025-01-01", "--to", "2025-06-30")
	if got := find(first, "indexation"); len(got) != 1 || got[0] != "2025-01-01 2025-01-01" {
		t.Errorf("first indexation: %v", got)
	}
}

func TestMissedWindowsAndTermination(t *testing.T) {
	env := sampleEnv(t)
	// On 2026-11-24 Centuri's cancel-by 2026-09-30 has passed with no
	// decision: the agreement renews until 2028-03-31.
	missed := deadlinesJSON(t, env, "--missed")
	if got := find(missed, "termination_notice"); !contains(missed, "centuri-saas/termination_notice/2026-09-30/13.1") {
		t.Fatalf("missed windows %v lack Centuri's 2026-09-30", got)
	}
	before := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--from", "2027-01-01", "--to", "2028-12-31")
	if got := find(before, "termination_notice"); strings.Join(got, ",") != "2027-09-30 2027-09-30,2028-09-30 2028-09-29" {
		// 2028-09-30 is a Saturday: act on Friday 2028-09-29.
		t.Errorf("renewal rolls forward: termination notices %v", got)
	}

	// Notice given 2026-09-15 met the 2026-09-30 window: the agreement
	// ends 2027-03-31, so no renewal and no later cancel-by date follow,
	// and non-solicitation ends 6 months after that end (not after the
	// notice): 2027-03-31 + 6 months = 2027-09-30, a Thursday.
	out := mustRun(t, env, "event", "centuri-saas", "termination", "2026-09-15", "--note", "registered letter")
	if !strings.Contains(out, "recorded termination for centuri-saas on 2026-09-15") {
		t.Errorf("event output %q", out)
	}
	after := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--from", "2026-09-01", "--to", "2028-12-31")
	if got := find(after, "renewal"); len(got) != 0 {
		t.Errorf("renewals after termination: %v", got)
	}
	if got := find(after, "termination_notice"); len(got) != 1 || !after[indexOf(after, "termination_notice")].Done {
		t.Errorf("termination notices after termination: %v, want only 2026-09-30, done", got)
	}
	if got := find(after, "non_solicitation_end"); len(got) != 1 || got[0] != "2027-09-30 2027-09-30" {
		t.Errorf("non-solicitation: %v", got)
	}
	if contains(deadlinesJSON(t, env, "--missed"), "centuri-saas/termination_notice/2026-09-30/13.1") {
		t.Error("a window met by a termination is still missed")
	}
}

func TestDowntimeOpensCreditClaim(t *testing.T) {
	env := sampleEnv(t)
	mustRun(t, env, "event", "pureservice", "downtime", "2026-12-02")
	// Pureservice 4.3: claim within 4 weeks of the downtime, 2026-12-02 +
	// 28 days = Wednesday 2026-12-30; 36 days after 2026-11-24.
	items := deadlinesJSON(t, env, "--agreement", "pureservice")
	i := indexOf(items, "sla_credit_claim")
	if i < 0 {
		t.Fatalf("no credit claim in %+v", items)
	}
	want := item{Key: "pureservice/sla_credit_claim/2026-12-30/4.3", Date: "2026-12-30", ActBy: "2026-12-30", DaysLeft: 36, Kind: "sla_credit_claim",
		AgreementID: "pureservice", Clause: "4.3", Title: "Sista dag att skriftligt begära kreditering",
		Explanation: "downtime 2026-12-02; 4 weeks after = 2026-12-30"}
	if items[i] != want {
		t.Errorf("credit claim\n%+v\nwant\n%+v", items[i], want)
	}
	code, _, errOut := runCommand(env, "event", "pureservice", "downtim", "2026-12-02")
	if code != ExitFail || !strings.Contains(errOut, `no deadline of pureservice counts from the event "downtim"`) {
		t.Errorf("a typo in the event: exit %d, %q", code, errOut)
	}
}

// TestEventRefusedInSwedish: an event no deadline counts from, a bad
// event name and a bad date are refused in the session's language.
func TestEventRefusedInSwedish(t *testing.T) {
	env := sampleEnv(t)
	env.Lang = i18n.SV
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pureservice", "downtim", "2026-12-02"}, ExitFail, `ingen frist i pureservice räknas från händelsen "downtim"; den känner till `},
		{[]string{"pureservice", "Down Time", "2026-12-02"}, ExitFail, `händelsen "Down Time": ett namn är gemena bokstäver, siffror och _`},
		{[]string{"pureservice", "downtime", "2026-12-32"}, ExitUsage, `"2026-12-32" är inget datum som finns`},
	}
	for _, tt := range tests {
		code, _, errOut := runCommand(env, "event", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("event %v: exit %d, %q; want exit %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestDoneAndSnooze(t *testing.T) {
	env := sampleEnv(t)
	key := "centuri-saas/termination_notice/2026-09-30/13.1"
	out := mustRun(t, env, "done", "centuri-saas", key, "--comment", "decided to renew")
	if !strings.Contains(out, "marked "+key+" done on 2026-11-24") {
		t.Errorf("done output %q", out)
	}
	if contains(deadlinesJSON(t, env, "--missed"), key) {
		t.Error("a window marked done is still missed")
	}
	mustRun(t, env, "done", "centuri-saas", "--kind", "termination_notice", "--date", "2026-09-30", "--undo")
	if !contains(deadlinesJSON(t, env, "--missed"), key) {
		t.Error("undo did not open the window again")
	}
	// The indexation of 2027-01-01 named by its date.
	mustRun(t, env, "snooze", "centuri-saas", "--kind", "indexation", "--date", "2027-01-01", "--until", "2026-12-15")
	items := deadlinesJSON(t, env, "--agreement", "centuri-saas", "--to", "2027-01-31")
	if i := indexOf(items, "indexation"); i < 0 || items[i].SnoozedUntil != "2026-12-15" || items[i].Date != "2027-01-01" {
		t.Errorf("snoozed indexation: %+v", items)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"done", "centuri-saas", "centuri-saas/termination_notice/2026-09-29/13.1"}, ExitFail, "no deadline has the key"},
		{[]string{"done", "centuri-saas", "pureservice/renewal/2027-11-02/1.2"}, ExitFail, "not a deadline key of centuri-saas"},
		{[]string{"done", "centuri-saas", "--kind", "renewal", "--date", "2026-09-30"}, ExitFail, "centuri-saas has no renewal deadline on 2026-09-30"},
		{[]string{"done", "nope", "--kind", "renewal", "--date", "2026-09-30"}, ExitFail, `no agreement with id "nope"`},
		{[]string{"done", "centuri-saas"}, ExitUsage, "done needs ID KEY"},
		{[]string{"snooze", "centuri-saas", key}, ExitUsage, "--until"},
		{[]string{"deadlines", "--json", "--ics"}, ExitUsage, "not both"},
		{[]string{"deadlines", "--from", "2026-02-30"}, ExitUsage, "not a date that exists"},
		{[]string{"deadlines", "--from", "2026-02-01", "--to", "2026-01-01"}, ExitUsage, "before --from"},
		{[]string{"event", "centuri-saas", "termination"}, ExitUsage, "event needs ID NAME"},
	} {
		code, _, errOut := runCommand(env, tt.args[0], tt.args[1:]...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("avtal %s: exit %d %q, want %d and %q", strings.Join(tt.args, " "), code, errOut, tt.code, tt.want)
		}
	}
}

func TestDeadlinesICS(t *testing.T) {
	env := sampleEnv(t)
	out := mustRun(t, env, "deadlines", "--agreement", "centuri-saas", "--ics")
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Fatalf("not CRLF throughout:\n%q", out)
	}
	cal, err := ical.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	items := deadlinesJSON(t, env, "--agreement", "centuri-saas")
	events := cal.Events()
	if len(events) != len(items) || len(items) == 0 {
		t.Fatalf("%d events, %d deadlines", len(events), len(items))
	}
	// 2026-11-24 → 2027-11-24: first is the indexation on 2027-01-01 (it
	// happens by itself, so it keeps its date), an all-day event stamped
	// with the clock's 09:00 UTC.
	first := events[0]
	if got := first.GetProperty(ical.ComponentPropertyDtStart).Value; got != "20270101" {
		t.Errorf("first event starts %s, want 20270101", got)
	}
	if got := first.GetProperty(ical.ComponentPropertyDtstamp).Value; got != "20261124T090000Z" {
		t.Errorf("DTSTAMP %s", got)
	}
}

func TestDeadlinesPlain(t *testing.T) {
	env := sampleEnv(t)
	out := mustRun(t, env, "deadlines", "--agreement", "centuri-saas", "--from", "2026-08-01", "--to", "2026-10-31")
	// The price notice is Centuri's deadline: it keeps Sunday 2026-08-30.
	want := []string{"Act by", "2026-08-30  -86   Supplier must act by the date: Price increase notice  centuri-saas  7.6     2026-08-30",
		"2026-09-30  -55   Termination notice                                    centuri-saas  13.1    2026-09-30"}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("plain output lacks %q:\n%s", w, out)
		}
	}
	// Pureservice's sample cancel-by 2026-11-02 − 3 months = Sunday
	// 2026-08-02: act on Friday 2026-07-31, and the list says why.
	if out := mustRun(t, env, "deadlines", "--agreement", "pureservice", "--from", "2026-07-01", "--to", "2026-08-31"); !strings.Contains(out, "2026-07-31") || !strings.Contains(out, "2026-08-02  act early: Sunday") {
		t.Errorf("a moved act-by without its reason:\n%s", out)
	}
	env.Lang = i18n.SV
	if out := mustRun(t, env, "deadlines", "--missed", "--agreement", "centuri-saas"); !strings.Contains(out, "Uppsägning") {
		t.Errorf("Swedish output:\n%s", out)
	}
}

func contains(items []item, key string) bool {
	for _, it := range items {
		if it.Key == key {
			return true
		}
	}
	return false
}

func indexOf(items []item, kind string) int {
	for i, it := range items {
		if it.Kind == kind {
			return i
		}
	}
	return -1
}

// TestListAndShowAfterTermination checks that list and show say when a
// terminated agreement ends and show no cancel-by, and that a cancel-by
// says which period it ends.
func TestListAndShowAfterTermination(t *testing.T) {
	env := sampleEnv(t)
	env.Now = func() time.Time { return time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC) }
	// Centuri on 2026-12-07: period 0's cancel-by (2027-03-31 − 6 months =
	// 2026-09-30) has passed, so the next, 2027-09-30, ends renewal 1
	// (2027-04-01 – 2028-03-31). The sample register's start date is
	// invented, so both say they rest on it.
	if out := mustRun(t, env, "list"); !strings.Contains(out, "2027-03-31  2027-09-30 (period ending 2028-03-31) [sample: start]") {
		t.Errorf("list before termination:\n%s", out)
	}
	// Notice on 2026-09-20 met 2026-09-30: the agreement ends 2027-03-31.
	mustRun(t, env, "event", "centuri-saas", "termination", "2026-09-20")
	if out := mustRun(t, env, "list"); !strings.Contains(out, "ends 2027-03-31 (notice given 2026-09-20) [sample: start]  —") {
		t.Errorf("list after termination:\n%s", out)
	}
	out := mustRun(t, env, "show", "centuri-saas")
	if !strings.Contains(out, "ends 2027-03-31 (notice given 2026-09-20)") || strings.Contains(out, "Cancel by") {
		t.Errorf("show after termination:\n%s", out)
	}
	var items []listItem
	if err := json.Unmarshal([]byte(mustRun(t, env, "list", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	c := items[0]
	if c.ID != "centuri-saas" || c.Ends == nil || c.Ends.String() != "2027-03-31" || c.NoticeGiven.String() != "2026-09-20" || c.CancelBy != nil ||
		strings.Join(c.Sample, ",") != "start" {
		t.Errorf("list --json: %+v", c)
	}
}

// TestTerminatingAFrameworkWarnsOfLiveCallOffs checks that giving notice
// on Inera's Kundavtal 2 while a subscription under it runs warns, naming
// the subscriptions still running, and records the termination anyway.
func TestTerminatingAFrameworkWarnsOfLiveCallOffs(t *testing.T) {
	env := sampleEnv(t)
	mustRun(t, env, "event", "inera-npo", "termination", "2026-12-01")
	code, out, errOut := runCommand(env, "event", "inera-kundavtal-2", "termination", "2026-12-01")
	if code != 0 || !strings.Contains(out, "recorded termination for inera-kundavtal-2") ||
		!strings.Contains(errOut, "call-offs under inera-kundavtal-2 still run (inera-sdk)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Once both subscriptions are terminated, no warning.
	mustRun(t, env, "event", "inera-sdk", "termination", "2026-12-01")
	if _, _, errOut := runCommand(env, "event", "inera-kundavtal-2", "termination", "2026-12-02"); errOut != "" {
		t.Errorf("a warning with every call-off terminated: %q", errOut)
	}
}

// The missed windows read partly from the kept deadlines are those
// deadlines.Missed computes agreement by agreement, in the same order:
// on days either side of the first kept day, with and without a range,
// with notices of termination and windows marked done.
func TestMissedWindowsAreMissedComputed(t *testing.T) {
	ctx := context.Background()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: 80, Seed: 5}).All() {
		list = append(list, it.Agreement)
	}
	st := tuitest.Store(t, list)
	for i, a := range list {
		if i%9 == 4 {
			if _, err := st.RecordEvent(ctx, a.ID, deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2025, 11, 3)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The windows a fresh computation finds missed, agreement by agreement,
	// stably by act-by day, as `avtal deadlines --missed` always listed them.
	computed := func(today, from, to model.Date) []model.Deadline {
		as, recs, err := st.DeadlineInputs(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		var out []model.Deadline
		for _, a := range as {
			for _, d := range deadlines.Missed(a, recs[a.ID], today, model.English) {
				if (from.IsZero() || !d.Date.Before(from)) && (to.IsZero() || !d.Date.After(to)) {
					out = append(out, d)
				}
			}
		}
		slices.SortStableFunc(out, func(a, b model.Deadline) int { return b.ActBy.DaysUntil(a.ActBy) })
		return out
	}
	now := model.DateOf(tuitest.Day(t))
	for i, d := range computed(now, model.Date{}, model.Date{}) {
		if i%4 == 1 {
			if err := st.MarkDone(ctx, d.AgreementID, d.Key(), now, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	all := computed(now, model.Date{}, model.Date{})
	if len(all) == 0 || !all[0].Date.Before(store.KeptFrom(now)) || all[len(all)-1].Date.Before(store.KeptFrom(now)) {
		t.Fatalf("the register's missed windows do not lie on both sides of the first kept day: %v", keys(all))
	}
	env := &Env{Store: st, Lang: i18n.EN}
	var zero model.Date
	for _, today := range []model.Date{now, model.MustDate(2025, 1, 2), model.MustDate(2026, 1, 1), model.MustDate(2027, 3, 15)} {
		for _, r := range [][2]model.Date{{zero, zero}, {model.MustDate(2024, 6, 1), zero}, {zero, model.MustDate(2025, 1, 5)},
			{model.MustDate(2024, 12, 20), model.MustDate(2025, 1, 10)}, {store.KeptFrom(today), zero}} {
			want := computed(today, r[0], r[1])
			var got []model.Deadline
			err := eachDeadline(ctx, env, "", true, today, r[0], r[1], model.English, 0, func(ds []model.Deadline) error {
				got = ds
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("on %s over %s–%s: %d missed windows, computed %d:\n got %v\nwant %v", today, r[0], r[1], len(got), len(want), keys(got), keys(want))
			}
		}
	}
}

func keys(ds []model.Deadline) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Key()
	}
	return out
}

package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
)

// withEventRules is a sample agreement whose rules count from a downtime
// and a notice received, so both events can be recorded for it, and whose
// sub-processor policy gives 14 days to object to a notice.
func withEventRules(id, supplier string) *model.Agreement {
	a := sampleAgreement(id, supplier)
	a.Rules = append(a.Rules,
		model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 4, Unit: model.Weeks}, Clause: "4.3"},
		model.Rule{Kind: model.DLCustom, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: 4, Unit: model.Months}, Clause: "DPA 8.1", Title: "New sub-processor may start"})
	a.SubPolicy = &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, Clause: "DPA 8.2"}
	return a
}

func putAll(t *testing.T, s *Store, list ...*model.Agreement) {
	t.Helper()
	if err := s.PutAgreements(context.Background(), list, false); err != nil {
		t.Fatal(err)
	}
}

func TestDeadlineInputs(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	zeta, alfa := sampleAgreement("zeta", "Zeta AB"), sampleAgreement("alfa", "Alfa AB")
	alfa.Signed = model.MustDate(2024, 2, 15)
	putAll(t, s, zeta, alfa)
	list, _, err := s.DeadlineInputs(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "alfa" || list[1].ID != "zeta" {
		t.Fatalf("DeadlineInputs = %v, want alfa then zeta (list order)", list)
	}
	want := model.Agreement{ID: "alfa", Title: alfa.Title, Signed: alfa.Signed, Start: alfa.Start, Term: alfa.Term, Rules: alfa.Rules}
	if !reflect.DeepEqual(*list[0], want) {
		t.Errorf("the engine's facts\n%+v\nwant\n%+v", *list[0], want)
	}
	one, _, err := s.DeadlineInputs(ctx, "zeta")
	if err != nil || len(one) != 1 || one[0].ID != "zeta" {
		t.Errorf("DeadlineInputs(zeta) = %v, %v", one, err)
	}
	if _, _, err := s.DeadlineInputs(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown agreement: %v", err)
	}
}

// The facts are decoded in batches on several cores: many agreements come
// back whole and in list order, and a changed agreement's facts follow it.
func TestDeadlineInputsOfManyAgreements(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const n = 2*factsBatch + 7
	var list []*model.Agreement
	for i := range n {
		a := sampleAgreement(fmt.Sprintf("a%04d", i), fmt.Sprintf("Leverantör %04d AB", i))
		a.Documents, a.Subs = nil, nil
		list = append(list, a)
	}
	putAll(t, s, list...)
	got, _, err := s.DeadlineInputs(ctx, "")
	if err != nil || len(got) != n {
		t.Fatalf("DeadlineInputs = %d agreements, %v; want %d", len(got), err, n)
	}
	for i, a := range got {
		if want := fmt.Sprintf("a%04d", i); a.ID != want || !reflect.DeepEqual(a.Rules, list[i].Rules) {
			t.Fatalf("agreement %d is %s with rules %v, want %s with %v", i, a.ID, a.Rules, want, list[i].Rules)
		}
	}

	changed := *list[3]
	changed.Rules = []model.Rule{{Kind: model.DLPayment, Anchor: model.EventAnchor("invoice"), Offset: model.Period{N: 30, Unit: model.Days}, Clause: "9.2"}}
	changed.Term.Notice = model.Period{N: 3, Unit: model.Months}
	if err := s.PutAgreements(ctx, []*model.Agreement{&changed}, true); err != nil {
		t.Fatal(err)
	}
	one, _, err := s.DeadlineInputs(ctx, changed.ID)
	if err != nil || !reflect.DeepEqual(one[0].Rules, changed.Rules) || one[0].Term != changed.Term {
		t.Errorf("after the change the engine reads %+v, %v; want rules %v and notice %v", one, err, changed.Rules, changed.Term.Notice)
	}
}

func TestRecords(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("pureservice", "Pureservice AS"), withEventRules("centuri-saas", "Centuri AB"))
	if _, err := s.RecordEvent(ctx, "centuri-saas", deadlines.Event{Name: "termination", Date: model.MustDate(2026, 9, 15), Note: " by registered letter "}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordEvent(ctx, "pureservice", deadlines.Event{Name: "notice_received", Date: model.MustDate(2026, 11, 2), Ref: "Mailgun"}); err != nil {
		t.Fatal(err)
	}
	// Incidents (the SLA pane writes them): only unplanned, not excluded
	// ones are downtime. 23:30 UTC on 1 December is 00:30 on 2 December in
	// Stockholm (UTC+1 in winter); 21:30 UTC on 30 June is 23:30 the same
	// day in summer time (UTC+2).
	utc := func(text string) time.Time {
		at, err := time.Parse(time.RFC3339, text)
		if err != nil {
			t.Fatal(err)
		}
		return at
	}
	for _, inc := range []model.Incident{
		{AgreementID: "pureservice", Start: utc("2026-12-01T20:00:00Z"), End: utc("2026-12-01T23:30:00Z")},
		{AgreementID: "pureservice", Start: utc("2026-06-30T20:00:00Z"), End: utc("2026-06-30T21:30:00Z")},
		{AgreementID: "pureservice", Start: utc("2026-07-01T20:00:00Z"), End: utc("2026-07-01T22:00:00Z"), Planned: true},
		{AgreementID: "pureservice", Start: utc("2026-07-02T20:00:00Z"), End: utc("2026-07-02T22:00:00Z"), Excluded: true, ExcludeReason: "customer's own network"},
		{AgreementID: "centuri-saas", Start: utc("2026-03-01T08:00:00+01:00"), End: utc("2026-03-01T09:00:00+01:00")},
	} {
		if _, err := s.AddIncident(ctx, &inc); err != nil {
			t.Fatal(err)
		}
	}
	key := "pureservice/sla_credit_claim/2026-12-30/4.3"
	if err := s.MarkDone(ctx, "pureservice", key, model.MustDate(2026, 12, 10), "claimed by e-mail"); err != nil {
		t.Fatal(err)
	}
	if err := s.Snooze(ctx, "centuri-saas", "centuri-saas/termination_notice/2027-09-30/15.1", model.MustDate(2027, 6, 1)); err != nil {
		t.Fatal(err)
	}

	recs, err := s.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]deadlines.Record{
		"pureservice": {
			Events: []deadlines.Event{
				{Name: "notice_received", Date: model.MustDate(2026, 11, 2), Ref: "Mailgun"},
				{Name: "downtime", Date: model.MustDate(2026, 12, 2), Ref: "incident 1"},
				{Name: "downtime", Date: model.MustDate(2026, 6, 30), Ref: "incident 2"},
			},
			Done: map[string]bool{key: true},
		},
		"centuri-saas": {Events: []deadlines.Event{
			{Name: "termination", Date: model.MustDate(2026, 9, 15), Note: "by registered letter"},
			{Name: "downtime", Date: model.MustDate(2026, 3, 1), Ref: "incident 5"},
		}}, // a snooze is not done
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("Records =\n%+v\nwant\n%+v", recs, want)
	}
	_, one, err := s.DeadlineInputs(ctx, "pureservice")
	if err != nil || len(one) != 1 || !reflect.DeepEqual(one["pureservice"], want["pureservice"]) {
		t.Errorf("the records of pureservice alone = %+v, %v", one, err)
	}

	// The engine on these records: downtime ended 2026-12-02 + 4 weeks =
	// 2026-12-30, marked done; the other downtime's claim ran out before.
	a, err := s.Agreement(ctx, "pureservice")
	if err != nil {
		t.Fatal(err)
	}
	var claims []string
	for _, d := range deadlines.Compute(a, recs["pureservice"], model.MustDate(2026, 11, 1), model.MustDate(2026, 12, 31), model.English) {
		if d.Kind == model.DLCreditClaim {
			claims = append(claims, d.Date.String()+" "+d.Explanation)
			if !d.Done {
				t.Errorf("the claim marked done is open: %+v", d)
			}
		}
	}
	if len(claims) != 1 || claims[0] != "2026-12-30 downtime 2026-12-02 (incident 1); 4 weeks after = 2026-12-30" {
		t.Errorf("credit claims %q", claims)
	}
}

func TestNoticesAreEvents(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("superoffice-dpa", "SuperOffice Sweden AB"))
	notice := func(name string, received model.Date, decided bool) subproc.Notice {
		n := subproc.Notice{Received: received, Change: subproc.ChangeAdd,
			Sub: model.SubProcessor{Name: name, Country: "SE", Status: model.SubProposed}}
		if decided {
			n.Decision = &subproc.Decision{Verdict: subproc.Accept, Date: received.AddDays(3)}
		}
		return n
	}
	if _, err := s.RecordNotices(ctx, "superoffice-dpa", []subproc.Notice{
		notice("Mailgun", model.MustDate(2026, 11, 2), false),
		notice("Lagret AB", model.MustDate(2026, 10, 1), true),
	}); err != nil {
		t.Fatal(err)
	}
	// Only the undecided notice counts: the policy's objection window is 14
	// days, 2026-11-02 + 14 days = 2026-11-16 (a Monday).
	recs, err := s.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []deadlines.Event{{Name: "notice_received", Date: model.MustDate(2026, 11, 2), Ref: "Mailgun"}}
	if got := recs["superoffice-dpa"].Events; !reflect.DeepEqual(got, want) {
		t.Fatalf("events %+v, want %+v", got, want)
	}
	as, recs, err := s.DeadlineInputs(ctx, "superoffice-dpa")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range deadlines.Compute(as[0], recs["superoffice-dpa"], model.MustDate(2026, 10, 1), model.MustDate(2026, 12, 31), model.English) {
		if d.Kind == model.DLObjection {
			got = append(got, d.Date.String()+" "+d.Explanation)
		}
	}
	if len(got) != 1 || got[0] != "2026-11-16 Objection within 14 days of receipt: 2026-11-02 + 14 days = 2026-11-16. Clause DPA 8.2." {
		t.Errorf("objection deadlines %q", got)
	}
}

func TestRecordEventRefuses(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("pureservice", "Pureservice AS"))
	day := model.MustDate(2026, 12, 2)
	tests := []struct {
		id   string
		e    deadlines.Event
		want string
	}{
		{"nope", deadlines.Event{Name: "downtime", Date: day}, "not found"},
		{"pureservice", deadlines.Event{Name: "Downtime", Date: day}, "lower-case"},
		{"pureservice", deadlines.Event{Name: "downtime"}, "date is missing"},
		{"pureservice", deadlines.Event{Name: "delivery", Date: day}, "it knows termination, downtime, notice_received"},
	}
	for _, tt := range tests {
		_, err := s.RecordEvent(ctx, tt.id, tt.e)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("RecordEvent(%s, %+v) = %v, want an error saying %q", tt.id, tt.e, err, tt.want)
		}
	}
	if recs, _ := s.Records(ctx); len(recs) != 0 {
		t.Errorf("refused events were stored: %+v", recs)
	}
}

func TestDecisions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, sampleAgreement("centuri-saas", "Centuri AB"))
	key := "centuri-saas/termination_notice/2026-09-30/15.1"
	decisions := func() map[string]Decision {
		t.Helper()
		d, err := s.Decisions(ctx, "centuri-saas")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if err := s.MarkDone(ctx, "centuri-saas", key, model.MustDate(2026, 9, 1), " decided to renew "); err != nil {
		t.Fatal(err)
	}
	if err := s.Snooze(ctx, "centuri-saas", key, model.MustDate(2026, 12, 1)); err != nil {
		t.Fatal(err)
	}
	want := Decision{AgreementID: "centuri-saas", Key: key, DoneOn: model.MustDate(2026, 9, 1), SnoozedUntil: model.MustDate(2026, 12, 1), Comment: "decided to renew"}
	if got := decisions()[key]; got != want {
		t.Errorf("after done and snooze: %+v, want %+v", got, want)
	}
	// Undo keeps the snooze; waking it too leaves nothing, and the row goes.
	if err := s.UndoDone(ctx, "centuri-saas", key); err != nil {
		t.Fatal(err)
	}
	want.DoneOn, want.Comment = model.Date{}, ""
	if got := decisions()[key]; got != want {
		t.Errorf("after undo: %+v, want %+v", got, want)
	}
	if err := s.Snooze(ctx, "centuri-saas", key, model.Date{}); err != nil {
		t.Fatal(err)
	}
	var rows int
	s.read.QueryRow("SELECT count(*) FROM decisions").Scan(&rows)
	if len(decisions()) != 0 || rows != 0 {
		t.Errorf("an empty decision is kept: %d rows", rows)
	}

	log, err := s.AuditLog(ctx, "centuri-saas", 10)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		if e.Entity == "deadline" {
			actions = append(actions, e.Action)
		}
	}
	if strings.Join(actions, " ") != "snooze undone snooze done" {
		t.Errorf("audit actions, newest first: %v", actions)
	}
	if !strings.Contains(log[3].After, `"done_on":"2026-09-01"`) || log[3].Before != "" {
		t.Errorf("the done entry: before %q after %q", log[3].Before, log[3].After)
	}

	for _, tt := range []struct{ id, key, want string }{
		{"centuri-saas", "pureservice/renewal/2027-01-01/1", "not a deadline of centuri-saas"},
		{"nope", "nope/renewal/2027-01-01/1", "not found"},
	} {
		if err := s.MarkDone(ctx, tt.id, tt.key, model.MustDate(2026, 9, 1), ""); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MarkDone(%s, %s) = %v, want %q", tt.id, tt.key, err, tt.want)
		}
	}
	if err := s.MarkDone(ctx, "centuri-saas", key, model.Date{}, ""); err == nil {
		t.Error("done without a day was accepted")
	}
}

func TestAddRule(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, sampleAgreement("centuri-saas", "Centuri AB"))
	manual := deadlines.Manual(model.MustDate(2026, 12, 15), "Ask for the audit report", "DPA 6.1")
	if err := s.AddRule(ctx, "centuri-saas", manual); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(ctx, "centuri-saas")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Rules) != 2 || a.Rules[1] != manual || len(a.Documents) != 2 || len(a.Subs) != 1 {
		t.Errorf("after AddRule: rules %+v, %d documents, %d subs", a.Rules, len(a.Documents), len(a.Subs))
	}
	bad := manual
	bad.On = "2026-02-30"
	err = s.AddRule(ctx, "centuri-saas", bad)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "rules[2].on" {
		t.Errorf("a rule on 2026-02-30: %v, want a field error on rules[2].on", err)
	}
	if err := s.AddRule(ctx, "nope", manual); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v", err)
	}
	if log, _ := s.AuditLog(ctx, "centuri-saas", 1); len(log) != 1 || log[0].Action != "update" {
		t.Errorf("audit: %+v", log)
	}
}

// Facts damaged in the file (by hand, or by another program) are an error
// that names the agreement, for the whole register and for it alone.
func TestDeadlineInputsOfDamagedFacts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, sampleAgreement("alfa", "Alfa AB"), sampleAgreement("zeta", "Zeta AB"))
	if _, err := s.write.ExecContext(ctx, `UPDATE agreements SET facts = '{"id":"zeta","signed":"2024-02-30"}' WHERE id = 'zeta'`); err != nil {
		t.Fatal(err)
	}
	for _, only := range []string{"", "zeta"} {
		if _, _, err := s.DeadlineInputs(ctx, only); err == nil || !strings.Contains(err.Error(), `agreement "zeta" is damaged`) {
			t.Errorf("DeadlineInputs(%q) of damaged facts: %v", only, err)
		}
	}
	if as, _, err := s.DeadlineInputs(ctx, "alfa"); err != nil || len(as) != 1 {
		t.Errorf("the undamaged agreement: %v, %v", as, err)
	}
}

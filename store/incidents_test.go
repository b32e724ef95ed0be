package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"avtal/model"
)

var stockholm = mustZone("Europe/Stockholm")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at is a local time in Stockholm.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, stockholm)
}

// withIncidentAgreement opens a temp register holding agreement "ps".
func withIncidentAgreement(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	if err := s.PutAgreement(context.Background(), sampleAgreement("ps", "Pureservice AS"), false); err != nil {
		t.Fatal(err)
	}
	return s
}

// same compares two incidents field by field, times by instant and by the
// text they are written with (so the offset is kept too).
func same(a, b model.Incident) bool {
	return a.ID == b.ID && a.AgreementID == b.AgreementID &&
		a.Start.Format(time.RFC3339Nano) == b.Start.Format(time.RFC3339Nano) && a.Start.Equal(b.Start) &&
		a.End.Format(time.RFC3339Nano) == b.End.Format(time.RFC3339Nano) && a.End.Equal(b.End) &&
		a.Planned == b.Planned && a.Excluded == b.Excluded && a.ExcludeReason == b.ExcludeReason &&
		a.Description == b.Description && a.Reported == b.Reported && a.ClaimSent == b.ClaimSent
}

func TestIncidentRoundTrip(t *testing.T) {
	s := withIncidentAgreement(t)
	ctx := context.Background()
	want := []model.Incident{
		// Summer time (+02:00) with seconds and a fraction, every field set.
		{AgreementID: "ps", Start: time.Date(2026, 7, 3, 9, 15, 30, 250_000_000, stockholm), End: at(2026, 7, 3, 11, 0),
			Excluded: true, ExcludeReason: "customer's own network", Description: "login fails",
			Reported: model.MustDate(2026, 7, 3), ClaimSent: model.MustDate(2026, 7, 20)},
		// Winter time (+01:00), planned, and an end given in UTC.
		{AgreementID: "ps", Start: at(2026, 11, 10, 16, 0), End: time.Date(2026, 11, 10, 18, 0, 0, 0, time.UTC), Planned: true},
	}
	for i := range want {
		id, err := s.AddIncident(ctx, &want[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i].ID = id
	}
	got, err := s.Incidents(ctx, "ps", at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !same(got[0], want[0]) || !same(got[1], want[1]) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
	}
	// The stored text keeps the offset it was recorded with.
	var start, end string
	if err := s.read.QueryRow(`SELECT start, "end" FROM incidents WHERE id = ?`, want[1].ID).Scan(&start, &end); err != nil {
		t.Fatal(err)
	}
	if start != "2026-11-10T16:00:00+01:00" || end != "2026-11-10T18:00:00Z" {
		t.Errorf("stored %s / %s, want 2026-11-10T16:00:00+01:00 / 2026-11-10T18:00:00Z", start, end)
	}
}

func TestIncidentsOverlappingARange(t *testing.T) {
	s := withIncidentAgreement(t)
	ctx := context.Background()
	hawaii := time.FixedZone("HST", -10*3600)
	add := func(desc string, start, end time.Time) {
		t.Helper()
		if _, err := s.AddIncident(ctx, &model.Incident{AgreementID: "ps", Start: start, End: end, Description: desc}); err != nil {
			t.Fatal(err)
		}
	}
	add("across month end", at(2026, 10, 31, 22, 0), at(2026, 11, 1, 2, 0))
	add("ends at midnight", at(2026, 10, 31, 23, 0), at(2026, 11, 1, 0, 0))
	// Local text says 31 October, but 20:00 at −10:00 is 07:00 on 1 November in Stockholm.
	add("written in hawaii", time.Date(2026, 10, 31, 20, 0, 0, 0, hawaii), time.Date(2026, 10, 31, 21, 0, 0, 0, hawaii))
	add("december", at(2026, 12, 1, 0, 0), at(2026, 12, 1, 1, 0))
	// The night summer time ends: 02:30+02:00 (00:30 UTC) comes before
	// 02:15+01:00 (01:15 UTC), although its text sorts after.
	add("second 02:15", time.Date(2026, 10, 25, 1, 15, 0, 0, time.UTC).In(stockholm), at(2026, 10, 25, 4, 0))
	add("first 02:30", time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(stockholm), at(2026, 10, 25, 3, 0))
	add("long outage from september", at(2026, 9, 20, 8, 0), at(2026, 11, 2, 8, 0))

	tests := []struct {
		from, to time.Time
		want     string
	}{
		{at(2026, 11, 1, 0, 0), at(2026, 12, 1, 0, 0), "long outage from september|across month end|written in hawaii"},
		{at(2026, 10, 1, 0, 0), at(2026, 11, 1, 0, 0), "long outage from september|first 02:30|second 02:15|across month end|ends at midnight"},
		{at(2026, 12, 1, 0, 0), at(2027, 1, 1, 0, 0), "december"},
		{at(2027, 1, 1, 0, 0), at(2027, 2, 1, 0, 0), ""},
	}
	for _, tt := range tests {
		got, err := s.Incidents(ctx, "ps", tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, inc := range got {
			names = append(names, inc.Description)
		}
		if strings.Join(names, "|") != tt.want {
			t.Errorf("%s – %s: %q\nwant %q", tt.from.Format("2006-01-02"), tt.to.Format("2006-01-02"), strings.Join(names, "|"), tt.want)
		}
	}
	if got, err := s.Incidents(ctx, "other", at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0)); err != nil || len(got) != 0 {
		t.Errorf("another agreement's incidents: %v, %v; want none", got, err)
	}
}

func TestIncidentsQueryUsesTheIndex(t *testing.T) {
	s := withIncidentAgreement(t)
	plan := queryPlan(t, s.read, `SELECT `+incidentColumns+
		` FROM incidents WHERE agreement_id = ? AND start < ? AND "end" > ? ORDER BY start, id`, "ps", "2027", "2026")
	if p := strings.Join(plan, "; "); !strings.Contains(p, "USING INDEX incidents_agreement (agreement_id=? AND start<?)") {
		t.Errorf("plan %q does not search the (agreement_id, start) index", p)
	}
}

func TestIncidentValidation(t *testing.T) {
	s := withIncidentAgreement(t)
	ctx := context.Background()
	start := at(2026, 11, 10, 10, 0)
	tests := []struct {
		inc   model.Incident
		field string
	}{
		{model.Incident{AgreementID: "ps", Start: start, End: start.Add(-time.Minute)}, "end"},
		{model.Incident{AgreementID: "ps", Start: start, End: start}, "end"},
		{model.Incident{AgreementID: "ps", End: start}, "start"},
		{model.Incident{AgreementID: "ps", Start: start, End: start.Add(time.Hour), Excluded: true}, "exclude_reason"},
		{model.Incident{Start: start, End: start.Add(time.Hour)}, "agreement_id"},
		{model.Incident{AgreementID: "ps", Start: start, End: start.AddDate(9000, 0, 0)}, "end"},
	}
	for _, tt := range tests {
		_, err := s.AddIncident(ctx, &tt.inc)
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%+v: %v, want an error naming %s", tt.inc, err, tt.field)
		}
	}
	if _, err := s.AddIncident(ctx, &model.Incident{AgreementID: "nope", Start: start, End: start.Add(time.Hour)}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v, want ErrNotFound", err)
	}
	if n := countRows(t, s, "incidents"); n != 0 {
		t.Errorf("%d incidents stored by refused writes", n)
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.read.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIncidentUpdateDeleteAndAudit(t *testing.T) {
	s := withIncidentAgreement(t)
	ctx := context.Background()
	inc := model.Incident{AgreementID: "ps", Start: at(2026, 11, 10, 10, 0), End: at(2026, 11, 10, 13, 37)}
	id, err := s.AddIncident(ctx, &inc)
	if err != nil {
		t.Fatal(err)
	}
	inc.ID, inc.Planned, inc.Description = id, true, "upgrade"
	if err := s.UpdateIncident(ctx, &inc); err != nil {
		t.Fatal(err)
	}
	got, err := s.Incidents(ctx, "ps", at(2026, 11, 1, 0, 0), at(2026, 12, 1, 0, 0))
	if err != nil || len(got) != 1 || !same(got[0], inc) {
		t.Fatalf("after update: %+v, %v; want %+v", got, err, inc)
	}

	// An incident is only reachable through its own agreement.
	wrong := inc
	wrong.AgreementID = "other"
	if err := s.UpdateIncident(ctx, &wrong); !errors.Is(err, ErrNotFound) {
		t.Errorf("update through another agreement: %v, want ErrNotFound", err)
	}
	if err := s.DeleteIncident(ctx, "other", id); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete through another agreement: %v, want ErrNotFound", err)
	}
	if err := s.DeleteIncident(ctx, "ps", id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteIncident(ctx, "ps", id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if n := countRows(t, s, "incidents"); n != 0 {
		t.Errorf("%d incidents left after delete", n)
	}

	log, err := s.AuditLog(ctx, "ps", 10)
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: delete, update, create, then the agreement's own create.
	if len(log) != 4 {
		t.Fatalf("%d audit entries, want 4: %+v", len(log), log)
	}
	decode := func(s string) model.Incident {
		var i model.Incident
		if s != "" {
			if err := json.Unmarshal([]byte(s), &i); err != nil {
				t.Fatal(err)
			}
		}
		return i
	}
	for i, want := range []struct {
		action              string
		beforeDesc, afterDe string
		hasBefore, hasAfter bool
	}{
		{"delete", "upgrade", "", true, false},
		{"update", "", "upgrade", true, true},
		{"create", "", "", false, true},
	} {
		e := log[i]
		if e.Entity != "incident" || e.Action != want.action || (e.Before != "") != want.hasBefore || (e.After != "") != want.hasAfter ||
			decode(e.Before).Description != want.beforeDesc || decode(e.After).Description != want.afterDe {
			t.Errorf("audit entry %d: %+v, want %s of an incident", i, e, want.action)
		}
	}
	if created := decode(log[2].After); created.ID != id || !created.End.Equal(inc.End) {
		t.Errorf("the create entry records %+v, want incident %d", created, id)
	}
}

func TestSLAAgreements(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// Five agreements with SLA terms (a1…a5 in register order) among three without.
	var list []*model.Agreement
	for i, id := range []string{"a1", "x1", "a2", "a3", "x2", "a4", "x3", "a5"} {
		a := sampleAgreement(id, fmt.Sprintf("Supplier %d AB", i))
		if id[0] == 'a' {
			a.SLA = &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.5}
		}
		list = append(list, a)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	ids := func(rows []SLARow) (out []string) {
		for _, r := range rows {
			out = append(out, r.Agreement.ID)
		}
		return out
	}
	first, err := s.SLAAgreements(ctx, "", 2, false)
	if err != nil || !slices.Equal(ids(first), []string{"a1", "a2"}) || first[0].Agreement.SLA == nil || first[0].Agreement.SLA.TargetPct != 99.5 {
		t.Fatalf("first page: %v, %v; want a1 and a2 with their terms", ids(first), err)
	}
	next, _ := s.SLAAgreements(ctx, first[1].SortKey, 2, false)
	last, _ := s.SLAAgreements(ctx, "\U0010FFFF", 2, true)
	before, _ := s.SLAAgreements(ctx, next[0].SortKey, 2, true)
	for _, tt := range []struct {
		name      string
		got, want []string
	}{
		{"next page", ids(next), []string{"a3", "a4"}},
		{"last page", ids(last), []string{"a4", "a5"}},
		{"page before a3", ids(before), []string{"a1", "a2"}},
	} {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if n, err := s.SLACount(ctx, "\U0010FFFF"); n != 5 || err != nil {
		t.Errorf("SLACount of all = %d, %v; want 5", n, err)
	}
	if n, err := s.SLACount(ctx, next[0].SortKey); n != 2 || err != nil {
		t.Errorf("SLACount before a3 = %d, %v; want 2 (a1, a2)", n, err)
	}
}

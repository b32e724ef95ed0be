package store

import (
	"context"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

func TestNoticeLifecycle(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	centuri := sampleAgreement("centuri-saas", "Centuri AB")
	centuri.SubPolicy = &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, SilenceAccepts: true, Clause: "DPA 8.2"}
	if err := s.PutAgreements(ctx, []*model.Agreement{centuri, sampleAgreement("other", "Other AB")}, false); err != nil {
		t.Fatal(err)
	}
	received := model.MustDate(2026, 12, 1)
	add := subproc.Notice{Received: received, Change: subproc.ChangeAdd,
		Sub: model.SubProcessor{Name: "Acme Hosting AB", Country: "SE", Purpose: "hosting"}}
	id, err := s.RecordNotice(ctx, "centuri-saas", add)
	if err != nil {
		t.Fatal(err)
	}
	open, err := s.OpenNotices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != id || open[0].AgreementID != "centuri-saas" || open[0].AgreementTitle != "Centuri AB SaaS" ||
		open[0].Policy == nil || open[0].Policy.ObjectionWindow.N != 14 || open[0].Notice.Sub.Name != "Acme Hosting AB" {
		t.Fatalf("open notices = %+v", open)
	}
	// The calendar's view: 2026-12-01 + 14 days = 2026-12-15, a Tuesday.
	dl, ok := subproc.Evaluate(open[0].Policy, open[0].Notice).Deadline(open[0].AgreementID, false, model.English)
	if !ok || dl.Date.String() != "2026-12-15" || dl.ActBy.String() != "2026-12-15" || dl.AgreementID != "centuri-saas" {
		t.Errorf("deadline from an open notice = %+v", dl)
	}
	a, _ := s.Agreement(ctx, "centuri-saas")
	if len(a.Subs) != 2 || a.Subs[1].Name != "Acme Hosting AB" || a.Subs[1].Status != model.SubProposed {
		t.Fatalf("a recorded add should put the sub-processor in as proposed: %+v", a.Subs)
	}

	// A re-import of the agreement keeps its notices and history.
	if err := s.PutAgreement(ctx, centuri, true); err != nil {
		t.Fatalf("re-import with notices on file: %v", err)
	}
	if ns, _ := s.Notices(ctx, "centuri-saas"); len(ns) != 1 {
		t.Errorf("re-import lost the notices: %+v", ns)
	}

	decided := model.MustDate(2026, 12, 10)
	if err := s.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Accept, Date: decided, Comment: "checked the DPA"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Accept, Date: model.MustDate(2026, 11, 1)}); err == nil {
		t.Error("a decision dated before the notice was received was stored")
	}
	if err := s.DecideNotice(ctx, 999, subproc.Decision{Verdict: subproc.Accept, Date: decided}); err == nil {
		t.Error("a decision on a notice that does not exist was accepted")
	}
	ns, err := s.Notices(ctx, "centuri-saas")
	if err != nil {
		t.Fatal(err)
	}
	if d := ns[0].Notice.Decision; d == nil || d.Verdict != subproc.Accept || !d.Date.Equal(decided) || d.Comment != "checked the DPA" {
		t.Errorf("decision read back = %+v", d)
	}
	if open, _ := s.OpenNotices(ctx); len(open) != 0 {
		t.Errorf("a decided notice is still open: %+v", open)
	}
	// The re-import put the register back to the YAML (FourEdge only), so
	// the accepted notice brings Acme in again, approved from the decision.
	a, _ = s.Agreement(ctx, "centuri-saas")
	if len(a.Subs) != 2 || a.Subs[1].Status != model.SubApproved || !a.Subs[1].Since.Equal(decided) {
		t.Errorf("after accepting: %+v", a.Subs)
	}
	hist, _ := s.SubHistory(ctx, "centuri-saas")
	last := hist[len(hist)-1]
	if last.NoticeID != id || last.Name != "Acme Hosting AB" || !last.Date.Equal(decided) {
		t.Errorf("the history does not name the notice: %+v", last)
	}
	log, _ := s.AuditLog(ctx, "centuri-saas", 1)
	if len(log) != 1 || log[0].Entity != "sub_notice" || log[0].Action != "decide" {
		t.Errorf("audit: %+v", log)
	}
}

func TestRecordNoticesIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutAgreement(ctx, sampleAgreement("centuri-saas", "Centuri AB"), false); err != nil {
		t.Fatal(err)
	}
	good := subproc.Notice{Received: model.MustDate(2026, 12, 1), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "Acme AB", Country: "SE"}}
	bad := good
	bad.Sub.Name, bad.Sub.Country = "Nowhere Ltd", "XX"
	if _, err := s.RecordNotices(ctx, "centuri-saas", []subproc.Notice{good, bad}); err == nil {
		t.Fatal("a notice with country XX was accepted")
	}
	if _, err := s.RecordNotice(ctx, "no-such", good); err == nil {
		t.Fatal("a notice for an unknown agreement was accepted")
	}
	ns, _ := s.Notices(ctx, "centuri-saas")
	a, _ := s.Agreement(ctx, "centuri-saas")
	hist, _ := s.SubHistory(ctx, "centuri-saas")
	if len(ns) != 0 || len(a.Subs) != 1 || len(hist) != 0 {
		t.Errorf("a refused batch left %d notices, %d subs, %d history rows", len(ns), len(a.Subs), len(hist))
	}
}

// TestRecordNoticesFitTheRegister checks that the store itself refuses
// what subproc.FitRegister refuses, whichever face sends the notices: an
// add of a sub-processor in use, an add that says nowhere where data goes,
// a list whose second add repeats its first. Nothing of a refused list is
// kept. A region stands for the country: an add in the EEA is recorded
// with its region, on the notice and in the register.
func TestRecordNoticesFitTheRegister(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutAgreement(ctx, sampleAgreement("centuri-saas", "Centuri AB"), false); err != nil {
		t.Fatal(err)
	}
	day := model.MustDate(2026, 12, 1)
	add := func(name, country, region string) subproc.Notice {
		return subproc.Notice{Received: day, Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: name, Country: country, Region: region}}
	}
	refused := []struct {
		name    string
		notices []subproc.Notice
		want    string
	}{
		{"add of one in use", []subproc.Notice{add("fouredge ab", "SE", "")}, "subprocessor.name: already in use"},
		{"add of nowhere", []subproc.Notice{add("Molnet AB", "", "")}, "subprocessor.country: say where"},
		{"a region as typed", []subproc.Notice{add("Molnet AB", "", "EES")}, `subprocessor.region: "EES" is written EEA`},
		{"the same add twice", []subproc.Notice{add("Molnet AB", "SE", ""), add("MOLNET AB", "SE", "")}, "notice 2 (MOLNET AB): subprocessor.name: already in use"},
	}
	for _, tt := range refused {
		if _, err := s.RecordNotices(ctx, "centuri-saas", tt.notices); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	ns, _ := s.Notices(ctx, "centuri-saas")
	a, _ := s.Agreement(ctx, "centuri-saas")
	if len(ns) != 0 || len(a.Subs) != 1 {
		t.Fatalf("refused notices left %d notices and %d entries", len(ns), len(a.Subs))
	}

	if _, err := s.RecordNotice(ctx, "centuri-saas", add("Molnet AB", "", "EEA")); err != nil {
		t.Fatal(err)
	}
	ns, _ = s.Notices(ctx, "centuri-saas")
	a, _ = s.Agreement(ctx, "centuri-saas")
	if len(ns) != 1 || ns[0].Notice.Sub.Region != "EEA" || len(a.Subs) != 2 || a.Subs[1].Region != "EEA" || a.Subs[1].Country != "" {
		t.Errorf("an add in the EEA: notices %+v, register %+v", ns, a.Subs)
	}
	// An entry edited by hand is held to the same region check.
	if err := s.AddSub(ctx, "centuri-saas", model.SubProcessor{Name: "Norr AB", Region: "SE", Status: model.SubApproved}, day); err == nil ||
		!strings.Contains(err.Error(), "region") {
		t.Errorf("a country code as a region: %v", err)
	}
}

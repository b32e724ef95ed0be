package store

import (
	"context"
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

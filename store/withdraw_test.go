package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

// An accepted replace decided by mistake is withdrawn: the notice is open
// again, FourEdge is back in use and Acme proposed; the audit log keeps
// both sides. A notice without a decision, or whose entry was edited since,
// is refused and nothing changes.
func TestUndoDecision(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	centuri := sampleAgreement("centuri-saas", "Centuri AB") // FourEdge AB, approved
	centuri.SubPolicy = &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, Clause: "DPA 8.2"}
	putAll(t, s, centuri)
	before, _ := s.Agreement(ctx, "centuri-saas")
	n := subproc.Notice{Received: model.MustDate(2026, 12, 1), Change: subproc.ChangeReplace, Replaces: "FourEdge AB",
		Sub: model.SubProcessor{Name: "Acme Hosting AB", Country: "SE"}}
	id, err := s.RecordNotice(ctx, "centuri-saas", n)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoDecision(ctx, id); !errors.Is(err, ErrNotDecided) {
		t.Errorf("undo of an open notice: %v", err)
	}
	if err := s.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Accept, Date: model.MustDate(2026, 12, 10)}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.UndoDecision(ctx, id); err != nil || r.ID != id || r.Notice.Decision != nil || r.Policy == nil {
		t.Fatalf("UndoDecision = %+v, %v", r, err)
	}
	open, err := s.OpenNotices(ctx)
	if err != nil || len(open) != 1 || open[0].ID != id || open[0].Notice.Decision != nil {
		t.Errorf("open notices after the undo: %+v, %v", open, err)
	}
	a, _ := s.Agreement(ctx, "centuri-saas")
	if len(a.Subs) != 2 || a.Subs[0] != before.Subs[0] || a.Subs[1].Name != "Acme Hosting AB" || a.Subs[1].Status != model.SubProposed || !a.Subs[1].Since.IsZero() {
		t.Errorf("register after the undo: %+v\nFourEdge was %+v", a.Subs, before.Subs[0])
	}
	log, _ := s.AuditLog(ctx, "centuri-saas", 1)
	if len(log) != 1 || log[0].Entity != "sub_notice" || log[0].Action != "undo_decision" ||
		!strings.Contains(log[0].Before, `"verdict":"accept"`) || strings.Contains(log[0].After, "verdict") {
		t.Errorf("audit: %+v", log)
	}
	if _, err := s.UndoDecision(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo of no notice: %v", err)
	}

	// Accepted again, then Acme's purpose edited by hand: the undo would
	// lose the edit, so it is refused and the notice stays decided.
	if err := s.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Accept, Date: model.MustDate(2026, 12, 10)}); err != nil {
		t.Fatal(err)
	}
	a, _ = s.Agreement(ctx, "centuri-saas")
	edited := a.Subs[1]
	edited.Purpose = "backups"
	if err := s.EditSub(ctx, "centuri-saas", edited.Name, edited, model.MustDate(2026, 12, 11)); err != nil {
		t.Fatal(err)
	}
	var changed *subproc.ChangedSinceError
	if _, err := s.UndoDecision(ctx, id); !errors.As(err, &changed) || changed.Name != "Acme Hosting AB" {
		t.Errorf("undo after an edit: %v", err)
	}
	if open, _ := s.OpenNotices(ctx); len(open) != 0 {
		t.Errorf("a refused undo opened the notice: %+v", open)
	}
}

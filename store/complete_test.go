package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/extract"
	"avtal/model/subproc"
)

// propose stores a proposal for an agreement as an import would, for the
// kinds the extractor may not propose yet.
func propose(t *testing.T, s *Store, agreementID string, p extract.Proposal) int64 {
	t.Helper()
	payload, _ := json.Marshal(p)
	res, err := s.write.Exec("INSERT INTO proposals(agreement_id, kind, clause, evidence, payload) VALUES (?, ?, ?, ?, ?)",
		agreementID, p.Kind, p.Clause, p.Evidence, string(payload))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func accept(t *testing.T, s *Store, ids ...int64) {
	t.Helper()
	for _, id := range ids {
		if _, err := s.DecideProposal(context.Background(), id, true); err != nil {
			t.Fatalf("accept %d: %v", id, err)
		}
	}
}

func TestAcceptedTermSupplierAndDatesCompleteAnImportedAgreement(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := importPlan(t, s, "", drift(t)).AgreementID
	months := func(n int) model.Period { return model.Period{N: n, Unit: model.Months} }
	term := propose(t, s, id, extract.Proposal{Kind: extract.ProposeTerm, Clause: "1.2",
		Term: &model.Term{Initial: months(24), Renewal: months(12), Notice: months(3), Clause: "1.2"}})
	supplier := propose(t, s, id, extract.Proposal{Kind: extract.ProposeSupplier, Supplier: &model.Party{Name: "Norrsken Drift AB", OrgNumber: "556677-8899"}})
	start := propose(t, s, id, extract.Proposal{Kind: extract.ProposeField, Field: &extract.Field{Name: "start", Value: "2025-01-01"}})

	from, to := model.MustDate(2026, 1, 1), model.MustDate(2027, 12, 31)
	calendar := func() []model.Deadline {
		as, recs, err := s.DeadlineInputs(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := deadlines.All(ctx, as, recs, from, to, model.English)
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	if d := calendar(); len(d) != 0 {
		t.Fatalf("a draft without a term has deadlines: %+v", d)
	}
	accept(t, s, term, supplier, start)
	a, err := s.SetFields(ctx, id, []string{"status=active"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Supplier.Name != "Norrsken Drift AB" || a.Supplier.OrgNumber != "556677-8899" || a.Start != model.MustDate(2025, 1, 1) ||
		a.Term.Initial != months(24) || a.Status != model.StatusActive {
		t.Fatalf("agreement %+v", a)
	}
	// 24 months from 2025-01-01 end 2026-12-31; 3 months' notice before: 2026-09-30.
	var cancelBy bool
	for _, d := range calendar() {
		if d.Kind == model.DLTermination && d.Date == model.MustDate(2026, 9, 30) {
			cancelBy = true
		}
	}
	if !cancelBy {
		t.Errorf("no cancel-by date on 2026-09-30 in %+v", calendar())
	}
	// The list sorts and shows by the supplier's name, so its column follows.
	rows, _ := s.Page(ctx, "", 10, false)
	if len(rows) != 1 || rows[0].Agreement.Supplier.Name != "Norrsken Drift AB" || !strings.HasPrefix(rows[0].SortKey, "norrsken drift ab") {
		t.Errorf("list row %+v", rows)
	}
	// Each accepted proposal is one audited update with before and after.
	var before, after string
	if err := s.read.QueryRow(`SELECT before, after FROM audit_log WHERE entity = 'agreement' AND action = 'update' ORDER BY id LIMIT 1`).Scan(&before, &after); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(before, "24 months") || !strings.Contains(after, `"initial":"24 months"`) {
		t.Errorf("audit before %s\nafter %s", before, after)
	}
}

func TestUndoPutsTheAgreementBackOrRefuses(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := importPlan(t, s, "", drift(t)).AgreementID
	original, _ := s.Agreement(ctx, id)
	term := propose(t, s, id, extract.Proposal{Kind: extract.ProposeTerm, Term: &model.Term{Initial: model.Period{N: 36, Unit: model.Months}}})
	law := propose(t, s, id, extract.Proposal{Kind: extract.ProposeField, Field: &extract.Field{Name: "governing_law", Value: "Norwegian law"}})
	accept(t, s, term, law)

	p, err := s.UndoProposal(ctx, term)
	if err != nil || p.Status != ProposalPending || p.DecidedAt != "" {
		t.Fatalf("undo: %v %+v", err, p)
	}
	if a, _ := s.Agreement(ctx, id); !a.Term.Initial.IsZero() || a.Law != "Norwegian law" {
		t.Errorf("after undoing the term: term %+v, law %q", a.Term, a.Law)
	}
	// A field edited since is not overwritten.
	if _, err := s.SetFields(ctx, id, []string{"governing_law=Swedish law"}); err != nil {
		t.Fatal(err)
	}
	_, err = s.UndoProposal(ctx, law)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "governing_law" {
		t.Fatalf("undo after an edit: %v", err)
	}
	if a, _ := s.Agreement(ctx, id); a.Law != "Swedish law" {
		t.Errorf("a refused undo changed the law to %q", a.Law)
	}
	if _, err := s.UndoProposal(ctx, term); !errors.Is(err, ErrConflict) {
		t.Errorf("undoing a pending proposal: %v, want ErrConflict", err)
	}
	// Accept again after the undo, then undo both: the agreement is as imported.
	accept(t, s, term)
	if _, err := s.SetFields(ctx, id, []string{"governing_law=Norwegian law"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int64{term, law} {
		if _, err := s.UndoProposal(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if a, _ := s.Agreement(ctx, id); a.Term != original.Term || a.Law != original.Law {
		t.Errorf("after undoing both: %+v, want %+v", a, original)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE entity = 'proposal' AND action = 'undo'"); n != 3 {
		t.Errorf("%d undos audited, want 3", n)
	}
}

func TestAcceptedObjectionWindowIsWhatNoticesCount(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := importPlan(t, s, "", drift(t)).AgreementID
	rule := model.Rule{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: 30, Unit: model.Days}, Clause: "4.2"}
	n := propose(t, s, id, extract.Proposal{Kind: extract.ProposeRule, Clause: "4.2", Rule: &rule})
	accept(t, s, n)
	a, _ := s.Agreement(ctx, id)
	if a.SubPolicy == nil || a.SubPolicy.ObjectionWindow != rule.Offset || a.SubPolicy.Clause != "4.2" {
		t.Fatalf("policy %+v", a.SubPolicy)
	}
	// The notice check and the calendar count the same 30 days.
	received := model.MustDate(2026, 3, 2)
	if got := subproc.Evaluate(a.SubPolicy, subproc.Notice{Received: received}).ObjectionBy; got != model.MustDate(2026, 4, 1) {
		t.Errorf("objection by %s, want 2026-04-01", got)
	}
	if _, err := s.UndoProposal(ctx, n); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agreement(ctx, id); a.SubPolicy != nil || len(a.Rules) != 0 {
		t.Errorf("after undo: policy %+v, rules %+v", a.SubPolicy, a.Rules)
	}
}

func TestSetFieldsIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := importPlan(t, s, "", drift(t)).AgreementID
	audits := count(t, s, "SELECT count(*) FROM audit_log")
	_, err := s.SetFields(ctx, id, []string{"owner=Eva", "term.initial=12 months", "term.renewal=0 months"})
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "term.renewal" {
		t.Fatalf("err = %v, want term.renewal named", err)
	}
	if a, _ := s.Agreement(ctx, id); a.Owner != "" || !a.Term.Initial.IsZero() {
		t.Errorf("a refused set wrote %+v", a)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log"); n != audits {
		t.Errorf("a refused set was audited")
	}
	if _, err := s.SetFields(ctx, "no-such", []string{"owner=Eva"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v", err)
	}
	_, err = s.EditAgreement(ctx, id, func(a *model.Agreement) error { a.ID = "other"; return nil })
	if !errors.As(err, &fe) || fe.Field != "id" {
		t.Errorf("changing the id: %v", err)
	}
	// A refused proposal leaves it pending and the agreement as it was.
	bad := propose(t, s, id, extract.Proposal{Kind: extract.ProposeField, Field: &extract.Field{Name: "start", Value: "2025-02-30"}})
	if _, err := s.DecideProposal(ctx, bad, true); !errors.As(err, &fe) || fe.Field != "start" {
		t.Errorf("accepting an impossible date: %v", err)
	}
	if p, _ := s.Proposals(ctx, id, ProposalPending); len(p) == 0 || p[len(p)-1].ID != bad {
		t.Errorf("the refused proposal is no longer pending")
	}
}

func TestCorrectProposalAcceptsWhatWasTypedAndAuditsTheFinding(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := importPlan(t, s, "", drift(t)).AgreementID
	rule := propose(t, s, id, extract.Proposal{Kind: extract.ProposeRule, Clause: "4", Evidence: "pay within a month",
		Rule: &model.Rule{Kind: model.DLPayment, Anchor: model.EventAnchor("invoice"), Offset: model.Period{N: 20, Unit: model.Days}, Clause: "4"}})
	term := propose(t, s, id, extract.Proposal{Kind: extract.ProposeTerm, Clause: "2",
		Term: &model.Term{Initial: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 60, Unit: model.Days}}})

	// A refused value names it and stores nothing.
	audits := count(t, s, "SELECT count(*) FROM audit_log")
	_, err := s.CorrectProposal(ctx, rule, map[string]string{"offset": "a month"})
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "offset" {
		t.Fatalf("err = %v, want offset named", err)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log"); n != audits {
		t.Error("a refused correction was audited")
	}
	if a, _ := s.Agreement(ctx, id); len(a.Rules) != 0 {
		t.Errorf("a refused correction added %+v", a.Rules)
	}

	p, err := s.CorrectProposal(ctx, rule, map[string]string{"offset": "30 dagar"})
	if err != nil || p.Status != ProposalAccepted || p.Rule.Offset != (model.Period{N: 30, Unit: model.Days}) || p.Evidence != "pay within a month" {
		t.Fatalf("corrected: %v %+v", err, p)
	}
	if _, err := s.CorrectProposal(ctx, term, map[string]string{"term.notice": "3 months"}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Agreement(ctx, id)
	if len(a.Rules) != 1 || a.Rules[0].Offset.N != 30 || a.Term.Notice != (model.Period{N: 3, Unit: model.Months}) || a.Term.Initial.N != 12 {
		t.Errorf("agreement: rules %+v, term %+v", a.Rules, a.Term)
	}
	var before, after string
	if err := s.read.QueryRow(`SELECT before, after FROM audit_log WHERE entity = 'proposal' AND action = 'corrected' ORDER BY id LIMIT 1`).Scan(&before, &after); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(before, `"offset":"20 days"`) || !strings.Contains(after, `"offset":"30 days"`) {
		t.Errorf("audit before %s\nafter %s", before, after)
	}
	// Undone, the corrected proposal is pending again and the rule gone;
	// a decided one cannot be corrected.
	if _, err := s.UndoProposal(ctx, rule); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agreement(ctx, id); len(a.Rules) != 0 {
		t.Errorf("after undo: %+v", a.Rules)
	}
	if _, err := s.CorrectProposal(ctx, term, map[string]string{"term.notice": "1 month"}); !errors.Is(err, ErrConflict) {
		t.Errorf("correcting a decided proposal: %v", err)
	}
}

func TestCitedClauseFindsTheClauseAProposalNames(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	res := importPlan(t, s, "", drift(t))
	ps, err := s.Proposals(ctx, res.AgreementID, "")
	if err != nil {
		t.Fatal(err)
	}
	var cited ProposalRow
	for _, p := range ps {
		if p.Clause != "" && p.DocumentID != 0 {
			cited = p
			break
		}
	}
	id, err := s.CitedClause(ctx, cited.DocumentID, cited.Clause)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Clause(ctx, id)
	if err != nil || c.Number != cited.Clause || !strings.Contains(c.Body, strings.TrimSuffix(cited.Evidence, "…")[:20]) {
		t.Errorf("clause %+v for proposal %+v (%v)", c, cited, err)
	}
	if _, err := s.CitedClause(ctx, cited.DocumentID, "99.9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a clause the document lacks: %v", err)
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/clausediff"
	"avtal/model/docimport"
	"avtal/model/extract"
)

// drift is the small service agreement the import's tests share (see
// model/docimport/testdata): numbered clauses, a credit table, a
// sub-processor table and an appendix that amends two clauses.
func drift(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../model/docimport/testdata/drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// driftV2 rewords 3.1, drops 2.1 and adds 3.3; everything else is as in drift.
func driftV2(t testing.TB) string {
	return strings.NewReplacer(
		"3.1 Norrsken lovar en upptid om 99,5 % per månad.", "3.1 Norrsken lovar en upptid om 99,7 % per månad.",
		"2.1 Norrsken fakturerar kvartalsvis. Fakturan ska betalas inom trettio (30) dagar.\n", "",
		"4. Underbiträden", "3.3 Planerade avbrott meddelas en vecka i förväg.\n4. Underbiträden",
	).Replace(drift(t))
}

func plan(t *testing.T, text string) docimport.Plan {
	t.Helper()
	p, err := docimport.Prepare("drift.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func importPlan(t *testing.T, s *Store, agreementID, text string) ImportResult {
	t.Helper()
	res, err := s.ImportDocuments(context.Background(), ImportRequest{AgreementID: agreementID, Source: "drift.txt", Plan: plan(t, text)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// count returns the number of rows of a table (or a query's single number).
func TestImportCreatesADraftAgreement(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	res := importPlan(t, s, "", drift(t))
	if res.AgreementID != "norrsken-moln" || !res.Created || res.Title != "DRIFTAVTAL FÖR NORRSKEN MOLN" {
		t.Fatalf("result: %+v", res)
	}
	// One document: the preamble, 4 chapters with 6 clauses, the appendix
	// heading and its 2 items = 1 + 4 + 6 + 1 + 2 = 14 clauses.
	if len(res.Documents) != 1 || res.Documents[0].Clauses != 14 || res.Documents[0].Replaces != nil || res.Clauses() != 14 {
		t.Fatalf("documents: %+v", res.Documents)
	}
	a, err := s.Agreement(ctx, "norrsken-moln")
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != model.StatusDraft || a.Supplier.Name != "Norrsken Drift AB" || a.Kind != model.KindGeneralTerms || len(a.Documents[0].Clauses) != 14 {
		t.Errorf("agreement: %+v", a)
	}
	// Suggested tags are stored but are not the clauses' tags yet.
	for _, c := range a.Documents[0].Clauses {
		if len(c.Tags) > 0 {
			t.Errorf("clause %s has tags %q before the user confirmed any", c.Number, c.Tags)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM clause_tags t JOIN clauses c ON c.id = t.clause_id
		WHERE c.number = '2.1' AND t.tag = 'payment' AND t.suggested`); n != 1 {
		t.Errorf("2.1 should carry payment as a suggested tag, %d rows", n)
	}
	// Rule 1.2, rule 2.1, tiers 3.2, two sub-processors of 4.1, and the two
	// amendments of A.1 and A.2: 7 pending proposals.
	var kinds []string
	for _, p := range res.Proposals {
		kinds = append(kinds, string(p.Kind)+" "+p.Clause)
		if p.Status != ProposalPending || p.ID == 0 {
			t.Errorf("proposal %+v not stored as pending", p)
		}
	}
	want := []string{"supplier ", "term 1.1", "term 1.2", "rule 2.1", "sla_tiers 3.2", "subprocessor 4.1", "subprocessor 4.1", "amendment A.1", "amendment A.2"}
	if !slices.Equal(kinds, want) {
		t.Errorf("proposals %q\nwant %q", kinds, want)
	}
	stored, err := s.Proposals(ctx, "norrsken-moln", ProposalPending)
	if err != nil || len(stored) != 9 || stored[4].Tiers[0] != (model.CreditTier{Below: 99.5, CreditPct: 10}) {
		t.Errorf("stored proposals (%v): %+v", err, stored)
	}
	amends, err := s.Amendments(ctx, "norrsken-moln")
	if err != nil {
		t.Fatal(err)
	}
	if len(amends) != 2 || amends[0].Target != "2.1" || amends[0].Kind != extract.AmendRemoved || amends[0].Confirmed ||
		amends[1].Target != "1.2" || amends[1].Kind != extract.AmendChanged || amends[1].ByClause != "A.2" ||
		amends[1].Document != "DRIFTAVTAL FÖR NORRSKEN MOLN" || amends[1].ByClauseID == 0 {
		t.Errorf("amendments: %+v", amends)
	}
	log, _ := s.AuditLog(ctx, "norrsken-moln", 10)
	if len(log) != 2 || log[0].Action != "import" || log[1].Action != "create" || !strings.Contains(log[0].After, `"source":"drift.txt"`) {
		t.Errorf("audit: %+v", log)
	}

	// The same file again makes a second agreement under a free id.
	if again := importPlan(t, s, "", drift(t)); again.AgreementID != "norrsken-moln-2" {
		t.Errorf("second import: %q, want norrsken-moln-2", again.AgreementID)
	}
}

func TestImportNewVersionKeepsTheOld(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	first := importPlan(t, s, "", drift(t))
	id := first.AgreementID
	// The user confirmed that A.1 removes 2.1 before the new version came.
	if _, err := s.DecideProposal(ctx, proposalOf(t, first, "A.1").ID, true); err != nil {
		t.Fatal(err)
	}
	res := importPlan(t, s, id, driftV2(t))
	if res.Created || res.AgreementID != id || len(res.Documents) != 1 {
		t.Fatalf("result: %+v", res)
	}
	d := res.Documents[0]
	if d.Replaces == nil || d.Replaces.ID != first.Documents[0].ID || d.Version != "2" || d.Replaces.Version != "" {
		t.Errorf("replaces %+v, version %q; want the first document, version 2", d.Replaces, d.Version)
	}
	for _, c := range []struct {
		kind clausediff.Kind
		want []string
	}{{clausediff.Added, []string{"3.3"}}, {clausediff.Removed, []string{"2.1"}}, {clausediff.Changed, []string{"3.1"}}} {
		if got := clausediff.Numbers(d.Diff, c.kind); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.kind, got, c.want)
		}
	}
	stored, err := s.ClauseDiff(ctx, d.Replaces.ID, d.ID)
	if err != nil || len(stored) != len(d.Diff) {
		t.Errorf("ClauseDiff: %v, %d changes, want %d", err, len(stored), len(d.Diff))
	}
	// Both versions are stored; the old one is superseded and the
	// agreement shows the new one only.
	if n := count(t, s, "SELECT count(*) FROM documents WHERE agreement_id = ? AND superseded", id); n != 1 {
		t.Errorf("%d superseded documents, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM clauses WHERE agreement_id = ? AND number = '2.1'", id); n != 1 {
		t.Errorf("the old version's 2.1 is gone (%d rows)", n)
	}
	a, _ := s.Agreement(ctx, id)
	// v2 drops 2.1 and adds 3.3: 14 clauses again.
	if len(a.Documents) != 1 || len(a.Documents[0].Clauses) != 14 {
		t.Errorf("agreement shows %d documents", len(a.Documents))
	}
	// Only the proposals not made before are new: none, since the rule of
	// 2.1 went with the clause and the rest is unchanged.
	if len(res.Proposals) != 0 {
		t.Errorf("re-import proposed again: %+v", res.Proposals)
	}
	// The proposals of v1 still pending move to v2, but for 2.1's rule,
	// whose clause v2 dropped: the supplier, the term of 1.1 and 1.2, the
	// tiers, 2 sub-processors and the amendment of A.2 (A.1's was accepted) = 7.
	pending, _ := s.Proposals(ctx, id, ProposalPending)
	var clauses []string
	for _, p := range pending {
		clauses = append(clauses, p.Clause)
	}
	if want := []string{"", "1.1", "1.2", "3.2", "4.1", "4.1", "A.2"}; !slices.Equal(clauses, want) {
		t.Errorf("pending proposals of %q, want %q", clauses, want)
	}
	// The amendments move to the new version and keep their decisions.
	amends, _ := s.Amendments(ctx, id)
	if len(amends) != 2 || !amends[0].Confirmed || amends[1].Confirmed || amends[0].ByClauseID == first.Amendments[0].ByClauseID {
		t.Errorf("amendments after the new version: %+v", amends)
	}
}

func TestImportWritesNothingOnError(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.ImportDocuments(ctx, ImportRequest{AgreementID: "nope", Plan: plan(t, drift(t))}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v, want ErrNotFound", err)
	}
	bad := plan(t, drift(t))
	bad.Documents[0].Clauses = append(bad.Documents[0].Clauses, model.Clause{Number: "1.1", Heading: "igen"})
	if _, err := s.ImportDocuments(ctx, ImportRequest{Plan: bad}); err == nil || !strings.Contains(err.Error(), `"1.1" appears twice`) {
		t.Errorf("duplicate clause: %v", err)
	}
	for _, table := range []string{"agreements", "documents", "clauses", "proposals", "amendments", "audit_log"} {
		if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%d rows in %s after failed imports", n, table)
		}
	}
}

func TestDecideProposal(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	res := importPlan(t, s, "", drift(t))
	id := res.AgreementID
	byKind := map[extract.ProposalKind]ProposalRow{}
	for _, p := range res.Proposals {
		if _, ok := byKind[p.Kind]; !ok {
			byKind[p.Kind] = p
		}
	}
	for _, k := range []extract.ProposalKind{extract.ProposeRule, extract.ProposeSLATiers, extract.ProposeSubProcessor, extract.ProposeAmendment} {
		p, err := s.DecideProposal(ctx, byKind[k].ID, true)
		if err != nil || p.Status != ProposalAccepted || p.DecidedAt == "" {
			t.Fatalf("accept %s: %v %+v", k, err, p)
		}
	}
	a, _ := s.Agreement(ctx, id)
	want := model.Rule{Kind: model.DLPayment, Anchor: model.EventAnchor("invoice"), Offset: model.Period{N: 30, Unit: model.Days}, Clause: "2.1"}
	if len(a.Rules) != 1 || a.Rules[0] != want {
		t.Errorf("rules %+v, want %+v", a.Rules, want)
	}
	if a.SLA == nil || a.SLA.Window.Kind != model.Window24x7 || a.SLA.Clause != "3.2" || len(a.SLA.Tiers) != 2 || a.SLA.Tiers[1] != (model.CreditTier{Below: 99, CreditPct: 25}) {
		t.Errorf("SLA %+v", a.SLA)
	}
	if len(a.Subs) != 1 || a.Subs[0].Name != "Fjällhallen Datacenter AB" || a.Subs[0].Country != "SE" || a.Subs[0].Clause != "4.1" {
		t.Errorf("sub-processors %+v", a.Subs)
	}
	amends, _ := s.Amendments(ctx, id)
	if !amends[0].Confirmed || amends[1].Confirmed {
		t.Errorf("only the first amendment was accepted: %+v", amends)
	}

	// Rejecting the other amendment hides it; nothing else changes.
	a2 := proposalOf(t, res, "A.2")
	if _, err := s.DecideProposal(ctx, a2.ID, false); err != nil {
		t.Fatal(err)
	}
	if amends, _ := s.Amendments(ctx, id); len(amends) != 1 || amends[0].Target != "2.1" {
		t.Errorf("after rejecting A.2: %+v", amends)
	}
	if _, err := s.DecideProposal(ctx, a2.ID, true); !errors.Is(err, ErrConflict) {
		t.Errorf("deciding twice: %v, want ErrConflict", err)
	}
	if _, err := s.DecideProposal(ctx, 9999, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown proposal: %v, want ErrNotFound", err)
	}
	pending, _ := s.Proposals(ctx, id, ProposalPending)
	all, _ := s.Proposals(ctx, id, "")
	// 9 proposals, 4 accepted and 1 rejected.
	if len(pending) != 4 || len(all) != 9 {
		t.Errorf("%d pending of %d, want 4 of 9", len(pending), len(all))
	}
	// Each decision is audited, and so is each change to the agreement.
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE entity = 'proposal'"); n != 5 {
		t.Errorf("%d proposal decisions audited, want 5", n)
	}
	if n := count(t, s, "SELECT count(*) FROM audit_log WHERE entity = 'agreement' AND action = 'update'"); n != 3 {
		t.Errorf("%d agreement updates audited, want 3 (the rule, the tiers and the sub-processor)", n)
	}
}

func TestImportWithoutSupplierAndManyClauses(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// 4 500 clauses take two statements (4 285 clauses of 7 values fit the
	// 30 000 parameters of one); every one must reach the full-text index.
	doc := docimport.Document{Document: model.Document{Name: "Stor bilaga"}}
	for i := range 4500 {
		doc.Clauses = append(doc.Clauses, model.Clause{Number: fmt.Sprintf("%d", i+1), Body: fmt.Sprintf("Rad %d om fjärrvärmeleverans.", i+1)})
	}
	doc.Suggested = make([][]string, len(doc.Clauses))
	doc.Suggested[4499] = []string{"price"}
	res, err := s.ImportDocuments(ctx, ImportRequest{Plan: docimport.Plan{Title: "Stor bilaga", Kind: model.KindOrder,
		Documents: []docimport.Document{doc}}})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Agreement(ctx, res.AgreementID)
	if res.AgreementID != "stor-bilaga" || a.Supplier.Name != docimport.UnknownSupplier || a.Kind != model.KindOrder {
		t.Errorf("id %q, supplier %q, kind %q", res.AgreementID, a.Supplier.Name, a.Kind)
	}
	// The index takes them in right after the import, in the same write turn.
	if err := s.WaitWrites(ctx); err != nil {
		t.Fatal(err)
	}
	if n := indexedHolding(t, s, "fjärrvärme"); n != 4500 {
		t.Errorf("%d clauses in the full-text index, want 4500", n)
	}
	if n := count(t, s, "SELECT count(*) FROM clause_tags t JOIN clauses c ON c.id = t.clause_id WHERE c.number = '4500' AND t.suggested"); n != 1 {
		t.Errorf("the last clause's suggested tag: %d rows", n)
	}
}

// A plan only Read, handed over while its analysis runs, is stored with
// the same suggested tags and proposals as a Prepared plan: the store
// writes the clauses meanwhile and the rest once the analysis is done. A
// plan nobody analyses is refused, and nothing is stored.
func TestImportStoresAPlanWhileItIsAnalysed(t *testing.T) {
	ctx := context.Background()
	stored := func(p docimport.Plan, analysed *docimport.Analysis) (tags []string, proposals []string) {
		s := openTemp(t)
		res, err := s.ImportDocuments(ctx, ImportRequest{Source: "drift.txt", Plan: p, Analysed: analysed})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Proposals {
			proposals = append(proposals, string(p.Kind)+" "+p.Clause)
		}
		rows, err := s.read.QueryContext(ctx, `SELECT c.number || ' ' || t.tag FROM clause_tags t JOIN clauses c ON c.id = t.clause_id
			WHERE t.suggested ORDER BY c.id, t.tag`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var tag string
			rows.Scan(&tag)
			tags = append(tags, tag)
		}
		return tags, proposals
	}
	read, err := docimport.Read("drift.txt", []byte(drift(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !read.NeedsAnalysis() {
		t.Fatal("a plan only read says it needs no analysis")
	}
	s := openTemp(t)
	if _, err := s.ImportDocuments(ctx, ImportRequest{Source: "drift.txt", Plan: read}); err == nil || countRows(t, s, "clauses") != 0 {
		t.Errorf("an unanalysed plan: %v, %d clauses stored; want it refused", err, countRows(t, s, "clauses"))
	}
	wantTags, wantProposals := stored(plan(t, drift(t)), nil)
	analysed := read.StartAnalysis()
	gotTags, gotProposals := stored(read, analysed)
	if len(wantTags) == 0 || len(wantProposals) == 0 {
		t.Fatalf("the fixture suggests %d tags and %d proposals; the test needs some of each", len(wantTags), len(wantProposals))
	}
	if !slices.Equal(gotTags, wantTags) || !slices.Equal(gotProposals, wantProposals) {
		t.Errorf("from a read plan: tags %v, proposals %v\nfrom a prepared one: tags %v, proposals %v", gotTags, gotProposals, wantTags, wantProposals)
	}
}

// proposalOf returns the import's proposal from a clause.
func proposalOf(t *testing.T, res ImportResult, clause string) ProposalRow {
	t.Helper()
	for _, p := range res.Proposals {
		if p.Clause == clause {
			return p
		}
	}
	t.Fatalf("no proposal from %s in %+v", clause, res.Proposals)
	return ProposalRow{}
}

// One sentence may give two fields, the law and the court: each is a
// proposal of its own, and importing the text again adds neither twice.
func TestImportTwoFieldsOfOneSentence(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	text := "Avtal om drift\n\n1. Tvister\n\nAvtalet lyder under svensk lag och tvister avgörs av Västerås tingsrätt.\n"
	fields := func(id string) []string {
		ps, err := s.Proposals(ctx, id, "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			if p.Kind == extract.ProposeField && p.Field.Name != "kind" {
				got = append(got, p.Field.Name+"="+p.Field.Value)
			}
		}
		slices.Sort(got)
		return got
	}
	res := importPlan(t, s, "", text)
	want := []string{"governing_law=Sweden", "venue=Västerås tingsrätt"}
	if got := fields(res.AgreementID); !slices.Equal(got, want) {
		t.Fatalf("fields proposed %q, want %q", got, want)
	}
	importPlan(t, s, res.AgreementID, text)
	if got := fields(res.AgreementID); !slices.Equal(got, want) {
		t.Errorf("after importing again: %q, want %q", got, want)
	}
}

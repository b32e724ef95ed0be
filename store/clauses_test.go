package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/extract"
)

// reviewRegister is two agreements written for these tests: "alfa" with
// general terms and an SLA whose numbers repeat, and "beta" with one
// document whose appendix D amends two of its clauses.
func reviewRegister() []*model.Agreement {
	alfa := sampleAgreement("alfa", "Alfa AB")
	alfa.Documents = []model.Document{
		{Name: "Allmänna villkor", Kind: model.KindGeneralTerms, Clauses: []model.Clause{
			{Number: "1", Heading: "Definitioner", Body: "Med Personuppgiftsbiträdesavtal menas bilagan om behandling."},
			{Number: "1.1", Heading: "Avtalstid"},
			{Number: "1.1.1", Heading: "Förlängning", Body: "Avtalet förlängs med tolv månader i taget."},
			{Number: "2", Heading: "Uppsägning", Body: "Uppsägningstiden är sex månader före periodens slut.", Tags: []string{"termination"}},
			{Number: "3", Heading: "Leverantörens ansvar", Body: "Leverantören svarar högst för avgifterna under tolv månader.", Tags: []string{"liability"}},
		}},
		{Name: "SLA", Kind: model.KindSLA, Clauses: []model.Clause{
			{Number: "1", Heading: "Tillgänglighet", Body: "Minst 99,5 % under servicetid."},
		}},
	}
	beta := sampleAgreement("beta", "Beta AB")
	beta.Documents = []model.Document{
		{Name: "Villkor", Clauses: []model.Clause{
			{Number: "4", Heading: "Avslut", Body: "Kundens uppsagning ska vara skriftlig."},
			{Number: "5", Heading: "Leverantör", Body: "En leverantör som tar in ett underbiträde meddelar kunden först."},
			{Number: "5.1", Heading: "Kopior", Body: "Kopior av avtal med underbiträden lämnas på begäran."},
			{Number: "6.", Heading: "Ansvar", Body: "Ansvaret är begränsat till avgifterna för ett år.", Tags: []string{"liability"}},
			{Number: "D", Heading: "Tillägg D", Body: "Punkt 5.1 utgår. I punkt 5 ersätts ordet först med genast."},
		}},
	}
	return []*model.Agreement{alfa, beta}
}

// openReview opens a temp store holding reviewRegister, with beta's
// amendments recorded as the importer would, and a fixed clock and user.
func openReview(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	s.who, s.clock = func() string { return "local:anna" }, func() time.Time { return time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC) }
	ctx := context.Background()
	if err := s.PutAgreements(ctx, reviewRegister(), false); err != nil {
		t.Fatal(err)
	}
	_, err := s.write.ExecContext(ctx, `INSERT INTO amendments(agreement_id, target_number, kind, by_clause_id, by_number, text, confirmed)
		SELECT 'beta', '5.1', 'removed', id, 'D', 'Punkt 5.1 utgår.', 1 FROM clauses WHERE agreement_id = 'beta' AND number = 'D'
		UNION ALL
		SELECT 'beta', '5', 'changed', id, 'D', 'I punkt 5 ersätts ordet först med genast.', 1 FROM clauses WHERE agreement_id = 'beta' AND number = 'D'`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// clauseID finds a clause's id by agreement, document and number.
func clauseID(t *testing.T, s *Store, agreement, document, number string) int64 {
	t.Helper()
	c, err := s.FindClause(context.Background(), agreement, number, document)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func TestClauseTreeOrderAndParents(t *testing.T) {
	s := openReview(t)
	docs, err := s.ClauseTree(context.Background(), "alfa", false)
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		number string
		parent int
	}
	var got [][]node
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
		var ns []node
		for _, c := range d.Clauses {
			ns = append(ns, node{c.Number, c.Parent})
		}
		got = append(got, ns)
	}
	// 1.1 sits under 1 (index 0), 1.1.1 under 1.1 (index 1); 2 and 3 at the top.
	want := [][]node{{{"1", -1}, {"1.1", 0}, {"1.1.1", 1}, {"2", -1}, {"3", -1}}, {{"1", -1}}}
	if !slices.Equal(names, []string{"Allmänna villkor", "SLA"}) || len(got) != 2 ||
		!slices.Equal(got[0], want[0]) || !slices.Equal(got[1], want[1]) {
		t.Errorf("tree %v %v\nwant [Allmänna villkor SLA] %v", names, got, want)
	}
	if _, err := s.ClauseTree(context.Background(), "nope", false); !errors.Is(err, ErrNotFound) {
		t.Errorf("tree of a missing agreement: %v, want ErrNotFound", err)
	}
}

func TestAmendmentsMarkTheirTargets(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	docs, err := s.ClauseTree(ctx, "beta", false)
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string]string{}
	for _, c := range docs[0].Clauses {
		marks[c.Number] = c.Amended
	}
	want := map[string]string{"4": "", "5": AmendChanged, "5.1": AmendRemoved, "6.": "", "D": ""}
	for n, w := range want {
		if marks[n] != w {
			t.Errorf("clause %s marked %q, want %q", n, marks[n], w)
		}
	}
	c, err := s.FindClause(ctx, "beta", "5", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Amendments) != 1 || c.Amendments[0].By != "D" || c.Amendments[0].Kind != AmendChanged ||
		!strings.Contains(c.Amendments[0].Text, "genast") {
		t.Errorf("5 amended by %+v, want one change by D", c.Amendments)
	}
}

func TestFindClause(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	tests := []struct {
		agreement, number, document string
		heading                     string // "" = an error
		err                         string
	}{
		{"alfa", "2", "", "Uppsägning", ""},
		{"alfa", "1.1.1", "", "Förlängning", ""},
		{"beta", "6", "", "Ansvar", ""}, // printed "6." in the document
		{"alfa", "1", "sla", "Tillgänglighet", ""},
		{"alfa", "1", "allmänna VILLKOR", "Definitioner", ""},
		{"alfa", "1", "", "", "clause 1 is in 2 documents of alfa (Allmänna villkor, SLA)"},
		{"alfa", "9.9", "", "", "no clause 9.9 in alfa"},
		{"nope", "1", "", "", `agreement "nope": not found`},
	}
	for _, tt := range tests {
		c, err := s.FindClause(ctx, tt.agreement, tt.number, tt.document)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("FindClause(%s, %s, %q) = %v, want error %q", tt.agreement, tt.number, tt.document, err, tt.err)
		case tt.err == "" && (err != nil || c.Heading != tt.heading):
			t.Errorf("FindClause(%s, %s, %q) = %+v, %v; want %q", tt.agreement, tt.number, tt.document, c, err, tt.heading)
		}
	}
	_, err := s.FindClause(ctx, "alfa", "9.9", "")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing clause is %v, want ErrNotFound", err)
	}
}

func TestTags(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	id := clauseID(t, s, "alfa", "", "2")
	if err := s.AddTag(ctx, id, "Uppsägningstid och meddelanden"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTag(ctx, id, "notice"); !tagRefused(err, "has_tag") {
		t.Errorf("tagging twice: %v, want extract.CheckTagging's has_tag", err)
	}
	if err := s.AddTag(ctx, id, "Bad Tag"); err == nil || !strings.Contains(err.Error(), "not a tag") {
		t.Errorf("a bad tag: %v", err)
	}
	if err := s.AddTag(ctx, 99999, "notice"); !errors.Is(err, ErrNotFound) {
		t.Errorf("tagging a missing clause: %v, want ErrNotFound", err)
	}
	c, _ := s.Clause(ctx, id)
	if !slices.Equal(c.Tags, []string{"notice", "termination"}) {
		t.Errorf("tags %v, want [notice termination]", c.Tags)
	}
	if err := s.RemoveTag(ctx, id, "termination"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTag(ctx, id, "termination"); !tagRefused(err, "no_tag") {
		t.Errorf("removing an absent tag: %v, want extract.CheckTagging's no_tag", err)
	}
	tags, err := s.TagsInUse(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// sampleAgreement's own tags are gone with its documents; liability
	// is on alfa 3 and beta 6, notice now on alfa 2.
	if !slices.Equal(tags, []string{"liability", "notice"}) {
		t.Errorf("tags in use %v, want [liability notice]", tags)
	}
	log, _ := s.AuditLog(ctx, "alfa", 10)
	if len(log) < 2 || log[0].Action != "untag" || log[1].Action != "tag" || log[0].Who != "local:anna" ||
		!strings.Contains(log[1].After, `"number":"2"`) || !strings.Contains(log[1].After, `"tag":"notice"`) {
		t.Errorf("audit log %+v, want untag then tag of clause 2", log)
	}
}

func TestNotesAndTheirMarkers(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	id := clauseID(t, s, "alfa", "", "3")
	if _, err := s.AddNote(ctx, id, "Cap is low for our volumes.", "watch"); err != nil {
		t.Fatal(err)
	}
	n, err := s.AddNote(ctx, id, "  Ask legal.  ", "")
	if err != nil {
		t.Fatal(err)
	}
	if n.Text != "Ask legal." || n.Risk != model.RiskOK || n.Author != "local:anna" || n.Created != "2026-11-24T09:30:00Z" {
		t.Errorf("note %+v", n)
	}
	for _, bad := range []struct{ text, risk, err string }{
		{"x", "high", `risk: "high" is not a risk level`},
		{"   ", "ok", "text: must be filled in"},
	} {
		if _, err := s.AddNote(ctx, id, bad.text, bad.risk); err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("AddNote(%q, %q) = %v, want %q", bad.text, bad.risk, err, bad.err)
		}
	}
	c, _ := s.Clause(ctx, id)
	if len(c.Notes) != 2 || c.Notes[0].Risk != model.RiskWatch || c.Notes[1].Text != "Ask legal." {
		t.Errorf("notes %+v", c.Notes)
	}
	docs, _ := s.ClauseTree(ctx, "alfa", false)
	for _, cl := range docs[0].Clauses {
		// watch is the gravest of watch and ok
		want := struct {
			n    int
			risk string
		}{}
		if cl.ID == id {
			want.n, want.risk = 2, model.RiskWatch
		}
		if cl.Notes != want.n || cl.Risk != want.risk {
			t.Errorf("clause %s: %d notes, risk %q; want %d, %q", cl.Number, cl.Notes, cl.Risk, want.n, want.risk)
		}
	}
}

func TestOldVersionsStayViewable(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	// The importer marks a replaced document superseded and adds the new one.
	_, err := s.write.ExecContext(ctx, `UPDATE documents SET superseded = 1 WHERE agreement_id = 'alfa' AND name = 'SLA';
		INSERT INTO documents(agreement_id, name, kind, version, position, imported_at, replaces)
		SELECT 'alfa', 'SLA', 'sla', '2', 2, '2026-11-24T00:00:00Z', id FROM documents WHERE agreement_id = 'alfa' AND name = 'SLA';
		INSERT INTO clauses(document_id, agreement_id, position, number, heading, body)
		SELECT max(id), 'alfa', 0, '1', 'Tillgänglighet', 'Minst 99,9 % dygnet runt.' FROM documents WHERE agreement_id = 'alfa'`)
	if err != nil {
		t.Fatal(err)
	}
	current, _ := s.ClauseTree(ctx, "alfa", false)
	all, _ := s.ClauseTree(ctx, "alfa", true)
	if len(current) != 2 || current[1].Version != "2" || len(all) != 3 || !all[1].Superseded || all[2].Replaces != all[1].ID {
		t.Errorf("current %+v\nall %+v", current, all)
	}
	c, err := s.FindClause(ctx, "alfa", "1", "sla")
	if err != nil || !strings.Contains(c.Body, "99,9") {
		t.Errorf("clause 1 of the SLA is %+v, %v; want the new version", c, err)
	}
	old, err := s.Clause(ctx, all[1].Clauses[0].ID)
	if err != nil || !old.Superseded || !strings.Contains(old.Body, "99,5") {
		t.Errorf("the old version's clause %+v, %v", old, err)
	}
}

func TestClausesInFull(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	if _, err := s.AddNote(ctx, clauseID(t, s, "beta", "", "6"), "Fine.", "ok"); err != nil {
		t.Fatal(err)
	}
	docs, err := s.Clauses(ctx, "beta", false)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if len(d.Details) != 5 {
		t.Fatalf("%d clauses, want 5", len(d.Details))
	}
	six, five := d.Details[3], d.Details[1]
	if six.Number != "6." || six.Agreement != "Beta AB SaaS" || six.Document != "Villkor" ||
		!slices.Equal(six.Tags, []string{"liability"}) || len(six.Notes) != 1 || !strings.HasPrefix(six.Body, "Ansvaret") {
		t.Errorf("clause 6. %+v", six)
	}
	if len(five.Amendments) != 1 || five.Amendments[0].Kind != AmendChanged {
		t.Errorf("clause 5 amendments %+v", five.Amendments)
	}
}

func TestCompare(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	groups, err := s.Compare(ctx, "liability", "", 10)
	if err != nil {
		t.Fatal(err)
	}
	// Register order is by supplier: Alfa AB before Beta AB.
	if len(groups) != 2 || groups[0].AgreementID != "alfa" || groups[1].AgreementID != "beta" ||
		len(groups[0].Clauses) != 1 || groups[0].Clauses[0].Number != "3" || groups[1].Clauses[0].Number != "6." ||
		!strings.Contains(groups[1].Clauses[0].Body, "ett år") {
		t.Fatalf("compare liability: %+v", groups)
	}
	page, _ := s.Compare(ctx, "liability", groups[0].SortKey, 1)
	if len(page) != 1 || page[0].AgreementID != "beta" {
		t.Errorf("the page after alfa: %+v", page)
	}
	if none, _ := s.Compare(ctx, "escrow", "", 10); len(none) != 0 {
		t.Errorf("an unused tag compares %+v", none)
	}
}

func TestSuggestedTagsAwaitConfirmation(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutAgreement(ctx, sampleAgreement("centuri-saas", "Centuri AB"), false); err != nil {
		t.Fatal(err)
	}
	var clauseID int64
	s.read.QueryRow("SELECT id FROM clauses WHERE number = '7.1'").Scan(&clauseID)
	// What the importer writes: a suggestion, not yet the user's tag.
	if _, err := s.write.Exec("INSERT INTO clause_tags(clause_id, tag, suggested) VALUES (?, 'sla', 1)", clauseID); err != nil {
		t.Fatal(err)
	}
	if groups, _ := s.Compare(ctx, "sla", "", 10); len(groups) != 0 {
		t.Errorf("a suggested tag must not count in compare: %+v", groups)
	}
	if tags, _ := s.strings(ctx, "SELECT tag || iif(suggested, '?', '') FROM clause_tags WHERE clause_id = ?", clauseID); len(tags) != 1 || tags[0] != "sla?" {
		t.Errorf("suggestion shown as %v, want [sla?]", tags)
	}
	if err := s.AddTag(ctx, clauseID, "sla"); err != nil {
		t.Fatalf("confirming the suggestion: %v", err)
	}
	if groups, _ := s.Compare(ctx, "sla", "", 10); len(groups) != 1 {
		t.Errorf("a confirmed tag must count in compare, got %d groups", len(groups))
	}
	if err := s.AddTag(ctx, clauseID, "sla"); !tagRefused(err, "has_tag") {
		t.Errorf("tagging twice: %v, want extract.CheckTagging's has_tag", err)
	}
	// A suggestion can be turned down: removed before it is confirmed.
	if _, err := s.write.Exec("INSERT INTO clause_tags(clause_id, tag, suggested) VALUES (?, 'termination', 1)", clauseID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTag(ctx, clauseID, "termination"); err != nil {
		t.Errorf("turning a suggestion down: %v", err)
	}
	if tags, _ := s.clauseTags(ctx, clauseID); !slices.Equal(tags, []string{"sla"}) {
		t.Errorf("tags after turning down a suggestion: %v, want [sla]", tags)
	}
}

// tagRefused reports whether err is extract.CheckTagging's refusal key.
func tagRefused(err error, key string) bool {
	var te *extract.TagError
	return errors.As(err, &te) && te.Key == key
}

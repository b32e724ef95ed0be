package agreements

import (
	"context"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
)

// focusField moves the open form's focus to the field name.
func (p *pane) focusField(name string) {
	p.t.Helper()
	for i, f := range formFields {
		if f == name {
			for range i {
				p.keys("tab")
			}
			return
		}
	}
	p.t.Fatalf("no field %s", name)
}

func TestReviewPrefillsTheFieldsFromProposalsAndSavesThem(t *testing.T) {
	s := local(t, 100, 40)
	s.importFile(s.file("drift.txt", drift(t)), "")
	if s.m.review == nil {
		t.Fatal("the review does not open after an import")
	}
	v := s.view()
	for _, want := range []string{"Supplier: Norrsken Drift AB", "Status: draft", "Term: 3 years, renews by 12 months, 6 months notice *  ", "│ no dates until set: Start"} {
		if !strings.Contains(v, want) {
			t.Errorf("the review's fields lack %q:\n%s", want, v)
		}
	}
	// A term the importer proposes fills the fields, marked, before it is saved.
	term := store.ProposalRow{ID: 999, AgreementID: "norrsken-moln", Status: store.ProposalPending, Proposal: extract.Proposal{Kind: extract.ProposeTerm,
		Term: &model.Term{Initial: model.Period{N: 24, Unit: model.Months}, Renewal: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 3, Unit: model.Months}}}}
	s.m.review.list = append(s.m.review.list, term)
	if v := s.view(); !strings.Contains(v, "Term: 24 months, renews by 12 months, 3 months notice *") {
		t.Errorf("the proposed term is not shown:\n%s", v)
	}
	s.keys("e")
	if s.m.editing == nil || !strings.Contains(s.view(), "24 months") {
		t.Fatalf("e should open the form prefilled:\n%s", s.view())
	}
	s.focusField("start")
	s.typeText("2025-01-01")
	s.keys("ctrl+s")
	if s.m.editing != nil {
		t.Fatalf("the form did not save:\n%s", s.view())
	}
	a, _ := s.st.Agreement(context.Background(), "norrsken-moln")
	if a.Start != model.MustDate(2025, 1, 1) || a.Term.Initial != (model.Period{N: 24, Unit: model.Months}) || a.Term.Notice != (model.Period{N: 3, Unit: model.Months}) {
		t.Errorf("saved %+v / %+v", a.Start, a.Term)
	}
	if got := s.lastStatus(); got != "Saved norrsken-moln" {
		t.Errorf("status %q", got)
	}
	if v := s.view(); strings.Contains(v, "no dates until set") {
		t.Errorf("with a start and a term the review still says the dates lack:\n%s", v)
	}
}

// On an 80×24 terminal (a pane 21 lines high) the review shows the fields
// it completes above a few proposals and their evidence; it once hid them
// below 22 lines, so the review right after an import showed no fields.
func TestReviewShowsTheFieldsAt80x24(t *testing.T) {
	s := local(t, 80, 21)
	s.importFile(s.file("drift.txt", drift(t)), "")
	v := s.view()
	for _, want := range []string{"Supplier: Norrsken Drift AB", "Term: 3 years, renews by 12 months", "›    1  pending supplier", "5  pending"} {
		if !strings.Contains(v, want) {
			t.Errorf("the review at 80×24 lacks %q:\n%s", want, v)
		}
	}
	fields, rows, evidence := s.m.reviewLayout()
	if fields != fieldsHeight || rows < 3 || evidence < 2 {
		t.Errorf("layout fields %d, rows %d, evidence %d", fields, rows, evidence)
	}
}

func TestEditFormRefusesNamingTheField(t *testing.T) {
	s := local(t, 100, 40)
	s.importFile(s.file("drift.txt", drift(t)), "")
	s.keys("esc", "e")
	if s.m.editing == nil {
		t.Fatalf("e on the list should open the form:\n%s", s.view())
	}
	s.focusField("term.renewal")
	s.typeText("0 months")
	s.keys("tab")
	if v := s.view(); !strings.Contains(v, "must be longer than zero") {
		t.Errorf("the field's check does not show:\n%s", v)
	}
	s.keys("ctrl+s")
	if s.m.editing == nil {
		t.Fatal("an invalid form was saved")
	}
	// esc asks before it throws away what was typed; another key goes back.
	s.keys("esc")
	if !strings.Contains(s.view(), "Throw away what you typed?") {
		t.Errorf("esc did not ask:\n%s", s.view())
	}
	s.keys("n")
	if s.m.editing == nil || !strings.Contains(s.view(), "0 months") {
		t.Fatalf("n should go back to the form as typed:\n%s", s.view())
	}
	// A rule between fields is the store's to refuse, shown at the field.
	s.keys("esc", "y", "e")
	s.focusField("term.initial")
	s.typeText("12 months")
	s.keys("tab", "tab", "tab") // to term.indefinite
	s.typeText("y")             // yes
	s.keys("ctrl+s")
	if s.m.editing == nil || !strings.Contains(s.view(), "an indefinite agreement has no initial period") {
		t.Errorf("indefinite with an initial period:\n%s", s.view())
	}
	if a, _ := s.st.Agreement(context.Background(), "norrsken-moln"); !a.Term.Initial.IsZero() {
		t.Errorf("a refused form saved %+v", a.Term)
	}
	s.keys("esc", "y") // y: throw away what was typed
	if s.m.editing != nil || s.m.Capturing() {
		t.Error("esc should close the form")
	}
}

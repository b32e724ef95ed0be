package agreements

import (
	"context"
	"slices"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
)

// selectKind puts the review's cursor on its first proposal of kind k.
func (p *pane) selectKind(k extract.ProposalKind) store.ProposalRow {
	p.t.Helper()
	i := slices.IndexFunc(p.m.review.list, func(r store.ProposalRow) bool { return r.Kind == k })
	if i < 0 {
		p.t.Fatalf("no %s proposal in %+v", k, p.m.review.list)
	}
	p.m.review.rows.Select(i)
	return p.m.review.list[i]
}

// A proposal that is almost right is corrected, then accepted, in one go:
// c opens its value prefilled with the evidence in sight, a refused value
// is named at its field, and the saved one is what the agreement gets.
func TestCorrectARuleThenAcceptIt(t *testing.T) {
	s := local(t, 80, 21)
	s.importFile(s.file("drift.txt", drift(t)), "")
	p := s.selectKind(extract.ProposeRule)
	s.keys("c")
	if s.m.editing == nil || s.m.editing.correcting == nil {
		t.Fatalf("c should open the correction form:\n%s", s.view())
	}
	v := s.view()
	for _, want := range []string{"Correct proposal", "Period", p.Rule.Offset.String(), p.Evidence[:20]} {
		if !strings.Contains(v, want) {
			t.Errorf("the correction form lacks %q:\n%s", want, v)
		}
	}
	s.keys("ctrl+u")
	s.typeText("soon")
	s.keys("ctrl+s")
	if s.m.editing == nil || !strings.Contains(s.view(), `"soon" is not a period`) {
		t.Fatalf("a value that is no period should be refused at its field:\n%s", s.view())
	}
	s.keys("ctrl+u")
	s.typeText("45 days")
	s.keys("ctrl+s")
	if s.m.editing != nil {
		t.Fatalf("the correction was not saved:\n%s", s.view())
	}
	if got := s.lastStatus(); !strings.HasPrefix(got, "corrected and accepted proposal ") {
		t.Errorf("status %q", got)
	}
	a, _ := s.st.Agreement(context.Background(), "norrsken-moln")
	if i := slices.IndexFunc(a.Rules, func(r model.Rule) bool { return r.Kind == p.Rule.Kind }); i < 0 || a.Rules[i].Offset != (model.Period{N: 45, Unit: model.Days}) {
		t.Errorf("rules %+v, want %s of 45 days", a.Rules, p.Rule.Kind)
	}
	// The cursor moved on; a decided proposal is not corrected again.
	if s.m.review.selectedID() == p.ID {
		t.Error("the cursor stayed on the corrected proposal")
	}
	s.m.review.selectID(p.ID)
	s.keys("c")
	if s.m.editing != nil || !strings.Contains(s.lastStatus(), "already accepted") {
		t.Errorf("c on a decided proposal: status %q", s.lastStatus())
	}
}

// The agreement's own fields are corrected in the edit form: c opens it
// on the proposal's field, and saving a changed value settles the proposal
// as corrected, so its first value no longer shows over the saved one.
func TestCorrectingTheTermInTheFormSettlesItsProposal(t *testing.T) {
	s := local(t, 100, 40)
	s.importFile(s.file("drift.txt", drift(t)), "")
	term := s.selectKind(extract.ProposeTerm)
	s.keys("c")
	if s.m.editing == nil || s.m.editing.correcting != nil {
		t.Fatalf("c on the term should open the edit form:\n%s", s.view())
	}
	if !strings.Contains(s.view(), "› Initial term") {
		t.Errorf("the form should open on the term's first field:\n%s", s.view())
	}
	s.keys("tab", "tab") // to term.notice
	s.keys("ctrl+u")
	s.typeText("3 months")
	s.keys("ctrl+s")
	if s.m.editing != nil {
		t.Fatalf("the form did not save:\n%s", s.view())
	}
	got, _ := s.st.Proposals(context.Background(), "norrsken-moln", "")
	i := slices.IndexFunc(got, func(p store.ProposalRow) bool { return p.ID == term.ID })
	if got[i].Status != store.ProposalAccepted || got[i].Term.Notice != (model.Period{N: 3, Unit: model.Months}) {
		t.Errorf("the term proposal after the save: %s %+v", got[i].Status, got[i].Term)
	}
	v := s.view()
	if !strings.Contains(v, "Term: 3 years, renews by 12 months, 3 months notice") || strings.Contains(v, "6 months notice *") {
		t.Errorf("the review should show the saved term, unmarked:\n%s", v)
	}
	// An amendment has nothing to correct, and says so.
	s.selectKind(extract.ProposeAmendment)
	s.keys("c")
	if s.m.editing != nil || !strings.Contains(s.lastStatus(), "is an amendment") {
		t.Errorf("c on an amendment: status %q", s.lastStatus())
	}
}

// q closes the review as esc does (and as it closes the clauses'
// comparison), while in a correction over the review it is a letter of
// the value being typed, never a way to lose it.
func TestQClosesTheReviewButNotACorrection(t *testing.T) {
	s := local(t, 80, 24)
	s.importFile(s.file("drift.txt", drift(t)), "")
	s.selectKind(extract.ProposeRule)
	s.keys("c")
	s.keys("ctrl+u")
	s.typeText("q")
	if s.m.editing == nil || s.m.review == nil || !strings.Contains(s.view(), "q") {
		t.Fatalf("q in the correction form should be typed:\n%s", s.view())
	}
	s.keys("esc")
	s.keys("y") // throw the typed text away
	if s.m.editing != nil || s.m.review == nil {
		t.Fatalf("esc then y should close the correction only:\n%s", s.view())
	}
	s.keys("q")
	if s.m.review != nil {
		t.Errorf("q should close the review:\n%s", s.view())
	}
}

package deadlines

import (
	"testing"

	"avtal/model"
)

func TestFixedDate(t *testing.T) {
	// A deadline set by hand for 2026-12-26 (annandag jul, a Saturday):
	// act by the previous working day, Wed 2026-12-23 (24 and 25 are
	// julafton and juldagen).
	a := &model.Agreement{ID: "a", Signed: day("2024-02-15"), Rules: []model.Rule{
		Manual(day("2026-12-26"), "Ask for the audit report", "5"),
	}}
	got := Compute(a, Record{}, day("2026-01-01"), day("2027-12-31"), model.English)
	if want := "custom 2026-12-26 2026-12-23 5"; lines(got) != want {
		t.Fatalf("got %q, want %q", lines(got), want)
	}
	if got[0].Explanation != "set for 2026-12-26; 2026-12-26 is annandag jul, not a working day → act by Wednesday 2026-12-23" || got[0].ActByReason != "annandag jul" || got[0].Title != "Ask for the audit report" {
		t.Errorf("explanation %q, title %q", got[0].Explanation, got[0].Title)
	}
	if got := Compute(a, Record{}, day("2027-01-01"), day("2027-12-31"), model.English); len(got) != 0 {
		t.Errorf("outside the range: %s", lines(got))
	}
	bad := model.Rule{Kind: model.DLCustom, Anchor: model.AnchorDate, On: "2026-02-30"}
	if err := bad.Validate(); err == nil || err.(*model.FieldError).Field != "on" {
		t.Errorf("2026-02-30: %v", err)
	}
}

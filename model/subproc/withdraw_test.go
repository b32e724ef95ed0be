package subproc

import (
	"errors"
	"reflect"
	"testing"

	"avtal/model"
)

func TestWithdraw(t *testing.T) {
	fourEdge := model.SubProcessor{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Status: model.SubApproved}
	acme := model.SubProcessor{Name: "Acme Hosting AB", Country: "SE", Purpose: "backup"}
	with := func(s model.SubProcessor, st model.SubStatus, since string) model.SubProcessor {
		s.Status, s.Since = st, model.Date{}
		if since != "" {
			s.Since = date(since)
		}
		return s
	}
	ptr := func(s model.SubProcessor) *model.SubProcessor { return &s }
	received := date("2026-12-01")
	add := Notice{Received: received, Change: ChangeAdd, Sub: acme}
	replace := Notice{Received: received, Change: ChangeReplace, Replaces: "FourEdge AB", Sub: acme}
	remove := Notice{Received: received, Change: ChangeRemove, Sub: model.SubProcessor{Name: "FourEdge AB"}}
	move := Notice{Received: received, Change: ChangeReplace, Replaces: "FourEdge AB", Sub: model.SubProcessor{Name: "Fouredge", Country: "NO"}}
	moved := model.SubProcessor{Name: "Fouredge", OrgNumber: "556726-8106", Country: "NO", Status: model.SubApproved, Since: date("2026-12-10")}
	// What recording an add wrote, then what the decision did.
	recorded := Step{After: with(acme, model.SubProposed, "")}
	accepted := Step{Before: ptr(with(acme, model.SubProposed, "")), After: with(acme, model.SubApproved, "2026-12-10")}

	tests := []struct {
		name  string
		subs  []model.SubProcessor
		n     Notice
		steps []Step
		want  []model.SubProcessor
	}{
		{"accepted add: proposed again", []model.SubProcessor{fourEdge, with(acme, model.SubApproved, "2026-12-10")}, add,
			[]Step{recorded, accepted}, []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"accepted replace: the old one back in use", []model.SubProcessor{with(fourEdge, model.SubRemoved, ""), with(acme, model.SubApproved, "2026-12-10")}, replace,
			[]Step{recorded, accepted, {Before: ptr(fourEdge), After: with(fourEdge, model.SubRemoved, "")}},
			[]model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"objected add: proposed again", []model.SubProcessor{fourEdge, with(acme, model.SubObjected, "")}, add,
			[]Step{recorded, {Before: ptr(with(acme, model.SubProposed, "")), After: with(acme, model.SubObjected, "")}},
			[]model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"accepted remove: in use again", []model.SubProcessor{with(fourEdge, model.SubRemoved, "")}, remove,
			[]Step{{Before: ptr(fourEdge), After: with(fourEdge, model.SubRemoved, "")}}, []model.SubProcessor{fourEdge}},
		{"accepted move: back in Sweden under its old name", []model.SubProcessor{moved}, move,
			[]Step{{Before: ptr(fourEdge), After: moved}}, []model.SubProcessor{fourEdge}},
		// Recorded already decided, in one step: the added entry is taken
		// out of use, and the open notice brings it back proposed.
		{"recorded decided: proposed", []model.SubProcessor{fourEdge, with(acme, model.SubApproved, "2026-12-10")}, add,
			[]Step{{After: with(acme, model.SubApproved, "2026-12-10")}}, []model.SubProcessor{fourEdge, with(acme, model.SubProposed, "")}},
		{"objection that changed nothing", []model.SubProcessor{fourEdge}, remove, nil, []model.SubProcessor{fourEdge}},
	}
	for _, tt := range tests {
		decided := tt.n
		decided.Decision = &Decision{Verdict: Accept, Date: date("2026-12-10")}
		got, err := Withdraw(tt.subs, decided, tt.steps)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, %v\nwant %+v", tt.name, got, err, tt.want)
		}
	}

	// Acme's purpose was edited after the acceptance: putting it back would
	// lose the edit.
	edited := with(acme, model.SubApproved, "2026-12-10")
	edited.Purpose = "backup and restore"
	var changed *ChangedSinceError
	if got, err := Withdraw([]model.SubProcessor{fourEdge, edited}, add, []Step{recorded, accepted}); got != nil || !errors.As(err, &changed) || changed.Name != "Acme Hosting AB" {
		t.Errorf("after an edit: %+v, %v", got, err)
	}
	if got, err := Withdraw([]model.SubProcessor{fourEdge}, add, []Step{recorded, accepted}); got != nil || !errors.As(err, &changed) {
		t.Errorf("with the entry gone: %+v, %v", got, err)
	}
}

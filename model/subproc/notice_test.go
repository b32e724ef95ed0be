package subproc

import (
	"errors"
	"testing"

	"avtal/model"
)

// A notice's refusals that the forms show carry keys, so every face words
// them alike: a non-replace naming what it replaces, a decision dated
// before the notice arrived (the day itself is fine).
func TestNoticeValidateKeys(t *testing.T) {
	received := model.MustDate(2026, 11, 24)
	base := Notice{Received: received, Change: ChangeAdd, Sub: model.SubProcessor{Name: "Cloudy Oy"}}
	decided := func(on model.Date) *Decision { return &Decision{Verdict: Accept, Date: on} }
	tests := []struct {
		name     string
		replaces string
		decision *Decision
		want     string // field and key, "" when valid
	}{
		{"valid", "", nil, ""},
		{"add naming a replaced one", "Old AB", nil, "replaces replaces_only"},
		{"decided the day it arrived", "", decided(received), ""},
		{"decided the day before", "", decided(model.MustDate(2026, 11, 23)), "decision.date decided_before"},
	}
	for _, tt := range tests {
		n := base
		n.Replaces, n.Decision = tt.replaces, tt.decision
		err := n.Validate()
		var fe *model.FieldError
		got := ""
		if errors.As(err, &fe) {
			got = fe.Field + " " + fe.Key
		} else if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

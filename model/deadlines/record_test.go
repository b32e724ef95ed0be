package deadlines

import (
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

func TestEventNames(t *testing.T) {
	a := centuri("2024-02-15")
	// An objection window counted from a notice follows the policy: notices
	// are recorded as notices, not as events.
	a.Rules = append(a.Rules, model.Rule{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received")},
		model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime")},
		model.Rule{Kind: model.DLClaims, Anchor: model.EventAnchor("notice_received")})
	want := []string{"termination", "downtime", "notice_received"}
	if got := EventNames(a); !slices.Equal(got, want) {
		t.Errorf("EventNames = %v, want %v", got, want)
	}
}

func TestCheckEvent(t *testing.T) {
	a := centuri("2024-02-15")
	a.Rules = append(a.Rules, model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime")})
	day := model.MustDate(2026, 12, 2)
	tests := []struct {
		e    Event
		want string // "" when the event is recorded
	}{
		{Event{Name: " downtime ", Date: day, Ref: " incident 4 ", Note: " "}, ""},
		{Event{Name: "termination", Date: day}, ""}, // every agreement can end
		{Event{Name: "Downtime", Date: day}, `event "Downtime": a name is lower-case letters, digits and _ (termination, notice_received, downtime)`},
		{Event{Name: "downtime"}, "event downtime: the date is missing"},
		{Event{Name: "delivery", Date: day}, `no deadline of ` + a.ID + ` counts from the event "delivery"; it knows termination, downtime`},
	}
	for _, tt := range tests {
		got, err := CheckEvent(a, tt.e)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: %v, want it recorded", tt.e, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("%+v: %v, want %q", tt.e, err, tt.want)
		}
		if tt.want == "" && (got.Name != strings.TrimSpace(tt.e.Name) || got.Ref != strings.TrimSpace(tt.e.Ref) || got.Note != "") {
			t.Errorf("%+v came back %+v, want it trimmed", tt.e, got)
		}
	}
}

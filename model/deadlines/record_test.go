package deadlines

import (
	"slices"
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

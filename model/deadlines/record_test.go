package deadlines

import (
	"slices"
	"testing"

	"avtal/model"
)

func TestEventNames(t *testing.T) {
	a := centuri("2024-02-15")
	a.Rules = append(a.Rules, model.Rule{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime")},
		model.Rule{Kind: model.DLClaims, Anchor: model.EventAnchor("notice_received")})
	want := []string{"termination", "notice_received", "downtime"}
	if got := EventNames(a); !slices.Equal(got, want) {
		t.Errorf("EventNames = %v, want %v", got, want)
	}
}

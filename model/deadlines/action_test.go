package deadlines

import (
	"testing"

	"avtal/model"
)

func TestNeedsAction(t *testing.T) {
	for _, k := range []model.DeadlineKind{model.DLTermination, model.DLCreditClaim, model.DLObjection, model.DLPayment, model.DLCustom} {
		if !NeedsAction(k) {
			t.Errorf("%s needs someone to act", k)
		}
	}
	for _, k := range []model.DeadlineKind{model.DLRenewal, model.DLIndexation, model.DLConfidentialEnd} {
		if NeedsAction(k) {
			t.Errorf("%s happens by itself", k)
		}
	}
}

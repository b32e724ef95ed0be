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
	for _, k := range []model.DeadlineKind{model.DLRenewal, model.DLIndexation, model.DLConfidentialEnd, model.DLPriceNotice} {
		if NeedsAction(k) {
			t.Errorf("%s asks nothing of the customer", k)
		}
	}
	if !SuppliersDuty(model.DLPriceNotice) || SuppliersDuty(model.DLTermination) {
		t.Error("a price-increase notice is the supplier's duty, a termination notice the customer's")
	}
}

// TestActByOnlyForTheCustomer checks that only the customer's deadlines
// move to an earlier working day, saying why, and that the supplier's keep
// their date, marked as the supplier's.
func TestActByOnlyForTheCustomer(t *testing.T) {
	// 2027-06-25 is midsommarafton (the Friday before midsommardagen, Sat
	// 2027-06-26): the customer acts on Thursday 2027-06-24.
	on := day("2027-06-25")
	a := &model.Agreement{ID: "a", Rules: []model.Rule{
		Manual(on, "Give notice of termination", "5"),
		{Kind: model.DLPriceNotice, Anchor: model.AnchorDate, On: "2027-06-25", Clause: "7.6"},
	}}
	got := Compute(a, Record{}, day("2027-06-01"), day("2027-06-30"), model.English)
	if len(got) != 2 {
		t.Fatalf("got %s", lines(got))
	}
	byKind := map[model.DeadlineKind]model.Deadline{got[0].Kind: got[0], got[1].Kind: got[1]}
	custom, price := byKind[model.DLCustom], byKind[model.DLPriceNotice]
	if custom.ActBy.String() != "2027-06-24" || custom.ActByReason != "midsommarafton" || custom.SupplierDuty ||
		custom.Explanation != "set for 2027-06-25; 2027-06-25 is midsommarafton, not a working day → act by Thursday 2027-06-24" {
		t.Errorf("the customer's deadline: %+v", custom)
	}
	if price.ActBy.String() != "2027-06-25" || price.ActByReason != "" || !price.SupplierDuty || price.Explanation != "set for 2027-06-25" {
		t.Errorf("the supplier's deadline: %+v", price)
	}
}

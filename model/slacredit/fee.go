package slacredit

import (
	"avtal/model"
)

// FeeBasis says how the monthly fee, the credit base, was found.
type FeeBasis string

// The ways a monthly fee is found.
const (
	// FeeMonthly: the agreement states a fee per month.
	FeeMonthly FeeBasis = "monthly"
	// FeeYearlyTwelfth: the agreement states a fee per year; a month is a twelfth of it.
	FeeYearlyTwelfth FeeBasis = "yearly/12"
)

// MonthlyFee returns the credit base of an agreement's fee: the fee itself
// when it is stated per month, a twelfth of it (rounded to the nearest
// hundredth) when it is stated per year. Any other period, or no fee, is
// an error naming the fee, since a credit cannot be computed from it.
func MonthlyFee(f model.Fee) (model.Amount, FeeBasis, error) {
	if f.Amount <= 0 {
		return 0, "", model.Refuse("fee_none", "no fee is recorded").On("fee")
	}
	switch f.Per {
	case model.Months:
		return f.Amount, FeeMonthly, nil
	case model.Years:
		return (f.Amount*2 + 12) / 24, FeeYearlyTwelfth, nil
	}
	return 0, "", model.Refuse("fee_per", "a fee per %q cannot be turned into a monthly fee (want months or years)", f.Per).On("fee.per")
}

// ParseFee reads a monthly fee given over the agreement's, the what-if fee a
// credit is computed on; it must not be negative.
func ParseFee(s string) (model.Amount, error) {
	fee, err := model.ParseAmount(s)
	if err != nil {
		return 0, &OverrideError{Field: "fee", Err: err}
	}
	if fee < 0 {
		return 0, &OverrideError{Field: "fee", Key: "negative_fee"}
	}
	return fee, nil
}

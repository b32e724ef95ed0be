package slacredit

import (
	"errors"
	"testing"

	"avtal/model"
)

func TestMonthlyFee(t *testing.T) {
	tests := []struct {
		fee   model.Fee
		want  model.Amount
		basis FeeBasis
	}{
		// Pureservice in the sample: 4 500 SEK a month is the base as it stands.
		{model.Fee{Amount: sek(4500), Per: model.Months}, sek(4500), FeeMonthly},
		// Centuri in the sample: 240 000 SEK a year / 12 = 20 000 SEK.
		{model.Fee{Amount: sek(240000), Per: model.Years}, sek(20000), FeeYearlyTwelfth},
		// 1 000 SEK a year / 12 = 83.333… → 83.33; 1 000.10 / 12 = 83.3416… → 83.34.
		{model.Fee{Amount: sek(1000), Per: model.Years}, 8333, FeeYearlyTwelfth},
		{model.Fee{Amount: 100010, Per: model.Years}, 8334, FeeYearlyTwelfth},
		// 0.06 / 12 = 0.005 rounds half up to 0.01.
		{model.Fee{Amount: 6, Per: model.Years}, 1, FeeYearlyTwelfth},
	}
	for _, tt := range tests {
		got, basis, err := MonthlyFee(tt.fee)
		if err != nil || got != tt.want || basis != tt.basis {
			t.Errorf("MonthlyFee(%+v) = %d %s %v, want %d %s", tt.fee, got, basis, err, tt.want, tt.basis)
		}
	}
	for _, f := range []struct {
		fee   model.Fee
		field string
	}{
		{model.Fee{}, "fee"},
		{model.Fee{Amount: sek(100), Per: model.Weeks}, "fee.per"},
		{model.Fee{Amount: sek(100)}, "fee.per"},
	} {
		var fe *model.FieldError
		if _, _, err := MonthlyFee(f.fee); !errors.As(err, &fe) || fe.Field != f.field {
			t.Errorf("MonthlyFee(%+v): %v, want an error naming %s", f.fee, err, f.field)
		}
	}
}

func TestParseTimeNamesOneTime(t *testing.T) {
	for _, s := range []string{"2026-11-10T16:00", " 2026-11-10 16:00 "} {
		if got, err := ParseTime(s, stockholm); err != nil || !got.Equal(at(t, "2026-11-10T16:00")) {
			t.Errorf("ParseTime(%q) = %v %v, want 2026-11-10 16:00 in Stockholm", s, got, err)
		}
	}
	if _, err := ParseTime("2026-02-30T10:00", stockholm); err == nil {
		t.Error("30 February was accepted")
	}
}

package model

import "testing"

func TestPeriodIn(t *testing.T) {
	// Singular for one, plural otherwise; "år" is both in Swedish.
	tests := []struct {
		p      Period
		en, sv string
	}{
		{Period{6, Months}, "6 months", "6 månader"},
		{Period{1, Months}, "1 month", "1 månad"},
		{Period{10, WorkDays}, "10 business days", "10 arbetsdagar"},
		{Period{1, WorkDays}, "1 business day", "1 arbetsdag"},
		{Period{2, Weeks}, "2 weeks", "2 veckor"},
		{Period{1, Weeks}, "1 week", "1 vecka"},
		{Period{30, Days}, "30 days", "30 dagar"},
		{Period{1, Days}, "1 day", "1 dag"},
		{Period{3, Years}, "3 years", "3 år"},
		{Period{1, Years}, "1 year", "1 år"},
		{Period{24, Hours}, "24 hours", "24 timmar"},
		{Period{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.p.In(English); got != tt.en {
			t.Errorf("%+v in English = %q, want %q", tt.p, got, tt.en)
		}
		if got := tt.p.In(Swedish); got != tt.sv {
			t.Errorf("%+v in Swedish = %q, want %q", tt.p, got, tt.sv)
		}
		if got := tt.p.String(); got != tt.en {
			t.Errorf("%+v String = %q, want the English %q", tt.p, got, tt.en)
		}
		// Both languages read back as the same period.
		for _, s := range []string{tt.en, tt.sv} {
			if back, err := ParsePeriod(s); err != nil || back != tt.p {
				t.Errorf("ParsePeriod(%q) = %+v, %v, want %+v", s, back, err, tt.p)
			}
		}
	}
}

package slacredit

import (
	"errors"
	"reflect"
	"testing"

	"avtal/model"
)

// helsinki is an agreement with its own SLA terms in another zone than Swedish time.
func helsinki() *model.Agreement {
	return &model.Agreement{ID: "helsinki", SLA: &model.SLATerms{
		Window:    model.Window{Kind: model.Window24x7, TZ: "Europe/Helsinki"},
		TargetPct: 99.9, Tiers: []model.CreditTier{{Below: 99.9, CreditPct: 10}, {Below: 99, CreditPct: 30}},
		CapPct: 50, ClaimWindow: model.Period{N: 30, Unit: model.Days}, Clause: "7",
	}}
}

// with is base changed by change.
func with(base model.SLATerms, change func(*model.SLATerms)) model.SLATerms {
	change(&base)
	return base
}

func TestCreditTerms(t *testing.T) {
	no, yes := false, true
	plain := &model.Agreement{ID: "plain"} // states no SLA terms
	own := *helsinki().SLA
	tests := []struct {
		name string
		a    *model.Agreement
		o    Overrides
		want model.SLATerms
	}{
		{"nothing given: every minute counts", nil, Overrides{}, model.SLATerms{Window: model.Window{Kind: model.Window24x7}}},
		{"the agreement's terms as they stand", helsinki(), Overrides{}, own},
		{"overrides over the agreement's terms", helsinki(), Overrides{TargetPct: "99.5%", CapPct: "100", ClaimWindow: "4 weeks"},
			with(own, func(s *model.SLATerms) {
				s.TargetPct, s.CapPct, s.ClaimWindow = 99.5, 100, model.Period{N: 4, Unit: model.Weeks}
			})},
		{"a window without tz= keeps the zone it replaces", helsinki(), Overrides{Window: "mon-fri 08:00-17:00 holidays=SE"},
			with(own, func(s *model.SLATerms) {
				s.Window = model.Window{Kind: model.WindowServiceHours, Weekdays: []int{1, 2, 3, 4, 5}, From: "08:00", To: "17:00", Holidays: HolidaysSE, TZ: "Europe/Helsinki"}
			})},
		{"the tz override wins over the window's tz=", nil, Overrides{Window: "24x7 tz=Europe/London", TZ: "Europe/Oslo"},
			model.SLATerms{Window: model.Window{Kind: model.Window24x7, TZ: "Europe/Oslo"}}},
		{"discretionary turned on", helsinki(), Overrides{Discretionary: &yes}, with(own, func(s *model.SLATerms) { s.Discretionary = true })},
		{"a preset's terms", nil, Overrides{Preset: "pureservice"}, pureservice()},
		{"overrides over a preset's terms", nil, Overrides{Preset: "centuri", Tiers: "99.5:10", Discretionary: &no},
			with(centuri(), func(s *model.SLATerms) {
				s.Tiers, s.Discretionary = []model.CreditTier{{Below: 99.5, CreditPct: 10}}, false
			})},
		// The CLI refuses both; given both, the agreement's own terms are the start.
		{"an agreement's terms before a preset", helsinki(), Overrides{Preset: "centuri"}, own},
		{"an agreement without terms, given a target", plain, Overrides{TargetPct: "99"},
			model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99}},
		{"an agreement without terms, given tiers, starts from the preset", plain, Overrides{Preset: "pureservice", Tiers: "99:5"},
			with(pureservice(), func(s *model.SLATerms) { s.Tiers = []model.CreditTier{{Below: 99, CreditPct: 5}} })},
	}
	for _, tt := range tests {
		got, err := CreditTerms(tt.a, tt.o)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, %v\nwant %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestCreditTermsLeaveTheAgreementAlone(t *testing.T) {
	a := helsinki()
	got, err := CreditTerms(a, Overrides{TargetPct: "95", Window: "mon-fri 08:00-17:00"})
	if err != nil {
		t.Fatal(err)
	}
	got.Tiers[0].CreditPct = 100
	if !reflect.DeepEqual(a, helsinki()) {
		t.Errorf("the agreement changed: %+v", a.SLA)
	}
}

func TestCreditTermsRefuseEachOverride(t *testing.T) {
	presets := "pureservice, centuri, azure-style, aws-style, google-style"
	tests := []struct {
		name  string
		a     *model.Agreement
		o     Overrides
		field string
		key   string // "": the parser's own refusal
		args  []any
	}{
		{"an agreement without terms", &model.Agreement{ID: "plain"}, Overrides{}, "sla", "no_terms", []any{"plain"}},
		{"a preset does not give an agreement terms", &model.Agreement{ID: "plain"}, Overrides{Preset: "centuri"}, "sla", "no_terms", []any{"plain"}},
		{"an unknown preset", nil, Overrides{Preset: "gold"}, "preset", "unknown_preset", []any{"gold", presets}},
		{"an unknown zone", nil, Overrides{TZ: "Mars/Olympus"}, "tz", "bad_tz", []any{"Mars/Olympus"}},
		{"a target over 100", nil, Overrides{TargetPct: "150"}, "target_pct", "bad_pct", []any{"150"}},
		{"a target that is no number", nil, Overrides{TargetPct: "NaN"}, "target_pct", "bad_pct", []any{"NaN"}},
		{"a negative cap", nil, Overrides{CapPct: "-5"}, "cap_pct", "bad_pct", []any{"-5"}},
		{"a cap in words", nil, Overrides{CapPct: "lots"}, "cap_pct", "bad_pct", []any{"lots"}},
		{"a tier without its credit", nil, Overrides{Tiers: "99.5"}, "tiers", "", nil},
		{"days without hours", nil, Overrides{Window: "mon-fri"}, "window", "", nil},
		{"a claim window in no unit", nil, Overrides{ClaimWindow: "soon"}, "claim_window", "", nil},
		// The first refused override is the one named: the window before the cap.
		{"two bad overrides", nil, Overrides{Window: "mon-fri", CapPct: "lots"}, "window", "", nil},
	}
	for _, tt := range tests {
		_, err := CreditTerms(tt.a, tt.o)
		var oe *OverrideError
		if !errors.As(err, &oe) || oe.Field != tt.field || oe.Key != tt.key || !reflect.DeepEqual(oe.Args, tt.args) || (tt.key == "") != (oe.Err != nil) {
			t.Errorf("%s: %#v, want field %q key %q args %v", tt.name, err, tt.field, tt.key, tt.args)
		}
	}
}

func TestCreditTermsValidateWhatTheyMerge(t *testing.T) {
	a := &model.Agreement{ID: "odd", SLA: &model.SLATerms{Window: model.Window{Kind: "always"}}}
	_, err := CreditTerms(a, Overrides{})
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "window.kind" {
		t.Errorf("got %v, want the window.kind refused", err)
	}
	// A window override mends it.
	if _, err := CreditTerms(a, Overrides{Window: "24x7"}); err != nil {
		t.Errorf("with --window 24x7: %v", err)
	}
}

func TestOverrideErrorWords(t *testing.T) {
	for _, tt := range []struct {
		err  *OverrideError
		want string
	}{
		{&OverrideError{Field: "fee", Key: "negative_fee"}, "fee: a fee must not be negative"},
		{&OverrideError{Field: "target_pct", Key: "bad_pct", Args: []any{"150"}}, `target_pct: "150" is not a percentage from 0 to 100`},
		{&OverrideError{Field: "tiers", Err: errors.New("no credit tiers given")}, "tiers: no credit tiers given"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestParseFee(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Amount
		refused bool
		key     string // refused with "": the amount parser's own words
	}{
		{in: "10000", want: sek(10000)},
		{in: "12 500,50", want: 1250050},
		{in: "0", want: 0},
		{in: "-5", refused: true, key: "negative_fee"},
		{in: "ten", refused: true},
	}
	for _, tt := range tests {
		got, err := ParseFee(tt.in)
		var oe *OverrideError
		if !tt.refused {
			if err != nil || got != tt.want {
				t.Errorf("ParseFee(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.As(err, &oe) || oe.Field != "fee" || oe.Key != tt.key || (tt.key == "") != (oe.Err != nil) {
			t.Errorf("ParseFee(%q) = %#v, want the fee refused with key %q", tt.in, err, tt.key)
		}
	}
}

func TestZone(t *testing.T) {
	tests := []struct {
		name  string
		terms *model.SLATerms
		want  string
	}{
		{"no terms: Swedish time", nil, "Europe/Stockholm"},
		{"no zone named: Swedish time", &model.SLATerms{Window: model.Window{Kind: model.Window24x7}}, "Europe/Stockholm"},
		{"the zone named", &model.SLATerms{Window: model.Window{TZ: "Europe/Helsinki"}}, "Europe/Helsinki"},
		{"an unknown zone: Swedish time", &model.SLATerms{Window: model.Window{TZ: "Mars/Olympus"}}, "Europe/Stockholm"},
	}
	for _, tt := range tests {
		if got := Zone(tt.terms).String(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

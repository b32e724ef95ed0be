package model

import (
	"slices"
	"testing"
)

func centuriTerm() Term {
	return Term{Initial: Period{36, Months}, Renewal: Period{12, Months}, Notice: Period{6, Months}}
}

func TestAddMonthsClamps(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2027-03-31", -6, "2026-09-30"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-01-31", 1, "2025-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-04-01", 36, "2027-04-01"},
		{"2026-12-01", 1, "2027-01-01"},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.from)
		if got := d.AddMonths(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-12-31", 1, "2027-01-01"},
		{"2027-01-01", -1, "2026-12-31"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2025-02-28", 1, "2025-03-01"},
		{"2024-03-01", -1, "2024-02-29"},
		{"2026-03-28", 2, "2026-03-30"}, // summer time starts in Europe: a date has no zone
		{"2026-01-01", 365, "2027-01-01"},
		{"2024-01-01", 366, "2025-01-01"},
		{"2026-06-15", 0, "2026-06-15"},
		{"2000-01-01", 36525, "2100-01-01"},
		{"2100-01-01", -36525, "2000-01-01"},
		{"1900-01-01", 73049, "2100-01-01"}, // past the fast way's reach
		{"2100-01-01", -73049, "1900-01-01"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.from)
		if err != nil {
			t.Fatal(err)
		}
		got := d.AddDays(tt.n)
		if got.String() != tt.want {
			t.Errorf("%s + %d days = %s, want %s", tt.from, tt.n, got, tt.want)
		}
		// The same value as the date parsed, so == compares dates.
		if want, _ := ParseDate(tt.want); got != want {
			t.Errorf("%s + %d days = %#v, not == %#v", tt.from, tt.n, got, want)
		}
	}
}

func TestTermPeriods(t *testing.T) {
	start := MustDate(2024, 4, 1)
	tests := []struct {
		day                        string
		index                      int
		periodStart, end, cancelBy string
	}{
		{"2024-04-01", 0, "2024-04-01", "2027-03-31", "2026-09-30"},
		{"2026-09-30", 0, "2024-04-01", "2027-03-31", "2026-09-30"},
		{"2027-03-31", 0, "2024-04-01", "2027-03-31", "2026-09-30"},
		{"2027-04-01", 1, "2027-04-01", "2028-03-31", "2027-09-30"},
		{"2031-07-15", 5, "2031-04-01", "2032-03-31", "2031-09-30"},
	}
	term := centuriTerm()
	for _, tt := range tests {
		day, _ := ParseDate(tt.day)
		p, ok := term.CurrentPeriod(start, day)
		if !ok || p.Index != tt.index || p.Start.String() != tt.periodStart || p.End.String() != tt.end {
			t.Errorf("CurrentPeriod(%s) = %+v %v, want #%d %s–%s", tt.day, p, ok, tt.index, tt.periodStart, tt.end)
		}
		if got := term.CancelBy(p).String(); got != tt.cancelBy {
			t.Errorf("CancelBy for %s = %s, want %s", tt.day, got, tt.cancelBy)
		}
	}
}

func TestNextCancelByRollsForward(t *testing.T) {
	term := centuriTerm()
	start := MustDate(2024, 4, 1)
	p, c, ok := term.NextCancelBy(start, MustDate(2026, 10, 1))
	if !ok || c.String() != "2027-09-30" || p.Start.String() != "2027-04-01" || p.End.String() != "2028-03-31" {
		t.Fatalf("after 2026-09-30 passes: period %s–%s cancel-by %s, want 2027-04-01–2028-03-31, 2027-09-30", p.Start, p.End, c)
	}
	_, c, _ = term.NextCancelBy(start, MustDate(2026, 9, 30))
	if c.String() != "2026-09-30" {
		t.Errorf("on the cancel-by day itself: %s, want 2026-09-30", c)
	}
}

func TestTermWithoutRenewalEnds(t *testing.T) {
	term := Term{Initial: Period{12, Months}, Notice: Period{3, Months}}
	start := MustDate(2025, 1, 31)
	p, ok := term.CurrentPeriod(start, MustDate(2030, 1, 1))
	if !ok || p.End.String() != "2026-01-30" {
		t.Errorf("fixed term: %+v, want last period ending 2026-01-30", p)
	}
	if _, _, ok := term.NextCancelBy(start, MustDate(2030, 1, 1)); ok {
		t.Error("a finished fixed term has no next cancel-by")
	}
	if _, ok := (Term{Indefinite: true}).CurrentPeriod(start, start); ok {
		t.Error("an indefinite term has no periods")
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
		err  bool
	}{
		{"36 months", Period{36, Months}, false},
		{"6 månader", Period{6, Months}, false},
		{"4w", Period{4, Weeks}, false},
		{"5 business days", Period{5, WorkDays}, false},
		{"1 year", Period{1, Years}, false},
		{"24 timmar", Period{24, Hours}, false},
		// What a Swedish contract manager types: abbreviations, the
		// genitive of "30 dagars varsel", bank days as business days.
		{"3 mån", Period{3, Months}, false},
		{"3 mån.", Period{3, Months}, false},
		{"30 dgr", Period{30, Days}, false},
		{"30 dagars", Period{30, Days}, false},
		{"2 veckors", Period{2, Weeks}, false},
		{"10 bankdagar", Period{10, WorkDays}, false},
		{"5 working days", Period{5, WorkDays}, false},
		{"6 mos", Period{6, Months}, false},
		{"months", Period{}, true},
		{"3 fortnights", Period{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDateValidation(t *testing.T) {
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Error("2026-02-30 must be refused")
	}
	if _, err := NewDate(2026, 2, 30); err == nil {
		t.Error("NewDate(2026, 2, 30) must be refused")
	}
	// 0001-01-01 is Go's zero time, which means "no date": a date that
	// early would vanish, so years before 1000 are refused.
	for _, s := range []string{"0001-01-01", "0999-12-31"} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
	if d, err := NewDate(1, 1, 1); err == nil {
		t.Errorf("NewDate(1, 1, 1) = %v (unset: %v), want an error", d, d.IsZero())
	}
	if _, err := NewDate(10000, 1, 1); err == nil {
		t.Error("NewDate(10000, 1, 1) must be refused: it cannot be written YYYY-MM-DD")
	}
	if d, err := ParseDate("1000-01-01"); err != nil || d.IsZero() {
		t.Errorf("ParseDate(1000-01-01) = %v, %v", d, err)
	}
}

func TestAmount(t *testing.T) {
	for in, want := range map[string]Amount{"10000": 1000000, "10 000,50": 1000050, "2500.5": 250050} {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if got := Amount(1000050).Grouped(); got != "10 000,50" {
		t.Errorf("Grouped = %q", got)
	}
	if _, err := ParseAmount("tio"); err == nil {
		t.Error("ParseAmount(tio) must fail")
	}
}

func TestEndedAgreementHasNoCancelBy(t *testing.T) {
	a := &Agreement{Status: StatusTerminated, Start: MustDate(2024, 4, 1), Term: centuriTerm()}
	if _, _, ok := a.NextCancelBy(MustDate(2026, 1, 1)); ok {
		t.Error("a terminated agreement must have no cancel-by date")
	}
	a.Status = StatusActive
	if _, d, ok := a.NextCancelBy(MustDate(2026, 1, 1)); !ok || d.String() != "2026-09-30" {
		t.Errorf("active: %s %v, want 2026-09-30", d, ok)
	}
}

func TestTermRefusesPeriodsThatNeverEnd(t *testing.T) {
	tests := []struct {
		term  Term
		field string
	}{
		{Term{Initial: Period{12, Months}, Renewal: Period{0, Months}, Notice: Period{3, Months}}, "term.renewal"},
		{Term{Initial: Period{0, Years}}, "term.initial"},
		{Term{Initial: Period{48, Hours}}, "term.initial"},
		{Term{Initial: Period{12, Months}, Renewal: Period{10, WorkDays}}, "term.renewal"},
		{Term{Initial: Period{101, Years}}, "term.initial"},
		{Term{Initial: Period{12, Months}, Renewal: Period{1300, Months}}, "term.renewal"},
		{Term{Initial: Period{12, Months}, Notice: Period{40000, Days}}, "term.notice"},
	}
	for _, tt := range tests {
		err := tt.term.validate()
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != tt.field {
			t.Errorf("%+v: error %v, want one on %s", tt.term, err, tt.field)
		}
	}
	for _, ok := range []Term{
		{Initial: Period{100, Years}, Renewal: Period{1, Days}, Notice: Period{0, Days}},
		{Initial: Period{36, Months}, Renewal: Period{12, Months}, Notice: Period{10, WorkDays}},
		{Indefinite: true, Notice: Period{3, Months}},
	} {
		if err := ok.validate(); err != nil {
			t.Errorf("%+v: %v, want it accepted", ok, err)
		}
	}
}

// A term stored before zero renewals were refused must still give answers:
// it ends after its initial period instead of renewing in place forever.
func TestZeroRenewalEndsAfterInitialPeriod(t *testing.T) {
	term := Term{Initial: Period{12, Months}, Renewal: Period{0, Months}, Notice: Period{3, Months}}
	start := MustDate(2025, 1, 1)
	if term.Renews() {
		t.Fatal("a renewal of 0 months renews")
	}
	p, ok := term.CurrentPeriod(start, MustDate(2030, 6, 1))
	if !ok || p.Index != 0 || p.End.String() != "2025-12-31" {
		t.Fatalf("current period = %+v, %v; want the initial period ending 2025-12-31", p, ok)
	}
	if _, _, ok := term.NextCancelBy(start, MustDate(2030, 6, 1)); ok {
		t.Error("a cancel-by date after the only period ended")
	}
	hours := Term{Initial: Period{12, Hours}}
	if _, ok := hours.Period(start, 0); ok {
		t.Error("a term of 12 hours has a period")
	}
}

// Renewals in days jump straight to the period holding the day, so a
// daily renewal decades on is as cheap as a yearly one.
func TestDailyRenewalFindsPeriod(t *testing.T) {
	term := Term{Initial: Period{30, Days}, Renewal: Period{1, Weeks}}
	start := MustDate(2026, 1, 1)
	// Initial: 2026-01-01 – 2026-01-30; renewals of 7 days from 2026-01-31.
	// 2036-01-01 is 3622 days after 2026-01-31: renewal 518 (3622/7 = 517.4)
	// starts 2026-01-31 + 517×7 = 3619 days later, 2035-12-29.
	p, ok := term.CurrentPeriod(start, MustDate(2036, 1, 1))
	if !ok || p.Index != 518 || p.Start.String() != "2035-12-29" || p.End.String() != "2036-01-04" {
		t.Fatalf("period = %+v, %v; want renewal 518, 2035-12-29 – 2036-01-04", p, ok)
	}
}

// TestMonthEndsDoNotDrift checks that periods are counted from the
// original start S (day D): boundary k is day D of the month k × N months
// after S, or the 1st of the next month where that month has no day D;
// each period ends the day before its boundary.
func TestMonthEndsDoNotDrift(t *testing.T) {
	months := func(n int) Period { return Period{n, Months} }
	tests := []struct {
		name  string
		term  Term
		start Date
		want  []string // periods 0, 1, 2, …
	}{
		// 2026-02-31 does not exist → boundary 2026-03-01, so period 0 ends
		// 2026-02-28; 2026-08-31 exists; 2027-02-31 → 2027-03-01;
		// 2027-08-31 exists.
		{"6 months from 31 August", Term{Initial: months(6), Renewal: months(6)}, MustDate(2025, 8, 31),
			[]string{"2025-08-31 – 2026-02-28", "2026-03-01 – 2026-08-30", "2026-08-31 – 2027-02-28", "2027-03-01 – 2027-08-30"}},
		// 29 February: 2025/2026/2027-02-29 do not exist → 1 March;
		// 2028-02-29 does.
		{"yearly from 29 February", Term{Initial: Period{1, Years}, Renewal: Period{1, Years}}, MustDate(2024, 2, 29),
			[]string{"2024-02-29 – 2025-02-28", "2025-03-01 – 2026-02-28", "2026-03-01 – 2027-02-28", "2027-03-01 – 2028-02-28", "2028-02-29 – 2029-02-28"}},
		// Monthly from 31 January: 02-31 → 03-01, 03-31 exists, 04-31 → 05-01.
		{"monthly from 31 January", Term{Initial: months(1), Renewal: months(1)}, MustDate(2024, 1, 31),
			[]string{"2024-01-31 – 2024-02-29", "2024-03-01 – 2024-03-30", "2024-03-31 – 2024-04-30"}},
		// Initial 6 months, renewals of 12, all from S: S + 6 = 2026-02-31 →
		// 2026-03-01; S + 18 = 2027-02-31 → 2027-03-01; S + 30 = 2028-02-31
		// → 2028-03-01.
		{"6 months then yearly", Term{Initial: months(6), Renewal: months(12)}, MustDate(2025, 8, 31),
			[]string{"2025-08-31 – 2026-02-28", "2026-03-01 – 2027-02-28", "2027-03-01 – 2028-02-29"}},
	}
	for _, tt := range tests {
		for k, want := range tt.want {
			p, ok := tt.term.Period(tt.start, k)
			if got := p.Start.String() + " – " + p.End.String(); !ok || got != want {
				t.Errorf("%s: period %d = %s, want %s", tt.name, k, got, want)
			}
			// CurrentPeriod finds the same period from any of its days.
			if q, _ := tt.term.CurrentPeriod(tt.start, p.End); q != p {
				t.Errorf("%s: CurrentPeriod(%s) = %+v, want %+v", tt.name, p.End, q, p)
			}
		}
	}
	// With 3 months' notice, period 1 of the first term (ending 2026-08-30)
	// has cancel-by 2026-08-30 − 3 months = 2026-05-30.
	term := Term{Initial: months(6), Renewal: months(6), Notice: months(3)}
	if p, _ := term.Period(MustDate(2025, 8, 31), 1); term.CancelBy(p).String() != "2026-05-30" {
		t.Errorf("cancel-by of %+v = %s, want 2026-05-30", p, term.CancelBy(p))
	}
}

// Amounts are read and written exactly, to the largest fee a form allows:
// no öre is lost to a float on the way.
func TestAmountIsExact(t *testing.T) {
	tests := []struct {
		in       string
		cents    Amount
		str, grp string
	}{
		{"999999999999999", 99999999999999900, "999999999999999", "999 999 999 999 999"},
		{"999 999 999 999 999,99", 99999999999999999, "999999999999999.99", "999 999 999 999 999,99"},
		{"1000000000000000", 100000000000000000, "1000000000000000", "1 000 000 000 000 000"},
		{"0,05", 5, "0.05", "0,05"},
		{"-12.5", -1250, "-12.50", "-12,50"},
		{"2,345", 235, "2.35", "2,35"}, // the third decimal rounds
		{",5", 50, "0.50", "0,50"},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if err != nil || got != tt.cents || got.String() != tt.str || got.Grouped() != tt.grp {
			t.Errorf("ParseAmount(%q) = %d (%q, %q), %v; want %d (%q, %q)", tt.in, got, got.String(), got.Grouped(), err, tt.cents, tt.str, tt.grp)
		}
	}
	for _, bad := range []string{"", "-", ".", "1e6", "1.2.3", "10000000000000001", "NaN", "12 kr"} {
		if _, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) succeeded", bad)
		}
	}
}

func TestDatesLack(t *testing.T) {
	year := Period{N: 1, Unit: Years}
	day := MustDate(2026, 2, 1)
	tests := []struct {
		name string
		a    Agreement
		want []string
	}{
		{"nothing known", Agreement{}, []string{"start", "term.initial"}},
		{"a renewal, no first period", Agreement{Start: day, Term: Term{Renewal: year}}, []string{"term.initial"}},
		{"a first period, no start", Agreement{Term: Term{Initial: year}}, []string{"start"}},
		{"the signing day starts it", Agreement{Signed: day, Term: Term{Initial: year}}, nil},
		{"a start and a first period", Agreement{Start: day, Term: Term{Initial: year, Notice: Period{N: 3, Unit: Months}}}, nil},
		{"until further notice", Agreement{Term: Term{Indefinite: true}}, nil},
		{"ended", Agreement{Status: StatusTerminated}, nil},
	}
	for _, tt := range tests {
		if got := tt.a.DatesLack(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

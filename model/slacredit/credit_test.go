package slacredit

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"avtal/model"
)

func TestCreditPureserviceNovember(t *testing.T) {
	// November 2026 has 30 days: 30 × 1 440 = 43 200 minutes. Fee 10 000 SEK.
	tests := []struct {
		name      string
		incidents []model.Incident
		down      int
		uptime    string
		tier      float64 // threshold of the tier reached, 0 for none
		credit    model.Amount
		capped    bool
		below     bool
	}{
		// 216 / 43 200 = 0.005 exactly → 99.5000 %, not below 99.5.
		{"216 min", []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T13:36")}, 216, "99.5000", 0, 0, false, false},
		// 42 983 / 43 200 = 0.9949768… → 99.4977 % < 99.5 → 25 % × 10 000 = 2 500.
		{"217 min", []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T13:37")}, 217, "99.4977", 99.5, sek(2500), false, true},
		// 42 720 / 43 200 = 0.9888888… → 98.8889 % < 99 → 50 % = 5 000.
		{"8 hours", []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T18:00")}, 480, "98.8889", 99, sek(5000), false, true},
		// 40 320 / 43 200 = 0.9333333… → 93.3333 % < 95 → 100 % = 10 000, the cap.
		{"2 days", []model.Incident{down(t, "2026-11-10T10:00", "2026-11-12T10:00")}, 2880, "93.3333", 95, sek(10000), true, true},
		// Planned maintenance is not downtime.
		{"4 h planned", []model.Incident{planned(t, "2026-11-14T02:00", "2026-11-14T06:00")}, 0, "100.0000", 0, 0, false, false},
		{"217 min + 4 h planned", []model.Incident{
			down(t, "2026-11-10T10:00", "2026-11-10T13:37"),
			planned(t, "2026-11-14T02:00", "2026-11-14T06:00"),
		}, 217, "99.4977", 99.5, sek(2500), false, true},
	}
	terms := preset(t, "pureservice")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Credit(terms, month(t, "2026-11"), sek(10000), tt.incidents)
			if err != nil {
				t.Fatal(err)
			}
			if r.WindowMinutes != 43200 || r.DowntimeMinutes != tt.down || r.Uptime() != tt.uptime {
				t.Errorf("window %d, down %d, uptime %s; want 43200, %d, %s", r.WindowMinutes, r.DowntimeMinutes, r.Uptime(), tt.down, tt.uptime)
			}
			var tier float64
			if r.Tier != nil {
				tier = r.Tier.Below
			}
			if tier != tt.tier || r.CreditAmount != tt.credit || r.Capped != tt.capped || r.BelowTarget != tt.below || r.Discretionary {
				t.Errorf("tier %g, credit %s, capped %v, below %v, discretionary %v; want %g, %s, %v, %v, false",
					tier, r.CreditAmount, r.Capped, r.BelowTarget, r.Discretionary, tt.tier, tt.credit, tt.capped, tt.below)
			}
			if r.CapAmount != sek(10000) {
				t.Errorf("cap %s, want 10000", r.CapAmount)
			}
		})
	}
}

func TestCreditClaimByOnlyWhenSomethingToClaim(t *testing.T) {
	terms := preset(t, "pureservice")
	// 217 minutes ending 2026-11-10 → 4 weeks = 28 days → 2026-12-08, a Tuesday.
	r, err := Credit(terms, month(t, "2026-11"), sek(10000), []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T13:37")})
	if err != nil {
		t.Fatal(err)
	}
	if r.ClaimBy.String() != "2026-12-08" || r.ClaimActBy.String() != "2026-12-08" {
		t.Errorf("claim by %s act by %s, want 2026-12-08 both", r.ClaimBy, r.ClaimActBy)
	}
	// 216 minutes give no credit: the incident still has its deadline, the month has none.
	r, err = Credit(terms, month(t, "2026-11"), sek(10000), []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T13:36")})
	if err != nil {
		t.Fatal(err)
	}
	if !r.ClaimBy.IsZero() || len(r.Incidents) != 1 || r.Incidents[0].Claim == nil || r.Incidents[0].Claim.By.String() != "2026-12-08" {
		t.Errorf("claim by %q, incidents %+v; want no month deadline and incident deadline 2026-12-08", r.ClaimBy, r.Incidents)
	}
}

func TestCreditCenturiNovemberServiceHours(t *testing.T) {
	// 21 weekdays × 9 h × 60 = 11 340 minutes; no Swedish holiday on a weekday.
	// The outage 16:00–19:00 counts 16:00–17:00 = 60 minutes:
	// 11 280 / 11 340 = 0.9947089… → 99.4709 % < 99.5 target, discretionary.
	r, err := Credit(preset(t, "centuri"), month(t, "2026-11"), sek(10000),
		[]model.Incident{down(t, "2026-11-10T16:00", "2026-11-10T19:00")})
	if err != nil {
		t.Fatal(err)
	}
	if r.WindowMinutes != 11340 || r.DowntimeMinutes != 60 || r.Uptime() != "99.4709" {
		t.Errorf("window %d, down %d, uptime %s; want 11340, 60, 99.4709", r.WindowMinutes, r.DowntimeMinutes, r.Uptime())
	}
	if !r.BelowTarget || !r.Discretionary || r.Tier != nil || r.CreditAmount != 0 || r.CreditPct != 0 || !r.ClaimBy.IsZero() {
		t.Errorf("below %v, discretionary %v, tier %v, credit %s %g%%, claim %s; want below, discretionary, no fixed credit, no claim window",
			r.BelowTarget, r.Discretionary, r.Tier, r.CreditAmount, r.CreditPct, r.ClaimBy)
	}
}

func TestCreditSplitsAcrossMonths(t *testing.T) {
	terms := preset(t, "pureservice")
	inc := []model.Incident{down(t, "2026-10-31T22:00", "2026-11-01T02:00")}
	tests := []struct {
		month  string
		window int
		uptime string
	}{
		// October 2026: 31 × 1 440 + 60 (25 October has 25 hours) = 44 700;
		// 44 580 / 44 700 = 0.9973154… → 99.7315.
		{"2026-10", 44700, "99.7315"},
		// November: 43 080 / 43 200 = 0.9972222… → 99.7222.
		{"2026-11", 43200, "99.7222"},
	}
	for _, tt := range tests {
		r, err := Credit(terms, month(t, tt.month), sek(10000), inc)
		if err != nil {
			t.Fatal(err)
		}
		if r.WindowMinutes != tt.window || r.DowntimeMinutes != 120 || r.Uptime() != tt.uptime {
			t.Errorf("%s: window %d, down %d, uptime %s; want %d, 120, %s", tt.month, r.WindowMinutes, r.DowntimeMinutes, r.Uptime(), tt.window, tt.uptime)
		}
		if len(r.Incidents) != 1 || r.Incidents[0].CountedMinutes != 120 {
			t.Errorf("%s: incidents %+v, want the one incident counting 120", tt.month, r.Incidents)
		}
	}
}

func TestCreditCountsElapsedMinutesAcrossSummerTimeEnd(t *testing.T) {
	// 2026-10-25 01:00 CEST (23:00 UTC the day before) to 04:00 CET (03:00 UTC):
	// the clocks show 3 hours, 4 hours passed. Downtime is elapsed time: 240 minutes.
	r, err := Credit(preset(t, "pureservice"), month(t, "2026-10"), sek(10000),
		[]model.Incident{down(t, "2026-10-25T01:00", "2026-10-25T04:00")})
	if err != nil {
		t.Fatal(err)
	}
	if r.DowntimeMinutes != 240 {
		t.Errorf("down %d, want 240 elapsed minutes", r.DowntimeMinutes)
	}
}

func TestCreditMergesAndMasks(t *testing.T) {
	tests := []struct {
		name      string
		incidents []model.Incident
		down      int
		counted   []int // per incident, in input order
	}{
		// Shared minutes count for the incident that started first: 10–12
		// (120), then 12–13 of 11–13 (60), nothing of 12:30–12:45 (inside
		// 12–13), and 13–14 (60): 240 in all, like the merged downtime.
		{"overlapping, nested and touching merge to 10:00–14:00", []model.Incident{
			down(t, "2026-11-10T10:00", "2026-11-10T12:00"),
			down(t, "2026-11-10T11:00", "2026-11-10T13:00"),
			down(t, "2026-11-10T12:30", "2026-11-10T12:45"),
			down(t, "2026-11-10T13:00", "2026-11-10T14:00"),
		}, 240, []int{120, 60, 0, 60}},
		{"the same incident logged twice counts once, for the first", []model.Incident{
			down(t, "2026-11-10T10:00", "2026-11-10T11:00"),
			down(t, "2026-11-10T10:00", "2026-11-10T11:00"),
		}, 60, []int{60, 0}},
		// Out of log order: the later-logged incident started first.
		{"the earlier start takes the shared minutes", []model.Incident{
			down(t, "2026-11-10T10:30", "2026-11-10T12:00"),
			down(t, "2026-11-10T10:00", "2026-11-10T11:00"),
		}, 120, []int{60, 60}},
		{"planned maintenance masks the unplanned record over it: 10–12 counts", []model.Incident{
			down(t, "2026-11-10T10:00", "2026-11-10T14:00"),
			planned(t, "2026-11-10T12:00", "2026-11-10T16:00"),
		}, 120, []int{120, 0}},
		{"an excluded incident never counts and masks its time: 60 − 30", []model.Incident{
			down(t, "2026-11-10T10:00", "2026-11-10T11:00"),
			{Start: at(t, "2026-11-10T10:15"), End: at(t, "2026-11-10T10:45"), Excluded: true, ExcludeReason: "customer network"},
		}, 30, []int{30, 0}},
		{"incidents of other months are not listed", []model.Incident{
			down(t, "2026-09-10T10:00", "2026-09-10T11:00"),
			down(t, "2026-11-10T10:00", "2026-11-10T11:00"),
		}, 60, []int{60}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Credit(preset(t, "pureservice"), month(t, "2026-11"), sek(10000), tt.incidents)
			if err != nil {
				t.Fatal(err)
			}
			if r.DowntimeMinutes != tt.down {
				t.Errorf("down %d, want %d", r.DowntimeMinutes, tt.down)
			}
			var counted []int
			for _, i := range r.Incidents {
				counted = append(counted, i.CountedMinutes)
			}
			if len(counted) != len(tt.counted) {
				t.Fatalf("counted %v, want %v", counted, tt.counted)
			}
			for i := range counted {
				if counted[i] != tt.counted[i] {
					t.Errorf("counted %v, want %v", counted, tt.counted)
					break
				}
			}
		})
	}
}

func TestCreditServiceHoursWithHolidays(t *testing.T) {
	centuri := preset(t, "centuri")
	// An agreement that also excludes the eves (not public holidays).
	withEves := centuri
	withEves.Window.Eves = true
	tests := []struct {
		name      string
		terms     model.SLATerms
		month     string
		incidents []model.Incident
		window    int
		down      int
		uptime    string
	}{
		// December 2026: 23 weekdays (1–4, 7–11, 14–18, 21–25, 28–31); of them
		// only juldagen (Fri 25) is a public holiday (annandag jul is a
		// Saturday): 22 days × 540 = 11 880. Julafton is a service day, so
		// 10:00–12:00 on it counts: 11 760 / 11 880 = 0.989898… → 98.9899.
		{"december, outage on julafton", centuri, "2026-12", []model.Incident{down(t, "2026-12-24T10:00", "2026-12-24T12:00")}, 11880, 120, "98.9899"},
		// 23 Dec 16–17 (60), 24 Dec 08–17 (540), 28 Dec 08–09 (60) = 660;
		// 11 220 / 11 880 = 0.944444… → 94.4444.
		{"december, outage over christmas", centuri, "2026-12", []model.Incident{down(t, "2026-12-23T16:00", "2026-12-28T09:00")}, 11880, 660, "94.4444"},
		// Excluding the eves too: minus julafton 24 and nyårsafton 31 = 20
		// days × 540 = 10 800; the julafton outage does not count, and over
		// Christmas only 23 Dec 16–17 and 28 Dec 08–09: 10 680 / 10 800 →
		// 98.8889.
		{"december with eves, outage on julafton", withEves, "2026-12", []model.Incident{down(t, "2026-12-24T10:00", "2026-12-24T12:00")}, 10800, 0, "100.0000"},
		{"december with eves, outage over christmas", withEves, "2026-12", []model.Incident{down(t, "2026-12-23T16:00", "2026-12-28T09:00")}, 10800, 120, "98.8889"},
		// June 2026: 22 weekdays; nationaldagen (6 June) is a Saturday and
		// midsommarafton (Fri 19 June) a service day: 22 × 540 = 11 880.
		{"june", centuri, "2026-06", nil, 11880, 0, "100.0000"},
		// June 2027: 22 weekdays (1–4, 7–11, 14–18, 21–25, 28–30), nationaldagen
		// a Sunday: 11 880. 09–12 down on midsommarafton (Fri 25 June) counts
		// 180 minutes: 11 700 / 11 880 = 0.984848… → 98.4848.
		{"midsommarafton 2027", centuri, "2027-06", []model.Incident{down(t, "2027-06-25T09:00", "2027-06-25T12:00")}, 11880, 180, "98.4848"},
		// Excluding the eves: 21 × 540 = 11 340, and that outage counts 0.
		{"midsommarafton 2027 with eves", withEves, "2027-06", []model.Incident{down(t, "2027-06-25T09:00", "2027-06-25T12:00")}, 11340, 0, "100.0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Credit(tt.terms, month(t, tt.month), sek(10000), tt.incidents)
			if err != nil {
				t.Fatal(err)
			}
			if r.WindowMinutes != tt.window || r.DowntimeMinutes != tt.down || r.Uptime() != tt.uptime {
				t.Errorf("window %d, down %d, uptime %s; want %d, %d, %s", r.WindowMinutes, r.DowntimeMinutes, r.Uptime(), tt.window, tt.down, tt.uptime)
			}
		})
	}
}

func TestCreditStartedMinuteCounts(t *testing.T) {
	// 90 seconds of downtime is a started second minute: 2 minutes.
	start := at(t, "2026-11-10T10:00")
	r, err := Credit(preset(t, "pureservice"), month(t, "2026-11"), sek(10000),
		[]model.Incident{{Start: start, End: start.Add(90 * time.Second)}})
	if err != nil {
		t.Fatal(err)
	}
	if r.DowntimeMinutes != 2 {
		t.Errorf("down %d, want 2", r.DowntimeMinutes)
	}
}

func TestCreditCapBelowTier(t *testing.T) {
	// A cap of 40 % under a 50 % tier: 8 hours in November → 50 % of 10 000
	// = 5 000, capped to 40 % = 4 000.
	terms := preset(t, "pureservice")
	terms.CapPct = 40
	r, err := Credit(terms, month(t, "2026-11"), sek(10000), []model.Incident{down(t, "2026-11-10T10:00", "2026-11-10T18:00")})
	if err != nil {
		t.Fatal(err)
	}
	if r.CreditAmount != sek(4000) || r.CreditPct != 40 || !r.Capped || r.Tier == nil || r.Tier.CreditPct != 50 {
		t.Errorf("credit %s %g%%, capped %v, tier %+v; want 4000 at 40%%, capped, tier of 50%%", r.CreditAmount, r.CreditPct, r.Capped, r.Tier)
	}
}

func TestCreditErrorsNameTheField(t *testing.T) {
	good := down(t, "2026-11-10T10:00", "2026-11-10T11:00")
	backwards := down(t, "2026-11-10T11:00", "2026-11-10T10:00")
	noReason := good
	noReason.Excluded = true
	pure := preset(t, "pureservice")
	svc := func(f func(*model.Window)) model.SLATerms {
		terms := preset(t, "centuri")
		f(&terms.Window)
		return terms
	}
	tests := []struct {
		name      string
		terms     model.SLATerms
		fee       model.Amount
		incidents []model.Incident
		field     string
	}{
		{"negative fee", pure, -1, nil, "fee"},
		{"end before start", pure, 0, []model.Incident{good, backwards}, "incidents[1].end"},
		{"excluded without reason", pure, 0, []model.Incident{noReason}, "incidents[0].exclude_reason"},
		{"no weekdays", svc(func(w *model.Window) { w.Weekdays = nil }), 0, nil, "window.weekdays"},
		{"unknown holidays", svc(func(w *model.Window) { w.Holidays = "NO" }), 0, nil, "window.holidays"},
		{"hours backwards", svc(func(w *model.Window) { w.From, w.To = "17:00", "08:00" }), 0, nil, "window.to"},
		{"unknown zone", svc(func(w *model.Window) { w.TZ = "Mars/Olympus" }), 0, nil, "window.tz"},
	}
	for _, tt := range tests {
		_, err := Credit(tt.terms, month(t, "2026-11"), tt.fee, tt.incidents)
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.field)
		}
	}
}

func TestReportUptimeOfEmptyWindow(t *testing.T) {
	// Nothing measured, nothing lost: a zero report reads 100 %.
	var r Report
	if r.Uptime() != "100.0000" || r.below(99.5) {
		t.Errorf("uptime %s, below 99.5 %v; want 100.0000, false", r.Uptime(), r.below(99.5))
	}
}

// TestCreditMatchesMinuteByMinute checks the interval arithmetic against a
// plain count of every minute of the month, for random overlapping logs.
func TestCreditMatchesMinuteByMinute(t *testing.T) {
	m := month(t, "2026-11")
	for _, name := range []string{"pureservice", "centuri"} {
		terms := preset(t, name)
		window, err := WindowSpans(terms.Window, m)
		if err != nil {
			t.Fatal(err)
		}
		start := m.Span(stockholm).Start
		inWindow := make([]bool, 43200)
		for _, s := range window {
			for k := s.Start.Sub(start) / time.Minute; k < s.End.Sub(start)/time.Minute; k++ {
				inWindow[k] = true
			}
		}
		for seed := range uint64(5) {
			incidents := randomIncidents(seed, 300, start, 43200)
			isDown, isMasked := make([]bool, 43200), make([]bool, 43200)
			for _, inc := range incidents {
				mark := isDown
				if inc.Planned {
					mark = isMasked
				}
				for k := inc.Start.Sub(start) / time.Minute; k < inc.End.Sub(start)/time.Minute && k < 43200; k++ {
					mark[k] = true
				}
			}
			want := 0
			for k := range 43200 {
				if inWindow[k] && isDown[k] && !isMasked[k] {
					want++
				}
			}
			r, err := Credit(terms, m, sek(10000), incidents)
			if err != nil {
				t.Fatal(err)
			}
			if r.DowntimeMinutes != want {
				t.Errorf("%s seed %d: down %d, minute count %d", name, seed, r.DowntimeMinutes, want)
			}
			// Whole-minute incidents share no minute twice: they add up.
			sum := 0
			for _, inc := range r.Incidents {
				sum += inc.CountedMinutes
			}
			if sum != want {
				t.Errorf("%s seed %d: incidents add up to %d, minute count %d", name, seed, sum, want)
			}
		}
	}
}

// randomIncidents returns n incidents of 1–120 whole minutes starting inside
// the first `minutes` minutes after start, every tenth one planned.
func randomIncidents(seed uint64, n int, start time.Time, minutes int) []model.Incident {
	rng := rand.New(rand.NewPCG(seed, 6))
	out := make([]model.Incident, n)
	for i := range out {
		s := start.Add(time.Duration(rng.IntN(minutes)) * time.Minute)
		out[i] = model.Incident{Start: s, End: s.Add(time.Duration(1+rng.IntN(120)) * time.Minute), Planned: i%10 == 0}
	}
	return out
}

func BenchmarkCreditMonth10kIncidents(b *testing.B) {
	m := Month{2026, time.November}
	incidents := randomIncidents(1, 10000, m.Span(stockholm).Start, 43200)
	terms := preset(b, "pureservice")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Credit(terms, m, sek(10000), incidents); err != nil {
			b.Fatal(err)
		}
	}
}

// A credit is a share of the fee to the öre, however large the fee.
func TestPercentOfIsExact(t *testing.T) {
	tests := []struct {
		fee  model.Amount
		pct  float64
		want model.Amount
	}{
		{99999999999999900, 25, 24999999999999975},
		{99999999999999999, 100, 99999999999999999},
		{1000050, 12.5, 125006}, // 12 500,625 rounds to 12 500,63
		{450000, 10, 45000},
		{3, 50, 2}, // half an öre and a half rounds away from zero
	}
	for _, tt := range tests {
		if got := percentOf(tt.fee, tt.pct); got != tt.want {
			t.Errorf("%g%% of %d = %d, want %d", tt.pct, tt.fee, got, tt.want)
		}
	}
}

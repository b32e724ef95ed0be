// Package slacredit computes what an SLA gives for a month: the measurement
// window, the downtime that counts in it, the uptime percentage, the credit
// tier reached, the credit amount under its cap, and when each downtime must
// be claimed.
//
// All durations are elapsed real time, not wall-clock time: a month's window
// and an incident both count the instants that actually passed, so an outage
// across the night summer time ends lasts one hour longer than the clocks
// suggest, and October in Europe/Stockholm has 745 hours, not 744.
// Percentages are decided with integer arithmetic on whole minutes, so
// 216 minutes of 43 200 is exactly 99.5 % and does not fall below a 99.5 %
// tier through floating-point rounding.
package slacredit

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"time"

	"avtal/model"
	"avtal/model/workdays"
)

// Report is what an SLA gives for one month.
type Report struct {
	Month Month `json:"month"`
	// WindowMinutes is the real time measured: the whole month for 24x7, the service hours otherwise.
	WindowMinutes int `json:"window_minutes"`
	// DowntimeMinutes is the counted downtime: merged, inside the window, not planned or excluded.
	// A started minute counts as a whole one.
	DowntimeMinutes int `json:"downtime_minutes"`
	// UptimePct is (window − downtime) / window, rounded to 4 decimals; 100 when the window is empty.
	UptimePct float64 `json:"uptime_pct"`
	// TargetPct is the availability promised; when the terms state none, the highest tier threshold.
	TargetPct   float64 `json:"target_pct"`
	BelowTarget bool    `json:"below_target"`
	// Tier is the most severe tier reached, or nil.
	Tier *model.CreditTier `json:"tier,omitempty"`
	// CreditPct and CreditAmount are the credit of the monthly fee, after the cap.
	CreditPct    float64      `json:"credit_pct"`
	CreditAmount model.Amount `json:"credit_amount"`
	// CapAmount is the most a month can give (0 when uncapped); Capped says the credit reached it.
	CapAmount model.Amount `json:"cap_amount,omitempty"`
	Capped    bool         `json:"capped"`
	// Discretionary: the SLA has no fixed credit, the supplier decides a reasonable reduction.
	Discretionary bool `json:"discretionary"`
	// ClaimBy and ClaimActBy are the earliest claim deadline of the month's counted downtime,
	// set only when there is something to claim (a credit, or a discretionary SLA missed).
	ClaimBy    model.Date `json:"claim_by,omitzero"`
	ClaimActBy model.Date `json:"claim_act_by,omitzero"`
	// Incidents are the incidents that touch the month, in input order.
	Incidents []IncidentResult `json:"incidents,omitempty"`
	// ExcludedDays are the days on the window's weekdays that it leaves
	// out as holidays, so the report can say which.
	ExcludedDays []workdays.Holiday `json:"excluded_days,omitempty"`
}

// IncidentResult is one incident's share of a month.
type IncidentResult struct {
	// Index is the incident's position in the input.
	Index int   `json:"index"`
	ID    int64 `json:"id,omitempty"`
	// CountedMinutes is the counted downtime of the month this incident
	// adds: a minute two incidents share counts for the one that started
	// first (the earlier in the log on a tie), so the incidents add up to
	// Report.DowntimeMinutes (give or take a started minute each).
	CountedMinutes int `json:"counted_minutes"`
	// Claim is set when the incident has counted downtime and the terms set a claim window.
	Claim *Claim `json:"claim,omitempty"`
}

// Credit computes the month's report for an SLA, a monthly fee (the credit
// base, one-off fees excluded) and the incident log. Incidents may come in
// any order and may overlap or reach into other months.
//
// A planned or excluded incident never counts, and it also masks unplanned
// downtime recorded over the same time: the agreements say time in planned
// maintenance (or another exclusion) is not downtime.
func Credit(terms model.SLATerms, m Month, fee model.Amount, incidents []model.Incident) (Report, error) {
	if err := terms.Validate(); err != nil {
		return Report{}, err
	}
	if fee < 0 {
		return Report{}, model.Refuse("negative", "must not be negative").On("fee")
	}
	loc, err := Location(terms.Window)
	if err != nil {
		return Report{}, err
	}
	windowSpans, err := WindowSpans(terms.Window, m)
	if err != nil {
		return Report{}, err
	}
	f := frame{span: m.Span(loc), loc: loc}
	for _, s := range windowSpans {
		iv, _ := f.interval(s)
		f.window = append(f.window, iv)
	}
	down, touching, err := f.collect(incidents)
	if err != nil {
		return Report{}, err
	}
	counted := total(subtract(intersect(down, f.window), f.masked))

	r := Report{
		Month:           m,
		WindowMinutes:   int(total(f.window) / time.Minute),
		DowntimeMinutes: ceilMinutes(counted),
		TargetPct:       target(terms),
		Discretionary:   terms.Discretionary,
		ExcludedDays:    ExcludedDays(terms.Window, m),
	}
	r.DowntimeMinutes = min(r.DowntimeMinutes, r.WindowMinutes)
	r.UptimePct = float64(r.uptimeUnits()) / 1e4
	r.BelowTarget = r.below(r.TargetPct)
	r.applyTiers(terms, fee)

	r.listIncidents(terms, incidents, touching, &f)
	return r, nil
}

// frame is one month being measured: its span in the window's zone, and its
// window and masked (planned or excluded) time as intervals from its start.
type frame struct {
	span           Span
	loc            *time.Location
	window, masked []interval
}

// interval returns the part of s inside the month, and false when there is none.
func (f *frame) interval(s Span) (interval, bool) { return within(s, f.span.Start, f.span.End) }

// collect validates the incidents, sets the frame's masked time and returns
// the merged downtime that may count, with the indexes of the incidents that
// touch the month.
func (f *frame) collect(incidents []model.Incident) (down []interval, touching []int, err error) {
	down = make([]interval, 0, len(incidents))
	var masked []interval
	for i := range incidents {
		inc := &incidents[i]
		if err := inc.Validate(); err != nil {
			return nil, nil, incidentError(i, err)
		}
		iv, ok := f.interval(Span{inc.Start, inc.End})
		if !ok {
			continue
		}
		touching = append(touching, i)
		if inc.Planned || inc.Excluded {
			masked = append(masked, iv)
		} else {
			down = append(down, iv)
		}
	}
	f.masked = merge(masked)
	return merge(down), touching, nil
}

// listIncidents sets each touching incident's counted minutes and claim
// deadline, and the month's claim deadline: the earliest, because one claim
// for the month must reach the supplier before any part of it lapses.
func (r *Report) listIncidents(terms model.SLATerms, incidents []model.Incident, touching []int, f *frame) {
	r.Incidents = make([]IncidentResult, 0, len(touching))
	counted := f.countedEach(incidents, touching)
	var earliest *Claim
	for k, i := range touching {
		inc := incidents[i]
		res := IncidentResult{Index: i, ID: inc.ID, CountedMinutes: counted[k]}
		if res.CountedMinutes > 0 {
			if c, ok := ClaimDeadline(terms, inc, f.loc); ok {
				res.Claim = &c
				if earliest == nil || c.By.Before(earliest.By) {
					earliest = &c
				}
			}
		}
		r.Incidents = append(r.Incidents, res)
	}
	if earliest != nil && (r.CreditAmount > 0 || (r.Discretionary && r.BelowTarget)) {
		r.ClaimBy, r.ClaimActBy = earliest.By, earliest.ActBy
	}
}

// countedEach returns the counted minutes of each touching incident, in
// the order of touching. Incidents are taken by start time (log order on a
// tie), and each counts only what earlier ones did not: shared minutes are
// the earliest incident's. Taken in that order, what earlier incidents
// cover of a later one is one run ending at reach, the furthest end so far.
func (f *frame) countedEach(incidents []model.Incident, touching []int) []int {
	order := make([]int, len(touching)) // positions in touching
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return incidents[touching[a]].Start.Compare(incidents[touching[b]].Start) })
	out := make([]int, len(touching))
	var reach time.Duration
	for _, k := range order {
		inc := incidents[touching[k]]
		if inc.Planned || inc.Excluded {
			continue
		}
		iv, _ := f.interval(Span{inc.Start, inc.End})
		own := measure(iv, f.window, f.masked)
		if shared, ok := iv.clip(interval{iv.lo, reach}); ok {
			own -= measure(shared, f.window, f.masked)
		}
		out[k] = ceilMinutes(own)
		reach = max(reach, iv.hi)
	}
	return out
}

// applyTiers sets the tier reached and the credit, capped. A discretionary
// SLA has no fixed credit, whatever tiers it lists.
func (r *Report) applyTiers(terms model.SLATerms, fee model.Amount) {
	if terms.Discretionary {
		return
	}
	for _, t := range terms.Tiers {
		// The most severe tier is the one with the lowest threshold still reached.
		if r.below(t.Below) && (r.Tier == nil || t.Below < r.Tier.Below) {
			r.Tier = &t
		}
	}
	if terms.CapPct > 0 {
		r.CapAmount = percentOf(fee, terms.CapPct)
	}
	if r.Tier == nil {
		return
	}
	r.CreditPct = r.Tier.CreditPct
	r.CreditAmount = percentOf(fee, r.CreditPct)
	if terms.CapPct > 0 && r.CreditAmount > 0 && r.CreditAmount >= r.CapAmount {
		r.CreditAmount, r.CreditPct, r.Capped = r.CapAmount, terms.CapPct, true
	}
}

// uptimeUnits returns the uptime in units of 0.0001 %, rounded half up, from
// whole minutes only.
func (r *Report) uptimeUnits() int64 {
	w := int64(r.WindowMinutes)
	if w == 0 {
		return 100 * 1e4
	}
	return (2*(w-int64(r.DowntimeMinutes))*1e6 + w) / (2 * w)
}

// Uptime writes the uptime percentage with exactly 4 decimals: "99.4977".
func (r *Report) Uptime() string {
	u := r.uptimeUnits()
	return fmt.Sprintf("%d.%04d", u/1e4, u%1e4)
}

// below reports whether the month's uptime is strictly below pct, compared
// exactly: (W − D) / W < pct / 100 ⇔ (W − D) · 10⁶ < pct · 10⁴ · W.
// An empty window is never below anything.
func (r *Report) below(pct float64) bool {
	w := int64(r.WindowMinutes)
	return (w-int64(r.DowntimeMinutes))*1e6 < int64(math.Round(pct*1e4))*w
}

// target returns the availability an SLA promises: its stated target, or
// the highest tier threshold when it states none.
func target(terms model.SLATerms) float64 {
	t := terms.TargetPct
	if t == 0 {
		for _, tier := range terms.Tiers {
			t = max(t, tier.Below)
		}
	}
	return t
}

// percentOf returns pct % of an amount, rounded to the nearest hundredth.
func percentOf(a model.Amount, pct float64) model.Amount {
	// Exact: a float product loses the last öre of a large fee.
	r := new(big.Rat).SetFloat64(pct)
	if r == nil {
		return 0
	}
	r.Mul(r, new(big.Rat).SetInt64(int64(a)))
	r.Quo(r, big.NewRat(100, 1))
	n, _ := strconv.ParseInt(r.FloatString(0), 10, 64) // halves round away from zero
	return model.Amount(n)
}

// ceilMinutes returns d in minutes, a started minute counting as a whole one.
func ceilMinutes(d time.Duration) int {
	return int((d + time.Minute - 1) / time.Minute)
}

// incidentError names the incident a validation error is about: incidents[3].end.
func incidentError(i int, err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return &model.FieldError{Field: fmt.Sprintf("incidents[%d].%s", i, fe.Field), Msg: fe.Msg, Key: fe.Key, Args: fe.Args}
	}
	return err
}

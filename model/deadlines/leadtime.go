package deadlines

import (
	"slices"
	"strconv"
	"strings"

	"avtal/model"
)

// LeadTimes gives, per kind of deadline, how many days before its act-by day
// reminders are due, longest first (90, 30, 7, 0). Kinds not in the map use
// DefaultLeadTimes.
type LeadTimes map[model.DeadlineKind][]int

// defaultLeads are the reminder lead times Avtal starts with: the costliest
// miss (an unwanted renewal) gets the longest warning; short windows opened
// by an event get short lead times, since they are only weeks long.
var defaultLeads = LeadTimes{
	model.DLTermination:   {90, 30, 7, 0},
	model.DLTermsChange:   {14, 7, 3, 0},
	model.DLCreditClaim:   {14, 3, 0},
	model.DLObjection:     {7, 3, 0},
	model.DLAcceptanceEnd: {7, 3, 0},
	model.DLPayment:       {14, 3, 0},
	model.DLIndexation:    {14, 0},
}

// otherLeads is for every kind without lead times of its own.
var otherLeads = []int{30, 7, 0}

// DefaultLeadTimes returns a copy of the default lead times, ready to be
// changed by configuration.
func DefaultLeadTimes() LeadTimes {
	l := make(LeadTimes, len(defaultLeads))
	for k, v := range defaultLeads {
		l[k] = slices.Clone(v)
	}
	return l
}

// For returns the lead times of kind, longest first.
func (l LeadTimes) For(kind model.DeadlineKind) []int {
	if v, ok := l[kind]; ok {
		return v
	}
	if v, ok := defaultLeads[kind]; ok {
		return v
	}
	return otherLeads
}

// Band tells whether a deadline that is not done is inside one of its
// lead-time bands on today, and which: the shortest lead time that still
// covers the days left to its act-by day. 20 days left with 90/30/7/0 is
// in the 30-day band; 95 days left is in none; a passed act-by day is in
// none (it is overdue).
func (l LeadTimes) Band(d model.Deadline, today model.Date) (lead int, ok bool) {
	if d.Done {
		return 0, false
	}
	left := today.DaysUntil(d.ActBy)
	if left < 0 {
		return 0, false
	}
	for _, lt := range l.For(d.Kind) {
		if left <= lt && (!ok || lt < lead) {
			lead, ok = lt, true
		}
	}
	return lead, ok
}

// Summary counts the deadlines that want attention, for the status bar
// ("2 deadlines need action this week").
type Summary struct {
	// Overdue: act-by day passed, not done.
	Overdue int
	// ThisWeek: act-by day within the next 7 days, today included, not done.
	ThisWeek int
	// InBand: inside a lead-time band, so a reminder is due.
	InBand int
}

// Summarize counts deadlines that need action on today.
func (l LeadTimes) Summarize(ds []model.Deadline, today model.Date) Summary {
	var s Summary
	for i := range ds {
		s.Count(l, &ds[i], today)
	}
	return s
}

// Count adds d to s as Summarize counts it, for a caller that walks its
// deadlines where they are rather than gathering copies of them.
func (s *Summary) Count(l LeadTimes, d *model.Deadline, today model.Date) {
	if d.Done {
		return
	}
	left := today.DaysUntil(d.ActBy)
	switch {
	case left < 0:
		s.Overdue++
	case left < 7:
		s.ThisWeek++
	}
	if _, ok := l.Band(*d, today); ok {
		s.InBand++
	}
}

// ParseLeadTimes reads lead times written as
// "termination_notice=120,60,14,0; sla_credit_claim=21,7,0" over the
// defaults: the kinds named get the days given, every other kind keeps its
// default. Days are sorted longest first.
func ParseLeadTimes(spec string) (LeadTimes, error) {
	l := DefaultLeadTimes()
	for part := range strings.SplitSeq(spec, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, list, ok := strings.Cut(part, "=")
		kind := model.DeadlineKind(strings.TrimSpace(name))
		if !ok || !slices.Contains(model.DeadlineKinds, kind) {
			return nil, model.Refuse("lead_shape", "%q: want KIND=DAYS,DAYS,… with a deadline kind such as termination_notice", part)
		}
		var days []int
		for d := range strings.SplitSeq(list, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(d))
			if err != nil || n < 0 || n > 3650 {
				return nil, model.Refuse("lead_days", "%s: %q is not a number of days between 0 and 3650", kind, strings.TrimSpace(d))
			}
			days = append(days, n)
		}
		slices.SortFunc(days, func(a, b int) int { return b - a })
		l[kind] = slices.Compact(days)
	}
	return l, nil
}

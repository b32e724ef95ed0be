// Package deadlines turns an agreement's term and deadline rules into dated
// deadlines: the cancel-by date of every period, renewals that roll forward,
// yearly dates such as indexation, and windows that open when the user
// records an event. Every deadline carries its act-by day (the previous
// Swedish working day when the date is not one) and a sentence with its
// arithmetic.
package deadlines

import (
	"slices"
	"strings"
	"sync"
	"time"

	"avtal/model"
	"avtal/model/subproc"
)

// Compute returns the deadlines of one agreement that fall in [from, to],
// sorted by date, with their explanations in lang. A deadline falls in the
// range when its nominal date is on or after from and its act-by day on or
// before to, so one that must be acted on a few days early is not lost at
// either edge.
func Compute(a *model.Agreement, rec Record, from, to model.Date, lang model.Lang) []model.Deadline {
	return Append(nil, a, rec, from, to, lang)
}

// Append is Compute appending to dst, so a caller going through a whole
// register can reuse one slice.
func Append(dst []model.Deadline, a *model.Agreement, rec Record, from, to model.Date, lang model.Lang) []model.Deadline {
	s := scratchPool.Get().(*scratch)
	defer s.release()
	s.ex.w = phrasesOf(lang)
	c := calc{a: a, rec: rec, from: from, to: to, life: lifeOf(a, rec), lang: lang, terms: newTermText(a.Term, lang), ex: &s.ex, s: s, sample: samplesOf(a)}
	n := len(dst)
	dst = c.periodDeadlines(dst)
	for i := range a.Rules {
		r := &a.Rules[i]
		switch r.Anchor {
		case model.AnchorPeriodEnd, model.AnchorCancelBy:
			// done by periodDeadlines
		case model.AnchorYearly:
			dst = c.yearly(dst, r)
		case model.AnchorAgreementDate:
			dst = c.once(dst, r, agreementDate(a), s.ex.w.agreementDate, c.sample.date)
		case model.AnchorStart:
			dst = c.once(dst, r, c.life.start, s.ex.w.start, c.sample.start)
		case model.AnchorEnd:
			dst = c.afterEnd(dst, r)
		case model.AnchorDate:
			on, _ := model.ParseDate(r.On) // zero when invalid; Rule.Validate names the mistake
			dst = c.once(dst, r, on, s.ex.w.setFor, c.sample.rules)
		default:
			if !r.FollowsPolicy() {
				dst = c.events(dst, r)
			}
		}
	}
	c.ex.finish(dst[n:])
	dst = c.objections(dst)
	return dst[:n+s.sortUnique(dst[n:])]
}

// calc holds what one computation needs, so the steps share it without
// recomputing.
type calc struct {
	a        *model.Agreement
	rec      Record
	from, to model.Date
	life     life
	lang     model.Lang
	terms    termText
	ex       *explainer
	s        *scratch
	sample   samples
}

// scratch is the working memory of one computation. Going through a whole
// register, computations reuse it through a pool instead of allocating it
// for every agreement.
type scratch struct {
	ex    explainer
	rules []periodRule
	order []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release empties the scratch, dropping its pointers into the agreement,
// and returns it to the pool.
func (s *scratch) release() {
	s.ex.b, s.ex.ends = s.ex.b[:0], s.ex.ends[:0]
	clear(s.rules)
	s.rules = s.rules[:0]
	scratchPool.Put(s)
}

// The term's own deadlines, which every renewing agreement has whether or
// not its rules spell them out.
var (
	termTermination = model.Rule{Kind: model.DLTermination, Anchor: model.AnchorCancelBy}
	termRenewal     = model.Rule{Kind: model.DLRenewal, Anchor: model.AnchorPeriodEnd}
)

// periodRule is a rule that repeats with the term's periods, with its
// offset already in words.
type periodRule struct {
	rule   *model.Rule
	clause string
	offset string
	own    bool // the agreement's own rule, not the term's generic one
}

// periodRules lists the rules anchored at period ends and cancel-by dates,
// adding the term's own termination notice and renewal unless the agreement
// states that kind of deadline itself: its own rule, with its clause and
// title, then wins over the generic one (never both, a day apart).
func (c *calc) periodRules() []periodRule {
	buf := c.s.rules[:0]
	stated := func(kind model.DeadlineKind) bool {
		for i := range c.a.Rules {
			r := &c.a.Rules[i]
			if r.Kind == kind && (r.Anchor == model.AnchorPeriodEnd || r.Anchor == model.AnchorCancelBy) {
				return true
			}
		}
		return false
	}
	if c.a.Term.Renews() {
		if !stated(model.DLTermination) {
			buf = append(buf, periodRule{rule: &termTermination, clause: c.a.Term.Clause})
		}
		if !stated(model.DLRenewal) {
			buf = append(buf, periodRule{rule: &termRenewal, clause: c.a.Term.Clause})
		}
	}
	for i := range c.a.Rules {
		r := &c.a.Rules[i]
		if r.Anchor == model.AnchorPeriodEnd || r.Anchor == model.AnchorCancelBy {
			buf = append(buf, periodRule{rule: r, clause: r.Clause, offset: words(r.Offset, c.lang), own: true})
		}
	}
	c.s.rules = buf
	return buf
}

// periodDeadlines walks the term's periods from the first that can reach
// from, rolling forward through renewals until the deadlines pass to or the
// agreement ends.
func (c *calc) periodDeadlines(dst []model.Deadline) []model.Deadline {
	rules := c.periodRules()
	if len(rules) == 0 {
		return dst
	}
	lo := c.from
	for _, pr := range rules {
		lo = earlier(lo, shift(c.from, pr.rule.Offset, !pr.rule.Before))
	}
	// A week of slack covers month-end clamping, which can move a shifted
	// date back by up to three days.
	first, ok := c.life.term.CurrentPeriod(c.life.start, lo.AddDays(-7))
	if !ok {
		return dst
	}
	for k := first.Index; c.life.last < 0 || k <= c.life.last; k++ {
		p, ok := c.life.term.Period(c.life.start, k)
		if !ok {
			break
		}
		cancelBy := c.life.term.CancelBy(p)
		reached := false
		for _, pr := range rules {
			r := pr.rule
			if concernsNextPeriod(r.Kind) && !c.life.renews(k) {
				continue
			}
			anchor := p.End
			if r.Anchor == model.AnchorCancelBy {
				anchor = cancelBy
			}
			date := shift(anchor, r.Offset, r.Before)
			actBy := dayToAct(r.Kind, date)
			if actBy.After(c.to) {
				continue
			}
			reached = true
			if date.Before(c.from) {
				continue
			}
			c.ex.period(&c.terms, p)
			if r.Anchor == model.AnchorCancelBy {
				c.ex.step(c.terms.notice, true, cancelBy)
			}
			c.ex.step(pr.offset, r.Before, date)
			// Notice of termination answers the cancel-by date of the last period.
			answered := r.Kind == model.DLTermination && k == c.life.last && !c.life.terminated.IsZero()
			dst = c.add(dst, r, pr.clause, date, actBy, answered, c.sample.ofPeriod(pr.own, k > 0))
		}
		if !reached {
			break
		}
	}
	return dst
}

// concernsNextPeriod tells the kinds that only matter when another period
// follows: the renewal itself and the notice of a new period's price.
func concernsNextPeriod(k model.DeadlineKind) bool {
	return k == model.DLRenewal || k == model.DLPriceNotice
}

// yearly adds a rule's date in each year the agreement runs. The series
// starts with the first such date after the agreement date, a year later
// when the agreement date is on or after the rule's LateFrom day.
func (c *calc) yearly(dst []model.Deadline, r *model.Rule) []model.Deadline {
	month, day, ok := model.ParseMonthDay(r.On)
	base := agreementDate(c.a)
	if !ok || base.IsZero() {
		return dst
	}
	firstYear := base.Year()
	if !onDay(firstYear, month, day).After(base) {
		firstYear++
	}
	lateMonth, lateDay, late := model.ParseMonthDay(r.LateFrom)
	late = late && !base.Before(onDay(base.Year(), lateMonth, lateDay))
	if late {
		firstYear++
	}
	offset := words(r.Offset, c.lang)
	y := max(firstYear, shift(c.from, r.Offset, !r.Before).Year()-1)
	for ; ; y++ {
		anchor := onDay(y, month, day)
		if !c.life.end.IsZero() && anchor.After(c.life.end) {
			break
		}
		date := shift(anchor, r.Offset, r.Before)
		actBy := dayToAct(r.Kind, date)
		if actBy.After(c.to) {
			break
		}
		if date.Before(c.from) {
			continue
		}
		w := c.ex.w
		if y == firstYear {
			c.ex.text(w.first).monthDay(month, day).text(w.afterAgreement).date(base)
			if late {
				c.ex.text(w.yearLater).monthDay(lateMonth, lateDay).text(w.yearLaterEnd)
			}
		} else {
			c.ex.text(w.yearly).monthDay(month, day).text(w.yearlyFrom).date(onDay(firstYear, month, day))
		}
		c.ex.text(" = ").date(anchor).step(offset, r.Before, date)
		dst = c.add(dst, r, r.Clause, date, actBy, false, c.sample.date)
	}
	return dst
}

// onDay returns month-day in year, clamped to the month's last day so that
// 02-29 falls on 28 February in ordinary years.
func onDay(year int, month time.Month, day int) model.Date {
	return model.MustDate(year, month, min(day, model.DaysIn(year, month)))
}

// once adds the single deadline of a rule anchored at one of the
// agreement's own dates.
func (c *calc) once(dst []model.Deadline, r *model.Rule, anchor model.Date, what string, sample []string) []model.Deadline {
	if anchor.IsZero() {
		return dst
	}
	date := shift(anchor, r.Offset, r.Before)
	actBy := dayToAct(r.Kind, date)
	if date.Before(c.from) || actBy.After(c.to) {
		return dst
	}
	c.ex.text(what).date(anchor).step(words(r.Offset, c.lang), r.Before, date)
	return c.add(dst, r, r.Clause, date, actBy, false, sample)
}

// afterEnd adds the deadline of a rule counted from the last day the
// agreement runs, once that day is known: "agreement ends 2027-03-31
// (notice given 2026-09-20); 6 months after = 2027-09-30".
func (c *calc) afterEnd(dst []model.Deadline, r *model.Rule) []model.Deadline {
	if c.life.end.IsZero() {
		return dst
	}
	date := shift(c.life.end, r.Offset, r.Before)
	actBy := dayToAct(r.Kind, date)
	if date.Before(c.from) || actBy.After(c.to) {
		return dst
	}
	c.ex.text(c.ex.w.agreementEnds).date(c.life.end)
	if !c.life.terminated.IsZero() {
		c.ex.text(c.ex.w.noticeGiven).date(c.life.terminated).text(")")
	}
	c.ex.step(words(r.Offset, c.lang), r.Before, date)
	return c.add(dst, r, r.Clause, date, actBy, false, c.sample.end)
}

// events adds a deadline for every recorded event the rule counts from.
func (c *calc) events(dst []model.Deadline, r *model.Rule) []model.Deadline {
	name := r.Anchor.Event()
	if name == "" {
		return dst // not an event anchor; Rule.Validate names the mistake
	}
	for _, e := range c.rec.Events {
		if e.Name != name || e.Date.IsZero() {
			continue
		}
		date := shift(e.Date, r.Offset, r.Before)
		actBy := dayToAct(r.Kind, date)
		if date.Before(c.from) || actBy.After(c.to) {
			continue
		}
		c.ex.name(c.escape(name)).text(" ").date(e.Date)
		if e.Ref != "" {
			c.ex.text(" (").text(c.escape(e.Ref)).text(")")
		}
		c.ex.step(words(r.Offset, c.lang), r.Before, date)
		dst = c.add(dst, r, r.Clause, date, actBy, false, c.sample.rules)
	}
	return dst
}

// objections adds the objection deadline of every open sub-processor
// notice, each computed from the policy as the notice check computes it
// (subproc.Evaluate), so the calendar, reminders and ICS say what `avtal
// notice` says. They come with their own explanations.
func (c *calc) objections(dst []model.Deadline) []model.Deadline {
	for _, n := range c.rec.Notices {
		assessed := subproc.Evaluate(c.rec.Policy, n)
		lang := c.lang
		if lang == Coded {
			lang = model.English
		}
		d, ok := assessed.Deadline(c.a.ID, false, lang)
		if !ok || d.Date.Before(c.from) || d.ActBy.After(c.to) {
			continue
		}
		if c.lang == Coded {
			// Its words are the notice check's, in both languages.
			sv, _ := assessed.Deadline(c.a.ID, false, model.Swedish)
			d.Title, d.Explanation, d.Coded = both(d.Title, sv.Title), both(d.Explanation, sv.Explanation), true
		}
		d.Done = c.rec.Done[d.Key()]
		d.Sample = c.sample.policy
		dst = append(dst, d)
	}
	return dst
}

// add appends one deadline, finishing the explanation written for it, and
// marks it done when the record says so.
func (c *calc) add(dst []model.Deadline, r *model.Rule, clause string, date, actBy model.Date, done bool, sample []string) []model.Deadline {
	d := model.Deadline{
		Kind:         r.Kind,
		Date:         date,
		ActBy:        actBy,
		AgreementID:  c.a.ID,
		Clause:       clause,
		Title:        c.escape(Title(r)),
		SupplierDuty: SuppliersDuty(r.Kind),
		Sample:       sample,
		Done:         done,
		Coded:        c.lang == Coded,
	}
	if !actBy.Equal(date) {
		d.ActByReason = c.ex.moved(date, actBy)
	}
	c.ex.end()
	if !d.Done && len(c.rec.Done) > 0 {
		d.Done = c.rec.Done[d.Key()]
	}
	return append(dst, d)
}

// escape returns a text of the register as the explanations of the
// language asked for hold it: as it is, or escaped in the coded form.
func (c *calc) escape(s string) string {
	if c.lang == Coded {
		return escape(s)
	}
	return s
}

// sortUnique sorts one agreement's deadlines by date, kind and clause and
// drops repeats of the same key (two downtimes on one day make one claim),
// returning how many remain. It sorts positions rather than the deadlines
// themselves, which are large enough that moving them dominated the cost,
// and then moves each deadline once, straight to its place (following the
// order's cycles), and none that is in its place already.
func (s *scratch) sortUnique(ds []model.Deadline) int {
	order := s.order[:0]
	for i := range ds {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(i, j int) int { return compare(&ds[i], &ds[j]) })
	s.order = order
	for start := range order { // order[j] is the deadline that goes to j
		if order[start] == start {
			continue
		}
		first, j := ds[start], start
		for order[j] != start {
			k := order[j]
			ds[j], order[j], j = ds[k], j, k
		}
		ds[j], order[j] = first, j
	}
	n := 0
	for i := range ds {
		if n == 0 || compare(&ds[n-1], &ds[i]) != 0 {
			if n != i {
				ds[n] = ds[i]
			}
			n++
		}
	}
	return n
}

// compare orders deadlines by date, kind, clause and subject.
func compare(a, b *model.Deadline) int {
	switch {
	case a.Date.Before(b.Date):
		return -1
	case a.Date.After(b.Date):
		return 1
	}
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Clause, b.Clause); c != 0 {
		return c
	}
	return strings.Compare(a.Subject, b.Subject)
}

func earlier(a, b model.Date) model.Date {
	if b.Before(a) {
		return b
	}
	return a
}

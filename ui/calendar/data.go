package calendar

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/session"
)

const (
	// lookback is how far back the calendar computes, in days: cancel-by
	// dates missed in the past year stay in sight.
	lookback = 365
	// overdueDays is how long a passed deadline that needed action shows as
	// overdue before it is history.
	overdueDays = 30
	// aheadMonths is how far ahead the calendar computes.
	aheadMonths = 60
	// nearMonths is how far ahead the first computation reaches: the month
	// in view and the agenda's first screens, a fifth of the whole horizon,
	// so the pane shows right after start-up and the rest follows.
	nearMonths = 2
	// slack is how many days an act-by day can come before the first day
	// computed (a deadline on Easter Monday is acted on the Thursday before).
	slack = 7
)

// mark is what the month grid shows for one day.
type mark uint8

const (
	markNone      mark = iota
	markDone           // every deadline of the day is done
	markOpen           // some deadline is open
	markAttention      // some deadline is missed or overdue
)

// dataset is one computation of the calendar: every deadline of the scope
// over a horizon, ordered by act-by day and indexed by day, and what wants
// attention today. A command builds it off the Update loop; after that it
// is only read, so every key costs what is on screen, not the register.
type dataset struct {
	scope    string
	today    model.Date
	from, to model.Date
	lang     model.Lang // the language of the explanations
	// first is the day that index 0 of dayStart and marks stands for.
	first model.Date
	// all points into the deadlines as the store gave them, so a dataset
	// patched after a write shares them with the one it came from instead
	// of copying megabytes.
	all []*model.Deadline
	// all comes by act-by day, within a day in list order (store.Deadlines).
	// order lists all by act-by day; the deadlines acted on day first+i
	// are all[order[dayStart[i]:dayStart[i+1]]].
	order     []int32
	dayStart  []int32
	marks     []mark
	titles    map[string]string   // sanitized agreement titles by id
	events    map[string][]string // the events each agreement counts from
	sortKeys  map[string]string   // each agreement's place in the list (store.DeadlineAgreement)
	decisions map[string]store.Decision
	// attention holds positions in order: deadlines overdue in the past
	// month, which may still be saved, then the cancel-by windows missed in
	// the past year; the most recent first in each.
	attention []int32
	overdue   int // attention[:overdue] are overdue, the rest missed
	// near marks the first computation (nearHorizon): titles holds only the
	// agreements the first screen shows (see shownAgreements), events and
	// sortKeys nothing. The whole computation follows at once.
	near bool
}

// horizon is the span the calendar computes for a day in view: the past
// year and five years ahead of today, stretched to a year around the day.
func horizon(today, day model.Date) (from, to model.Date) {
	from, to = today.AddDays(-lookback), today.AddMonths(aheadMonths)
	if d := day.AddMonths(-12); d.Before(from) {
		from = d
	}
	if d := day.AddMonths(12); d.After(to) {
		to = d
	}
	return from, to
}

// nearHorizon is the first computation's span: the past year (what was
// missed) to the end of the month after today's.
func nearHorizon(today model.Date) (from, to model.Date) {
	end := model.MustDate(today.Year(), today.Month(), 1).AddMonths(nearMonths).AddDays(-1)
	return today.AddDays(-lookback), end
}

// loadedMsg carries a computed dataset, tagged with the request it answers;
// near is true for the first computation (see loadKey).
type loadedMsg struct {
	seq  int
	data *dataset
	err  error
	near bool
}

// load reads the scope's deadlines over the key's horizon in a command.
// The sessions sharing the register and the language share the result
// while the register is unchanged: it is the largest thing a session holds
// (some 15 MB for 10 000 agreements). The reading stops when ctx, the
// session's, ends.
func load(ctx context.Context, st *store.Store, shared *session.Shared, seq int, key loadKey) tea.Cmd {
	return func() tea.Msg {
		d, err := session.Share(ctx, shared, st, key, func() (*dataset, error) { return compute(ctx, st, key) })
		return loadedMsg{seq: seq, data: d, err: err, near: key.near}
	}
}

// loadKey and patchKey name the results sessions share: a whole
// dataset, and one agreement's deadlines read again into a dataset. near
// is the first computation at start-up, over nearHorizon, which names only
// the agreements on the first screen.
type (
	loadKey struct {
		scope           string
		today, from, to model.Date
		lang            model.Lang
		near            bool
	}
	patchKey struct {
		base *dataset
		id   string
	}
)

// compute reads the scope's deadlines over [from, to], explained in the
// key's language, from the store, which keeps them.
func compute(ctx context.Context, st *store.Store, k loadKey) (*dataset, error) {
	all, err := st.Deadlines(ctx, k.scope, k.from, k.to, k.lang)
	if err != nil {
		return nil, err
	}
	decisions, err := st.Decisions(ctx, k.scope)
	if err != nil {
		return nil, err
	}
	d := build(k.scope, k.today, k.from, k.to, k.lang, pointers(all), decisions)
	if k.near {
		// Every agreement's title, events and place in the list cost the
		// first screen as much as its deadlines (10 000 agreements: some
		// 35 ms of processor time); it names a few dozen.
		d.near = true
		titles, err := st.Titles(ctx, d.shownAgreements())
		if err != nil {
			return nil, err
		}
		d.titles = make(map[string]string, len(titles))
		for id, title := range titles {
			d.titles[id] = session.Sanitize(title)
		}
		return d, nil
	}
	agreements, err := st.DeadlineAgreements(ctx, k.scope)
	if err != nil {
		return nil, err
	}
	d.titles, d.events, d.sortKeys = make(map[string]string, len(agreements)), make(map[string][]string, len(agreements)), make(map[string]string, len(agreements))
	for _, a := range agreements {
		d.titles[a.ID], d.events[a.ID], d.sortKeys[a.ID] = session.Sanitize(a.Title), a.Events, a.SortKey
	}
	return d, nil
}

// patch reads one agreement's deadlines into a copy of d, so that a write
// shows in milliseconds instead of after the whole register is read again.
// An agreement that is gone loses its deadlines. Sessions that held the
// same d share the copy: each later write comes with its own patch.
func patch(ctx context.Context, st *store.Store, shared *session.Shared, seq int, d *dataset, id string) tea.Cmd {
	return func() tea.Msg {
		nd, err := session.Share(ctx, shared, st, patchKey{d, id}, func() (*dataset, error) { return patched(ctx, st, d, id) })
		return loadedMsg{seq: seq, data: nd, err: err}
	}
}

// patched is d with id's deadlines read again.
func patched(ctx context.Context, st *store.Store, d *dataset, id string) (*dataset, error) {
	agreements, err := st.DeadlineAgreements(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	var fresh []model.Deadline
	if len(agreements) == 1 {
		fresh, err = st.Deadlines(ctx, id, d.from, d.to, d.lang)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	decisions, err := st.Decisions(ctx, id)
	if err != nil {
		return nil, err
	}
	nd := &dataset{titles: maps.Clone(d.titles), events: maps.Clone(d.events), sortKeys: maps.Clone(d.sortKeys)}
	delete(nd.titles, id)
	delete(nd.events, id)
	delete(nd.sortKeys, id)
	if len(agreements) == 1 {
		a := agreements[0]
		nd.titles[id], nd.events[id], nd.sortKeys[id] = session.Sanitize(a.Title), a.Events, a.SortKey
	}
	all := spliced(d, id, nd.sortKeys[id], fresh)
	merged := maps.Clone(d.decisions)
	maps.DeleteFunc(merged, func(_ string, dec store.Decision) bool { return dec.AgreementID == id })
	maps.Copy(merged, decisions)
	built := build(d.scope, d.today, d.from, d.to, d.lang, all, merged)
	built.titles, built.events, built.sortKeys = nd.titles, nd.events, nd.sortKeys
	return built, nil
}

// spliced returns d's deadlines with id's replaced by fresh, which are in
// act-by order. d's come by act-by day and within a day in list order, so
// each fresh one goes before the first deadline acted later or, on its
// day, of an agreement listed after id (key); the runs between are copied
// whole.
func spliced(d *dataset, id, key string, fresh []model.Deadline) []*model.Deadline {
	old := d.positionsOf(id)
	at := make([]int, len(fresh))
	for k := range fresh {
		f := &fresh[k]
		at[k] = sort.Search(len(d.all), func(i int) bool {
			x := d.all[i]
			return x.ActBy.After(f.ActBy) || x.ActBy == f.ActBy && key < d.sortKeys[x.AgreementID]
		})
	}
	all := make([]*model.Deadline, 0, len(d.all)-len(old)+len(fresh))
	p, k := 0, 0
	for _, o := range append(old, len(d.all)) {
		for ; k < len(fresh) && at[k] <= o; k++ {
			all = append(append(all, d.all[p:at[k]]...), &fresh[k])
			p = at[k]
		}
		all = append(all, d.all[p:o]...)
		p = o + 1
	}
	return all
}

// positionsOf returns where in d.all the deadlines of agreement id are, in
// order. A day's deadlines are in list order, so on each day they are
// found by the agreements' sort keys without looking at the others; the
// first index day also holds what is acted on before it, and is read whole.
func (d *dataset) positionsOf(id string) []int {
	key, ok := d.sortKeys[id]
	if !ok {
		return nil
	}
	var out []int
	for k := 0; k+1 < len(d.dayStart); k++ {
		lo, hi := int(d.dayStart[k]), int(d.dayStart[k+1])
		i := lo
		if k > 0 {
			i += sort.Search(hi-lo, func(j int) bool { return d.sortKeys[d.at(lo+j).AgreementID] >= key })
		}
		for ; i < hi; i++ {
			if d.at(i).AgreementID == id {
				out = append(out, int(d.order[i]))
			} else if k > 0 {
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// screenful is more agenda rows than a terminal shows: the first screen's
// agreements are those of the first screenful of each part of the agenda.
const screenful = 100

// shownAgreements returns the agreements whose deadlines the pane can show
// before it is moved: the first missed and overdue ones, the first from
// today on, and the day box's (today's, and those dated today but acted
// on before), each once.
func (d *dataset) shownAgreements() []string {
	var ids []string
	seen := map[string]bool{}
	add := func(dl *model.Deadline) {
		if !seen[dl.AgreementID] {
			seen[dl.AgreementID] = true
			ids = append(ids, dl.AgreementID)
		}
	}
	for _, pos := range d.attention[:min(len(d.attention), screenful)] {
		add(d.at(int(pos)))
	}
	from := d.fromDay(d.today)
	_, todayEnd := d.onDay(d.today)
	for pos := from; pos < min(len(d.order), max(from+screenful, todayEnd)); pos++ {
		add(d.at(pos))
	}
	for _, dl := range d.movedFrom(d.today) {
		add(dl)
	}
	return ids
}

// title is the agreement's title; until the whole computation names every
// agreement (near), one the first screen did not show reads as its id.
func (d *dataset) title(id string) string {
	if title, ok := d.titles[id]; ok {
		return title
	}
	return id
}

// pointers points at each of ds.
func pointers(ds []model.Deadline) []*model.Deadline {
	out := make([]*model.Deadline, len(ds))
	for i := range ds {
		out[i] = &ds[i]
	}
	return out
}

// build indexes computed deadlines by act-by day and finds what needs
// attention on today.
func build(scope string, today, from, to model.Date, lang model.Lang, all []*model.Deadline, decisions map[string]store.Decision) *dataset {
	d := &dataset{scope: scope, today: today, from: from, to: to, lang: lang, first: from.AddDays(-slack), all: all, decisions: decisions}
	days := d.first.DaysUntil(to) + 1
	// A counting sort by act-by day: linear, and stable, so each day keeps
	// the engine's order (agreement by agreement in list order).
	// Each deadline's day is read once: they are spread over megabytes.
	dayOf := make([]int32, len(all))
	d.dayStart = make([]int32, days+1)
	for i := range all {
		dayOf[i] = int32(d.day(all[i].ActBy))
		d.dayStart[dayOf[i]+1]++
	}
	for i := 1; i <= days; i++ {
		d.dayStart[i] += d.dayStart[i-1]
	}
	next := make([]int32, days)
	copy(next, d.dayStart[:days])
	d.order = make([]int32, len(all))
	for i, k := range dayOf {
		d.order[next[k]] = int32(i)
		next[k]++
	}
	d.findAttention()
	d.markDays()
	return d
}

// day returns the index of a day, clamped to the horizon.
func (d *dataset) day(x model.Date) int {
	return min(max(d.first.DaysUntil(x), 0), len(d.dayStart)-2)
}

// at returns the deadline at position i of the act-by order.
func (d *dataset) at(i int) *model.Deadline { return d.all[d.order[i]] }

// onDay returns the positions [lo, hi) of the deadlines acted on x.
func (d *dataset) onDay(x model.Date) (lo, hi int) {
	if x.Before(d.first) || x.After(d.to) {
		return 0, 0
	}
	k := d.day(x)
	return int(d.dayStart[k]), int(d.dayStart[k+1])
}

// maxActByShift is the most days an act-by date comes before its date: a
// run of weekend and holidays (Easter's four days and a weekend).
const maxActByShift = 10

// movedFrom returns the deadlines whose date is x but whose act-by day
// came earlier because x is not a working day.
func (d *dataset) movedFrom(x model.Date) []*model.Deadline {
	var out []*model.Deadline
	for back := maxActByShift; back >= 1; back-- {
		lo, hi := d.onDay(x.AddDays(-back))
		for i := lo; i < hi; i++ {
			if dl := d.at(i); dl.Date == x {
				out = append(out, dl)
			}
		}
	}
	return out
}

// fromDay returns the position of the first deadline acted on x or later.
func (d *dataset) fromDay(x model.Date) int {
	switch {
	case x.Before(d.first):
		return 0
	case x.After(d.to):
		return len(d.order)
	}
	return int(d.dayStart[d.day(x)])
}

// covers reports whether x lies inside the computed horizon.
func (d *dataset) covers(x model.Date) bool { return !x.Before(d.from) && !x.After(d.to) }

// snoozed reports whether a deadline is snoozed on today.
func (d *dataset) snoozed(dl *model.Deadline) bool {
	if len(d.decisions) == 0 {
		return false
	}
	until := d.decisions[dl.Key()].SnoozedUntil
	return !until.IsZero() && d.today.Before(until)
}

// findAttention collects the overdue deadlines that needed action and the
// missed windows (cancel-by dates passed with no decision, as
// deadlines.Missed defines them), leaving out what is snoozed.
func (d *dataset) findAttention() {
	lo, hi := d.fromDay(d.today.AddDays(-lookback)), d.fromDay(d.today)
	var missed []int32
	recent := d.today.AddDays(-overdueDays)
	for i := hi - 1; i >= lo; i-- {
		dl := d.at(i)
		switch {
		case dl.Done || d.snoozed(dl):
		case dl.Kind == model.DLTermination && dl.Date.Before(d.today):
			missed = append(missed, int32(i))
		case deadlines.NeedsAction(dl.Kind) && !dl.ActBy.Before(recent):
			d.attention = append(d.attention, int32(i))
		}
	}
	d.overdue = len(d.attention)
	d.attention = append(d.attention, missed...)
}

// markDays sets each day's mark for the month grid.
func (d *dataset) markDays() {
	d.marks = make([]mark, len(d.dayStart)-1)
	for k := range d.marks {
		m := markNone
		for i := d.dayStart[k]; i < d.dayStart[k+1]; i++ {
			if d.all[d.order[i]].Done {
				m = max(m, markDone)
			} else {
				m = markOpen
				break
			}
		}
		d.marks[k] = m
	}
	for _, i := range d.attention {
		d.marks[d.day(d.at(int(i)).ActBy)] = markAttention
	}
}

// summarize counts the deadlines inside their reminder lead times, leaving
// out the snoozed ones (the past is counted by attention instead). Only the
// days up to the longest lead time can be in a band, so only they are read.
func (d *dataset) summarize(leads deadlines.LeadTimes) deadlines.Summary {
	longest := 0
	for _, k := range model.DeadlineKinds {
		longest = max(longest, slices.Max(leads.For(k)))
	}
	var s deadlines.Summary
	for i := d.fromDay(d.today); i < len(d.order) && d.today.DaysUntil(d.at(i).ActBy) <= longest; i++ {
		if dl := d.at(i); !d.snoozed(dl) {
			s.Count(leads, dl, d.today)
		}
	}
	return s
}

// find returns the position of the deadline with key, if it is computed.
func (d *dataset) find(key string) (int, bool) {
	parts := strings.SplitN(key, "/", 4)
	if len(parts) != 4 {
		return 0, false
	}
	date, err := model.ParseDate(parts[2])
	if err != nil {
		return 0, false
	}
	for i, hi := d.fromDay(date.AddDays(-slack)), d.fromDay(date.AddDays(1)); i < hi; i++ {
		if d.at(i).Key() == key {
			return i, true
		}
	}
	return 0, false
}

// Package sla is the SLA pane: for one agreement and one month, the SLA
// terms in plain words, the incident log, a timeline of the month, the
// uptime, the credit it gives and when to claim it, and a year of history.
//
// Computing a month with thousands of incidents takes milliseconds, so it
// runs in a command and its result is cached by (agreement, month, fee):
// moving between months already seen costs a keypress nothing but drawing.
package sla

import (
	"cmp"
	"context"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/list"
	"avtal/ui/session"
)

// maxCached bounds the months kept; beyond it the cache starts afresh.
const maxCached = 48

// monthKey names one computed month: which agreement, which month, on which fee.
type monthKey struct {
	id    string
	month slacredit.Month
	fee   model.Amount
}

// monthData is one computed month and the text drawn from it, kept with it
// so that drawing the same month again costs nothing.
type monthData struct {
	// incidents touch the month, in start order; results[i] is incidents[i]'s share.
	incidents []model.Incident
	results   []slacredit.IncidentResult
	report    slacredit.Report
	history   []slacredit.Report
	windows   []slacredit.Span
	err       error

	bar      string // the timeline, drawn for barWidth cells
	barWidth int
	shown    []int // the incidents the filter shownQ keeps, by index in the sort shownSort; nil until asked
	shownQ   string
	shownBy  int
	side     string // the terms and history column, boxed for sideW×sideH
	sideW    int
	sideH    int
}

// agreementMsg carries the scoped agreement.
type agreementMsg struct {
	id  string
	a   *model.Agreement
	err error
}

// computedMsg carries a computed month, tagged with the generation of the
// register it was computed from so results from before a change are dropped.
type computedMsg struct {
	key  monthKey
	gen  int
	data *monthData
}

// savedMsg answers a write.
type savedMsg struct {
	agreementID string
	status      string
	selectID    int64
	err         error
}

// formKind says what an open form is for.
type formKind int

const (
	addForm formKind = iota
	editForm
	excludeForm
	feeForm
)

// Model is the SLA pane.
type Model struct {
	c    *session.State
	keys keyMap

	width, height int

	scopeID      string
	choices      choiceList
	scoped       *model.Agreement
	scopedLoaded bool
	month        slacredit.Month
	fees         map[string]model.Amount // what-if monthly fees, by agreement
	cache        map[monthKey]*monthData
	computing    map[monthKey]bool
	gen          int

	rows     list.List  // the incidents the filter keeps (m.shown), with the filter
	listed   *monthData // the month rows lists, at the filter and sort it lists
	listedQ  string
	listedBy int
	selectID int64 // put the cursor on this incident when it appears

	locID string // the agreement loc is the zone of
	loc   *time.Location

	form     *form.Form
	formKind formKind
	editing  model.Incident
	deleting *session.Question // the delete question, while asked
}

// New returns the SLA pane for one session, on the month of the session's today.
func New(c *session.State) *Model {
	m := &Model{
		c: c, keys: newKeyMap(c),
		month: slacredit.MonthOf(model.DateOf(c.Now().In(slacredit.Zone(nil)))),
		fees:  map[string]model.Amount{}, cache: map[monthKey]*monthData{}, computing: map[monthKey]bool{},
	}
	m.rows.SetSorts(c.T("list.own_order"), c.T("sla.col.duration"), c.T("sla.col.counted"))
	return m
}

// Init loads the agreements that state SLA terms.
func (m *Model) Init() tea.Cmd { return m.loadChoices(choiceFetch{}) }

// Capturing is true while a form, a delete question or the filter field is open.
func (m *Model) Capturing() bool { return m.form != nil || m.deleting != nil || m.rows.Filter.Typing() }

// BelowTop is true while a filter is set: esc drops the filter before the
// scope (see session.Leveled).
func (m *Model) BelowTop() bool { return m.rows.Filter.Active() }

func (m *Model) loadAgreement(id string) tea.Cmd {
	ctx, st := m.c.Ctx, m.c.Store
	return func() tea.Msg {
		a, err := st.Agreement(ctx, id)
		return agreementMsg{id, a, err}
	}
}

// loaded reports whether the agreement to show (or the list to pick from) has arrived.
func (m *Model) loaded() bool {
	if m.scopeID != "" {
		return m.scopedLoaded
	}
	return m.choices.loaded
}

// current returns the agreement shown, or nil.
func (m *Model) current() *model.Agreement {
	if m.scopeID != "" {
		return m.scoped
	}
	return m.choices.current()
}

// fee returns the monthly fee the credit is computed from and how it was found.
func (m *Model) fee(a *model.Agreement) (model.Amount, string, bool) {
	if f, ok := m.fees[a.ID]; ok {
		return f, "what_if", true
	}
	f, basis, err := slacredit.MonthlyFee(a.Fee)
	return f, string(basis), err == nil
}

// key returns the key of the month shown, and false when there is nothing to compute.
func (m *Model) key() (monthKey, bool) {
	a := m.current()
	if a == nil || a.SLA == nil {
		return monthKey{}, false
	}
	fee, _, _ := m.fee(a)
	return monthKey{a.ID, m.month, fee}, true
}

// data returns the computed month shown, or nil while it is computed.
func (m *Model) data() *monthData {
	k, ok := m.key()
	if !ok {
		return nil
	}
	return m.cache[k]
}

// compute asks for the month shown unless it is cached or on its way. The
// store read and the computation run in the command, off the Update loop,
// on copies of what they need.
func (m *Model) compute() tea.Cmd {
	k, ok := m.key()
	if !ok || m.cache[k] != nil || m.computing[k] {
		return nil
	}
	m.computing[k] = true
	ctx, terms, gen, st := m.c.Ctx, *m.current().SLA, m.gen, m.c.Store
	return func() tea.Msg {
		return computedMsg{key: k, gen: gen, data: computeMonth(ctx, st, terms, k)}
	}
}

// computeMonth reads the incidents of the year up to the month and computes
// the month and its history in one pass over them.
func computeMonth(ctx context.Context, st *store.Store, terms model.SLATerms, k monthKey) *monthData {
	loc, err := slacredit.Location(terms.Window)
	if err != nil {
		return &monthData{err: err}
	}
	first := k.month.Add(1 - slacredit.HistoryMonths).Span(loc).Start
	all, err := st.Incidents(ctx, k.id, first, k.month.Span(loc).End)
	if err != nil {
		return &monthData{err: err}
	}
	history, err := slacredit.History(terms, k.month, k.fee, all)
	if err != nil {
		return &monthData{err: err}
	}
	d := &monthData{report: history[len(history)-1], history: history}
	for _, r := range d.report.Incidents {
		d.incidents = append(d.incidents, all[r.Index])
		d.results = append(d.results, r)
	}
	d.windows, d.err = slacredit.WindowSpans(terms.Window, k.month)
	return d
}

// Update handles keys, the pane's replies, scope changes and changes to the register.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.handleKey(msg)
	case choicesMsg:
		before := m.choices.current()
		if !m.choices.apply(msg) {
			return nil
		}
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		if a := m.choices.current(); before == nil || a == nil || a.ID != before.ID {
			m.rows.Top() // another agreement: its incidents from the top
		}
		return m.show()
	case agreementMsg:
		if msg.id != m.scopeID {
			return nil // the scope moved on
		}
		m.scopedLoaded = true
		if msg.err != nil {
			return session.Fail(msg.err)
		}
		m.scoped = msg.a
		return m.show()
	case computedMsg:
		delete(m.computing, msg.key)
		if msg.gen != m.gen {
			return m.compute() // computed from a register that has changed since
		}
		if len(m.cache) >= maxCached {
			m.cache = map[monthKey]*monthData{}
		}
		m.cache[msg.key] = msg.data
		if k, _ := m.key(); k == msg.key {
			return m.show()
		}
	case savedMsg:
		return m.saved(msg)
	case session.ScopeMsg:
		m.scopeID, m.scoped, m.scopedLoaded = msg.ID, nil, false
		m.rows.Top()
		if msg.ID == "" {
			return m.show()
		}
		return m.loadAgreement(msg.ID)
	case session.ChangedMsg:
		return m.changed(msg)
	}
	return nil
}

// changed forgets what a change to the register may have made stale: the
// computed months, and the terms when an agreement itself changed.
func (m *Model) changed(msg session.ChangedMsg) tea.Cmd {
	m.gen++
	m.cache, m.loc = map[monthKey]*monthData{}, nil
	if msg.Entity == "incident" {
		return m.compute()
	}
	again := m.choices.fetch
	again.again = true
	cmds := []tea.Cmd{m.loadChoices(again)}
	if m.scopeID != "" {
		cmds = append(cmds, m.loadAgreement(m.scopeID))
	}
	return tea.Batch(cmds...)
}

// show brings the view to the current month: the cursor into range, and
// its computation asked for when it is not at hand.
func (m *Model) show() tea.Cmd {
	if d := m.data(); d != nil {
		m.placeCursor(d)
		return nil
	}
	return m.compute()
}

// placeCursor lists the incidents of d, the cursor on selectID when it is
// there.
func (m *Model) placeCursor(d *monthData) {
	shown := m.listIncidents(d)
	if m.selectID != 0 {
		for i, at := range shown {
			if d.incidents[at].ID == m.selectID {
				m.rows.Select(i)
				m.selectID = 0
				break
			}
		}
	}
}

// listIncidents gives the list the incidents of d that the filter keeps,
// in the order chosen, unless it lists them already.
func (m *Model) listIncidents(d *monthData) []int {
	shown := m.shown(d)
	if m.listed != d || m.listedQ != d.shownQ || m.listedBy != d.shownBy {
		m.listed, m.listedQ, m.listedBy = d, d.shownQ, d.shownBy
		m.rows.Reset(len(shown), nil)
	}
	return shown
}

// Sort columns of the incident list, after its own order (by start).
const (
	byDuration = iota + 1
	byCounted
)

// shown returns the indexes of d's incidents the filter keeps, in the
// order chosen, kept in d until the filter or the order changes.
func (m *Model) shown(d *monthData) []int {
	q, by := m.rows.Filter.Query(), m.rows.Sort()
	if d.shown != nil && d.shownQ == q && d.shownBy == by {
		return d.shown
	}
	d.shown, d.shownQ, d.shownBy = make([]int, 0, len(d.incidents)), q, by
	for i, inc := range d.incidents {
		if m.rows.Filter.Matches(m.span(inc), m.kindWord(inc), inc.Description, inc.ExcludeReason) {
			d.shown = append(d.shown, i)
		}
	}
	switch by {
	case byDuration: // longest first
		slices.SortStableFunc(d.shown, func(a, b int) int {
			return cmp.Compare(d.incidents[b].End.Sub(d.incidents[b].Start), d.incidents[a].End.Sub(d.incidents[a].Start))
		})
	case byCounted:
		slices.SortStableFunc(d.shown, func(a, b int) int {
			return cmp.Compare(d.results[b].CountedMinutes, d.results[a].CountedMinutes)
		})
	}
	return d.shown
}

// selected returns the incident under the cursor, or nil.
func (m *Model) selected() *model.Incident {
	d := m.data()
	if d == nil {
		return nil
	}
	shown, i := m.listIncidents(d), m.rows.Selected()
	if i < 0 || i >= len(shown) {
		return nil
	}
	inc := d.incidents[shown[i]]
	return &inc
}

// zone returns the time zone of the agreement's SLA window (slacredit.Zone),
// kept per agreement: loading a zone reads the embedded zone database, too
// slow to do for every row drawn.
func (m *Model) zone() *time.Location {
	a := m.current()
	if a == nil {
		return slacredit.Zone(nil)
	}
	if m.loc == nil || m.locID != a.ID {
		m.locID, m.loc = a.ID, slacredit.Zone(a.SLA)
	}
	return m.loc
}

// today is the session's date in the SLA's zone.
func (m *Model) today() model.Date { return model.DateOf(m.c.Now().In(m.zone())) }

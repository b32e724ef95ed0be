package calendar

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/assets"
	"avtal/model"
	"avtal/model/deadlines"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// pane is a Calendar pane over the sample register on 2026-11-24, driven
// through Update with every command run to completion. It keeps what the
// pane said to the status bar and the scopes it asked for.
type pane struct {
	t *testing.T
	c *session.State
	m *Model
	tuitest.Said
}

func newPane(t *testing.T, lang i18n.Lang, w, h int) *pane {
	t.Helper()
	p := unstartedPane(t, lang, w, h)
	p.run(p.m.Init())
	return p
}

// unstartedPane is the pane before Init, for tests that follow its first
// computations one at a time.
func unstartedPane(t *testing.T, lang i18n.Lang, w, h int) *pane {
	t.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	c := tuitest.Session(tuitest.Store(t, sample), lang)
	p := &pane{t: t, c: c, m: New(c)}
	p.m.SetSize(w, h)
	return p
}

func (p *pane) update(msg tea.Msg) tea.Cmd {
	return p.Relay(msg, p.m.Update)
}

func (p *pane) run(cmd tea.Cmd) {
	p.t.Helper()
	tuitest.Drain(p.t, p.update, cmd)
}

// keys presses each key in turn: names like "enter" and "esc", or runes.
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		p.run(p.m.Update(tuitest.Key(k)))
	}
}

func (p *pane) view() string {
	p.t.Helper()
	v := p.m.View()
	if w, h := lipgloss.Width(v), lipgloss.Height(v); w > p.m.width || h > p.m.height {
		p.t.Fatalf("the view is %dx%d, the pane %dx%d:\n%s", w, h, p.m.width, p.m.height, v)
	}
	return v
}

func (p *pane) shows(texts ...string) {
	p.t.Helper()
	v := p.view()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			p.t.Errorf("the view lacks %q:\n%s", s, v)
		}
	}
}

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

const centuriCancelBy = "centuri-saas/termination_notice/2026-09-30/13.1"

func TestStartUp(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	// On 2026-11-24 two cancel-by dates passed with no decision: Centuri's
	// 2026-09-30 and Pureservice's 2026-08-02 (a Sunday, act by Friday
	// 2026-07-31); nothing acts within a week or inside a lead time (the
	// next is Centuri's indexation on 2027-01-01, which keeps its date as
	// nobody acts on it: 38 days, band 14).
	if len(p.Status) != 1 || p.Status[0] != "2 missed windows (press 4, then m, to see them)" {
		t.Errorf("start-up status %q", p.Status)
	}
	p.shows("November 2026", "Tu 24 November 2026 · today", "Missed and overdue (2)",
		"! 2026-07-31  -116d Termination notice", "! 2026-09-30   -55d Termination notice",
		"From Tu 24 November 2026", "2027-01-01   +38d Indexation", " 48  23 ›24  25")
	// Weeks start on Monday with ISO numbers: 2026-11-01 is a Sunday in week 44.
	if !strings.Contains(p.view(), " 44                           1") {
		t.Errorf("week 44 should end on Sunday the 1st:\n%s", p.view())
	}
}

// TestNearMonthsFirst checks the start-up computation: the past year to
// the end of next month is shown first, without the summary, and the whole
// horizon follows by itself, then the summary.
func TestNearMonthsFirst(t *testing.T) {
	p := unstartedPane(t, i18n.EN, 100, 27)
	first, ok := p.m.Init()().(loadedMsg)
	if !ok || !first.near || first.data.from != day("2025-11-24") || first.data.to != day("2026-12-31") {
		t.Fatalf("first computation: near %v over %v–%v, want the near months 2025-11-24–2026-12-31", first.near, first.data.from, first.data.to)
	}
	rest := p.update(first)
	p.shows("Tu 24 November 2026 · today", "Missed and overdue (2)")
	if len(p.Status) != 0 {
		t.Errorf("the summary came before the whole horizon: %q", p.Status)
	}
	whole, ok := rest().(loadedMsg)
	if !ok || whole.near || whole.data.to != day("2031-11-24") {
		t.Fatalf("second computation: near %v up to %v, want the whole horizon to 2031-11-24", whole.near, whole.data.to)
	}
	p.run(p.update(whole))
	if len(p.Status) != 1 || p.Status[0] != "2 missed windows (press 4, then m, to see them)" {
		t.Errorf("status after the whole horizon %q", p.Status)
	}
}

// TestFirstScreenNamesItsAgreements checks that the first computation
// reads the titles of the agreements its first screen shows, not the
// whole register's: on 2026-11-24 the sample's first screen shows the two
// missed windows (Centuri's and Pureservice's) and no deadline from today
// to the end of December, so two of its eight agreements are named. The
// whole computation names every one.
func TestFirstScreenNamesItsAgreements(t *testing.T) {
	p := unstartedPane(t, i18n.EN, 100, 27)
	first := p.m.Init()().(loadedMsg)
	want := map[string]string{"centuri-saas": "Centuri SaaS – informationshantering", "pureservice": "Pureservice tjänsteavtal – Service Management (SaaS)"}
	if !reflect.DeepEqual(first.data.titles, want) {
		t.Errorf("the first computation names %v, want the first screen's %v", first.data.titles, want)
	}
	whole := p.update(first)().(loadedMsg)
	p.shows("! 2026-09-30   -55d Termination notice Centuri SaaS", "! 2026-07-31  -116d Termination notice Pureservice")
	if len(whole.data.titles) != 8 {
		t.Errorf("the whole computation names %d agreements, want all 8", len(whole.data.titles))
	}
}

// TestWriteOnTheFirstScreenReadsTheWhole checks that a write while the
// first computation is on screen (the whole one having failed) reads the
// whole horizon again rather than patch the first: it names only the
// agreements it showed, so an agreement written could not be placed.
func TestWriteOnTheFirstScreenReadsTheWhole(t *testing.T) {
	p := unstartedPane(t, i18n.EN, 100, 27)
	p.update(p.m.Init()())
	p.update(loadedMsg{seq: p.m.seq, err: errors.New("the disk went away")})
	again, ok := p.update(session.ChangedMsg{AgreementID: "centuri-saas"})().(loadedMsg)
	if !ok || again.err != nil || again.near || again.data.to != day("2031-11-24") || len(again.data.titles) != 8 {
		t.Fatalf("after a write the pane should compute the whole horizon: %T %+v", again, again)
	}
}

func TestStartUpInSwedish(t *testing.T) {
	p := newPane(t, i18n.SV, 100, 27)
	if len(p.Status) != 1 || p.Status[0] != "2 missade uppsägningsfönster (tryck 4 och sedan m för att se dem)" {
		t.Errorf("start-up status %q", p.Status)
	}
	p.shows("november 2026", "Må  Ti  On  To  Fr  Lö  Sö", "Missade och försenade (2)", "Uppsägning", "Indexering")
}

func TestGridNavigation(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	steps := []struct {
		keys []string
		want string
	}{
		{[]string{"l"}, "2026-11-25"},
		{[]string{"j"}, "2026-12-02"},
		{[]string{"h", "k"}, "2026-11-24"},
		{[]string{"]"}, "2026-12-24"},
		{[]string{"pgdown", "pgdown"}, "2027-02-24"},
		{[]string{"["}, "2027-01-24"},
		{[]string{"t"}, "2026-11-24"},
		{[]string{"left"}, "2026-11-23"},
	}
	for _, s := range steps {
		p.keys(s.keys...)
		if p.m.cursor.String() != s.want || p.m.base != p.m.cursor {
			t.Fatalf("after %v: cursor %s base %s, want %s", s.keys, p.m.cursor, p.m.base, s.want)
		}
	}
	// The agenda starts at the cursor: on 2027-08-02 (Pureservice's next
	// cancel-by date) the first deadline shown is that one.
	p.keys("]", "]", "]", "]", "]", "]", "]", "]", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l")
	if p.m.cursor.String() != "2027-08-02" {
		t.Fatalf("cursor %s", p.m.cursor)
	}
	p.shows("August 2027", "Mo 2 August 2027", "From Mo 2 August 2027", "1 deadline", "• Termination notice", "  Pureservice tjänsteavtal")
	if got := p.m.agenda().at(p.m.agenda().head() + 1); p.m.data.at(got.pos).Key() != "pureservice/termination_notice/2027-08-02/Order form" {
		t.Errorf("first deadline from 2027-08-02: %+v", p.m.data.at(got.pos))
	}
}

func TestBeyondTheHorizon(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	// Five years ahead is computed; a month past that asks for more.
	before := p.m.data.to
	for range 62 {
		p.keys("]")
	}
	if !p.m.data.covers(p.m.cursor) || !p.m.data.to.After(before) {
		t.Errorf("cursor %s outside the horizon %s–%s", p.m.cursor, p.m.data.from, p.m.data.to)
	}
	p.shows("January 2032")
}

func TestAgendaAndDetail(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("enter")
	if p.m.focus != agendaFocus || p.m.selected() == nil || p.m.selected().Key() != "centuri-saas/indexation/2027-01-01/7.5" {
		t.Fatalf("enter selects the first deadline from today: %+v", p.m.selected())
	}
	// Up over the "From" header to the missed windows, the most recent on
	// top, and the grid follows.
	p.keys("k")
	if d := p.m.selected(); d == nil || d.AgreementID != "pureservice" || p.m.cursor.String() != "2026-07-31" {
		t.Fatalf("k selects %+v, cursor %s", d, p.m.cursor)
	}
	p.shows("July 2026")
	p.keys("k", "k") // stops at the first row that is a deadline
	if d := p.m.selected(); d == nil || d.Key() != centuriCancelBy || p.m.cursor.String() != "2026-09-30" {
		t.Fatalf("top row: %+v", d)
	}
	p.shows("September 2026")
	p.keys("enter")
	if p.m.focus != detailFocus {
		t.Fatal("enter does not explain the deadline")
	}
	p.shows("Termination notice", "Centuri SaaS – informationshantering", "(centuri-saas)",
		"36 months from start 2024-04-01 ends 2027-03-31;", "6 months before = 2026-09-30", "missed", "55 days ago")
	p.keys("enter")
	if len(p.Scopes) != 1 || p.Scopes[0].ID != "centuri-saas" || p.Scopes[0].Title != "Centuri SaaS – informationshantering" {
		t.Errorf("enter in the explanation scopes to %+v", p.Scopes)
	}
	p.keys("h")
	if p.m.focus != agendaFocus {
		t.Errorf("h goes back to the agenda, focus %d", p.m.focus)
	}
	p.keys("h")
	if p.m.focus != gridFocus || p.m.cursor.String() != "2026-11-24" {
		t.Errorf("h goes back to the grid on the agenda's day: focus %d cursor %s", p.m.focus, p.m.cursor)
	}
}

func TestScope(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	all := p.m.data
	p.run(p.update(session.ScopeMsg{ID: "pureservice", Title: "Pureservice"}))
	if p.m.data == all || len(p.m.data.order) == 0 {
		t.Fatal("the scope was not computed")
	}
	for i := range p.m.data.order {
		if id := p.m.data.at(i).AgreementID; id != "pureservice" {
			t.Fatalf("a deadline of %s in Pureservice's calendar", id)
		}
	}
	p.shows("Agenda · Pureservice", "Missed and overdue (1)")
	p.run(p.update(session.ScopeMsg{}))
	if p.m.data != all {
		t.Error("widening the scope again computed again instead of using the register's calendar")
	}
}

func TestMarkDoneThroughTheForm(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("enter", "k", "k", "d")
	if !p.m.Capturing() {
		t.Fatal("d opens no form")
	}
	p.shows("Mark done: Termination notice · Centuri SaaS", "Done on", "2026-11-24")
	p.keys("enter", "decided to renew", "enter")
	if p.m.form != nil || p.m.Capturing() {
		t.Fatal("the form stays open after saving")
	}
	pos, ok := p.m.data.find(centuriCancelBy)
	if !ok || !p.m.data.at(pos).Done {
		t.Fatal("the deadline is not done after the form")
	}
	dec := p.m.data.decisions[centuriCancelBy]
	if dec.DoneOn.String() != "2026-11-24" || dec.Comment != "decided to renew" {
		t.Errorf("decision %+v", dec)
	}
	if got := p.Status[len(p.Status)-1]; got != "Marked done: Termination notice · Centuri SaaS – informationshantering" {
		t.Errorf("status %q", got)
	}
	// One missed window left; the selection stayed on the deadline, which
	// is now in the agenda from its own day.
	p.shows("Missed and overdue (1)")
	if d := p.m.selected(); d == nil || d.Key() != centuriCancelBy {
		t.Errorf("selection after the write: %+v", d)
	}
	p.keys("enter")
	p.shows("done 2026-11-24", "decided to renew")

	// u takes it back.
	p.keys("u")
	if pos, _ := p.m.data.find(centuriCancelBy); p.m.data.at(pos).Done {
		t.Error("u did not open the deadline again")
	}
	p.shows("missed")
}

func TestFormRefusesBadInput(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("enter", "s")
	// Snooze until a day that is not after today: the form says so and stays.
	for range 10 {
		p.keys("backspace")
	}
	p.keys("2026-11-24", "enter")
	if p.m.form == nil {
		t.Fatal("a snooze until today was accepted")
	}
	p.shows("must be after today (2026-11-24)")
	p.keys("esc", "y") // y: throw away what was typed
	if p.m.form != nil {
		t.Fatal("esc does not close the form")
	}
}

func TestAddOwnDeadline(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("a")
	p.shows("Add a deadline of your own", "Agreement id", "2026-11-24")
	// An unknown agreement is refused in the form.
	p.keys("nope", "enter", "enter", "Ask for the audit report", "enter", "DPA 6.1", "enter")
	p.shows(`no agreement "nope" in the register`)
	for range 4 {
		p.keys("backspace")
	}
	p.keys("superoffice-dpa", "enter")
	for range 10 {
		p.keys("backspace")
	}
	// 2026-12-26 is annandag jul, a Saturday: act by Wednesday 2026-12-23.
	p.keys("2026-12-26", "enter", "enter", "enter")
	if p.m.form != nil {
		t.Fatalf("the form is still open:\n%s", p.view())
	}
	if p.m.cursor.String() != "2026-12-26" {
		t.Errorf("the cursor should go to the new deadline's day, is on %s", p.m.cursor)
	}
	lo, hi := p.m.data.onDay(day("2026-12-23"))
	if hi-lo != 1 || p.m.data.at(lo).Key() != "superoffice-dpa/custom/2026-12-26/DPA 6.1" || p.m.data.at(lo).Title != "Ask for the audit report" {
		t.Fatalf("deadlines acted on 2026-12-23: %d", hi-lo)
	}
	p.keys("k", "k")
	p.shows("December 2026", "23•")
}

func TestViewerIsRefused(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.c.SetAccess("", true)
	p.keys("enter", "k", "d")
	p.keys("s")
	p.keys("a")
	if p.m.form != nil {
		t.Fatal("a viewer got a form")
	}
	if len(p.Errs) != 3 || !errors.Is(p.Errs[0], session.ErrReadOnly) {
		t.Errorf("errors %v, want three read-only refusals", p.Errs)
	}
}

func TestMissedList(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.keys("m")
	if !p.m.missedOnly || p.m.focus != agendaFocus {
		t.Fatal("m does not list the missed and overdue deadlines")
	}
	p.shows("Missed and overdue: 2 · m: back")
	if strings.Contains(p.view(), "From Tu") {
		t.Error("the missed list shows upcoming deadlines too")
	}
	p.keys("m")
	if p.m.missedOnly {
		t.Error("m again does not go back")
	}
}

func TestEmptyRegister(t *testing.T) {
	c := tuitest.Session(tuitest.Store(t, nil), i18n.EN)
	m := New(c)
	m.SetSize(80, 21)
	var status []string
	tuitest.Drain(t, func(msg tea.Msg) tea.Cmd {
		if s, ok := msg.(session.AnnounceMsg); ok {
			status = append(status, s.Text)
			return nil
		}
		return m.Update(msg)
	}, m.Init())
	if v := m.View(); !strings.Contains(v, "No deadlines yet") || !strings.Contains(v, "press a to add one") {
		t.Errorf("empty state:\n%s", v)
	}
	if len(status) != 1 || status[0] != "No deadlines need action this week." {
		t.Errorf("status %q", status)
	}
}

func TestEverySizeFits(t *testing.T) {
	p := newPane(t, i18n.SV, 100, 27)
	for w := 60; w <= 200; w += 14 {
		for h := 12; h <= 57; h += 9 {
			p.m.SetSize(w, h)
			p.keys("t")
			what := fmt.Sprintf("grid %dx%d", w, h)
			p.fits(what)
			p.keys("enter")
			p.fits("agenda " + what)
			p.keys("enter")
			p.fits("detail " + what)
			p.keys("d")
			p.fits("form " + what)
			p.keys("esc", "h", "h")
		}
	}
}

func (p *pane) fits(what string) {
	p.t.Helper()
	v := p.m.View()
	if w, h := lipgloss.Width(v), lipgloss.Height(v); w > p.m.width || h > p.m.height {
		p.t.Fatalf("%s: the view is %dx%d:\n%s", what, w, h, v)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"yearly on 01-01 from 2025-01-01 = 2027-01-01", 20, "yearly on 01-01 from|2025-01-01 =|2027-01-01"},
		{"Centuri SaaS (centuri-saas)", 14, "Centuri SaaS|(centuri-saas)"},
		{"abcdefghij kl", 4, "abcd|efgh|ij|kl"},
		{"", 10, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(wrap(tt.in, tt.w), "|"); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestRecordTermination(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.run(p.update(session.ScopeMsg{ID: "centuri-saas", Title: "Centuri SaaS"}))
	p.keys("e")
	p.shows("Record an event", "centuri-saas", "termination, invoice, payment_demand")
	// A name no rule counts from is refused by the store, in the form.
	p.keys("enter", "terminate", "enter")
	for range 10 {
		p.keys("backspace")
	}
	p.keys("2026-09-15", "enter", "enter")
	p.shows("no deadline of centuri-saas counts from the event", "it knows termination")
	p.keys("shift+tab", "shift+tab") // back from the note to the event
	for range 9 {
		p.keys("backspace")
	}
	p.keys("termination", "ctrl+s")
	if p.m.form != nil {
		t.Fatalf("the form is still open:\n%s", p.view())
	}
	// Notice on 2026-09-15 met the 2026-09-30 window: nothing is missed,
	// the agreement ends 2027-03-31 and no renewal follows.
	if len(p.m.data.attention) != 0 {
		t.Errorf("still missed: %d", len(p.m.data.attention))
	}
	for i := range p.m.data.order {
		if d := p.m.data.at(i); d.Kind == model.DLRenewal {
			t.Errorf("a renewal after termination: %+v", d)
		}
	}
	if got := p.Status[len(p.Status)-1]; got != "Recorded termination for centuri-saas on 2026-09-15" {
		t.Errorf("status %q", got)
	}
}

func TestMoreRow(t *testing.T) {
	// 80×17 leaves the agenda five rows: room for one missed row, so the
	// two missed windows fold into "… 2 more", which opens the list.
	p := newPane(t, i18n.EN, 80, 17)
	p.shows("Missed and overdue (2)", "… 2 more · press m to list them all")
	p.keys("enter", "k")
	if r := p.m.agenda().at(p.m.agendaList.Cursor()); r.kind != moreRow {
		t.Fatalf("k from the first deadline selects row %+v", r)
	}
	p.keys("enter")
	if !p.m.missedOnly {
		t.Fatal("enter on the more row does not list the missed windows")
	}
	p.shows("Missed and overdue: 2 · m: back", "Centuri SaaS", "Pureservice")
}

func TestChangeOfOneAgreement(t *testing.T) {
	// A write to one agreement recomputes only that agreement; the result
	// must be what computing everything again gives.
	p := newPane(t, i18n.EN, 100, 27)
	ctx := context.Background()
	st := p.c.Store
	if err := st.MarkDone(ctx, "centuri-saas", centuriCancelBy, day("2026-11-20"), "renew"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordEvent(ctx, "pureservice", deadlines.Event{Name: "downtime", Date: day("2026-12-02")}); err != nil {
		t.Fatal(err)
	}
	p.run(p.update(session.ChangedMsg{AgreementID: "centuri-saas", Entity: "deadline"}))
	p.run(p.update(session.ChangedMsg{AgreementID: "pureservice", Entity: "event"}))
	patched := p.m.data
	full := load(context.Background(), st, nil, 0, loadKey{"", patched.today, patched.from, patched.to, false})().(loadedMsg).data
	if got, want := keys(patched), keys(full); got != want {
		t.Errorf("patched:\n%s\nfull:\n%s", got, want)
	}
	leads := deadlines.DefaultLeadTimes()
	if len(patched.attention) != 1 || patched.summarize(leads) != full.summarize(leads) || !reflect.DeepEqual(patched.decisions, full.decisions) {
		t.Errorf("attention %d, summary %+v (want %+v)", len(patched.attention), patched.summarize(leads), full.summarize(leads))
	}
}

// keys lists a dataset's deadlines in act-by order with their done marks.
func keys(d *dataset) string {
	var b strings.Builder
	for i := range d.order {
		fmt.Fprintln(&b, d.at(i).Key(), d.at(i).Done)
	}
	return b.String()
}

// renewals counts the renewal deadlines computed.
func (p *pane) renewals() int {
	n := 0
	for i := range p.m.data.order {
		if p.m.data.at(i).Kind == model.DLRenewal {
			n++
		}
	}
	return n
}

// A termination recorded by mistake is deleted from the list of recorded
// events, after a y: the renewals it stopped come back and the cancel-by
// date it met is missed again. A viewer may list, not delete.
func TestDeleteRecordedEvent(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	ctx := context.Background()
	if _, err := p.c.Store.RecordEvent(ctx, "centuri-saas", deadlines.Event{Name: "termination", Date: day("2026-09-15"), Note: "sent by mistake"}); err != nil {
		t.Fatal(err)
	}
	p.run(p.update(session.ChangedMsg{AgreementID: "centuri-saas"}))
	p.run(p.update(session.ScopeMsg{ID: "centuri-saas", Title: "Centuri SaaS"}))
	// Terminated on 2026-09-15: no renewal; only Pureservice's window of
	// 2026-07-31 is missed, and not in this scope.
	if p.renewals() != 0 || len(p.m.data.attention) != 0 {
		t.Fatalf("after the termination: %d renewals, %d missed", p.renewals(), len(p.m.data.attention))
	}
	p.keys("r")
	p.shows("Recorded events · Centuri SaaS", "› 2026-09-15  termination      sent by mistake")
	if !p.m.Capturing() {
		t.Error("the list does not take the keys")
	}

	p.c.SetAccess("", true) // a viewer, as a demoted SSH editor becomes
	p.keys("d")
	if p.m.events.question != nil || len(p.Errs) != 1 || !errors.Is(p.Errs[0], session.ErrReadOnly) {
		t.Fatalf("a viewer is asked: errors %v", p.Errs)
	}
	p.c.SetAccess("", false)

	p.keys("d")
	p.shows("Delete termination of 2026-09-15 and its deadlines? y/n")
	if got := p.Status[len(p.Status)-1]; got != "Delete termination of 2026-09-15 and its deadlines? y/n" {
		t.Errorf("question %q", got)
	}
	p.keys("n")
	if got := p.Status[len(p.Status)-1]; got != "Nothing changed." || p.renewals() != 0 {
		t.Errorf("after n: status %q, %d renewals", got, p.renewals())
	}
	p.keys("d", "y")
	if got := p.Status[len(p.Status)-1]; got != "Deleted the event termination of 2026-09-15 for centuri-saas" {
		t.Errorf("status %q", got)
	}
	// Not terminated: Centuri renews every 12 months from 2027-03-31 on,
	// and its cancel-by date 2026-09-30 is missed again.
	if p.renewals() == 0 || len(p.m.data.attention) != 1 || p.m.data.at(int(p.m.data.attention[0])).Key() != centuriCancelBy {
		t.Errorf("after the delete: %d renewals, missed %v", p.renewals(), p.m.data.attention)
	}
	p.shows("No events recorded for this agreement.")
	log, err := p.c.Store.AuditLog(ctx, "centuri-saas", 1)
	if err != nil || len(log) != 1 || log[0].Entity != "event" || log[0].Action != "delete" || !strings.Contains(log[0].Before, `"note":"sent by mistake"`) {
		t.Errorf("audit: %+v, %v", log, err)
	}
	p.keys("esc")
	if p.m.events != nil || p.m.Capturing() {
		t.Error("esc leaves the list open")
	}
	p.keys("r", "q")
	if p.m.events != nil || p.m.Capturing() {
		t.Error("q leaves the list open")
	}
}

// At 80×24 the agenda sits below the grid with a few rows; an explanation
// takes the whole pane so its last lines and the keys stay in sight, and
// esc brings the grid back.
func TestExplanationTakesThePaneAt80x24(t *testing.T) {
	p := newPane(t, i18n.SV, 80, 21) // 24 rows less the tab bar, status and help lines
	p.keys("enter", "k", "k", "k", "enter")
	if d := p.m.selected(); p.m.focus != detailFocus || d == nil || d.Key() != centuriCancelBy {
		t.Fatalf("focus %d on %+v, want Centuri's cancel-by explained", p.m.focus, d)
	}
	p.shows("36 månader från start 2024-04-01", "Läge", "esc tillbaka")
	if strings.Contains(p.view(), "V.  Må  Ti") {
		t.Errorf("the month grid still takes rows from the explanation:\n%s", p.view())
	}
	p.fits("the explanation at 80×21")
	p.keys("esc")
	p.shows("V.  Må  Ti")
}

// TestTerminatingAFrameworkSaysWhichCallOffsRun checks the pane warns as
// the CLI does when a framework is terminated under running call-offs.
func TestTerminatingAFrameworkSaysWhichCallOffsRun(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	p.run(p.update(session.ScopeMsg{ID: "inera-kundavtal-2", Title: "Inera Kundavtal 2"}))
	p.keys("e", "enter", "termination", "enter")
	for range 10 {
		p.keys("backspace")
	}
	p.keys("2026-12-01", "ctrl+s")
	if p.m.form != nil {
		t.Fatalf("the form is still open:\n%s", p.view())
	}
	if got := p.Status[len(p.Status)-1]; !strings.Contains(got, "call-offs under inera-kundavtal-2 still run (inera-npo, inera-sdk)") {
		t.Errorf("status %q", got)
	}
}

// A session that has ended computes nothing: its load says why, and the
// register's result is not kept half-made for the other sessions, which
// compute it in full.
func TestLoadOfAnEndedSession(t *testing.T) {
	p := newPane(t, i18n.EN, 100, 27)
	full := p.m.data
	k := loadKey{"", full.today, full.from, full.to, false}
	shared := &session.Shared{}
	ended, cancel := context.WithCancel(context.Background())
	cancel()
	msg := load(ended, p.c.Store, shared, 1, k)().(loadedMsg)
	if !errors.Is(msg.err, context.Canceled) || msg.data != nil {
		t.Fatalf("an ended session's load: %v, data %v; want context.Canceled and nothing", msg.err, msg.data != nil)
	}
	msg = load(context.Background(), p.c.Store, shared, 2, k)().(loadedMsg)
	if msg.err != nil || keys(msg.data) != keys(full) {
		t.Fatalf("the next session's load: %v", msg.err)
	}
}

// Your own deadline put on a Saturday is acted on the Friday before; the
// Saturday's day box still shows it, saying where it went, with its title.
func TestOwnDeadlineShowsOnItsDayWhenActByMoved(t *testing.T) {
	p := newPane(t, i18n.EN, 120, 40)
	ctx := context.Background()
	if err := p.c.Store.AddRule(ctx, "centuri-saas", deadlines.Manual(model.MustDate(2026, 12, 5), "Call Centuri", "")); err != nil {
		t.Fatal(err)
	}
	p.run(p.update(session.ChangedMsg{AgreementID: "centuri-saas"}))
	for range 11 {
		p.keys("l") // to Saturday 5 December
	}
	p.shows("Sa 5 December 2026", "→ Call Centuri", "act by 2026-12-04 · Centuri")
	p.keys("h")
	p.shows("Fr 4 December 2026", "• Call Centuri")
}

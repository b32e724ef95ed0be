package clauses

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"avtal/assets"
	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// pane is a Clauses pane over a register, driven through Update with every
// command run to completion; it keeps the status and error messages the
// root would have shown.
type pane struct {
	t    *testing.T
	m    *Model
	st   *store.Store
	w, h int
	tuitest.Said
}

// sample is the sample register and one agreement without documents.
func sample(t *testing.T) []*model.Agreement {
	t.Helper()
	list, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	return append(list, &model.Agreement{ID: "tomt", Title: "Tomt avtal", Kind: model.KindSubscription,
		Status: model.StatusDraft, Supplier: model.Party{Name: "Zeta AB"}, Term: model.Term{Indefinite: true}})
}

func newPane(t *testing.T, c *session.State, w, h int) *pane {
	t.Helper()
	p := &pane{t: t, m: New(c), st: c.Store, w: w, h: h}
	p.m.debounce = time.Millisecond
	p.m.SetSize(w, h)
	p.run(p.m.Init())
	return p
}

func sessionPane(t *testing.T, w, h int) *pane {
	t.Helper()
	return newPane(t, tuitest.Session(tuitest.Store(t, sample(t)), i18n.EN), w, h)
}

// update hands msg to the pane the way the root would, noting what the
// root itself handles.
func (p *pane) update(msg tea.Msg) tea.Cmd {
	return p.Relay(msg, p.m.Update)
}

func (p *pane) run(cmd tea.Cmd) {
	p.t.Helper()
	tuitest.Drain(p.t, p.update, cmd)
	p.fits()
}

// fits checks that the view never exceeds the pane's size.
func (p *pane) fits() {
	p.t.Helper()
	view := p.m.View()
	if h := lipgloss.Height(view); h > p.h {
		p.t.Fatalf("the view is %d lines, the pane %d:\n%s", h, p.h, view)
	}
	for i, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w > p.w {
			p.t.Fatalf("line %d is %d cells, the pane %d:\n%s", i+1, w, p.w, view)
		}
	}
}

// keys presses each key in turn; "enter", "left" … are named keys, any
// other string is typed.
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		p.run(p.m.Update(keyMsg(k)))
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp,
		"down": tea.KeyDown, "esc": tea.KeyEsc, "tab": tea.KeyTab, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"ctrl+u": tea.KeyCtrlU}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types s one letter at a time.
func (p *pane) typeText(s string) {
	p.t.Helper()
	for _, r := range s {
		p.keys(string(r))
	}
}

// rows returns the text of every row of the tree, markers included.
func (p *pane) rows() []string {
	out := make([]string, len(p.m.rows))
	for i, r := range p.m.rows {
		out[i] = strings.TrimSpace(ansi.Strip(p.m.renderRow(r)))
	}
	return out
}

func (p *pane) selected() string { return p.rows()[p.m.tree.Cursor()] }

func (p *pane) viewHas(texts ...string) {
	p.t.Helper()
	view := p.m.View()
	for _, s := range texts {
		if !strings.Contains(view, s) {
			p.t.Errorf("the view lacks %q:\n%s", s, view)
		}
	}
}

// scope narrows the pane to an agreement as the root would.
func (p *pane) scope(id, title string) {
	p.t.Helper()
	p.run(p.update(session.ScopeMsg{ID: id, Title: title}))
}

// selectClause selects a clause by agreement and number.
func (p *pane) selectClause(agreement, number string) {
	p.t.Helper()
	c, err := p.st.FindClause(context.Background(), agreement, number, "")
	if err != nil {
		p.t.Fatal(err)
	}
	if !p.m.reveal(c.ID) {
		p.t.Fatalf("clause %s of %s is not in the tree", number, agreement)
	}
	p.run(p.m.showSelected())
}

func TestTreeOpensAndCloses(t *testing.T) {
	p := sessionPane(t, 160, 45) // wide enough for whole titles
	// Every agreement of the sample, in register order, closed.
	if len(p.m.rows) != 9 || p.rows()[6] != "▸ Pureservice tjänsteavtal – Service Management (SaaS)" {
		t.Fatalf("rows %q", p.rows())
	}
	p.keys("j", "j", "j", "j", "j", "j")
	p.viewHas("pureservice", "Press enter to open")
	// Open it: 8 agreements + its 2 documents + 26 and 22 clauses.
	p.keys("enter")
	if len(p.m.rows) != 9+2+26+22 {
		t.Fatalf("%d rows after opening Pureservice, want 59", len(p.m.rows))
	}
	p.keys("j", "j")
	if p.selected() != "▾ 1 Allmänt" {
		t.Fatalf("selected %q", p.selected())
	}
	p.viewHas("1 Allmänt", "Pureservice tjänsteavtal – Service Management (SaaS) · Pureservice tjänsteavtal")
	// ← closes 1 and its nine sub-clauses (1.2 … 1.11); the next row is 2.
	p.keys("left")
	if len(p.m.rows) != 59-9 || p.rows()[p.m.tree.Cursor()+1] != "▾ 2 Användning av tjänsten" || p.selected() != "▸ 1 Allmänt" {
		t.Fatalf("after ← on 1: %d rows, selected %q", len(p.m.rows), p.selected())
	}
	// ← on a closed clause goes to its parent, the document; ← closes
	// that (its 26 − 9 = 17 visible clauses); → opens it again.
	p.keys("left")
	if !strings.HasPrefix(p.selected(), "▾ Pureservice tjänsteavtal") {
		t.Fatalf("← on a closed clause selected %q, want its document", p.selected())
	}
	p.keys("left")
	if len(p.m.rows) != 50-17 {
		t.Errorf("%d rows with the document closed, want 33", len(p.m.rows))
	}
	p.keys("right")
	if len(p.m.rows) != 50 {
		t.Errorf("%d rows with the document open again, want 50", len(p.m.rows))
	}
	// space closes the agreement: back to the nine.
	p.keys("k", "space")
	if len(p.m.rows) != 9 || p.selected() != "▸ Pureservice tjänsteavtal – Service Management (SaaS)" {
		t.Errorf("after closing: %d rows, selected %q", len(p.m.rows), p.selected())
	}
}

// addAmendments records Pureservice's appendix D as the importer would:
// 8.6.6 removed, 8.9.2 changed.
func addAmendments(t *testing.T, st *store.Store) {
	t.Helper()
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`INSERT INTO amendments(agreement_id, target_number, kind, by_number, text, confirmed) VALUES
		('pureservice', '8.6.6', 'removed', 'D', 'Struck out entirely.', 1),
		('pureservice', '8.9.2', 'changed', 'D', 'Notice without undue delay instead of 24 hours.', 0)`)
	if err != nil {
		t.Fatal(err)
	}
}

func TestScopedTreeMarksAmendmentsNotesAndOldVersions(t *testing.T) {
	c := tuitest.Session(tuitest.Store(t, sample(t)), i18n.EN)
	addAmendments(t, c.Store)
	p := newPane(t, c, 160, 45)
	p.scope("pureservice", "Pureservice")
	rows := p.rows()
	// Scoped: the documents at the top, open, no agreement row.
	if len(rows) != 2+26+22 || !strings.HasPrefix(rows[0], "▾ Pureservice tjänsteavtal") {
		t.Fatalf("scoped rows %q", rows)
	}
	if !slices.Contains(rows, "8.6.6 Kopior av avtal med underbiträden ×") || !slices.Contains(rows, "8.9.2 Tid för incidentanmälan Δ") {
		t.Errorf("amendment markers missing: %q", rows)
	}
	p.selectClause("pureservice", "8.6.6")
	p.viewHas("Removed by D: Struck out entirely.")
	p.selectClause("pureservice", "8.9.2")
	p.viewHas("Amended by D (unconfirmed): Notice without undue delay instead of 24 hours.")

	// A note elsewhere (another session's write) shows after the change notice.
	id, _ := c.Store.FindClause(context.Background(), "pureservice", "2.7", "")
	if _, err := c.Store.AddNote(context.Background(), id.ID, "Low cap", "risk"); err != nil {
		t.Fatal(err)
	}
	p.run(p.update(session.ChangedMsg{AgreementID: "pureservice", Entity: "clause"}))
	if !slices.Contains(p.rows(), "2.7 Ansvarsbegränsningar ●") {
		t.Errorf("no note marker on 2.7: %q", p.rows())
	}

	// v shows old versions; the sample has none, so the tree is the same.
	p.keys("v")
	if !p.m.withOld || len(p.rows()) != 50 || p.Status[len(p.Status)-1] != "Showing old document versions too." {
		t.Errorf("v: withOld %v, %d rows, status %q", p.m.withOld, len(p.rows()), p.Status)
	}
	if p.selected() != "8.9.2 Tid för incidentanmälan Δ" {
		t.Errorf("after reloading the selection moved to %q", p.selected())
	}
}

func TestViewerHighlightsExtractedValues(t *testing.T) {
	st := tuitest.Store(t, sample(t))
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	c := session.New(r, st, i18n.EN, func() time.Time { return tuitest.Today })
	p := newPane(t, c, 120, 30)
	p.scope("pureservice", "Pureservice")
	p.selectClause("pureservice", "4.5")
	// "Under 99,5 % … under 99 % hälften och under 95 % hela": each
	// percentage, decimal comma and all, is an extracted item.
	view := p.m.viewer.View()
	for _, v := range []string{"99,5 %", "99 %", "95 %"} {
		if !strings.Contains(view, c.Styles.Highlight.Render(v)) {
			t.Errorf("%q is not highlighted:\n%q", v, view)
		}
	}
}

func TestEmptyStates(t *testing.T) {
	p := newPane(t, tuitest.Session(tuitest.Store(t, nil), i18n.EN), 160, 30)
	p.viewHas("The register is empty. Import an agreement with:", "avtal import FILE")
	p = sessionPane(t, 160, 30)
	p.scope("tomt", "Tomt avtal")
	p.viewHas("No clauses yet. Import the agreement's text with:", "avtal import FILE --agreement tomt")
	p.keys("t")
	if p.m.form != nil || p.Status[len(p.Status)-1] != "Select a clause first." {
		t.Errorf("t without a clause: form %v, status %q", p.m.form != nil, p.Status)
	}
}

// results names the search hits shown, as agreement:number.
func (p *pane) results() []string {
	var out []string
	for _, h := range p.m.search.hits {
		out = append(out, h.AgreementID+":"+h.Number)
	}
	return out
}

// pickHit moves down the search results to the hit named agreement:number.
func (p *pane) pickHit(name string) {
	p.t.Helper()
	i := slices.Index(p.results(), name)
	if i < 0 {
		p.t.Fatalf("%s is not among the hits %v", name, p.results())
	}
	for range i - p.m.search.shown.Cursor() {
		p.keys("down")
	}
}

// collect runs cmd and returns the messages it produces, batches unpacked,
// without handing them to the pane.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// typeKey sends one typed letter to the open search and returns the
// debounce tick it schedules.
func (p *pane) typeKey(r string) searchTickMsg {
	p.t.Helper()
	for _, msg := range collect(p.m.Update(keyMsg(r))) {
		if tick, ok := msg.(searchTickMsg); ok {
			return tick
		}
	}
	p.t.Fatalf("typing %q scheduled no search", r)
	return searchTickMsg{}
}

func TestSearchDebouncesDropsStaleAnswersAndJumps(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.keys("/")
	if !p.m.Capturing() {
		t.Fatal("the search field does not capture keys")
	}
	p.viewHas("Type to search every clause")
	// Three quick letters: the first two ticks find a newer key and do nothing.
	t1, t2, t3 := p.typeKey("s"), p.typeKey("k"), p.typeKey("a")
	if p.m.Update(t1) != nil || p.m.Update(t2) != nil {
		t.Error("a tick superseded by a later key searched anyway")
	}
	ska := collect(p.m.Update(t3))
	if len(ska) != 1 {
		t.Fatalf("the last tick gave %v, want one search answer", ska)
	}
	// Another letter before "ska" answers: its answer comes too late.
	t4 := p.typeKey("d")
	p.run(p.m.Update(ska[0]))
	if p.m.search.hits != nil || p.m.search.query != "" {
		t.Fatalf("the stale answer for %q was shown", p.m.search.query)
	}
	p.run(p.m.Update(t4))
	if p.m.search.query != "skad" || len(p.m.search.hits) != 7 {
		t.Fatalf("query %q, hits %v", p.m.search.query, p.results())
	}
	p.viewHas("7 clauses", "10 Ansvar och skadestånd · Centuri SaaS")
	// Down to SuperOffice's 4, whose snippet has the match; enter jumps
	// there, scoping every pane to SuperOffice.
	p.pickHit("superoffice-dpa:4")
	p.viewHas("Skadestånd vid brott mot avtalet")
	p.keys("enter")
	if p.m.Capturing() || len(p.Scopes) != 1 || p.Scopes[0].ID != "superoffice-dpa" {
		t.Fatalf("enter: capturing %v, scopes %v", p.m.Capturing(), p.Scopes)
	}
	if p.selected() != "4 Ansvar" || p.m.scopeID != "superoffice-dpa" {
		t.Errorf("after the jump the tree selects %q in %q", p.selected(), p.m.scopeID)
	}
	// A jump inside the scoped agreement needs no new scope.
	p.keys("/")
	p.typeText("underbiträden")
	p.run(nil)
	p.pickHit("superoffice-dpa:3.7")
	p.keys("enter")
	if len(p.Scopes) != 1 || p.selected() != "3.7 Underbiträden" {
		t.Errorf("scopes %v, selected %q", p.Scopes, p.selected())
	}
}

func TestSearchHints(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.keys("/")
	p.typeText("av")
	p.viewHas("Type words of at least 3 letters.")
	p.typeText(" zzzq")
	p.viewHas(`No clause holds "av zzzq".`)
	p.keys("esc")
	if p.m.Capturing() || p.m.search != nil {
		t.Error("esc did not close the search")
	}
}

func TestTagAndNoteForms(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		p := sessionPane(t, 160, 45)
		p.scope("pureservice", "Pureservice")
		p.selectClause("pureservice", "2.7")
		p.keys("t")
		if !p.m.Capturing() {
			t.Fatal("t opened no form")
		}
		p.viewHas("Tag 2.7 Ansvarsbegränsningar")
		p.typeText("Bad Tag")
		p.keys("enter")
		p.viewHas("not a tag")
		p.keys("ctrl+u")
		p.typeText("Limitation of liability")
		p.keys("enter")
		p.viewHas("the clause already has liability_cap")
		p.keys("ctrl+u")
		p.typeText("indemnity")
		p.keys("enter")
		if p.m.form != nil || p.Status[len(p.Status)-1] != "Tagged 2.7 with indemnity." {
			t.Fatalf("form open %v, status %q, errors %v", p.m.form != nil, p.Status, p.Errs)
		}
		p.viewHas("indemnity (", "liability_cap (Limitation of liability)")

		p.keys("n")
		p.typeText("Twelve months is low for us")
		// The risk is a picker: typed words are not taken, a letter picks.
		p.keys("tab")
		p.typeText("high")
		p.viewHas("◂ ok ▸")
		p.typeText("w")
		p.keys("enter")
		if p.Status[len(p.Status)-1] != "Noted on 2.7 (watch)." {
			t.Fatalf("status %q, errors %v", p.Status, p.Errs)
		}
		p.viewHas("Notes (1)", "● watch "+tuitest.Day(t).Format(time.DateOnly), "Twelve months is low for us")
		if !slices.Contains(p.rows(), "2.7 Ansvarsbegränsningar ●") {
			t.Errorf("no note marker: %q", p.rows())
		}

		p.keys("T")
		p.typeText("notice")
		p.keys("enter")
		p.viewHas("the clause has no tag notice")
		p.keys("ctrl+u")
		p.typeText("indemnity")
		p.keys("enter")
		if p.Status[len(p.Status)-1] != "Removed tag indemnity from 2.7." {
			t.Errorf("status %q", p.Status)
		}
		p.keys("t", "esc")
		if p.m.form != nil || p.m.Capturing() {
			t.Error("esc did not close the form")
		}
		c, _ := p.st.FindClause(context.Background(), "pureservice", "2.7", "")
		if !slices.Equal(c.Tags, []string{"liability_cap"}) || len(c.Notes) != 1 || c.Notes[0].Risk != "watch" {
			t.Errorf("stored: tags %v, notes %+v", c.Tags, c.Notes)
		}
	})
}

func TestViewerMayNotWrite(t *testing.T) {
	c := tuitest.Session(tuitest.Store(t, sample(t)), i18n.EN)
	c.SetAccess("", true)
	p := newPane(t, c, 100, 30)
	p.scope("pureservice", "Pureservice")
	p.selectClause("pureservice", "2.7")
	for _, k := range []string{"t", "T", "n"} {
		p.Errs = nil
		p.keys(k)
		if p.m.form != nil || len(p.Errs) != 1 || !errors.Is(p.Errs[0], session.ErrReadOnly) {
			t.Errorf("%s in a read-only session: form %v, errors %v", k, p.m.form != nil, p.Errs)
		}
	}
	// Comparing writes nothing, so a viewer may.
	p.keys("c")
	if p.m.form == nil {
		t.Error("a viewer cannot compare")
	}
}

func TestCompare(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.scope("pureservice", "Pureservice")
	p.selectClause("pureservice", "2.7")
	p.keys("c")
	p.viewHas("Compare a kind of clause", "Tags in use: acceptance, amended")
	// The clause's first tag is offered: liability_cap.
	p.keys("enter")
	if p.m.compare == nil || p.m.form != nil {
		t.Fatal("no comparison")
	}
	// Centuri, Pureservice and SuperOffice tag liability_cap; 100 columns hold two.
	p.viewHas("Compare liability_cap · 1–2 of 3", "Centuri SaaS", "12.1 Ansvarstak", "Pureservice tjänsteavtal", "2.7 Ansvarsbegränsningar")
	p.keys("right")
	p.viewHas("2–3 of 3", "SuperOffice CRM Online", "4 Ansvar")
	// Narrow, the agreements stack.
	p.w = 70
	p.m.SetSize(70, 30)
	p.fits()
	p.viewHas("Compare liability_cap · 3 agreements")
	p.keys("esc")
	if p.m.compare != nil || p.m.Capturing() {
		t.Error("esc did not close the comparison")
	}
	p.keys("c", "ctrl+u")
	p.typeText("escrow")
	p.keys("enter")
	p.viewHas("no clause has tag escrow")
}

func TestEveryModeFitsEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		modesFit(t, newPane(t, tuitest.Session(tuitest.Store(t, sample(t)), lang), 100, 30))
	}
}

// modesFit opens each mode of the pane and checks it at a grid of sizes.
func modesFit(t *testing.T, p *pane) {
	t.Helper()
	p.scope("centuri-saas", "Centuri SaaS – informationshantering")
	p.selectClause("centuri-saas", "12.1")
	modes := []struct {
		name string
		open func()
	}{
		{"tree", func() {}},
		{"search", func() { p.keys("/"); p.typeText("skadestånd"); p.run(nil) }},
		{"tag form", func() { p.keys("t") }},
		{"note form", func() { p.keys("n") }},
		{"compare", func() { p.keys("c", "enter") }},
	}
	for _, mode := range modes {
		mode.open()
		for w := 60; w <= 200; w += 14 {
			for h := 10; h <= 60; h += 10 {
				p.w, p.h = w, h
				p.m.SetSize(w, h)
				p.fits()
			}
		}
		p.w, p.h = 100, 30
		p.m.SetSize(100, 30)
		p.keys("esc")
		if p.m.Capturing() {
			t.Fatalf("%s: esc left the pane capturing", mode.name)
		}
	}
}

func TestAllAgreementsPageIn(t *testing.T) {
	// 250 agreements: pages of 100 come in as the cursor nears the end.
	var list []*model.Agreement
	for i := range 250 {
		list = append(list, &model.Agreement{ID: fmt.Sprintf("a-%03d", i), Title: fmt.Sprintf("Agreement %03d", i),
			Kind: model.KindSubscription, Status: model.StatusActive, Supplier: model.Party{Name: fmt.Sprintf("S %03d", i)},
			Term: model.Term{Indefinite: true}})
	}
	p := newPane(t, tuitest.Session(tuitest.Store(t, list), i18n.EN), 100, 30)
	if len(p.m.rows) != 100 {
		t.Fatalf("%d rows at first, want one page of 100", len(p.m.rows))
	}
	// G goes to row 100, 20 or fewer from the end: the second page comes.
	p.keys("G")
	if len(p.m.rows) != 200 || p.m.tree.Cursor() != 99 {
		t.Fatalf("after G: %d rows, cursor %d; want 200, 99", len(p.m.rows), p.m.tree.Cursor())
	}
	p.keys("G", "G")
	if len(p.m.rows) != 250 || !p.m.atEnd || p.selected() != "▸ Agreement 249" {
		t.Errorf("at the end: %d rows, at end %v, selected %q", len(p.m.rows), p.m.atEnd, p.selected())
	}
}

// A note is edited in the form prefilled with its text and risk, and
// deleted after a y; with two notes on the clause the form asks which, by
// the number the viewer shows. A viewer may do neither.
func TestEditAndDeleteNotes(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		p := sessionPane(t, 160, 45)
		ctx := context.Background()
		c, err := p.st.FindClause(ctx, "pureservice", "2.7", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.st.AddNote(ctx, c.ID, "Twelve months is low", "watch"); err != nil {
			t.Fatal(err)
		}
		p.scope("pureservice", "Pureservice")
		p.selectClause("pureservice", "2.7")
		p.keys("e")
		p.viewHas("Note 1 on 2.7 Ansvarsbegränsningar")
		if got := p.m.form.Values(); got["text"] != "Twelve months is low" || got["risk"] != "watch" {
			t.Fatalf("the form holds %v, want the note and its risk", got)
		}
		p.keys("ctrl+u")
		p.typeText("Far too low for our volumes")
		p.keys("tab", "ctrl+u")
		p.typeText("risk")
		p.keys("enter")
		if p.m.form != nil || p.Status[len(p.Status)-1] != "Note on 2.7 saved (risk)." {
			t.Fatalf("form open %v, status %q, errors %v", p.m.form != nil, p.Status, p.Errs)
		}
		p.viewHas("● risk "+tuitest.Day(t).Format(time.DateOnly), "Far too low for our volumes")
		if !slices.Contains(p.rows(), "2.7 Ansvarsbegränsningar ●") {
			t.Errorf("no note marker: %q", p.rows())
		}

		// A second note: the viewer numbers them, and the form asks which.
		if _, err := p.st.AddNote(ctx, c.ID, "Ask legal", "ok"); err != nil {
			t.Fatal(err)
		}
		p.run(p.update(session.ChangedMsg{AgreementID: "pureservice"}))
		p.viewHas("1. ● risk", "2. ● ok")
		p.keys("x")
		p.viewHas("Which note on 2.7 Ansvarsbegränsningar?", "1. risk · Far too low for our volumes", "2. ok · Ask legal")
		// The note is picked: enter with none picked is refused, a number
		// the viewer does not show picks nothing, a digit it shows picks it.
		p.keys("enter")
		p.viewHas("must be filled in")
		p.typeText("3")
		p.viewHas("◂ — ▸")
		p.typeText("2")
		p.viewHas("◂ 2. ok · Ask legal ▸")
		p.keys("enter")
		if got := p.Status[len(p.Status)-1]; got != "Delete note 2 on 2.7 Ansvarsbegränsningar (Ask legal)? y/n" || !p.m.Capturing() {
			t.Fatalf("question %q, capturing %v", got, p.m.Capturing())
		}
		p.keys("n")
		if got := p.Status[len(p.Status)-1]; got != "Nothing changed." {
			t.Errorf("after n: %q", got)
		}
		p.keys("x", "2", "enter", "y")
		if got := p.Status[len(p.Status)-1]; got != "Note on 2.7 deleted." {
			t.Errorf("after y: %q, errors %v", got, p.Errs)
		}
		c, _ = p.st.FindClause(ctx, "pureservice", "2.7", "")
		if len(c.Notes) != 1 || c.Notes[0].Text != "Far too low for our volumes" || c.Notes[0].Risk != "risk" {
			t.Errorf("stored notes %+v", c.Notes)
		}
		log, _ := p.st.AuditLog(ctx, "pureservice", 2)
		if len(log) != 2 || log[0].Action != "delete_note" || !strings.Contains(log[0].Before, "Ask legal") {
			t.Errorf("audit %+v", log)
		}

		viewer := tuitest.Session(p.st, i18n.EN)
		viewer.SetAccess("", true)
		v := newPane(t, viewer, 100, 30)
		v.scope("pureservice", "Pureservice")
		v.selectClause("pureservice", "2.7")
		for _, k := range []string{"e", "x"} {
			v.Errs = nil
			v.keys(k)
			if v.m.Capturing() || len(v.Errs) != 1 || !errors.Is(v.Errs[0], session.ErrReadOnly) {
				t.Errorf("%s in a read-only session: capturing %v, errors %v", k, v.m.Capturing(), v.Errs)
			}
		}
	})
}

// Between enter on a hit in another agreement and the arrival of that
// agreement's tree, a write key says the clause is on its way instead of
// asking the user to select one.
func TestAWriteKeyWhileAHitIsOnItsWay(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.keys("/")
	p.typeText("skad")
	p.run(nil)
	p.pickHit("superoffice-dpa:4")
	scope := p.m.Update(keyMsg("enter")) // the scope and the tree are not in yet
	p.keys("t")
	if len(p.Status) == 0 || p.Status[len(p.Status)-1] != "Loading…" {
		t.Errorf("t before the hit's tree arrived said %q, want Loading…", p.Status)
	}
	p.run(scope)
	if p.selected() != "4 Ansvar" {
		t.Errorf("once the tree is in, the hit %q is selected", p.selected())
	}
}

// A clause with many tags lists them all under their header, wrapped to
// the viewer, none cut off at its right edge.
func TestViewerWrapsALongTagList(t *testing.T) {
	p := sessionPane(t, 80, 24)
	ctx := context.Background()
	c, err := p.st.FindClause(ctx, "centuri-saas", "12.1", "")
	if err != nil {
		t.Fatal(err)
	}
	tags := []string{"termination", "renewal", "notice-period", "price-change", "liability-cap", "data-return", "subprocessors"}
	for _, tag := range tags {
		if err := p.st.AddTag(ctx, c.ID, tag); err != nil {
			t.Fatal(err)
		}
	}
	detail, err := p.st.Clause(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	p.scope("centuri-saas", "Centuri")
	text := ansi.Strip(p.m.clauseText(detail))
	for i, line := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(line); w > p.m.viewer.Width {
			t.Errorf("line %d is %d cells, the viewer %d: %q", i+1, w, p.m.viewer.Width, line)
		}
	}
	_, list, found := strings.Cut(text, fmt.Sprintf("Tags (%d)\n", len(detail.Tags)))
	list, _, _ = strings.Cut(list, "\n\n")
	if !found || len(detail.Tags) < len(tags) {
		t.Fatalf("no header for the %d tags:\n%s", len(detail.Tags), text)
	}
	for _, tag := range tags {
		if !strings.Contains(strings.Join(strings.Fields(list), " "), tag) {
			t.Errorf("tag %s is missing from the list:\n%s", tag, list)
		}
	}
}

// A write key pressed while the selected clause is still on its way is
// not lost: its form opens when the clause arrives; another key drops it.
func TestWriteKeyWaitsForTheClause(t *testing.T) {
	p := sessionPane(t, 160, 45)
	p.scope("pureservice", "Pureservice")
	p.selectClause("pureservice", "2.7")
	sel := p.m.selectedClause()
	detail := p.m.details[sel.ID]
	delete(p.m.details, sel.ID) // as if the clause had not arrived yet
	p.update(keyMsg("t"))       // its fetch is not run: the clause is on its way
	if p.m.Capturing() {
		t.Fatal("a form opened without the clause")
	}
	p.run(p.m.Update(detailMsg{id: sel.ID, detail: detail}))
	if !p.m.Capturing() {
		t.Fatal("the form did not open when the clause arrived")
	}
	p.viewHas("Tag 2.7 Ansvarsbegränsningar")
	p.keys("esc")

	delete(p.m.details, sel.ID)
	p.update(keyMsg("t"))
	p.update(keyMsg("j")) // the user moves on
	p.run(p.m.Update(detailMsg{id: sel.ID, detail: detail}))
	if p.m.Capturing() {
		t.Error("a form opened after the user had moved on")
	}
}

package agreements

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// registerSize is large enough for the list to cross many pages of 100 and
// to hit the window limit of 600 rows in both directions.
const registerSize = 2500

// bigRegister holds registerSize agreements named so that list order is
// number order: supplier "Supplier 0001" … "Supplier 2500".
func bigRegister() []*model.Agreement {
	list := make([]*model.Agreement, registerSize)
	for i := range list {
		n := i + 1
		list[i] = &model.Agreement{
			ID: fmt.Sprintf("a-%04d", n), Title: fmt.Sprintf("Agreement %04d", n),
			Kind: model.KindSubscription, Status: model.StatusActive,
			Supplier: model.Party{Name: fmt.Sprintf("Supplier %04d", n)},
			Start:    model.MustDate(2024, 4, 1),
			Term:     model.Term{Initial: model.Period{N: 36, Unit: model.Months}, Renewal: model.Period{N: 12, Unit: model.Months}, Notice: model.Period{N: 6, Unit: model.Months}},
		}
	}
	return list
}

// pane is an Agreements pane of the given size over a register, driven
// through Update with every command run to completion.
type pane struct {
	t      *testing.T
	m      *Model
	st     *store.Store
	h      int
	seen   int      // largest window the pane ever held
	status []string // what the pane put in the status bar, errors as "error: …"
}

func newPane(t *testing.T, list []*model.Agreement, w, h int) *pane {
	t.Helper()
	return openPane(t, list, w, h, nil)
}

// openPane is newPane with the session changed by setup before the pane is made.
func openPane(t *testing.T, list []*model.Agreement, w, h int, setup func(*session.State)) *pane {
	t.Helper()
	st := tuitest.Store(t, list)
	c := tuitest.Session(st, i18n.EN)
	if setup != nil {
		setup(c)
	}
	p := &pane{t: t, m: New(c), st: st, h: h}
	p.m.SetSize(w, h)
	p.run(p.m.Init())
	return p
}

// run runs cmd and the commands that follow, as the runtime would; status
// messages are kept rather than handed to the pane, as the root would.
func (p *pane) run(cmd tea.Cmd) {
	p.t.Helper()
	tuitest.Drain(p.t, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case session.StatusMsg:
			p.status = append(p.status, msg.Text)
			return nil
		case session.ErrMsg:
			p.status = append(p.status, "error: "+msg.Err.Error())
			return nil
		}
		c := p.m.Update(msg)
		p.seen = max(p.seen, len(p.m.rows))
		return c
	}, cmd)
}

// press sends a key n times and checks the view's height after each.
func (p *pane) press(k tea.KeyMsg, n int) {
	p.t.Helper()
	for range n {
		p.run(p.m.Update(k))
		if got := lipgloss.Height(p.m.View()); got > p.h {
			p.t.Fatalf("after %s the view is %d lines, the pane only %d", k, got, p.h)
		}
	}
}

// expect checks the position in the list title and that the selected
// agreement's row and detail are on screen.
func (p *pane) expect(pos int) {
	p.t.Helper()
	view := p.m.View()
	title := fmt.Sprintf(" %d of %d ", pos, registerSize)
	if !strings.Contains(view, title) {
		p.t.Fatalf("want %q in the list title; view:\n%s", title, view)
	}
	if want := fmt.Sprintf("a-%04d · subscription", pos); !strings.Contains(view, want) {
		p.t.Fatalf("want the detail of %q; view:\n%s", want, view)
	}
	if want := fmt.Sprintf("Supplier %04d", pos); !strings.Contains(view, want) {
		p.t.Fatalf("want the selected row %q visible; view:\n%s", want, view)
	}
}

var (
	down     = tea.KeyMsg{Type: tea.KeyDown}
	up       = tea.KeyMsg{Type: tea.KeyUp}
	pageDown = tea.KeyMsg{Type: tea.KeyPgDown}
	pageUp   = tea.KeyMsg{Type: tea.KeyPgUp}
	top      = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")}
	bottom   = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}
)

func TestWindowedListPagesThroughALargeRegister(t *testing.T) {
	// 100×40, narrow layout: the list gets 40·45/100 − 2 (border) − 1
	// (header) = 15 rows, so a page down moves 14 rows.
	p := newPane(t, bigRegister(), 100, 40)
	if p.m.listH != 15 {
		t.Fatalf("list height %d, want 15", p.m.listH)
	}
	p.expect(1)
	if len(p.m.rows) != pageSize {
		t.Fatalf("first load holds %d rows, want one page of %d", len(p.m.rows), pageSize)
	}

	// Row 71 is 30 from the end of the first page: the next page comes in.
	p.press(down, 70)
	p.expect(71)
	if len(p.m.rows) != 2*pageSize {
		t.Errorf("at row 71 the window holds %d rows, want two pages", len(p.m.rows))
	}
	p.press(down, 40) // past the first page boundary
	p.expect(111)

	p.press(pageDown, 3) // 111 + 3·14
	p.expect(153)
	p.press(pageUp, 1)
	p.expect(139)

	// A thousand rows further the window has slid: never more than
	// maxWindow rows in memory, and the first rows dropped.
	p.press(pageDown, 72) // 139 + 72·14 = 1147
	p.expect(1147)
	if p.seen > maxWindow || p.m.base == 0 || p.m.atTop {
		t.Errorf("window: largest %d rows (max %d), base %d, atTop %v", p.seen, maxWindow, p.m.base, p.m.atTop)
	}

	p.press(bottom, 1)
	p.expect(registerSize)
	p.press(down, 1) // the last row stays selected
	p.expect(registerSize)

	// Going back up from the end fetches earlier pages.
	p.press(up, 120)
	p.expect(registerSize - 120)

	p.press(top, 1)
	p.expect(1)
	p.press(up, 1)
	p.expect(1)
	p.press(pageUp, 1)
	p.expect(1)
	p.press(pageDown, 1)
	p.expect(15)
	p.press(bottom, 1)
	p.press(top, 1)
	p.expect(1)
}

func TestSmallRegisterHasBothEnds(t *testing.T) {
	list := bigRegister()[:5]
	p := newPane(t, list, 120, 30)
	if !p.m.atTop || !p.m.atEnd {
		t.Fatalf("five agreements are one page: atTop %v atEnd %v", p.m.atTop, p.m.atEnd)
	}
	p.press(bottom, 1)
	if got := p.m.View(); !strings.Contains(got, " 5 of 5 ") {
		t.Errorf("G on five agreements: want 5 of 5, view:\n%s", got)
	}
	p.press(top, 1)
	if got := p.m.View(); !strings.Contains(got, " 1 of 5 ") {
		t.Errorf("g: want 1 of 5, view:\n%s", got)
	}
}

func TestEmptyRegisterSaysWhatToDo(t *testing.T) {
	p := newPane(t, nil, 80, 20)
	p.press(down, 1)
	p.press(bottom, 1)
	if got := p.m.View(); !strings.Contains(got, "avtal import") {
		t.Errorf("an empty register should point to import; view:\n%s", got)
	}
}

func TestStalePageIsDropped(t *testing.T) {
	p := newPane(t, bigRegister()[:300], 100, 40)
	// Ask for the end, then reload the top (the register changed) before the
	// first answer is in: the late answer must not move the list.
	toEnd := p.m.Update(bottom)
	reload := p.m.Update(session.ChangedMsg{})
	endMsg, reloadMsg := toEnd(), reload()
	p.run(p.m.Update(reloadMsg))
	p.run(p.m.Update(endMsg))
	if got := p.m.View(); !strings.Contains(got, " 1 of 300 ") {
		t.Errorf("a stale page moved the list; view:\n%s", got)
	}
}

func TestAChangeElsewhereRedrawsInPlace(t *testing.T) {
	// 100×40: a page down moves 14 rows, so 1 + 81·14 = 1135, and 12 down
	// is 1147 — far from the top, the window no longer starts at row 1.
	p := newPane(t, bigRegister(), 100, 40)
	p.press(pageDown, 81)
	p.press(down, 12)
	p.expect(1147)
	base := p.m.base
	if base == 0 || p.m.atTop {
		t.Fatalf("base %d, atTop %v: the window should have slid", base, p.m.atTop)
	}

	// Another session renames the selected agreement.
	a := bigRegister()[1146]
	a.Title = "Agreement 1147, renewed"
	if err := p.st.As("ssh:bo").PutAgreement(context.Background(), a, true); err != nil {
		t.Fatal(err)
	}
	p.run(p.m.Update(session.ChangedMsg{AgreementID: "a-1147", Entity: "agreement"}))

	p.expect(1147) // still on it, not back at the top
	if p.m.base != base || p.m.atTop {
		t.Errorf("after the change: base %d (was %d), atTop %v", p.m.base, base, p.m.atTop)
	}
	if v := p.m.View(); !strings.Contains(v, "Agreement 1147, renewed") {
		t.Errorf("the detail still shows the old title:\n%s", v)
	}
}

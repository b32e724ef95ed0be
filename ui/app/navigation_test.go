package app

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// In the calendar, esc goes back one level and keeps the scope; only esc
// on the month itself drops it.
func TestCalendarEscGoesBackBeforeUnscoping(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.send(session.ScopeMsg{ID: "centuri-saas", Title: "Centuri SaaS"})
	r.key("4")
	r.send(tea.KeyMsg{Type: tea.KeyEnter}) // into the agenda
	if !belowTop(r.m.panes[r.m.focus]) {
		t.Fatal("enter on the month should move into the agenda")
	}
	r.send(tea.KeyMsg{Type: tea.KeyEsc})
	if belowTop(r.m.panes[r.m.focus]) || r.m.scopeID != "centuri-saas" {
		t.Fatalf("esc in the agenda: below top %v, scope %q; want the month, scope kept", belowTop(r.m.panes[r.m.focus]), r.m.scopeID)
	}
	r.send(tea.KeyMsg{Type: tea.KeyEsc})
	if r.m.scopeID != "" {
		t.Errorf("esc on the month kept the scope %q", r.m.scopeID)
	}
}

// Without colour the active tab is bracketed, in place of its padding.
func TestActiveTabShowsWithoutColour(t *testing.T) {
	r := newRoot(t, i18n.EN) // tuitest renders without colour
	r.key("2")
	bar := strings.SplitN(r.m.View(), "\n", 2)[0]
	if !strings.HasPrefix(bar, " 1 Agreements │[2 Clauses]│ 3 Sub-processors") {
		t.Errorf("tab bar %q; want the Clauses tab bracketed", bar)
	}
}

// While a form takes every key, the footer shows the form's keys alone:
// ? and q would be typed into it.
func TestFormFooterShowsOnlyTheFormsKeys(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.key("4")
	r.key("a") // a deadline of your own
	lines := strings.Split(r.m.View(), "\n")
	footer := lines[len(lines)-1]
	if !strings.HasPrefix(footer, "tab/enter next field") || strings.Contains(footer, "quit") {
		t.Errorf("footer %q; want the form's keys only", footer)
	}
}

// Over the review of proposals, which takes no text, ? opens the help
// with the review's own keys (sort among them, which the footer has no
// room for) and closes it again; the review stays open under it. ? once
// went to the review and did nothing.
func TestHelpOpensOverTheReview(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	r.key("P")
	if !r.m.panes[r.m.focus].Capturing() {
		t.Fatal("P should open the review")
	}
	lines := strings.Split(r.m.View(), "\n")
	if footer := lines[len(lines)-1]; !strings.HasPrefix(footer, "? help") {
		t.Errorf("footer %q; want ? first", footer)
	}
	r.key("?")
	view := r.m.View()
	checkFits(t, "help over the review", view, 80, 24)
	if !r.m.showHelp || !strings.Contains(view, "sort by the next column") || !strings.Contains(view, "accept") || strings.Contains(view, "next pane") {
		t.Fatalf("? should show the review's keys and no tab keys:\n%s", view)
	}
	r.key("?")
	if r.m.showHelp || !r.m.panes[r.m.focus].Capturing() {
		t.Errorf("? should close the help and leave the review open (help %v)", r.m.showHelp)
	}
	r.key("e") // the fields form takes text: ? is typed there
	r.key("?")
	if r.m.showHelp {
		t.Error("? opened the help over a form")
	}
}

// A message belongs to the pane that said it, fades when its time is up
// unless a newer one took its place, and goes at the next key.
func TestStatusFadesAndStaysWithItsPane(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.key("4")
	status := func() string {
		lines := strings.Split(r.m.View(), "\n")
		return lines[len(lines)-2]
	}
	r.send(session.StatusMsg{Text: "Marked done."})
	first := r.m.statusSeq
	if !strings.Contains(status(), "Marked done.") {
		t.Fatalf("status bar %q", status())
	}
	r.key("2")
	if strings.Contains(status(), "Marked done.") {
		t.Errorf("the calendar's message shows on Clauses: %q", status())
	}
	r.key("4")
	r.send(session.StatusMsg{Text: "Snoozed."})
	r.send(fadeMsg{seq: first}) // the first message's time is up
	if !strings.Contains(status(), "Snoozed.") {
		t.Errorf("an old fade cleared the newer message: %q", status())
	}
	r.send(fadeMsg{seq: r.m.statusSeq})
	if strings.TrimSpace(ansi.Strip(status())) != "" {
		t.Errorf("after its fade the status bar holds %q", status())
	}
	r.send(session.StatusMsg{Text: "Snoozed."})
	r.key("j")
	if strings.Contains(status(), "Snoozed.") {
		t.Errorf("the next key left the message: %q", status())
	}
}

// At 60x15 every pane's footer still shows the pane's own first key.
func TestNarrowFooterShowsThePanesKeys(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	for _, tab := range []string{"1", "2", "3", "4", "5"} {
		r.key(tab)
		lines := strings.Split(r.m.View(), "\n")
		footer := lines[len(lines)-1]
		first := r.m.panes[r.m.focus].ShortHelp()[0].Help()
		if !strings.HasPrefix(footer, "? help") || !strings.Contains(footer, first.Key+" "+first.Desc) {
			t.Errorf("pane %s: footer %q lacks %q", tab, footer, first.Key+" "+first.Desc)
		}
	}
}

// The help never cuts a key off: groups flow into rows that fit the width,
// and when they are taller than the screen the help scrolls.
func TestHelpFitsAndScrolls(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	r.key("4")
	r.key("?")
	all := strings.Join(r.m.helpLines(60), "\n")
	for _, want := range []string{"next pane", "missed & overdue", "recorded events", "snooze"} {
		if !strings.Contains(all, want) {
			t.Errorf("the help lacks %q:\n%s", want, all)
		}
	}
	view := r.m.View()
	checkFits(t, "help", view, 60, 15)
	if strings.Contains(view, "recorded events") || !strings.Contains(view, "j/k, pgdn/pgup scroll") {
		t.Fatalf("the first page should end in the scroll hint:\n%s", view)
	}
	r.key("G")
	if view := r.m.View(); !strings.Contains(view, "recorded events") {
		t.Errorf("G should show the last keys:\n%s", view)
	}
	r.send(tea.KeyMsg{Type: tea.KeyEsc})
	if r.m.showHelp {
		t.Error("esc should close the help")
	}
}

// A click on a tab opens it; the wheel moves as the arrow keys do.
func TestMouseClicksTabsAndScrolls(t *testing.T) {
	r := newRoot(t, i18n.EN)
	bar := ansi.Strip(strings.SplitN(r.m.View(), "\n", 2)[0])
	x := ansi.StringWidth(bar[:strings.Index(bar, "Calendar")])
	r.send(tea.MouseMsg{X: x, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if r.m.focus != 3 {
		t.Fatalf("a click on Calendar (column %d) focused pane %d", x, r.m.focus)
	}
	r.key("1")
	r.send(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	r.send(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if !strings.Contains(r.m.View(), " 3 of 8 ") {
		t.Errorf("two wheel steps down should select the third agreement:\n%s", r.m.View())
	}
}

// At start-up the visible pane loads alone; the others start after its
// first answer, so they cannot hold back the first screen.
func TestVisiblePaneLoadsFirst(t *testing.T) {
	r := unstartedRoot(t, i18n.EN)
	first, ok := r.m.Init()().(firstLoadMsg)
	if !ok {
		t.Fatalf("Init's command gave %T, want the visible pane's first answer alone", first)
	}
	then := r.update(first)
	if v := r.m.View(); !strings.Contains(v, "1 of 8") || !strings.Contains(r.m.panes[3].View(), "Computing deadlines") {
		t.Fatalf("after the first answer the list should show and the calendar not have started:\n%s", v)
	}
	tuitest.Drain(t, r.update, then)
	if strings.Contains(r.m.panes[3].View(), "Computing deadlines") {
		t.Error("the calendar never loaded after the first screen")
	}
}

// After the first screen the other panes load one at a time, the calendar
// first; a pane brought into view before its turn starts loading at once.
// OnStarted's function is called once the last of them has answered.
func TestOtherPanesLoadOneAfterAnother(t *testing.T) {
	r := unstartedRoot(t, i18n.EN)
	started := 0
	r.m.OnStarted(func() { started++ })
	r.update(r.m.Init()())
	calendar, ok := r.update(loadOthersMsg{})().(backgroundLoadMsg)
	if !ok || !calendar.next || !slices.Equal(r.m.waiting, []paneID{clausesPane, subprocessorsPane, slaPane}) {
		t.Fatalf("loadOthers should start the calendar alone and queue the rest: %T %+v, waiting %v", calendar, calendar, r.m.waiting)
	}
	if !strings.Contains(r.m.panes[subprocessorsPane].View(), "Loading") {
		t.Fatalf("the sub-processors should still wait:\n%s", r.m.panes[subprocessorsPane].View())
	}
	now, ok := r.update(tuitest.Key("3"))().(backgroundLoadMsg)
	if !ok || now.next || !slices.Equal(r.m.waiting, []paneID{clausesPane, slaPane}) {
		t.Fatalf("bringing the sub-processors into view should load them at once: %T %+v, waiting %v", now, now, r.m.waiting)
	}
	tuitest.Drain(t, r.update, r.update(now))
	if v := r.m.View(); !strings.Contains(v, "Sub-processor") || strings.Contains(v, "Loading") {
		t.Errorf("the sub-processors should show:\n%s", v)
	}
	if started != 0 {
		t.Errorf("OnStarted's function was called %d times while the calendar was loading", started)
	}
	tuitest.Drain(t, r.update, r.update(calendar))
	if len(r.m.waiting) != 0 || strings.Contains(r.m.panes[calendarPane].View(), "Computing deadlines") {
		t.Errorf("every pane should have loaded, waiting %v", r.m.waiting)
	}
	if started != 1 {
		t.Errorf("OnStarted's function was called %d times after every pane loaded, want once", started)
	}
}

// A pane brought into view right after the first screen, before the queue
// has started, starts loading at once in the queue's place: the queue
// waits for its answer rather than load beside it.
func TestPaneInViewBeforeTheQueueLoadsAtOnce(t *testing.T) {
	r := unstartedRoot(t, i18n.EN)
	r.update(r.m.Init()())
	load := r.update(tuitest.Key("4"))
	if load == nil {
		t.Fatal("the calendar brought into view before the queue started did not start loading")
	}
	calendar, ok := load().(backgroundLoadMsg)
	if !ok || !calendar.next || !slices.Equal(r.m.waiting, []paneID{clausesPane, subprocessorsPane, slaPane}) {
		t.Fatalf("the calendar should load as the queue's load: %T %+v, waiting %v", calendar, calendar, r.m.waiting)
	}
	if cmd := r.update(loadOthersMsg{}); cmd != nil {
		t.Fatalf("the queue started beside the calendar's load: %T", cmd())
	}
	clauses, ok := r.update(calendar)().(tea.BatchMsg)
	if !ok || !strings.Contains(r.m.View(), "missed/overdue") || !slices.Equal(r.m.waiting, []paneID{subprocessorsPane, slaPane}) {
		t.Fatalf("the calendar's answer should show it and start the clauses' load: %T, waiting %v\n%s", clauses, r.m.waiting, r.m.View())
	}
}

// A click on an agreement's row selects it.
func TestClickSelectsARow(t *testing.T) {
	r := newRoot(t, i18n.EN)
	lines := strings.Split(r.m.View(), "\n")
	y := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Inera Kundavtal 2") })
	r.send(tea.MouseMsg{X: 10, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if !strings.Contains(r.m.View(), " 3 of 8 ") {
		t.Errorf("a click on the third row (line %d) should select it:\n%s", y, r.m.View())
	}
}

// A click on a day of the calendar's month selects that day.
func TestClickSelectsADay(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.key("4")
	lines := strings.Split(r.m.View(), "\n")
	y := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, " 10  11  12 ") })
	x := strings.Index(lines[y], " 12 ")
	r.send(tea.MouseMsg{X: ansi.StringWidth(lines[y][:x]) + 2, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if !strings.Contains(r.m.View(), "Th 12 November 2026") {
		t.Errorf("a click on the 12th should select it:\n%s", r.m.View())
	}
}

// The wheel over the agreement's detail scrolls the detail and leaves the
// selection where it is; over the list it moves the selection.
func TestWheelScrollsTheViewerUnderThePointer(t *testing.T) {
	r := newRoot(t, i18n.EN)
	lines := strings.Split(r.m.View(), "\n")
	y := len(lines) - 4 // the detail box, under the list at 100 columns
	before := r.m.View()
	r.send(tea.MouseMsg{X: 10, Y: y, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	after := r.m.View()
	if !strings.Contains(after, " 1 of 8 ") || after == before {
		t.Errorf("the wheel over the detail should scroll it, not move the list:\n%s", after)
	}
	r.send(tea.MouseMsg{X: 10, Y: y, Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if r.m.View() != before {
		t.Errorf("the wheel up should scroll the detail back:\n%s", r.m.View())
	}
}

// A click on a row selects it in every pane's lists: the clause tree, the
// agenda, the sub-processors' overview.
func TestClickSelectsARowInEveryPane(t *testing.T) {
	r := newRoot(t, i18n.EN)
	click := func(pane, text string) string {
		t.Helper()
		r.key(pane)
		lines := strings.Split(r.m.View(), "\n")
		y := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, text) })
		if y < 0 {
			t.Fatalf("pane %s shows no %q:\n%s", pane, text, r.m.View())
		}
		x := ansi.StringWidth(ansi.Strip(lines[y])[:strings.Index(ansi.Strip(lines[y]), text)])
		r.send(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		for _, l := range strings.Split(r.m.View(), "\n") {
			if strings.Contains(l, text) {
				return ansi.Strip(l)
			}
		}
		return ""
	}
	if l := click("2", "▸ Pureservice"); !strings.Contains(l, session.Cursor+" ▸ Pureservice") {
		t.Errorf("the clicked clause tree row is not selected: %q", l)
	}
	if l := click("4", "2027-09-01"); !strings.Contains(l, session.Cursor+"   2027-09-01") {
		t.Errorf("the clicked agenda row is not selected: %q", l)
	}
	if l := click("3", "!  SuperOffice"); !strings.Contains(l, session.Cursor+" !  SuperOffice") {
		t.Errorf("the clicked flag row is not selected: %q", l)
	}
}

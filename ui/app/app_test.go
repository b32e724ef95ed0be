package app

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/assets"
	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// program starts the real workbench over the sample register in a
// terminal of w×h.
func program(t *testing.T, lang i18n.Lang, w, h int) *teatest.TestModel {
	t.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	m := New(tuitest.Session(tuitest.Store(t, sample), lang))
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
}

// waitFor waits until the screen has shown every one of texts since the
// last wait.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	tuitest.WaitFor(t, tm, texts...)
}

func press(tm *teatest.TestModel, keys ...tea.KeyType) {
	for _, k := range keys {
		tm.Send(tea.KeyMsg{Type: k})
	}
}

// centuriPeriodEnd is the end of the sample Centuri agreement's term
// period that holds day.
func centuriPeriodEnd(t *testing.T, day time.Time) string {
	t.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sample {
		if p, ok := a.Term.CurrentPeriod(a.TermStart(), model.DateOf(day)); ok && a.ID == "centuri-saas" {
			return p.End.String()
		}
	}
	t.Fatal("the sample has no Centuri agreement with a term")
	return ""
}

func TestWorkbench(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		tm := program(t, i18n.EN, 100, 30)
		day := tuitest.Day(t)

		// The five sample agreements (and the call-offs of Kundavtal 2); at 100
		// columns the title column is 24 cells, so titles are cut after that.
		// Centuri's period (ending 2027-03-31 on 2026-11-24) is the one of the day.
		waitFor(t, tm, "Centuri SaaS", "Volymavtal Cleura", "Inera Kundavtal 2", "└ Nationell patientöver…",
			"Pureservice tjänsteavta…", "SuperOffice CRM Online", " 1 of 8 ", "scope: all", centuriPeriodEnd(t, day))

		// Every pane by number, then round the tabs both ways.
		panes := []struct{ key, text string }{
			{"2", "Press enter to open its documents"},
			{"3", "Open change notices"},
			{"4", day.Format("January 2006")},
			{"5", "‹ " + day.Format("January 2006") + " ›"}, // the SLA pane's "this month"
			{"1", "Centuri SaaS"},
		}
		for _, p := range panes {
			tm.Type(p.key)
			waitFor(t, tm, p.text)
		}
		press(tm, tea.KeyTab)
		waitFor(t, tm, "Press enter to open its documents")
		press(tm, tea.KeyShiftTab)
		waitFor(t, tm, "Centuri SaaS")
		press(tm, tea.KeyShiftTab)
		waitFor(t, tm, "with SLA terms")
		press(tm, tea.KeyTab)
		waitFor(t, tm, "Pureservice tjänsteavta…")

		// ? shows every global key and the pane's own.
		tm.Type("?")
		waitFor(t, tm, "next pane", "previous pane", "go to pane", "esc", "quit",
			"page down", "first", "last", "scope panes to it")
		tm.Type("?")
		waitFor(t, tm, "Volymavtal Cleura")

		// Scope to Kundavtal 2 (third row) and back.
		tm.Type("jj")
		waitFor(t, tm, " 3 of 8 ", "inera-kundavtal-2 · framework")
		press(tm, tea.KeyEnter)
		waitFor(t, tm, "scope: Inera Kundavtal 2", "Showing Inera Kundavtal 2 in every pane")
		tm.Type("3") // other panes keep the scope in sight
		waitFor(t, tm, "Sub-processors · Inera Kundavtal 2")
		tm.Type("1")
		press(tm, tea.KeyEsc)
		waitFor(t, tm, "all agreements", "Showing all agreements.")

		// Resize to 80×24: the layout is redone and the content still there.
		tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
		waitFor(t, tm, " 3 of 8 ", "Centuri SaaS", "Inera Kundavtal 2", "Period end", "? help")

		tm.Type("q")
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
		view := tm.FinalModel(t).View()
		checkFits(t, "after resize", view, 80, 24)
		if !strings.Contains(view, "Inera Kundavtal 2") || !strings.Contains(view, "Cancel by") {
			t.Errorf("at 80x24 the register should still show:\n%s", view)
		}
	})
}

func TestWorkbenchInSwedish(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		tm := program(t, i18n.SV, 100, 30)
		waitFor(t, tm, "1 Avtal", "2 Klausuler", "3 Underbiträden", "4 Kalender", " 1 av 8 ", "urval: alla",
			"Leverantör", "Säg upp senast", "tills vidare", "när som helst", "? hjälp", "q avsluta")
		tm.Type("2")
		waitFor(t, tm, "Tryck enter för att öppna dokument")
		tm.Type("1?")
		waitFor(t, tm, "föregående flik", "gå till flik", "sida ner")
		tm.Type("?")
		press(tm, tea.KeyEnter)
		waitFor(t, tm, "urval: Centuri SaaS", "Visar Centuri SaaS")
		press(tm, tea.KeyCtrlC)
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	})
}

package app

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/ui/i18n"
)

// TestSLAPane drives the real workbench to the SLA pane, records an
// incident through its form and sees the credit it gives.
func TestSLAPane(t *testing.T) {
	tm := program(t, i18n.EN, 100, 30)
	waitFor(t, tm, "Centuri SaaS")
	tm.Type("5")
	waitFor(t, tm, "SLA · Centuri SaaS", "‹ November 2026 ›", "1 of 2 with SLA terms", "No incidents this month")
	tm.Type("]")
	waitFor(t, tm, "SLA · Pureservice tjänsteavtal", "Uptime 100.0000 %")

	// The form takes every key while it is open: q and 1–5 are text.
	tm.Type("a")
	waitFor(t, tm, "Add an incident", "Start*")
	tm.Type("2026-11-10 10:00")
	press(tm, tea.KeyTab)
	tm.Type("2026-11-10 13:37")
	press(tm, tea.KeyTab)
	tm.Type("q5") // on the planned picker: neither quits nor switches pane
	waitFor(t, tm, "◂ no ▸")
	press(tm, tea.KeyCtrlS)

	// 217 of 43 200 minutes: 99.4977 %, 25 % of 4 500 = 1 125 SEK, claim
	// within 4 weeks of 10 November, 14 days from today.
	waitFor(t, tm, "Uptime 99.4977 %", "Credit 1 125 SEK", "14 days left", "Incident saved.")
	tm.Type("h")
	waitFor(t, tm, "‹ October 2026 ›", "No incidents this month")

	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	view := tm.FinalModel(t).View()
	checkFits(t, "SLA pane at 80x24", view, 80, 24)
}

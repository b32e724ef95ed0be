package subprocs_test

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/ui/app"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// TestWorkbenchSubProcessors drives the real workbench: pane 3 over the
// sample register, then scoped to SuperOffice (its DPA still cites
// Privacy Shield) and to Centuri (FourEdge AB, objection within 14 days).
func TestWorkbenchSubProcessors(t *testing.T) {
	c := tuitest.Session(tuitest.SampleStore(t), i18n.EN)
	tm := teatest.NewTestModel(t, app.New(c), teatest.WithInitialTermSize(100, 30))
	waitFor := func(texts ...string) {
		t.Helper()
		tuitest.WaitFor(t, tm, texts...)
	}

	waitFor("Centuri SaaS", " 1 of 8 ")
	tm.Type("3")
	waitFor("Sub-processors · all agreements", "Open change notices (0)", "Agreements to look at (2)", "The DPA names Privacy Shield")

	// SuperOffice is the last agreement of the register.
	tm.Type("1")
	tm.Type("G")
	waitFor(" 8 of 8 ")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("Showing SuperOffice CRM Online")
	tm.Type("3")
	waitFor("Sub-processors · SuperOffice", "object within 1 month", "!! The DPA names Privacy Shield as a transfer basis",
		"The sub-processor list at https://www.superoffice.se/integritetscenter/ was last")

	// Centuri is the first.
	tm.Type("1")
	tm.Type("g")
	waitFor(" 1 of 8 ")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("Showing Centuri SaaS")
	tm.Type("3")
	waitFor("Sub-processors · Centuri", "FourEdge AB", "556726-8106", "object within 14 days · silence accepts")

	// Record a notice and see its deadline: 2026-11-24 + 14 days = 2026-12-08.
	tm.Type("n")
	waitFor("Record a change notice for Centuri")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Type("Backup Partner AB")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Type("SE")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor("Recorded the notice on Backup", "Backup Partner AB              2026-12-08 2026-12-08 14 d   open")

	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

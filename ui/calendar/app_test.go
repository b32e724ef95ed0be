package calendar_test

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/assets"
	"avtal/ui/app"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// TestCalendarInTheWorkbench drives the real workbench to the Calendar
// pane on the sample register, marks Centuri's missed window done and
// jumps to the agreement.
func TestCalendarInTheWorkbench(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	m := app.New(tuitest.Session(tuitest.Store(t, sample), i18n.EN))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))

	// The start-up summary reaches the status bar from the pane's first
	// computation, before the pane is even shown.
	tuitest.WaitFor(t, tm, "2 missed windows")
	tm.Type("4")
	tuitest.WaitFor(t, tm, "November 2026", "Missed and overdue (2)", "Tu 24 November 2026 · today", "Indexation")

	// Into the agenda, up to Centuri's missed cancel-by date (the most
	// recent, on top), explain it.
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Type("kk")
	tuitest.WaitFor(t, tm, "September 2026")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tuitest.WaitFor(t, tm, "6 months before = 2026-09-30", "missed")

	// Mark it done with a comment: the form, then the explanation says done.
	tm.Type("d")
	tuitest.WaitFor(t, tm, "Mark done: Termination notice")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Type("decided to renew")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tuitest.WaitFor(t, tm, "Marked done: Termination notice", "done 2026-11-24", "decided to renew")

	// enter on the explanation scopes every pane to the agreement.
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tuitest.WaitFor(t, tm, "scope: Centuri SaaS", "Agenda · Centuri SaaS")

	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

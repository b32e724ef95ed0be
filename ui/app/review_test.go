package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/assets"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// From the review after an import, enter shows the clause a proposal
// cites in the Clauses pane, scoped to the new agreement; the review is
// still open behind it on pane 1.
func TestReviewShowsTheCitedClause(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	c := tuitest.Session(tuitest.Store(t, sample), i18n.EN)
	c.LocalFiles = true
	path := filepath.Join(t.TempDir(), "terms.txt")
	text := "TERMS OF DELIVERY\n\n1. Scope\nThe delivery covers running the system.\n\n2. Payment\nThe customer pays each invoice within 30 days of the invoice date.\n\n3. Other\nNothing else applies.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, New(c), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Centuri SaaS")
	tm.Type("i")
	waitFor(t, tm, "Import an agreement document")
	tm.Type(path)
	press(tm, tea.KeyCtrlS)
	waitFor(t, tm, "Proposals for TERMS OF DELIVERY", "Payment 30 days after the invoice date")
	press(tm, tea.KeyEnter)
	waitFor(t, tm, "scope: TERMS OF DELIVERY", "›     2 Payment", "The customer pays each invoice within 30 days")
	tm.Type("1")
	waitFor(t, tm, "Proposals for TERMS OF DELIVERY")
	tm.Type("?")
	waitFor(t, tm, "show the clause in Clauses")
	tm.Type("?")
	press(tm, tea.KeyEsc)
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

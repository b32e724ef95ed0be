package app

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"avtal/ui/i18n"
)

// TestEditAnAgreementsFields drives the real workbench: e on an agreement
// opens its fields, a refused value is named at its field, a saved one
// shows in the review of the same agreement.
func TestEditAnAgreementsFields(t *testing.T) {
	tm := program(t, i18n.EN, 100, 34)
	waitFor(t, tm, "Centuri SaaS", " 1 of 8 ")

	tm.Type("e")
	waitFor(t, tm, "Edit Centuri SaaS", "Until further notice", "Governing law")
	for range 9 { // to the renewal
		press(tm, tea.KeyTab)
	}
	press(tm, tea.KeyCtrlU)
	tm.Type("0 months")
	press(tm, tea.KeyTab)
	waitFor(t, tm, "must be longer than zero")
	press(tm, tea.KeyShiftTab, tea.KeyCtrlU)
	tm.Type("2 years")
	for range 6 { // to the owner
		press(tm, tea.KeyTab)
	}
	press(tm, tea.KeyCtrlU)
	tm.Type("Kim Berg")
	press(tm, tea.KeyCtrlS)
	waitFor(t, tm, "Saved centuri-saas")

	tm.Type("P")
	waitFor(t, tm, "Proposals for Centuri SaaS", "Owner: Kim Berg", "renews by 2 years")
	press(tm, tea.KeyEsc)
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

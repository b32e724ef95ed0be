package app

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/common"
	"avtal/ui/i18n"
)

// In the calendar, esc goes back one level and keeps the scope; only esc
// on the month itself drops it.
func TestCalendarEscGoesBackBeforeUnscoping(t *testing.T) {
	r := newRoot(t, i18n.EN)
	r.send(common.ScopeMsg{ID: "centuri-saas", Title: "Centuri SaaS"})
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

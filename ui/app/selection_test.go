package app

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// markedRows returns the rows of view that carry the cursor marker in a
// list's cursor column: right after a box's edge and padding.
func markedRows(view string) []string {
	var rows []string
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "│ › ") {
			rows = append(rows, line)
		}
	}
	return rows
}

// Without colour (NO_COLOR, a monochrome terminal: the ASCII profile, where
// lipgloss drops every style) the selected row of every list must still be
// told apart: one row carries the marker, and moving down moves it.
func TestSelectionShowsWithoutColour(t *testing.T) {
	st := tuitest.SampleStore(t)
	// Two incidents in Centuri's November, so the SLA pane lists rows.
	for _, day := range []int{10, 17} {
		inc := &model.Incident{AgreementID: "centuri-saas",
			Start: time.Date(2026, 11, day, 10, 0, 0, 0, time.UTC), End: time.Date(2026, 11, day, 11, 0, 0, 0, time.UTC)}
		if _, err := st.AddIncident(context.Background(), inc); err != nil {
			t.Fatal(err)
		}
	}
	r := &root{t: t, m: New(tuitest.Session(st, i18n.EN))}
	r.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tuitest.Drain(t, r.update, r.m.Init())

	panes := []struct {
		name  string
		keys  []string // from the pane's tab to its list
		first string   // text of the first selected row
	}{
		{"agreements", []string{"1"}, "Centuri AB"},
		{"clauses", []string{"2"}, "Centuri SaaS"},
		{"sub-processors", []string{"3"}, "SuperOffice CRM O"},
		{"calendar agenda", []string{"4", "enter"}, "2027-01-01"}, // the first after today (an indexation keeps its date),
		{"SLA incidents", []string{"5"}, "2026-11-10 11:00"},      // 10:00 UTC in Stockholm,
	}
	for _, p := range panes {
		for _, k := range p.keys {
			r.send(tuitest.Key(k))
		}
		before := markedRows(r.m.View())
		if len(before) != 1 || !strings.Contains(before[0], p.first) {
			t.Errorf("%s: want one marked row holding %q, got %q\n%s", p.name, p.first, before, r.m.View())
			continue
		}
		r.key("j")
		after := markedRows(r.m.View())
		if len(after) != 1 || after[0] == before[0] {
			t.Errorf("%s: after j want one marked row other than %q, got %q\n%s", p.name, before[0], after, r.m.View())
		}
	}
}

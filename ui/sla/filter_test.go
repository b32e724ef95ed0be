package sla

import (
	"strings"
	"testing"

	"avtal/ui/i18n"
)

func TestFilterHidesIncidentsAndActsOnTheFilteredOne(t *testing.T) {
	p := samplePane(t, i18n.EN, 120, 30, false)
	p.scope("pureservice")
	p.addIncident("2026-11-03 09:00", "2026-11-03 09:30", "n", "n", "", "disk full on node two")
	p.addIncident("2026-11-10 10:00", "2026-11-10 11:00", "n", "n", "", "login fails")
	p.addIncident("2026-11-20 08:00", "2026-11-20 08:45", "n", "n", "", "Dïsk swapped")

	p.keys("/")
	if !p.m.Capturing() {
		t.Fatal("/ did not open the filter field")
	}
	p.keys("disk")
	p.shows("/ disk", "disk full on node two", "swapped")
	if strings.Contains(p.m.View(), "login fails") {
		t.Errorf("login fails is not hidden:\n%s", p.m.View())
	}
	p.keys("enter")
	if p.m.Capturing() || !p.m.BelowTop() {
		t.Fatalf("enter: capturing %v, below top %v; want the filter kept", p.m.Capturing(), p.m.BelowTop())
	}
	p.shows("Incidents: 2 of 3 matching “disk”")
	// The second filtered row is the 20 November incident: d deletes that one.
	p.keys("down", "d")
	p.shows("Delete the incident 2026-11-20 08:00–08:45?")
	p.keys("y")
	p.shows("Incidents: 1 of 2 matching “disk”")
	left := p.incidents("pureservice")
	if len(left) != 2 || left[0].Description != "disk full on node two" || left[1].Description != "login fails" {
		t.Errorf("left %+v, want the 20 November incident deleted", left)
	}

	p.keys("esc")
	if p.m.BelowTop() {
		t.Error("esc kept the filter")
	}
	p.shows("Incidents (2)", "login fails")

	p.keys("/", "nothing like it")
	p.shows("No incident this month matches “nothing like it”")
	p.keys("esc")
	if p.m.Capturing() || p.m.BelowTop() {
		t.Error("esc while typing must drop the filter")
	}
}

// TestSortAndClick: s orders the incidents by length, then by the minutes
// counted, keeping the one selected; a click selects the incident under
// the pointer, and e edits that one.
func TestSortAndClick(t *testing.T) {
	p := samplePane(t, i18n.EN, 120, 30, false)
	p.scope("pureservice")
	p.addIncident("2026-11-03 09:00", "2026-11-03 09:30", "n", "n", "", "half an hour")
	p.addIncident("2026-11-10 10:00", "2026-11-10 12:00", "n", "n", "", "two hours")
	p.addIncident("2026-11-20 08:00", "2026-11-20 09:00", "n", "n", "", "one hour")

	order := func() []string {
		var got []string
		for _, line := range strings.Split(p.m.View(), "\n") {
			for _, d := range []string{"half an hour", "two hours", "one hour"} {
				if strings.Contains(line, d) {
					got = append(got, d)
				}
			}
		}
		return got
	}
	if got := strings.Join(order(), ", "); got != "half an hour, two hours, one hour" {
		t.Fatalf("own order: %s", got)
	}
	p.keys("g", "s")
	if p.status != "Sorted by Length" {
		t.Errorf("status %q, want the column sorted by", p.status)
	}
	if got := strings.Join(order(), ", "); got != "two hours, one hour, half an hour" {
		t.Fatalf("by length: %s", got)
	}
	if sel := p.m.selected(); sel == nil || sel.Description != "half an hour" {
		t.Fatalf("sorting must keep the incident selected, got %+v", sel)
	}
	// The rows: find the line of "one hour" in the view and click it.
	for y, line := range strings.Split(p.m.View(), "\n") {
		if strings.Contains(line, "one hour") {
			p.run(p.m.Click(10, y))
		}
	}
	if sel := p.m.selected(); sel == nil || sel.Description != "one hour" {
		t.Fatalf("a click must select the row clicked, got %+v", sel)
	}
	p.keys("s", "s")
	if got := strings.Join(order(), ", "); got != "half an hour, two hours, one hour" {
		t.Fatalf("s cycles back to the own order: %s", got)
	}
}

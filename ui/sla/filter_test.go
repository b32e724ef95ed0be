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

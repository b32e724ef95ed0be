package slacredit

import (
	"testing"
	"time"

	"avtal/model"
)

// stockholm is loaded from the zone data embedded by zone.go, so the tests
// pass on machines without a system zone database.
var stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at reads a Stockholm local time, "2026-11-10T16:00".
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02T15:04", s, stockholm)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// down is an unplanned incident between two Stockholm local times.
func down(t testing.TB, start, end string) model.Incident {
	t.Helper()
	return model.Incident{Start: at(t, start), End: at(t, end)}
}

// planned is a planned-maintenance incident between two Stockholm local times.
func planned(t testing.TB, start, end string) model.Incident {
	i := down(t, start, end)
	i.Planned = true
	return i
}

// preset returns the terms of a preset that must exist.
func preset(t testing.TB, name string) model.SLATerms {
	t.Helper()
	p, ok := PresetByName(name)
	if !ok {
		t.Fatalf("no preset %q", name)
	}
	return p.Terms
}

// month parses "2026-11".
func month(t testing.TB, s string) Month {
	t.Helper()
	m, err := ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sek is an amount in whole kronor.
func sek(n int64) model.Amount { return model.Amount(n * 100) }

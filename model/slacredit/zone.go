package slacredit

import (
	"time"

	// The zone database is embedded so that Europe/Stockholm, with its summer
	// time, resolves the same on a laptop, in CI and in a scratch container.
	_ "time/tzdata"

	"avtal/model"
)

// DefaultTZ is the time zone of a window that names none: Swedish agreements
// mean Swedish local time.
const DefaultTZ = "Europe/Stockholm"

// Location returns the time zone a window is measured in.
func Location(w model.Window) (*time.Location, error) {
	name := w.TZ
	if name == "" {
		name = DefaultTZ
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, model.Refuse("tz_unknown", "%q is not a known time zone", name).On("window.tz")
	}
	return loc, nil
}

// Zone is the time zone an agreement's incidents are read and shown in: the
// one its SLA window names, else Swedish time (no terms, no zone named, or
// one this build does not know), so a time can always be placed.
func Zone(terms *model.SLATerms) *time.Location {
	if terms != nil {
		if loc, err := Location(terms.Window); err == nil {
			return loc
		}
	}
	loc, _ := Location(model.Window{}) // DefaultTZ is in the embedded database
	return loc
}

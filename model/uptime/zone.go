package uptime

import (
	"fmt"
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
		return nil, &model.FieldError{Field: "window.tz", Msg: fmt.Sprintf("%q is not a known time zone", name)}
	}
	return loc, nil
}

package deadlines

import (
	"errors"
	"testing"

	"avtal/model"
)

func TestCheckSnooze(t *testing.T) {
	today := model.MustDate(2026, 11, 24)
	tests := []struct {
		until model.Date
		ok    bool
	}{
		{model.MustDate(2026, 11, 25), true},  // tomorrow
		{model.MustDate(2027, 1, 1), true},    // next year
		{model.Date{}, true},                  // woken
		{model.MustDate(2026, 11, 24), false}, // over today
		{model.MustDate(2026, 11, 1), false},  // over already
	}
	for _, tt := range tests {
		err := CheckSnooze(tt.until, today)
		var se *SnoozeError
		if tt.ok && err != nil || !tt.ok && (!errors.As(err, &se) || se.Today != today || err.Error() != "must be after today (2026-11-24)") {
			t.Errorf("until %s: %v, want ok %v", tt.until, err, tt.ok)
		}
	}
}

package deadlines

import (
	"fmt"

	"avtal/model"
)

// SnoozeError refuses a snooze that would be over by today: the snooze
// must last until a day after Today.
type SnoozeError struct{ Today model.Date }

func (e *SnoozeError) Error() string { return fmt.Sprintf("must be after today (%s)", e.Today) }

// CheckSnooze checks a snooze of a deadline until the day until: it keeps
// the deadline quiet from today, so it lasts until a day after today. The
// zero day takes a snooze back and is always allowed. The store runs it on
// every snooze, so the CLI and the calendar refuse the same days.
func CheckSnooze(until, today model.Date) error {
	if !until.IsZero() && !until.After(today) {
		return &SnoozeError{Today: today}
	}
	return nil
}

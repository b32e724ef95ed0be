package deadlines

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"avtal/model"
	"avtal/model/subproc"
)

// Event is something the user recorded that deadline rules count from: a
// notice received, a downtime, a delivery, a termination, new terms coming
// into force. Rules anchored at "event:NAME" count from every event of that
// name.
type Event struct {
	Name string
	Date model.Date
	// Ref says what the event concerns (an incident number, a letter), so
	// two deadlines from two events can be told apart in the explanation.
	Ref  string
	Note string
}

// EventTermination is the event of giving notice of termination. Once it is
// recorded the agreement stops renewing: its last period is the one whose
// cancel-by date the notice met.
const EventTermination = "termination"

// Record is what the user has recorded about one agreement.
type Record struct {
	Events []Event
	// Done holds the keys (model.Deadline.Key) of deadlines marked done.
	Done map[string]bool
	// Notices are the sub-processor change notices still undecided, and
	// Policy the agreement's sub-processor policy (nil when it states none).
	// Each notice is its own objection deadline, computed from the policy
	// by subproc.Evaluate as the notice check computes it.
	Notices []subproc.Notice
	Policy  *model.SubPolicy
}

// Terminated returns the day notice of termination was given (the earliest
// termination event), and false when none is recorded.
func (r Record) Terminated() (model.Date, bool) {
	var first model.Date
	for _, e := range r.Events {
		if e.Name == EventTermination && (first.IsZero() || e.Date.Before(first)) {
			first = e.Date
		}
	}
	return first, !first.IsZero()
}

// EventNames returns the names of the events an agreement's deadlines can
// count from: termination, which every agreement can record, then each
// event its rules anchor on, once, in rule order. Recording any other
// event would change no deadline (nor would a notice_received event for a
// rule that follows the sub-processor policy: notices are recorded as
// notices).
func EventNames(a *model.Agreement) []string {
	names := []string{EventTermination}
	for i := range a.Rules {
		if e := a.Rules[i].Anchor.Event(); e != "" && !a.Rules[i].FollowsPolicy() && !slices.Contains(names, e) {
			names = append(names, e)
		}
	}
	return names
}

// eventName is what an event name looks like: the part after "event:" in a
// rule's anchor.
var eventName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`) })

// CheckEvent checks an event to record for agreement a and returns it
// trimmed: a name of lower-case letters, digits and _, a date, and a name
// one of a's deadlines counts from (EventNames), since any other is most
// likely a typo and would change nothing. The store runs it inside the
// write's transaction, so the CLI and the calendar refuse the same events.
func CheckEvent(a *model.Agreement, e Event) (Event, error) {
	e.Name, e.Ref, e.Note = strings.TrimSpace(e.Name), strings.TrimSpace(e.Ref), strings.TrimSpace(e.Note)
	switch {
	case !eventName().MatchString(e.Name):
		return e, model.Refuse("event_name", "event %q: a name is lower-case letters, digits and _ (termination, notice_received, downtime)", e.Name)
	case e.Date.IsZero():
		return e, model.Refuse("event_date", "event %s: the date is missing", e.Name)
	}
	if names := EventNames(a); !slices.Contains(names, e.Name) {
		return e, model.Refuse("event_unknown", "no deadline of %s counts from the event %q; it knows %s", a.ID, e.Name, strings.Join(names, ", "))
	}
	return e, nil
}

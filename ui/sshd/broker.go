package sshd

import (
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/session"
)

// queueLen is how many changes may wait for a busy session before they are
// folded into one "reload everything".
const queueLen = 16

// Sender is what the broker delivers to: a session's *tea.Program.
type Sender interface{ Send(tea.Msg) }

// Broker relays register changes between the sessions sharing one store:
// a write in one session reaches every other session's program as a
// session.ChangedMsg, and its panes reload.
type Broker struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// NewBroker returns a broker without subscribers.
func NewBroker() *Broker { return &Broker{subs: map[*Subscription]struct{}{}} }

// Subscription is one session's place in the broker.
type Subscription struct {
	b        *Broker
	queue    chan session.ChangedMsg
	overflow atomic.Bool
}

// Subscribe starts delivering other sessions' changes to p. Delivery runs
// in its own goroutine, so a session whose client stopped reading never
// holds up the writer or the others.
func (b *Broker) Subscribe(p Sender) *Subscription {
	s := &Subscription{b: b, queue: make(chan session.ChangedMsg, queueLen)}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	go s.deliver(p)
	return s
}

func (s *Subscription) deliver(p Sender) {
	for msg := range s.queue {
		p.Send(msg)
		if s.overflow.Swap(false) {
			// Some changes did not fit in the queue: an empty ChangedMsg
			// makes every pane reload whatever it shows.
			p.Send(session.ChangedMsg{})
		}
	}
}

// Publish tells every other subscriber about msg. It never blocks. It is
// the session's session.State.Notify.
func (s *Subscription) Publish(msg session.ChangedMsg) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	for other := range s.b.subs {
		if other == s {
			continue
		}
		select {
		case other.queue <- msg:
		default:
			other.overflow.Store(true)
		}
	}
}

// Close ends the subscription; changes already queued are still delivered
// (a finished program ignores them).
func (s *Subscription) Close() {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	if _, ok := s.b.subs[s]; ok {
		delete(s.b.subs, s)
		close(s.queue)
	}
}

package sshd

import (
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/session"
)

// recorder is a program's model that hands every ChangedMsg to got.
type recorder struct{ got chan session.ChangedMsg }

func (r recorder) Init() tea.Cmd { return nil }
func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(session.ChangedMsg); ok {
		r.got <- m
	}
	return r, nil
}
func (r recorder) View() string { return "" }

// runProgram runs a headless program like a session's.
func runProgram(t *testing.T) (*tea.Program, chan session.ChangedMsg) {
	t.Helper()
	got := make(chan session.ChangedMsg, 8)
	p := tea.NewProgram(recorder{got}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	done := make(chan struct{})
	go func() { p.Run(); close(done) }()
	t.Cleanup(func() { p.Quit(); <-done })
	return p, got
}

func receive(t *testing.T, who string, got chan session.ChangedMsg) session.ChangedMsg {
	t.Helper()
	select {
	case m := <-got:
		return m
	case <-time.After(deadline):
		t.Fatalf("%s never received the change", who)
	}
	return session.ChangedMsg{}
}

func TestBrokerRelaysAWriteToEveryOtherSession(t *testing.T) {
	b := NewBroker()
	pa, gotA := runProgram(t)
	pb, gotB := runProgram(t)
	pw, gotW := runProgram(t)
	b.Subscribe(pa)
	b.Subscribe(pb)
	writer := b.Subscribe(pw)

	change := session.ChangedMsg{AgreementID: "inera-npo", Entity: "note"}
	writer.Publish(change)
	if m := receive(t, "a", gotA); m != change {
		t.Errorf("a got %+v, want %+v", m, change)
	}
	if m := receive(t, "b", gotB); m != change {
		t.Errorf("b got %+v, want %+v", m, change)
	}
	// The writer reloads on its own; the broker does not echo.
	writer.Close()
	select {
	case m := <-gotW:
		t.Errorf("the writer got its own change back: %+v", m)
	default:
	}
}

// blocked is a session whose program does not take messages until released.
type blocked struct {
	release chan struct{}
	got     chan tea.Msg
}

func (b *blocked) Send(msg tea.Msg) { <-b.release; b.got <- msg }

func TestBrokerNeverWaitsForASlowSession(t *testing.T) {
	b := NewBroker()
	slow := &blocked{release: make(chan struct{}), got: make(chan tea.Msg, 2*queueLen)}
	b.Subscribe(slow)
	writer := b.Subscribe(&blocked{})

	// queueLen+5 changes while slow takes none: at most one waits in Send
	// and queueLen in the queue, so some overflow. Publish must not wait.
	published := make(chan struct{})
	go func() {
		for i := 0; i < queueLen+5; i++ {
			writer.Publish(session.ChangedMsg{AgreementID: "a"})
		}
		close(published)
	}()
	select {
	case <-published:
	case <-time.After(deadline):
		t.Fatal("Publish waited for a session that takes no messages")
	}
	close(slow.release)
	// What overflowed comes back as one empty ChangedMsg: reload everything.
	kept, reload := 0, false
	for !reload || len(slow.got) > 0 {
		select {
		case m := <-slow.got:
			switch m {
			case session.ChangedMsg{}:
				reload = true
			case session.ChangedMsg{AgreementID: "a"}:
				kept++
			default:
				t.Fatalf("unexpected %+v", m)
			}
		case <-time.After(deadline):
			t.Fatalf("no reload after the overflow (kept %d)", kept)
		}
	}
	if kept > queueLen+1 {
		t.Errorf("%d changes delivered one by one; at most %d fit", kept, queueLen+1)
	}
}

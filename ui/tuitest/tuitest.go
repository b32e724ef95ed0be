// Package tuitest holds what the UI tests share: a register on a real SQLite
// file in a temporary folder, a session that renders plain ASCII on a fixed
// day, and a loop that runs commands synchronously the way the Bubble Tea
// runtime would, so panes can be tested through Update alone.
package tuitest

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"avtal/assets"
	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// Today is the fixed day every test session lives on: after Centuri's
// cancel-by date 2026-09-30 and before its period end 2027-03-31.
var Today = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

// Days are the days the date-proof tests run on: Today, a day years
// away, and a leap day.
var Days = []time.Time{
	Today,
	time.Date(2031, time.March, 1, 9, 0, 0, 0, time.UTC),
	time.Date(2028, time.February, 29, 9, 0, 0, 0, time.UTC),
}

// days holds the day of each test EachDay runs (*testing.T → time.Time).
var days sync.Map

// EachDay runs test once on each of Days, as subtests named by the date.
// In them Day, Store and Session live on that day, so a test whose
// expected dates come from Day(t) proves it holds on any day.
func EachDay(t *testing.T, test func(t *testing.T)) {
	for _, day := range Days {
		t.Run(day.Format(time.DateOnly), func(t *testing.T) {
			days.Store(t, day)
			t.Cleanup(func() { days.Delete(t) })
			test(t)
		})
	}
}

// Day is the day t lives on: the one EachDay gave it, or else Today.
func Day(t testing.TB) time.Time {
	if day, ok := days.Load(t); ok {
		return day.(time.Time)
	}
	return Today
}

// Store opens a new register in t's temporary folder holding list, on a
// clock that stands still on Day(t), and closes it when the test ends.
func Store(t testing.TB, list []*model.Agreement) *store.Store {
	t.Helper()
	ctx := context.Background()
	day := Day(t)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "avtal.db"), store.WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	return st
}

// Session returns a session over st in lang that renders without colour
// (so assertions see the text only) and lives on st's clock: one clock for
// the panes and the timestamps they write.
func Session(st *store.Store, lang i18n.Lang) *session.State {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := session.New(r, st, lang, st.Clock())
	c.StatusLife = 0 // Drain runs commands in turn: it would wait out every fade
	return c
}

// maxMessages stops Drain on a command that keeps producing messages (a
// ticker), which would otherwise loop forever.
const maxMessages = 10000

// Drain runs cmd, hands every message it produces to update, and runs the
// commands update returns in turn, until nothing is left. Batches are
// unpacked; quitting ends nothing here, as the test decides when to stop.
func Drain(t testing.TB, update func(tea.Msg) tea.Cmd, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > maxMessages {
			t.Fatalf("commands still producing messages after %d; a ticker?", maxMessages)
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, update(msg))
		}
	}
}

// WaitFor waits until the program's screen has shown every one of texts
// since the last wait. The renderer only repaints lines that changed, so
// each text must be on a line the last step changed.
func WaitFor(t testing.TB, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(out, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// keyTypes are the named keys Key knows.
var keyTypes = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
	"right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "ctrl+s": tea.KeyCtrlS,
}

// Key returns the key message for a key name ("enter", "shift+tab",
// "ctrl+s") or, for anything else, the runes typed.
func Key(name string) tea.KeyMsg {
	if t, ok := keyTypes[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Said is what a pane said to the root during a test: the status texts
// (announcements among them), the errors and the scopes it asked for.
type Said struct {
	Status []string
	Errs   []error
	Scopes []session.ScopeMsg
}

// Relay hands msg to the pane's update the way the root would, noting
// what is said to the root: a status or an error stops there, a scope goes
// on to the pane as the root broadcasts it.
func (s *Said) Relay(msg tea.Msg, update func(tea.Msg) tea.Cmd) tea.Cmd {
	switch msg := msg.(type) {
	case session.StatusMsg:
		s.Status = append(s.Status, msg.Text)
		return nil
	case session.AnnounceMsg:
		s.Status = append(s.Status, msg.Text)
		return nil
	case session.ErrMsg:
		s.Errs = append(s.Errs, msg.Err)
		return nil
	case session.ScopeMsg:
		s.Scopes = append(s.Scopes, msg)
	}
	return update(msg)
}

// SampleStore opens a new register holding the embedded sample register.
func SampleStore(t testing.TB) *store.Store {
	t.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	return Store(t, sample)
}

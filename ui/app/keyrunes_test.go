package app

import (
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// Bubble Tea gives every space key one package-level slice of runes, and
// the text inputs clean a key's runes in place. Two sessions of one SSH
// server typing a space into a search at once must not write to one slice
// together (go test -race finds it, as it once did in the SSH tests).
func TestSessionsTypingSpacesShareNoRunes(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	st := tuitest.Store(t, sample)
	space := []rune{' '} // as Bubble Tea's own, one slice for every key
	var wg sync.WaitGroup
	for range 2 {
		m := New(tuitest.Session(st, i18n.EN))
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, k := range []string{"2", "/"} { // the Clauses pane's search
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
		wg.Go(func() {
			for range 200 {
				m.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: space})
			}
		})
	}
	wg.Wait()
}

// Keys typed faster than they are read come as one message of several
// runes: the screen must end as it does when each key comes alone.
func TestABurstOfKeysActsAsEachKey(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	st := tuitest.Store(t, sample)
	screen := func(keys ...string) string {
		m := New(tuitest.Session(st, i18n.EN))
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, k := range keys {
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
		return m.View()
	}
	alone := screen("2", "/", "a", "b", "c")
	if !strings.Contains(alone, "abc") {
		t.Fatalf("typed one by one, the search does not hold abc:\n%s", alone)
	}
	if burst := screen("2", "/abc"); burst != alone {
		t.Errorf("typed in one burst:\n%s\nwant as one by one:\n%s", burst, alone)
	}
}

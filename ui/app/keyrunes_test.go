package app

import (
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

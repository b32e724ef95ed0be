package agreements

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Scrolling through a large register keeps a bounded number of agreements
// for the detail view, not every one the cursor passed.
func TestDetailCacheIsBounded(t *testing.T) {
	p := newPane(t, bigRegister(), 100, 30)
	p.press(tea.KeyMsg{Type: tea.KeyDown}, 150) // 151 agreements selected in turn
	if n := len(p.m.details); n == 0 || n > maxDetails {
		t.Errorf("%d agreements kept for the detail view, want 1 to %d", n, maxDetails)
	}
	if _, ok := p.m.details[p.m.selectedID()]; !ok {
		t.Errorf("the selected agreement %s is not among them", p.m.selectedID())
	}
}

package app

import (
	"testing"

	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// countedPane counts the views drawn of the pane it wraps.
type countedPane struct {
	session.Pane
	views int
}

func (p *countedPane) View() string {
	p.views++
	return p.Pane.View()
}

// The root draws a pane again only once the pane has been told something:
// a message for nobody in it, or a switch away and back, shows the view
// kept; a key for the pane draws it anew.
func TestPaneViewKeptUntilTold(t *testing.T) {
	r := newRoot(t, i18n.EN)
	p := &countedPane{Pane: r.m.panes[agreementsPane]}
	r.m.panes[agreementsPane] = p
	r.m.tell(agreementsPane)
	first := r.m.View()
	r.send(fadeMsg{seq: -1}) // fades nothing: no pane hears it
	r.send(tuitest.Key("2"))
	r.m.View()
	r.send(tuitest.Key("1"))
	if got := r.m.View(); got != first || p.views != 1 {
		t.Fatalf("after a message for nobody and a switch back: %d views drawn, want 1 (frame the same: %v)", p.views, got == first)
	}
	r.send(tuitest.Key("j"))
	if got := r.m.View(); got == first || p.views != 2 {
		t.Errorf("after a key for the pane: %d views drawn, want 2 (frame changed: %v)", p.views, got != first)
	}
}

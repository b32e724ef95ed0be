package common

import (
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// In ASCII the renderer draws no style, so the marker alone tells the
// selected row apart; in colour the row keeps the marker too. Either way
// the row is exactly the list's width.
func TestListRowMarksTheSelectionInText(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(profile)
		s := NewStyles(r)
		line := s.Warn.Render("2026-12-30 Indexation") // 21 cells
		sel, other := s.ListRow(line, 30, true), s.ListRow(line, 30, false)
		if got := ansi.Strip(sel); got != "› 2026-12-30 Indexation       " {
			t.Errorf("profile %v: selected %q", profile, got)
		}
		if got := ansi.Strip(other); got != "  2026-12-30 Indexation" {
			t.Errorf("profile %v: not selected %q", profile, got)
		}
		if w := ansi.StringWidth(sel); w != 30 {
			t.Errorf("profile %v: selected row is %d cells, want 30", profile, w)
		}
	}
}

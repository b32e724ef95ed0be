package app

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// stack draws the frame as the App style's Height and MaxHeight and
// lipgloss.JoinVertical drew it.
func TestStackDrawsAsLipgloss(t *testing.T) {
	mains := []string{
		"",
		"one line",
		"a\nb\nc",
		"Åtta öre\n漢字 wide\n🙂",
		"\x1b[1mbold\x1b[0m and plain\nshort",
		"tab\there\r\nnext",
		strings.Repeat("row\n", 12) + "a much wider line past the height",
		"trailing   \n   leading",
	}
	tops := []string{"1 Agreements │ 2 Clauses", "a tab bar wider than everything below it, by far"}
	for _, top := range tops {
		for _, main := range mains {
			for _, height := range []int{1, 3, 10} {
				want := lipgloss.JoinVertical(lipgloss.Left, top,
					lipgloss.NewStyle().Height(height).MaxHeight(height).Render(main), "status", "? help • q quit")
				if got := stack(top, measure(main), height, "status", "? help • q quit"); got != want {
					t.Errorf("top %q, main %q, height %d:\n got %q\nwant %q", top, main, height, got, want)
				}
			}
		}
	}
}

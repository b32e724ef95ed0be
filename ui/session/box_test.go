package session

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Box draws content that fits by itself; it must draw exactly what
// lipgloss draws, in colour and without, whatever the lines hold.
func TestBoxDrawsAsLipgloss(t *testing.T) {
	contents := []string{
		"",
		"one line",
		"exactly ten",         // 11 cells: fits width 11 only
		"Åtta öre\nändå – så", // letters outside ASCII
		"漢字 wide\n🙂 emoji",    // double-width cells
		"\x1b[1mbold\x1b[0m and plain\n\x1b[38;2;1;2;3mcolour\x1b[0m", // styled text
		"a\n\n\nb",                           // empty lines
		strings.Repeat("row\n", 30) + "last", // taller than the box
		"trailing spaces   \n   leading",
	}
	compared := 0
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(profile)
		s := NewStyles(r)
		for _, content := range contents {
			for _, size := range [][2]int{{11, 3}, {20, 1}, {40, 10}} {
				for _, focused := range []bool{false, true} {
					style := s.Pane
					if focused {
						style = s.FocusedPane
					}
					want := style.Width(size[0] + style.GetHorizontalPadding()).Height(size[1]).Render(content)
					got, ok := s.frame(content, size[0], size[1], focused)
					if !ok {
						continue // too wide: lipgloss draws it, wrapped
					}
					compared++
					if got != want {
						t.Errorf("profile %v, %dx%d, focused %v, content %q:\n got %q\nwant %q", profile, size[0], size[1], focused, content, got, want)
					}
				}
			}
		}
	}
	// Every content fits the boxes 20 and 40 cells wide: 9 contents × 2
	// sizes × 2 focus states × 2 profiles are drawn by frame at least.
	if compared < 9*2*2*2 {
		t.Errorf("only %d boxes compared", compared)
	}
}

// Lines too wide, tabs and carriage returns are left to lipgloss.
func TestBoxLeavesWrappingToLipgloss(t *testing.T) {
	s := NewStyles(lipgloss.NewRenderer(io.Discard))
	for _, content := range []string{"a line that is far too wide for the box", "tab\there", "cr\r\nlf"} {
		if _, ok := s.frame(content, 10, 3, false); ok {
			t.Errorf("frame drew %q itself", content)
		}
	}
	// Wrapped by lipgloss, the long line takes two rows of the box.
	box := s.Box("twelve chars wrapped", 12, 1, false, "")
	if got := strings.Count(box, "\n") + 1; got != 4 {
		t.Errorf("wrapped box has %d lines, want 4 (border, 2 rows, border):\n%s", got, box)
	}
}

// The theme's colours, resolved once for the renderer, draw the same
// escape codes as the adaptive colours lipgloss resolves at every Render.
func TestResolvedColoursDrawAsAdaptiveOnes(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		for _, dark := range []bool{false, true} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(profile)
			r.SetHasDarkBackground(dark)
			for _, c := range []lipgloss.AdaptiveColor{{Light: "#1F5FAD", Dark: "#7AB8FF"}, {Light: "#DCE9F9", Dark: "#243B5C"}, {Light: "#6B6B6B", Dark: "#8A8A8A"}} {
				want := r.NewStyle().Foreground(c).Background(c).Render("text")
				got := r.NewStyle().Foreground(resolve(r, dark, c.Light, c.Dark)).Background(resolve(r, dark, c.Light, c.Dark)).Render("text")
				if got != want {
					t.Errorf("profile %v, dark %v, %v: got %q, want %q", profile, dark, c, got, want)
				}
			}
		}
	}
}

func TestClipCutsWithAnEllipsis(t *testing.T) {
	cases := []struct {
		text string
		w, h int
		want string
	}{
		{"short\nlines", 10, 5, "short\nlines"},
		{"a line too long\nsecond\nthird", 6, 2, "a lin…\nsecond"},
		{"åäö åäö", 5, 1, "åäö …"},
		{"anything", 4, 0, ""},
	}
	for _, c := range cases {
		if got := Clip(c.text, c.w, c.h); got != c.want {
			t.Errorf("Clip(%q, %d, %d) = %q, want %q", c.text, c.w, c.h, got, c.want)
		}
	}
}

// Beside joins boxes of any heights and widths, titled or not, as
// lipgloss.JoinHorizontal does.
func TestBesideJoinsAsLipgloss(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	s := NewStyles(r)
	boxes := []string{
		s.Box("one line", 12, 3, true, "Title"),
		s.Box("Åtta öre\n漢字 wide\n🙂", 20, 6, false, ""),
		s.Box(strings.Repeat("row\n", 9)+"last", 8, 10, false, "Långt namn"),
		s.Box("\x1b[1mbold\x1b[0m", 30, 1, true, ""),
	}
	for _, a := range boxes {
		for _, b := range boxes {
			if got, want := Beside(a, b), lipgloss.JoinHorizontal(lipgloss.Top, a, b); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		}
	}
	if got, want := Beside(boxes...), lipgloss.JoinHorizontal(lipgloss.Top, boxes...); got != want {
		t.Errorf("four boxes: got\n%s\nwant\n%s", got, want)
	}
}

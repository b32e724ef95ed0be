package session

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every character Width counts as one cell takes one cell by itself and
// beside any other, as ansi.StringWidth measures it: it never joins a
// neighbour into one cluster.
func TestOneCellRunes(t *testing.T) {
	for i, rg := range oneCells {
		if i > 0 && rg[0] <= oneCells[i-1][1] {
			t.Fatalf("range %d is out of order", i)
		}
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			for _, probe := range []string{s, "a" + s, s + "a", s + s, s + "\u0301", "\u200d" + s} {
				if got, want := Width(probe), ansi.StringWidth(probe); got != want {
					t.Errorf("%U in %q: Width %d, ansi.StringWidth %d", r, probe, got, want)
				}
			}
			if ansi.StringWidth(s+"a"+s) != 3 {
				t.Errorf("%U does not stand alone", r)
			}
		}
	}
}

// Width measures as ansi.StringWidth whatever a line holds: random lines of
// ASCII, one-cell letters, colour sequences, and what Width leaves to
// ansi.StringWidth (wide and combining characters, other escapes, controls).
func TestWidthAsAnsi(t *testing.T) {
	pieces := []string{
		"a", "Z", " ", "~", "å", "Ö", "é", "–", "…", "›", "│", "─", "╭", "▾", "▸", "●", "Δ", "×", "·",
		"\x1b[0m", "\x1b[38;5;75m", "\x1b[1;4m", "\x1b[48;2;1;2;3m", "\x1b[m",
		"漢", "🙂", "\u0301", "\u200d", "\ufe0f", "\t", "\r", "\x1b]8;;x\x1b\\", "\x1b(", "\x1b", "\x1b[", "\x1b[1", "\x7f", "\u00ad",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("%q: Width %d, ansi.StringWidth %d", s, got, want)
		}
	}
}

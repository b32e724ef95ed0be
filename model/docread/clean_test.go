package docread

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CSI colour", "\x1b[1;31mRöd\x1b[0m text", "Röd text"},
		{"clear screen and cursor home", "\x1b[2J\x1b[HAvtal", "Avtal"},
		{"private CSI", "\x1b[?1049hA\x1b[?25l", "A"},
		{"OSC window title, BEL", "\x1b]0;pwned\x07Avtal", "Avtal"},
		{"OSC 8 hyperlink, ST", "\x1b]8;;https://example.org\x1b\\länk\x1b]8;;\x1b\\", "länk"},
		{"OSC 52 clipboard write", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab"},
		{"DCS string", "x\x1bPq#0;2;0;0;0\x1b\\y", "xy"},
		{"APC string", "x\x1b_payload\x1b\\y", "xy"},
		{"charset designation", "\x1b(Babc", "abc"},
		{"two-character escape", "\x1bcreset", "reset"},
		{"8-bit CSI", "\u009b31mröd", "röd"},
		{"8-bit OSC", "\u009d0;title\u009cok", "ok"},
		{"unterminated OSC stops at line end", "\x1b]0;title\nNästa rad", "\nNästa rad"},
		{"C0 controls", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"tab kept", "a\tb", "a\tb"},
		{"bidi override", "abc\u202edef\u2066g\u2069", "abcdefg"},
		{"zero-width and BOM", "up\u200bpsäg\ufeffning", "uppsägning"},
		{"soft hyphen", "uppsäg\u00adnings\u00adtid", "uppsägningstid"},
		{"Word optional hyphen", "behand¬lingar", "behandlingar"},
		{"not sign kept between words", "a ¬ b", "a ¬ b"},
		{"mathematical italic", "𝑀å𝑛𝑎𝑡𝑙𝑖𝑔 𝑢𝑝𝑝𝑡𝑖𝑑", "Månatlig upptid"},
		{"ligature and no-break space", "ﬁnal\u00a0text", "final text"},
		{"decomposed å becomes composed", "a\u030arlig", "årlig"},
		{"hyphens typed as minus", "e\u2011post och co\u2010op", "e-post och co-op"},
		{"spacing accent kept", "Customer\u00b4s data", "Customer\u00b4s data"},
		{"narrow no-break space", "99,5\u202f%", "99,5 %"},
		{"zero-width joiners", "ab\u200cc\u200dd", "abcd"},
		{"line ends", "a\r\nb\rc\fd\u2028e", "a\nb\nc\nd\ne"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean is not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestCleanLeavesNoControls(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0xa0; r++ {
		b.WriteString("x")
		b.WriteRune(r)
	}
	for _, r := range Clean(b.String()) {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			t.Fatalf("control character %U left in %q", r, Clean(b.String()))
		}
	}
}

// TestNFKCStable holds nfkcStable to its word: NFKC leaves each of its
// characters as it is, alone, between letters and next to any other of
// them, so Clean may skip normalising a text made of them and ASCII.
func TestNFKCStable(t *testing.T) {
	var stable []rune
	for r := rune(0x80); r < 0x10000; r++ {
		if nfkcStable(r) {
			stable = append(stable, r)
		}
	}
	if len(stable) < 64 {
		t.Fatalf("only %d stable characters", len(stable))
	}
	for _, r := range stable {
		for _, s := range []string{string(r), "a" + string(r) + "b", "A" + string(r) + "\n"} {
			if !norm.NFKC.IsNormalString(s) {
				t.Errorf("NFKC changes %q", s)
			}
		}
		for _, q := range stable {
			if s := string(r) + string(q); !norm.NFKC.IsNormalString(s) {
				t.Errorf("NFKC changes %q", s)
			}
		}
	}
}

package session

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Inera AB", "Inera AB"},
		{"Åtta öre, ändå", "Åtta öre, ändå"},
		{"\x1b[31mred\x1b[0m", "red"},                           // colour (CSI)
		{"\x1b]0;pwned\x07title", "title"},                      // window title (OSC)
		{"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"}, // hyperlink
		{"\x1bPq#0\x1b\\z", "z"},                                // DCS
		{"a\x9b31mb", "ab"},                                     // raw 8-bit CSI byte
		{"\u009b31m", "31m"},                                    // C1 CSI as UTF-8: the control goes, the text stays
		{"a\x07b\x08c\rd\x7fe", "abcde"},                        // bell, backspace, CR, DEL
		{"line one\nline two\tcol", "line one\nline two\tcol"},  // newline and tab stay
		{"bad \xff\xfe bytes", "bad  bytes"},                    // not UTF-8
		{"real \uFFFD stays", "real \uFFFD stays"},              // a genuine replacement character
		{"Inera\u202e BA", "Inera BA"},                          // right-to-left override: borders would shift
		{"a\u2066b\u2069c\u200fd", "abcd"},                      // bidi isolates and marks
		{"sek\u200bret\u2060ess\ufeff", "sekretess"},            // zero-width space, word joiner, BOM
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Text Clean lets through unchanged is text strip would not change either.
func FuzzSanitizeClean(f *testing.F) {
	for _, s := range []string{"Inera AB", "Åtta öre, ändå", "a\x9b31mb", "\u009b31m", "line\ttab\n", "\x1b[31mred",
		"bad \xff", "real \uFFFD", "Inera\u202e BA", "\u00ad", "└ Nationell — 2027-03-31", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Clean(s) && strip(s) != s {
			t.Errorf("Clean(%q), but strip gives %q", s, strip(s))
		}
	})
}

package extract

import "testing"

// appendLower must lower-case a word as strings.ToLower does, since a
// token's low is compared with words lower-cased that way.
func TestAppendLower(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"Notice", "notice"},
		{"UPPSÄGNING", "uppsägning"},
		{"Ærøskøbing", "ærøskøbing"},
		{"ÅRLIGEN", "årligen"},
		{"A\u030aR", "a\u030ar"}, // a decomposed Å: the mark stays
		{"ΣΟΦΙΑ", "σοφια"},
	} {
		if got := string(appendLower([]byte("x"), tc.word)); got != "x"+tc.want {
			t.Errorf("appendLower(%q) = %q, want %q", tc.word, got, "x"+tc.want)
		}
	}
}

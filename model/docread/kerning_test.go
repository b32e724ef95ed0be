package docread

import "testing"

// Words cut at a kerned pair of letters are joined only on good evidence.
func TestJoinKerned(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"capitals joined when the word occurs whole",
			"2. BÅTENS ANV ÄNDNING\nVid användning av båten.",
			"2. BÅTENS ANVÄNDNING\nVid användning av båten."},
		{"two words that make a third stay apart",
			"Put it in to the box.\nMove into the house. Go to bed.",
			"Put it in to the box.\nMove into the house. Go to bed."},
		{"a capital letter that names an appendix stays",
			"Appendix B provides the prices.\nThe annex B provides nothing.",
			"Appendix B provides the prices.\nThe annex B provides nothing."},
		{"a letter the font cuts off again and again",
			"1. W arranty\n2. W elcome pack\n3. W ithdrawal\nThe warranty lasts a year.",
			"1. Warranty\n2. Welcome pack\n3. Withdrawal\nThe warranty lasts a year."},
		{"a letter cut off twice is not enough",
			"1. W elcome pack\n2. W ithdrawal\nNo more.",
			"1. W elcome pack\n2. W ithdrawal\nNo more."},
	}
	for _, tt := range tests {
		if got := joinKerned(tt.in); got != tt.want {
			t.Errorf("%s: joinKerned(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

package common

import "testing"

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"Uppsägning\x1b[2J\x1b[H sex månader":   "Uppsägning sex månader",
		"title\x1b]0;pwned\x07 ok":              "title ok",
		"bell\x07 and\rreturn\x00nul\u009bcsi":  "bell andreturnnulcsi",
		"rad ett\nrad\ttvå":                     "rad ett\nrad\ttvå",
		"Personuppgiftsbiträdesavtal – § 8.6.3": "Personuppgiftsbiträdesavtal – § 8.6.3",
	}
	for in, want := range tests {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

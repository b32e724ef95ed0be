package i18n

import (
	"strings"
	"testing"
)

func TestEveryMessageHasBothLanguages(t *testing.T) {
	for _, table := range catalog {
		for k, m := range table() {
			if strings.TrimSpace(m.en) == "" || strings.TrimSpace(m.sv) == "" {
				t.Errorf("%s lacks a translation: %+v", k, m)
			}
			if strings.Count(m.en, "%") != strings.Count(m.sv, "%") {
				t.Errorf("%s: the languages take different arguments: %q / %q", k, m.en, m.sv)
			}
		}
	}
}

// A key in two tables would say whichever comes first.
func TestNoKeyInTwoTables(t *testing.T) {
	seen := map[string]bool{}
	for _, table := range catalog {
		for k := range table() {
			if seen[k] {
				t.Errorf("%s is in two tables", k)
			}
			seen[k] = true
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want Lang
		err  bool
	}{
		{"", map[string]string{"LANG": "sv_SE.UTF-8"}, SV, false},
		{"", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "sv_SE.UTF-8"}, EN, false},
		{"en", map[string]string{"LANG": "sv_SE.UTF-8"}, EN, false},
		{"sv", nil, SV, false},
		{"", nil, EN, false},
		{"fi", nil, EN, true},
	}
	for _, tt := range tests {
		got, err := Detect(tt.flag, env(tt.env))
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Detect(%q, %v) = %v, %v; want %v, err %v", tt.flag, tt.env, got, err, tt.want, tt.err)
		}
	}
	if SV.T("tab.clauses") != "Klausuler" || EN.T("scope.one", "x") != "scope: x" {
		t.Error("T does not pick the language or format its arguments")
	}
}

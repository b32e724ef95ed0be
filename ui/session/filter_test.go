package session

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func typed(t *testing.T, query string) *Filter {
	t.Helper()
	f := &Filter{}
	f.Open("", &Styles{})
	for _, r := range query {
		f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return f
}

func TestFilterMatchesEveryWordInSomeField(t *testing.T) {
	f := typed(t, "sodra  LAGER")
	cases := []struct {
		fields []string
		want   bool
	}{
		{[]string{"Södra Lagerhus AB"}, true},
		{[]string{"Lager", "södra"}, true},
		{[]string{"Södra"}, false},
		{[]string{"Norra Lager"}, false},
	}
	for _, c := range cases {
		if got := f.Matches(c.fields...); got != c.want {
			t.Errorf("Matches(%q) = %v, want %v", c.fields, got, c.want)
		}
	}
	if !f.Matches("Södra", "Lagerhus") || f.MatchesFolded("sodra lager") != true || f.MatchesFolded("sodra\x00lagret") {
		t.Error("MatchesFolded must need every word in the folded fields")
	}
	if (&Filter{}).Matches("anything") != true {
		t.Error("no filter must match every row")
	}
}

func TestFilterKeysEnterKeepsEscDrops(t *testing.T) {
	f := typed(t, "ab")
	if !f.Typing() || f.Query() != "ab" {
		t.Fatalf("typing %v query %q", f.Typing(), f.Query())
	}
	if changed, _ := f.Update(tea.KeyMsg{Type: tea.KeyEnter}); changed || f.Typing() || f.Query() != "ab" {
		t.Fatalf("enter: changed %v typing %v query %q", changed, f.Typing(), f.Query())
	}
	f.Open("", &Styles{})
	if changed, _ := f.Update(tea.KeyMsg{Type: tea.KeyEsc}); !changed || f.Typing() || f.Active() {
		t.Fatalf("esc: changed %v typing %v active %v", changed, f.Typing(), f.Active())
	}
}

func TestFilterHighlightMarksTheOriginalLetters(t *testing.T) {
	f := typed(t, "ar")
	bracket := lipgloss.NewStyle().Transform(func(s string) string { return "[" + s + "]" })
	cases := []struct{ text, want string }{
		{"Svärd och Kvarn", "Sv[är]d och Kv[ar]n"},
		{"Garage", "G[ar]age"},
		{"none", "none"},
	}
	for _, c := range cases {
		if got := f.Highlight(c.text, bracket); got != c.want {
			t.Errorf("Highlight(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

package app

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/assets"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// root is the real root model over the sample register, driven through
// Update with every command run to completion.
type root struct {
	t *testing.T
	m *Model
}

func newRoot(t *testing.T, lang i18n.Lang) *root {
	t.Helper()
	r := unstartedRoot(t, lang)
	tuitest.Drain(t, r.update, r.m.Init())
	return r
}

// unstartedRoot is the workbench over the sample register in a 100×30
// terminal before Init, for tests that follow its start-up step by step.
func unstartedRoot(t *testing.T, lang i18n.Lang) *root {
	t.Helper()
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	r := &root{t: t, m: New(tuitest.Session(tuitest.Store(t, sample), lang))}
	r.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return r
}

func (r *root) update(msg tea.Msg) tea.Cmd {
	_, cmd := r.m.Update(msg)
	return cmd
}

func (r *root) send(msg tea.Msg) {
	r.t.Helper()
	tuitest.Drain(r.t, r.update, r.update(msg))
}

func (r *root) key(s string) {
	r.t.Helper()
	r.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// checkFits fails unless view fills w×h exactly: no line wider than w, and
// h lines.
func checkFits(t *testing.T, what string, view string, w, h int) {
	t.Helper()
	if got := lipgloss.Height(view); got != h {
		t.Errorf("%s at %dx%d: %d lines\n%s", what, w, h, got, view)
	}
	for i, line := range strings.Split(view, "\n") {
		if got := lipgloss.Width(line); got > w {
			t.Errorf("%s at %dx%d: line %d is %d cells wide\n%s", what, w, h, i+1, got, view)
			return
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		r := newRoot(t, lang)
		r.key("j")
		r.key("j") // a framework with call-offs: the longest detail
		for w := 60; w <= 200; w += 7 {
			for h := 15; h <= 60; h += 5 {
				r.send(tea.WindowSizeMsg{Width: w, Height: h})
				for pane := range titleKeys {
					r.key(fmt.Sprint(pane + 1))
					checkFits(t, fmt.Sprintf("%s pane %d", lang, pane+1), r.m.View(), w, h)
				}
				if tabs, _, _ := strings.Cut(r.m.View(), "\n"); !strings.Contains(tabs, "5 SLA") {
					t.Errorf("%s at %dx%d: the last tab is cut: %q", lang, w, h, tabs)
				}
				r.key("1")
				r.key("?")
				checkFits(t, string(lang)+" help", r.m.View(), w, h)
				r.key("?")
			}
		}
	}
}

// At 80 columns the tab bar keeps the unscoped scope whole, beside all
// five tabs with their padding, in both languages.
func TestTabBarScopeFitsAt80(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.EN: "│ 2 Clauses │", i18n.SV: "│ 2 Klausuler │"} {
		r := newRoot(t, lang)
		r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		tabs, _, _ := strings.Cut(r.m.View(), "\n")
		tabs = strings.TrimRight(ansi.Strip(tabs), " ")
		if scope := lang.T("scope.tab_all"); !strings.HasSuffix(tabs, " "+scope) || !strings.Contains(tabs, want) || strings.Contains(tabs, "…") {
			t.Errorf("%s: %q, want the tabs padded and %q whole", lang, tabs, scope)
		}
	}
}

func TestTooSmall(t *testing.T) {
	r := newRoot(t, i18n.EN)
	for _, size := range [][2]int{{59, 30}, {200, 14}, {59, 14}, {40, 10}, {24, 6}} {
		w, h := size[0], size[1]
		r.send(tea.WindowSizeMsg{Width: w, Height: h})
		view := r.m.View()
		want := fmt.Sprintf("(%d×%d)", w, h)
		if !strings.Contains(strings.Join(strings.Fields(view), " "), want) || !strings.Contains(view, "60×15") {
			t.Errorf("at %dx%d want the size %s and the minimum 60×15:\n%s", w, h, want, view)
		}
		if lipgloss.Width(view) > w || lipgloss.Height(view) > h {
			t.Errorf("the too-small view itself is %dx%d at %dx%d", lipgloss.Width(view), lipgloss.Height(view), w, h)
		}
	}
	r.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	checkFits(t, "smallest", r.m.View(), 60, 15)
}

// TestCapture logs the workbench at the two sizes people will see most, so
// a reviewer can look at it with go test -v -run Capture.
func TestCapture(t *testing.T) {
	r := newRoot(t, i18n.EN)
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		r.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		view := r.m.View()
		checkFits(t, "capture", view, size[0], size[1])
		t.Logf("%dx%d:\n%s", size[0], size[1], view)
	}
}

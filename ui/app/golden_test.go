package app

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"avtal/ui/i18n"
)

// TestGoldenScreens compares each pane of the sample register, on the
// tests' day, in both languages at 80x24 and 160x45 with the screens kept
// in testdata/TestGoldenScreens: a change of layout or wording is a diff to
// review. Rewrite them with go test ./ui/app -run Golden -update.
func TestGoldenScreens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		for _, size := range [][2]int{{80, 24}, {160, 45}} {
			r := newRoot(t, lang)
			r.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for pane := range len(titleKeys) {
				r.key(fmt.Sprint(pane + 1))
				name := fmt.Sprintf("%s-%dx%d-%d", lang, size[0], size[1], pane+1)
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(r.m.View())) })
			}
		}
	}
}

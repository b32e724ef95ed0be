package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/importfile"
	"avtal/ui/tuitest"
)

// hostileStore is a register whose text is full of terminal escape
// sequences: the agreement of tuitest.HostileYAML (through the YAML
// importer), an incident, a change notice, an event and a clause note
// recorded against it, and a document with escapes in its clauses imported
// through the document importer.
func hostileStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := tuitest.Store(t, []*model.Agreement{tuitest.Hostile(t)})
	id := tuitest.HostileID
	cet := time.FixedZone("CET", 3600)
	if _, err := st.AddIncident(ctx, &model.Incident{AgreementID: id, Start: time.Date(2026, 11, 10, 16, 0, 0, 0, cet),
		End: time.Date(2026, 11, 10, 19, 0, 0, 0, cet), Description: "Avbrott\x1b[2J\x1b]0;kapad\a",
		Excluded: true, ExcludeReason: "Planerat\x1b[1A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordNotice(ctx, id, subproc.Notice{Received: model.MustDate(2026, 11, 20), Change: subproc.ChangeAdd,
		Sub: model.SubProcessor{Name: "Ny\x1b[31m AB", Country: "SE", Purpose: "Lagring\u009b2J"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordEvent(ctx, id, deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 11, 1),
		Ref: "brev\x1b[1A", Note: "uppsagt\x07"}); err != nil {
		t.Fatal(err)
	}
	clause, err := st.FindClause(ctx, id, "9.1", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddNote(ctx, clause.ID, "Se upp\x1b]8;;http://evil.example\x1b\\här\x1b]8;;\x1b\\", "risk"); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "escapes.txt")
	text := "VILLKOR FÖR\x1b[2J TESTTJÄNSTEN\n\nAvtalet sluts mellan Prov\x1b]0;kapad\x07 AB och Kunden.\n\n" +
		"1. Avtalstid\x1b[31m\n1.1 Avtalet gäller i tolv (12) månader\x1b[?1049h och förlängs med tolv (12) månader.\n" +
		"1.2 Uppsägning\u009b2J ska ske senast tre (3) månader före periodens slut.\x7f\n2. Betalning\n2.1 Betalning sker\x08\x08 inom 30 dagar.\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := importfile.Import(ctx, st, i18n.EN, doc, ""); err != nil {
		t.Fatal(err)
	}
	return st
}

// keyPress turns "enter", "esc", "tab", "down", "up" or text into a key press.
func keyPress(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// hostileTour visits every pane and what opens from it: details, the
// clause tree and a clause, search, compare, versions, the portfolio, the
// calendar's agenda and missed list, the incident log and the forms that
// show register text in their titles. Each agreement of the register is
// scoped in turn.
var hostileTour = []string{
	"?", "?", "J", "J", "P", "esc", "enter",
	"2", "enter", "down", "enter", "down", "down", "right", "J", "c", "esc", "v", "esc", "/", "u", "p", "p", "s", "down", "esc",
	"3", "enter", "down", "J", "p", "p", "n", "esc", "v", "esc",
	"4", "t", "enter", "up", "enter", "esc", "m", "down", "m", "e", "esc",
	"5", "h", "l", "down", "e", "esc", "x", "esc", "f", "esc", "a", "esc",
	"1", "j", "enter", "P", "esc",
	"2", "enter", "down", "enter", "down", "down", "down", "down", "right",
	"3", "enter", "4", "enter", "5",
}

// TestHostileTextNeverReachesTheScreen drives the real workbench over a
// register full of escape sequences, rendering without colour so that any
// escape in the screen comes from the data: after every key, at a small
// and a large size, the screen must hold no escape and no control
// character.
func TestHostileTextNeverReachesTheScreen(t *testing.T) {
	st := hostileStore(t)
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		m := New(tuitest.Session(st, i18n.EN))
		update := func(msg tea.Msg) tea.Cmd { _, cmd := m.Update(msg); return cmd }
		tuitest.Drain(t, update, m.Init())
		update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		var shown strings.Builder
		for i, k := range append([]string{""}, hostileTour...) {
			if k != "" {
				tuitest.Drain(t, update, func() tea.Msg { return keyPress(k) })
			}
			view := m.View()
			shown.WriteString(view)
			if bad := tuitest.Unsafe(view); bad != "" {
				t.Errorf("%dx%d, after key %d %q: the screen holds %s\n%s", size[0], size[1], i, k, bad, view)
				break
			}
		}
		// The tour really showed the hostile text, made harmless.
		for _, want := range []string{"Fientlig tjänst", "Elak AB", "Uppsägning", "Se upphär", "Avbrott", "Underbiträde AB", "Ny AB",
			"Säg upp i tid", "VILLKOR FÖR TESTTJÄNSTEN", "Avtalet gäller i tolv"} {
			if !strings.Contains(shown.String(), want) {
				t.Errorf("%dx%d: the tour never showed %q", size[0], size[1], want)
			}
		}
	}
}

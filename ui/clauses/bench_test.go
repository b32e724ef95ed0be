package clauses

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// bigAgreement has 2 000 clauses in 200 sections of ten, each body a
// paragraph with durations and percentages to highlight.
func bigAgreement() *model.Agreement {
	var clauses []model.Clause
	for s := 1; s <= 200; s++ {
		clauses = append(clauses, model.Clause{Number: fmt.Sprint(s), Heading: fmt.Sprintf("Section %d", s)})
		for i := 1; i < 10; i++ {
			clauses = append(clauses, model.Clause{Number: fmt.Sprintf("%d.%d", s, i), Heading: "Uppsägning och ansvar",
				Body: strings.Repeat("Leverantören ska meddela kunden skriftligen sex (6) månader i förväg; tillgängligheten är 99,5 % per månad. ", 4)})
		}
	}
	return &model.Agreement{ID: "stor", Title: "Stort avtal", Kind: model.KindGeneralTerms, Status: model.StatusActive,
		Supplier: model.Party{Name: "Stor AB"}, Term: model.Term{Indefinite: true},
		Documents: []model.Document{{Name: "Villkor", Clauses: clauses}}}
}

// BenchmarkKeys measures one key through Update and the View that follows,
// as the runtime does for every key press.
func BenchmarkKeys(b *testing.B) {
	c := tuitest.Session(tuitest.Store(b, []*model.Agreement{bigAgreement()}), i18n.EN)
	m := New(c)
	m.debounce = time.Hour // the search itself runs in a command, not measured here
	m.SetSize(160, 45)
	drain := func(cmd tea.Cmd) { tuitest.Drain(b, func(msg tea.Msg) tea.Cmd { return m.Update(msg) }, cmd) }
	drain(m.Update(session.ScopeMsg{ID: "stor", Title: "Stort avtal"}))
	// Load the clauses around row 1000, so moving shows text, not "Loading…".
	for i := 995; i < 1005; i++ {
		m.tree.Select(i)
		drain(m.showSelected())
	}
	j, k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}
	// alternate presses one key and then the other, each followed by a View.
	alternate := func(b *testing.B, first, second tea.KeyMsg) {
		keys := []tea.KeyMsg{first, second}
		for i := 0; b.Loop(); i++ {
			m.Update(keys[i%2])
			_ = m.View()
		}
	}
	b.Run("tree_move", func(b *testing.B) { alternate(b, j, k) })
	b.Run("search_letter", func(b *testing.B) {
		drain(m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}))
		m.debounce = 0
		for _, r := range "ansvar" {
			drain(m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		m.debounce = time.Hour
		if len(m.search.hits) == 0 {
			b.Fatal("no hits to show")
		}
		alternate(b, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s")}, tea.KeyMsg{Type: tea.KeyBackspace})
	})
}

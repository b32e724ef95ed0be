package clauses

import (
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/paginator"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/gen"
	"avtal/store/benchdb"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// The comparison with the list a Bubble Tea program would reach for:
// bubbles/list holding the same million clauses as items, filtered by the
// same text our search looks in (heading and body). Each operation is a
// key, its commands (bubbles filters in one, we search in one) and the
// View after, all on the clock: from the key to the screen that answers it.

// clauseItem is one clause as a bubbles/list item.
type clauseItem struct{ title, desc, text string }

func (i clauseItem) Title() string       { return i.title }
func (i clauseItem) Description() string { return i.desc }
func (i clauseItem) FilterValue() string { return i.text }

var (
	itemsOnce sync.Once
	items     []list.Item
)

// registerItems are the clauses of the benchmark register, generated again
// from its seed (the same register, without reading a million rows).
func registerItems() []list.Item {
	itemsOnce.Do(func() {
		items = make([]list.Item, 0, 1_000_000)
		for it := range gen.New(gen.Config{Agreements: benchdb.Agreements, Seed: benchdb.Seed}).All() {
			for _, d := range it.Agreement.Documents {
				for _, c := range d.Clauses {
					items = append(items, clauseItem{title: c.Number + " " + c.Heading, desc: it.Agreement.Title, text: c.Heading + " " + c.Body})
				}
			}
		}
	})
	return items
}

// BenchmarkVsBubblesList moves down and types a filter (search) letter in
// bubbles/list and in the Clauses pane, both over the million clauses, at
// 80x24. It takes some three minutes, most of it the stock list's frames.
func BenchmarkVsBubblesList(b *testing.B) {
	const w, h = 80, 21
	down := tea.KeyMsg{Type: tea.KeyDown}
	letter := tuitest.TypeAndErase(searchWord)
	// The stock list draws a dot per page, by adding one to a string at a
	// time: with a million items, 170 000 pages, a frame takes tens of
	// seconds, so it is timed once. With the pages as numbers instead
	// ("arabic"), the dots are gone and the rest of the list shows.
	for _, pages := range []paginator.Type{paginator.Dots, paginator.Arabic} {
		name := map[paginator.Type]string{paginator.Dots: "bubbles_stock", paginator.Arabic: "bubbles_arabic"}[pages]
		b.Run(name+"/move", func(b *testing.B) {
			l := newBubblesList(b, w, h, pages)
			settle(b, bubblesUpdate(&l), func() string { return l.View() }, func(int) tea.KeyMsg { return down })
		})
		b.Run(name+"/filter_letter", func(b *testing.B) {
			l := newBubblesList(b, w, h, pages)
			update := bubblesUpdate(&l)
			tuitest.Drain(b, update, update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")}))
			settle(b, update, func() string { return l.View() }, letter)
		})
	}
	c := tuitest.LargeSession(b, i18n.EN)
	b.Run("avtal/move", func(b *testing.B) {
		m := largePane(c)(b, w, h)
		settle(b, m.Update, m.View, tuitest.BackAndForth(2000, down, tea.KeyMsg{Type: tea.KeyUp}))
	})
	b.Run("avtal/search_letter", func(b *testing.B) {
		m := largePane(c, searchKey)(b, w, h)
		settle(b, m.Update, m.View, letter)
	})
}

// newBubblesList is a bubbles/list of the register's clauses, w×h, with
// its default delegate and the given kind of page count. Its filter's
// cursor does not blink (as ours does not): a blink is a frame, and at this
// size every frame of the stock list takes seconds.
func newBubblesList(b *testing.B, w, h int, pages paginator.Type) list.Model {
	if testing.Short() {
		b.Skip("a million list items; run without -short")
	}
	l := list.New(registerItems(), list.NewDefaultDelegate(), w, h)
	l.Paginator.Type = pages
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	return l
}

// bubblesUpdate adapts the list's value-returning Update to a pane's.
func bubblesUpdate(l *list.Model) func(tea.Msg) tea.Cmd {
	return func(msg tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		*l, cmd = l.Update(msg)
		return cmd
	}
}

// settle times each key from the press to the View after its commands
// have run and their replies have gone through Update.
func settle(b *testing.B, update func(tea.Msg) tea.Cmd, view func() string, keyAt func(int) tea.KeyMsg) {
	var l benchdb.Latencies
	i := 0
	for b.Loop() {
		c0, t0 := benchdb.CPUTime(), time.Now()
		tuitest.Drain(b, update, update(keyAt(i)))
		view()
		l.Add(time.Since(t0), benchdb.CPUTime()-c0)
		i++
	}
	l.Report(b)
}

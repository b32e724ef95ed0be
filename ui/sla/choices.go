package sla

import (
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/store"
	"avtal/ui/session"
)

// maxChoices is how many agreements with SLA terms the pane holds at once.
const maxChoices = 50

// endKey sorts after every agreement: fetching backward from it gives the
// last page, counting before it counts them all.
const endKey = "\U0010FFFF"

// choiceList is what [ and ] step through when no agreement is in scope:
// the agreements that state SLA terms, a page at a time, so that the
// thousands of a large register are all within reach and only a page is
// ever held.
type choiceList struct {
	rows   []store.SLARow
	i      int // the agreement shown, in rows
	base   int // how many come before rows[0]
	total  int
	loaded bool
	seq    int
	fetch  choiceFetch // how rows came, to fetch them again after a change
}

// choiceFetch is one page to fetch: after (or before, backward) a sort key.
type choiceFetch struct {
	after    string
	backward bool
	last     bool // show the page's last agreement, not its first
	again    bool // the page shown, fetched again: keep the one shown
}

// choicesMsg carries a page of agreements with SLA terms, with how many come
// before it and how many there are, tagged with the request it answers.
type choicesMsg struct {
	seq         int
	fetch       choiceFetch
	rows        []store.SLARow
	base, total int
	err         error
}

// loadChoices fetches a page in a command.
func (m *Model) loadChoices(f choiceFetch) tea.Cmd {
	m.choices.seq++
	ctx, seq, st, shared := m.c.Ctx, m.choices.seq, m.c.Store, m.c.Shared
	return func() tea.Msg {
		page, err := session.Share(ctx, shared, st, choicesKey{f.after, f.backward}, func() (*choicePage, error) {
			return readChoices(ctx, st, f)
		})
		msg := choicesMsg{seq: seq, fetch: f, err: err}
		if err == nil {
			msg.rows, msg.base, msg.total = page.rows, page.base, page.total
		}
		return msg
	}
}

// choicesKey names a page of choices among the results the sessions of one
// register share (session.Shared): every session starts on the first.
type choicesKey struct {
	after    string
	backward bool
}

// choicePage is a page of agreements with SLA terms, with how many come
// before it and how many there are. Shared: never changed once read.
type choicePage struct {
	rows        []store.SLARow
	base, total int
}

func readChoices(ctx context.Context, st *store.Store, f choiceFetch) (*choicePage, error) {
	rows, err := st.SLAAgreements(ctx, f.after, maxChoices, f.backward)
	if err != nil {
		return nil, err
	}
	p := &choicePage{rows: slices.Clip(rows)}
	if p.total, err = st.SLACount(ctx, endKey); err != nil {
		return nil, err
	}
	if len(rows) > 0 {
		p.base, err = st.SLACount(ctx, rows[0].SortKey)
	}
	return p, err
}

// apply takes a page in; false when a newer request superseded it.
func (l *choiceList) apply(msg choicesMsg) bool {
	if msg.seq != l.seq {
		return false
	}
	l.loaded = true
	if msg.err != nil {
		return true
	}
	l.rows, l.base, l.total, l.fetch = msg.rows, msg.base, msg.total, msg.fetch
	switch {
	case msg.fetch.again:
		l.i = min(l.i, max(0, len(l.rows)-1))
	case msg.fetch.last:
		l.i = max(0, len(l.rows)-1)
	default:
		l.i = 0
	}
	l.fetch.again, l.fetch.last = false, false
	return true
}

// step moves to the next (delta 1) or the previous (-1) agreement, round
// from the last to the first. When that one is not held, it returns the
// page to fetch, and ok.
func (l *choiceList) step(delta int) (f choiceFetch, fetch bool) {
	n := len(l.rows)
	switch j := l.i + delta; {
	case n == 0:
	case j >= 0 && j < n:
		l.i = j
	case l.base == 0 && n == l.total: // every one is held: round at once
		l.i = (j + n) % n
	case delta > 0 && l.base+n < l.total:
		return choiceFetch{after: l.rows[n-1].SortKey}, true
	case delta > 0:
		return choiceFetch{}, true
	case l.base > 0:
		return choiceFetch{after: l.rows[0].SortKey, backward: true, last: true}, true
	default:
		return choiceFetch{after: endKey, backward: true, last: true}, true
	}
	return choiceFetch{}, false
}

// current returns the agreement shown, or nil.
func (l *choiceList) current() *model.Agreement {
	if l.i < len(l.rows) {
		return &l.rows[l.i].Agreement
	}
	return nil
}

// position is the shown agreement's place among all, from 1.
func (l *choiceList) position() int { return l.base + l.i + 1 }

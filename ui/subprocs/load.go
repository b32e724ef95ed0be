package subprocs

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
)

// registerMsg carries one agreement's register, notices and history.
type registerMsg struct {
	seq     int
	a       *model.Agreement
	notices []store.NoticeRow
	history []store.SubChange
	err     error
}

// overviewMsg carries the open notices and the policies of every agreement.
type overviewMsg struct {
	seq      int
	open     []store.NoticeRow
	policies []store.PolicyRow
	err      error
}

// portfolioMsg carries the counts of every sub-processor entry.
type portfolioMsg struct {
	seq     int
	tallies []subproc.Tally
	err     error
}

// usesMsg carries the first agreements that use one portfolio group.
type usesMsg struct {
	key  string
	uses []store.SubUse
	err  error
}

// usesPage is how many agreements the portfolio detail lists.
const usesPage = 100

func loadRegister(st *store.Store, seq int, id string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := registerMsg{seq: seq}
		if msg.a, msg.err = st.Agreement(ctx, id); msg.err != nil {
			return msg
		}
		if msg.notices, msg.err = st.Notices(ctx, id); msg.err != nil {
			return msg
		}
		msg.history, msg.err = st.SubHistory(ctx, id)
		return msg
	}
}

func loadOverview(st *store.Store, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := overviewMsg{seq: seq}
		if msg.open, msg.err = st.OpenNotices(ctx); msg.err != nil {
			return msg
		}
		msg.policies, msg.err = st.SubPolicies(ctx)
		return msg
	}
}

func loadPortfolio(st *store.Store, seq int) tea.Cmd {
	return func() tea.Msg {
		tallies, err := st.SubTallies(context.Background(), subproc.ThirdCountries())
		return portfolioMsg{seq: seq, tallies: tallies, err: err}
	}
}

func loadUses(st *store.Store, key string, q store.UseQuery) tea.Cmd {
	return func() tea.Msg {
		uses, err := st.SubUses(context.Background(), q, store.UseKey{}, usesPage)
		return usesMsg{key: key, uses: uses, err: err}
	}
}

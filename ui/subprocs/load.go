package subprocs

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/session"
)

// registerMsg carries one agreement's register, notices and history.
type registerMsg struct {
	seq     int
	a       *model.Agreement
	notices []store.NoticeRow
	history []store.SubChange
	err     error
}

// overviewMsg carries the open notices, evaluated, and the flags of every
// agreement's policy.
type overviewMsg struct {
	seq   int
	facts *overviewFacts
	err   error
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

func loadRegister(ctx context.Context, st *store.Store, seq int, id string) tea.Cmd {
	return func() tea.Msg {
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

// overviewKey names the overview of one day among the results the sessions
// of a register share (session.Shared).
type overviewKey struct{ today model.Date }

// loadOverview reads the open notices and the policies and evaluates them
// in the command: with thousands of agreements that is work to keep out
// of Update. The sessions of one register read and evaluate them once
// per write, not once each.
func loadOverview(ctx context.Context, st *store.Store, shared *session.Shared, seq int, today model.Date) tea.Cmd {
	return func() tea.Msg {
		facts, err := session.Share(ctx, shared, st, overviewKey{today}, func() (*overviewFacts, error) {
			return readOverview(ctx, st, today)
		})
		return overviewMsg{seq: seq, facts: facts, err: err}
	}
}

func readOverview(ctx context.Context, st *store.Store, today model.Date) (*overviewFacts, error) {
	open, err := st.OpenNotices(ctx)
	if err != nil {
		return nil, err
	}
	policies, err := st.SubPolicies(ctx)
	if err != nil {
		return nil, err
	}
	o := &overviewFacts{titles: map[string]string{}}
	for _, r := range open {
		o.notices = append(o.notices, viewNotice(r, r.Policy, today))
	}
	for _, p := range policies {
		o.titles[p.AgreementID] = p.Title
		// Without sub-processors or notices, Check gives the flags of
		// the policy alone.
		a := &model.Agreement{ID: p.AgreementID, SubPolicy: &p.Policy}
		o.flags = append(o.flags, subproc.Check(a, nil, subproc.CheckOptions{Today: today})...)
	}
	return o, nil
}

func loadPortfolio(ctx context.Context, st *store.Store, seq int) tea.Cmd {
	return func() tea.Msg {
		tallies, err := st.SubTallies(ctx, subproc.ThirdCountries())
		return portfolioMsg{seq: seq, tallies: tallies, err: err}
	}
}

func loadUses(ctx context.Context, st *store.Store, key string, q store.UseQuery) tea.Cmd {
	return func() tea.Msg {
		uses, err := st.SubUses(ctx, q, store.UseKey{}, usesPage)
		return usesMsg{key: key, uses: uses, err: err}
	}
}

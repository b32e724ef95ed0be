package agreements

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/store"
	"avtal/ui/common"
	"avtal/ui/importfile"
)

// review is the overlay listing an agreement's pending proposals for the
// user to accept or reject, one at a time.
type review struct {
	id, title string
	list      []store.ProposalRow
	cursor    int
	offset    int
	loaded    bool
	busy      bool // a decision is being stored
}

// proposalsMsg carries the pending proposals of an agreement, tagged with
// the request it answers.
type proposalsMsg struct {
	seq  int
	list []store.ProposalRow
	err  error
}

// decidedMsg answers an accept or reject.
type decidedMsg struct {
	p      store.ProposalRow
	accept bool
	err    error
}

// openReview opens the overlay for the agreement id and loads its proposals.
func (m *Model) openReview(id, title string) tea.Cmd {
	m.review = &review{id: id, title: title}
	return m.loadProposals()
}

// loadProposals fetches the open overlay's proposals; requests are
// numbered, so an answer for an overlay since closed or reloaded is dropped.
func (m *Model) loadProposals() tea.Cmd {
	m.reviewSeq++
	seq, id, st := m.reviewSeq, m.review.id, m.c.Store
	return func() tea.Msg {
		list, err := st.Proposals(context.Background(), id, store.ProposalPending)
		return proposalsMsg{seq: seq, list: list, err: err}
	}
}

func (m *Model) applyProposals(msg proposalsMsg) tea.Cmd {
	r := m.review
	if r == nil || msg.seq != m.reviewSeq {
		return nil
	}
	if msg.err != nil {
		return common.Fail(msg.err)
	}
	r.list, r.loaded = msg.list, true
	r.cursor = min(r.cursor, max(0, len(r.list)-1))
	r.scroll(m.reviewRows())
	return nil
}

// updateReview handles a key while the overlay is open.
func (m *Model) updateReview(msg tea.KeyMsg) tea.Cmd {
	r, k := m.review, m.keys
	switch {
	case key.Matches(msg, k.Close, k.Review):
		m.review = nil
	case key.Matches(msg, k.nav.Down):
		r.cursor = min(r.cursor+1, max(0, len(r.list)-1))
		r.scroll(m.reviewRows())
	case key.Matches(msg, k.nav.Up):
		r.cursor = max(r.cursor-1, 0)
		r.scroll(m.reviewRows())
	case key.Matches(msg, k.Accept, k.Reject):
		if r.busy || r.cursor >= len(r.list) {
			return nil
		}
		if err := m.c.CanWrite(); err != nil {
			return common.Fail(err)
		}
		r.busy = true
		accept := key.Matches(msg, k.Accept)
		p, st := r.list[r.cursor], m.c.Store
		return func() tea.Msg {
			row, err := st.DecideProposal(context.Background(), p.ID, accept)
			return decidedMsg{p: row, accept: accept, err: err}
		}
	}
	return nil
}

// decided reports a decision and reloads: the register changed for every pane.
func (m *Model) decided(msg decidedMsg) tea.Cmd {
	if m.review != nil {
		m.review.busy = false
	}
	if msg.err != nil {
		return common.Fail(msg.err)
	}
	t := m.c.T
	verb := t("proposals.accepted")
	if !msg.accept {
		verb = t("proposals.rejected")
	}
	p := msg.p
	return tea.Batch(common.Status(t("proposals.decided", verb, p.ID, t("proposal."+string(p.Kind)), p.Clause)),
		m.c.Changed(p.AgreementID, "proposals"))
}

// scroll keeps the cursor within the rows shown.
func (r *review) scroll(rows int) {
	rows = max(1, rows)
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+rows {
		r.offset = r.cursor - rows + 1
	}
}

// Under the list: a blank line, the reason and two lines of the evidence.
const (
	evidenceLines = 2
	detailLines   = 2 + evidenceLines
)

// reviewRows is how many proposals fit in the box above the detail.
func (m *Model) reviewRows() int {
	_, frameH := m.c.Styles.Pane.GetFrameSize()
	return m.height - frameH - detailLines
}

// viewReview draws the overlay in the pane's whole area.
func (m *Model) viewReview() string {
	r, st, t := m.review, m.c.Styles, m.c.T
	frameW, frameH := m.c.Styles.Pane.GetFrameSize()
	w, h := max(0, m.width-frameW), max(0, m.height-frameH)
	var b strings.Builder
	switch {
	case !r.loaded:
		b.WriteString(st.Dim.Render(t("loading")))
	case len(r.list) == 0:
		b.WriteString(st.Dim.Width(w).Render(t("proposals.review_empty")))
	default:
		for i := r.offset; i < min(len(r.list), r.offset+m.reviewRows()); i++ {
			p := r.list[i]
			line := ansi.Truncate(fmt.Sprintf("%4d  %-16s %-10s %s", p.ID, ansi.Truncate(t("proposal."+string(p.Kind)), 16, "…"),
				ansi.Truncate(p.Clause, 10, "…"), common.Sanitize(importfile.Describe(m.c.Lang, p))), w-common.CursorW, "…")
			b.WriteString(st.ListRow(line, w, i == r.cursor) + "\n")
		}
		p := r.list[r.cursor]
		b.WriteString("\n" + st.Dim.Render(ansi.Truncate(fmt.Sprintf("%s · %.0f %%", p.Reason, p.Confidence*100), w, "…")) + "\n")
		evidence := ansi.Wrap(common.Sanitize(p.Evidence), w, "")
		lines := strings.Split(evidence, "\n")
		if len(lines) > evidenceLines {
			lines = lines[:evidenceLines]
			lines[len(lines)-1] = ansi.Truncate(lines[len(lines)-1], w-1, "") + "…"
		}
		b.WriteString(st.Value.Render(strings.Join(lines, "\n")))
	}
	content := strings.TrimRight(b.String(), "\n")
	return st.Box(content, w, h, true, ansi.Truncate(t("proposals.review_title", common.Sanitize(r.title)), max(0, w-4), "…"))
}

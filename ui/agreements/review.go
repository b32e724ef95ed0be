package agreements

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/store"
	"avtal/ui/common"
	"avtal/ui/importfile"
)

// review is the overlay that completes an agreement: its own fields as the
// pending proposals would fill them (e edits and saves them), then every
// proposal with its evidence, to accept, reject or undo one at a time.
type review struct {
	id, title string
	a         *model.Agreement // as stored
	list      []store.ProposalRow
	cursor    int
	offset    int
	loaded    bool
	busy      bool // a decision is being stored
}

// proposalsMsg carries an agreement and its proposals, tagged with the
// request it answers.
type proposalsMsg struct {
	seq  int
	a    *model.Agreement
	list []store.ProposalRow
	err  error
}

// decidedMsg answers an accept, a reject or an undo.
type decidedMsg struct {
	p      store.ProposalRow
	action string // accept | reject | undo
	err    error
}

// openReview opens the overlay for the agreement id and loads its proposals.
func (m *Model) openReview(id, title string) tea.Cmd {
	m.review = &review{id: id, title: title}
	return m.loadProposals()
}

// loadProposals fetches the open overlay's agreement and proposals;
// requests are numbered, so an answer for an overlay since closed or
// reloaded is dropped.
func (m *Model) loadProposals() tea.Cmd {
	m.reviewSeq++
	ctx, seq, id, st := m.c.Ctx, m.reviewSeq, m.review.id, m.c.Store
	return func() tea.Msg {
		a, err := st.Agreement(ctx, id)
		if err != nil {
			return proposalsMsg{seq: seq, err: err}
		}
		list, err := st.Proposals(ctx, id, "")
		return proposalsMsg{seq: seq, a: a, list: list, err: err}
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
	if !r.loaded {
		// The review opens on the first proposal still to decide.
		r.cursor = max(0, slices.IndexFunc(msg.list, func(p store.ProposalRow) bool { return p.Status == store.ProposalPending }))
	}
	r.a, r.list, r.loaded = msg.a, msg.list, true
	r.cursor = min(r.cursor, max(0, len(r.list)-1))
	r.scroll(m.reviewRows())
	return nil
}

// pending returns the proposals still to decide.
func (r *review) pending() []store.ProposalRow {
	var out []store.ProposalRow
	for _, p := range r.list {
		if p.Status == store.ProposalPending {
			out = append(out, p)
		}
	}
	return out
}

// updateReview handles a key while the overlay is open.
func (m *Model) updateReview(msg tea.KeyMsg) tea.Cmd {
	r, k := m.review, m.keys
	last := max(0, len(r.list)-1)
	move := func(to int) {
		r.cursor = min(max(to, 0), last)
		r.scroll(m.reviewRows())
	}
	switch {
	case key.Matches(msg, k.Close, k.Review):
		m.review = nil
	case key.Matches(msg, k.nav.Down):
		move(r.cursor + 1)
	case key.Matches(msg, k.nav.Up):
		move(r.cursor - 1)
	case key.Matches(msg, k.nav.PageDown):
		move(r.cursor + max(1, m.reviewRows()-1))
	case key.Matches(msg, k.nav.PageUp):
		move(r.cursor - max(1, m.reviewRows()-1))
	case key.Matches(msg, k.nav.Top):
		move(0)
	case key.Matches(msg, k.nav.Bottom):
		move(last)
	case key.Matches(msg, k.Edit):
		if r.a != nil {
			return m.openEdit(r.a, r.pending())
		}
	case key.Matches(msg, k.Accept, k.Reject, k.Undo):
		if r.busy || r.cursor >= len(r.list) {
			return nil
		}
		if err := m.c.CanWrite(); err != nil {
			return common.Fail(err)
		}
		action := "accept"
		switch {
		case key.Matches(msg, k.Reject):
			action = "reject"
		case key.Matches(msg, k.Undo):
			action = "undo"
		}
		p, st := r.list[r.cursor], m.c.Store
		switch {
		case action == "undo" && p.Status == store.ProposalPending:
			return common.Fail(errors.New(m.c.T("proposals.undo_pending", p.ID)))
		case action != "undo" && p.Status != store.ProposalPending:
			return common.Fail(errors.New(m.c.T("proposals.conflict", p.ID, m.c.T("proposal.status."+p.Status))))
		}
		r.busy = true
		ctx := m.c.WriteCtx()
		return func() tea.Msg {
			var row store.ProposalRow
			var err error
			if action == "undo" {
				row, err = st.UndoProposal(ctx, p.ID)
			} else {
				row, err = st.DecideProposal(ctx, p.ID, action == "accept")
			}
			return decidedMsg{p: row, action: action, err: err}
		}
	}
	return nil
}

// decided reports a decision and reloads: the register changed for every
// pane. The cursor moves on to the next proposal still pending.
func (m *Model) decided(msg decidedMsg) tea.Cmd {
	if r := m.review; r != nil {
		r.busy = false
		if msg.err == nil && msg.action != "undo" {
			for i := r.cursor + 1; i < len(r.list); i++ {
				if r.list[i].Status == store.ProposalPending {
					r.cursor = i
					break
				}
			}
		}
	}
	if msg.err != nil {
		return common.Fail(msg.err)
	}
	t, p := m.c.T, msg.p
	status := t("proposals.undone", p.ID, importfile.Which(m.c.Lang, p))
	if msg.action != "undo" {
		verb := t("proposals.accepted")
		if msg.action == "reject" {
			verb = t("proposals.rejected")
		}
		status = t("proposals.decided", verb, p.ID, importfile.Which(m.c.Lang, p))
	}
	return tea.Batch(common.Status(status), m.c.Changed(p.AgreementID, "proposals"))
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

// The overlay's parts: the agreement's fields (six lines, the advice and a
// blank line) when the pane has room for them; the list; a blank line and
// the reason; the evidence, at least one line and at most evidenceLines
// unless the list leaves more room.
const (
	fieldsHeight  = 8
	evidenceLines = 6
)

// reviewLayout splits the overlay's height between the fields, the list
// and the evidence.
func (m *Model) reviewLayout() (fields, rows, evidence int) {
	_, frameH := m.c.Styles.Pane.GetFrameSize()
	h := m.height - frameH
	if h >= fieldsHeight+12 {
		fields = fieldsHeight
	}
	evidence = min(max(1, h-fields-2-3), evidenceLines)
	return fields, max(1, h-fields-2-evidence), evidence
}

// reviewRows is how many proposals fit between the fields and the detail.
func (m *Model) reviewRows() int {
	_, rows, _ := m.reviewLayout()
	return rows
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
	default:
		if fields, _, _ := m.reviewLayout(); fields > 0 {
			b.WriteString(m.viewFields(w))
		}
		if len(r.list) == 0 {
			b.WriteString(st.Dim.Width(w).Render(t("proposals.review_empty")))
			break
		}
		// Columns as wide as their longest cell (by display width, so "ö"
		// counts once), within bounds that leave room for the proposal.
		statusW, kindW, clauseW := 0, 0, 0
		for _, p := range r.list {
			statusW = max(statusW, ansi.StringWidth(t("proposal.status."+p.Status)))
			kindW = max(kindW, ansi.StringWidth(t("proposal."+string(p.Kind))))
			clauseW = max(clauseW, ansi.StringWidth(common.Sanitize(p.Clause)))
		}
		statusW, kindW, clauseW = min(statusW, 10), min(kindW, 18), min(clauseW, 16)
		for i := r.offset; i < min(len(r.list), r.offset+m.reviewRows()); i++ {
			p := r.list[i]
			line := fmt.Sprintf("%4d  %s%s%s%s", p.ID, cell(t("proposal.status."+p.Status), statusW), cell(t("proposal."+string(p.Kind)), kindW),
				cell(common.Sanitize(p.Clause), clauseW), common.Sanitize(importfile.Describe(m.c.Lang, p)))
			b.WriteString(st.ListRow(ansi.Truncate(line, w-common.CursorW, "…"), w, i == r.cursor) + "\n")
		}
		p := r.list[r.cursor]
		about := fmt.Sprintf("%s · %.0f %%", p.Reason, p.Confidence*100)
		if len(r.pending()) == 0 {
			about = t("proposals.review_done")
		}
		b.WriteString("\n" + st.Dim.Render(ansi.Truncate(about, w, "…")) + "\n")
		// The evidence whole, wrapped; only a sentence longer than the
		// room left is cut.
		lines := strings.Split(ansi.Wrap(common.Sanitize(p.Evidence), w, ""), "\n")
		_, _, evidence := m.reviewLayout()
		if room := max(evidence, h-strings.Count(b.String(), "\n")); len(lines) > room {
			lines = lines[:room]
			lines[len(lines)-1] = ansi.Truncate(lines[len(lines)-1], w-1, "") + "…"
		}
		b.WriteString(st.Value.Render(strings.Join(lines, "\n")))
	}
	// A pane too low for even the list's parts shows what fits from the top.
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	content := strings.Join(lines[:min(len(lines), max(1, h))], "\n")
	return st.Box(content, w, h, true, ansi.Truncate(t("proposals.review_title", common.Sanitize(r.title)), max(0, w-4), "…"))
}

// viewFields draws the agreement's own fields as the pending proposals
// would fill them, a proposed value marked, and the advice under them.
func (m *Model) viewFields(w int) string {
	r, st, t := m.review, m.c.Styles, m.c.T
	shown := *r.a
	for _, p := range r.pending() {
		if ownField(p.Kind) {
			trial := shown
			if _, err := p.Apply(&trial); err == nil {
				shown = trial
			}
		}
	}
	value := func(name string) string {
		v := formValue(&shown, name)
		if name == "kind" || name == "status" {
			v = importfile.FieldValueWords(m.c.Lang, name, v)
		}
		if v == "" {
			v = "–"
		}
		v = common.Sanitize(v)
		if v != "–" && formValue(&shown, name) != formValue(r.a, name) {
			return st.Highlight.Render(v + " *")
		}
		return st.Value.Render(v)
	}
	pair := func(names ...string) string {
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = st.Label.Render(t("field."+n)+": ") + value(n)
		}
		return ansi.Truncate(strings.Join(parts, "   "), w, "…") + "\n"
	}
	var b strings.Builder
	b.WriteString(pair("title"))
	b.WriteString(pair("supplier.name", "supplier.org_number"))
	b.WriteString(pair("kind", "status", "owner"))
	b.WriteString(pair("signed", "effective", "start"))
	term := importfile.TermWords(m.c.Lang, shown.Term)
	if term == "" {
		term = "–"
	}
	if shown.Term != r.a.Term {
		term = st.Highlight.Render(common.Sanitize(term) + " *")
	} else {
		term = st.Value.Render(common.Sanitize(term))
	}
	b.WriteString(ansi.Truncate(st.Label.Render(t("detail.term")+": ")+term, w, "…") + "\n")
	b.WriteString(pair("fee.amount", "fee.currency", "fee.per"))
	b.WriteString(st.Dim.Render(ansi.Truncate(t("review.fields_hint"), w, "…")) + "\n\n")
	return b.String()
}

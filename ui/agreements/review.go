package agreements

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/store"
	"avtal/ui/importfile"
	"avtal/ui/list"
	"avtal/ui/session"
)

// review is the overlay that completes an agreement: its own fields as the
// pending proposals would fill them (e edits and saves them), then every
// proposal with its evidence, to accept, reject or undo one at a time.
type review struct {
	id, title string
	a         *model.Agreement // as stored
	list      []store.ProposalRow
	rows      list.List // the proposals on screen, same index as list
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
	action string // accept | reject | undo | correct
	err    error
}

// openReview opens the overlay for the agreement id and loads its proposals.
func (m *Model) openReview(id, title string) tea.Cmd {
	m.review = &review{id: id, title: title}
	m.review.rows.SetSorts(m.c.T("list.own_order"), m.c.T("col.status"), m.c.T("col.kind"), m.c.T("review.col.confidence"))
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
		return session.Fail(msg.err)
	}
	keep := r.selectedID()
	r.a, r.list = msg.a, msg.list
	r.sortList(m.c)
	r.rows.SetHeight(m.reviewRows())
	r.rows.Reset(len(r.list), nil)
	if !r.loaded {
		// The review opens on the first proposal still to decide.
		r.rows.Select(max(0, slices.IndexFunc(r.list, func(p store.ProposalRow) bool { return p.Status == store.ProposalPending })))
	} else {
		r.selectID(keep)
	}
	r.loaded = true
	return nil
}

// selectedID is the proposal under the cursor, 0 for none.
func (r *review) selectedID() int64 {
	if i := r.rows.Selected(); i >= 0 && i < len(r.list) {
		return r.list[i].ID
	}
	return 0
}

// selectID puts the cursor on the proposal id when the list holds it.
func (r *review) selectID(id int64) {
	if i := slices.IndexFunc(r.list, func(p store.ProposalRow) bool { return p.ID == id }); i >= 0 {
		r.rows.Select(i)
	}
}

// sortList orders the proposals by the sort column: their number (the
// order they were made in), status (those to decide first), kind, or
// confidence (the surest first).
func (r *review) sortList(c *session.State) {
	var by func(a, b store.ProposalRow) int
	switch r.rows.Sort() {
	case 0:
		by = func(a, b store.ProposalRow) int { return cmp.Compare(a.ID, b.ID) }
	case 1:
		decided := func(p store.ProposalRow) bool { return p.Status != store.ProposalPending }
		by = func(a, b store.ProposalRow) int {
			return cmp.Or(cmp.Compare(b2i(decided(a)), b2i(decided(b))), strings.Compare(a.Status, b.Status))
		}
	case 2:
		by = func(a, b store.ProposalRow) int {
			return strings.Compare(c.T("proposal."+string(a.Kind)), c.T("proposal."+string(b.Kind)))
		}
	default:
		by = func(a, b store.ProposalRow) int { return cmp.Compare(b.Confidence, a.Confidence) }
	}
	slices.SortStableFunc(r.list, by)
}

// b2i is 1 for true, to sort by a yes or no.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
	if r.rows.Nav(msg, k.nav) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Close, k.Review, k.nav.Quit):
		// q closes the review as it closes the clauses' comparison, the
		// other overlay without text; a form over it takes the q as text.
		m.review = nil
	case key.Matches(msg, k.nav.Sort):
		keep := r.selectedID()
		cmd := r.rows.NextSort(m.c)
		r.sortList(m.c)
		r.rows.Invalidate()
		r.selectID(keep)
		return cmd
	case key.Matches(msg, k.Edit):
		if r.a != nil {
			return m.openEdit(r.a, r.pending())
		}
	case key.Matches(msg, k.Cited):
		if i := r.rows.Selected(); i >= 0 && i < len(r.list) {
			return m.showCited(r.list[i])
		}
	case key.Matches(msg, k.Correct):
		i := r.rows.Selected()
		if r.busy || r.a == nil || i < 0 || i >= len(r.list) {
			return nil
		}
		if p := r.list[i]; p.Status != store.ProposalPending {
			return session.Fail(errors.New(m.c.T("proposals.conflict", p.ID, m.c.T("proposal.status."+p.Status))))
		}
		return m.openCorrect(r.list[i])
	case key.Matches(msg, k.Accept, k.Reject, k.Undo):
		i := r.rows.Selected()
		if r.busy || i < 0 || i >= len(r.list) {
			return nil
		}
		if err := m.c.CanWrite(); err != nil {
			return session.Fail(err)
		}
		action := "accept"
		switch {
		case key.Matches(msg, k.Reject):
			action = "reject"
		case key.Matches(msg, k.Undo):
			action = "undo"
		}
		p, st := r.list[i], m.c.Store
		switch {
		case action == "undo" && p.Status == store.ProposalPending:
			return session.Fail(errors.New(m.c.T("proposals.undo_pending", p.ID)))
		case action != "undo" && p.Status != store.ProposalPending:
			return session.Fail(errors.New(m.c.T("proposals.conflict", p.ID, m.c.T("proposal.status."+p.Status))))
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

// showCited looks up the clause the proposal p cites and shows it in the
// Clauses pane; the review stays open behind it, to come back to with 1.
func (m *Model) showCited(p store.ProposalRow) tea.Cmd {
	if p.Clause == "" || p.DocumentID == 0 {
		return session.Fail(errors.New(m.c.T("proposals.no_clause", p.ID)))
	}
	ctx, st, title := m.c.Ctx, m.c.Store, m.review.title
	return func() tea.Msg {
		id, err := st.CitedClause(ctx, p.DocumentID, p.Clause)
		if err != nil {
			return session.ErrMsg{Err: err}
		}
		return session.ShowClauseMsg{AgreementID: p.AgreementID, Title: title, ClauseID: id}
	}
}

// decided reports a decision and reloads: the register changed for every
// pane. The cursor moves on to the next proposal still pending.
func (m *Model) decided(msg decidedMsg) tea.Cmd {
	if r := m.review; r != nil {
		r.busy = false
		if msg.err == nil && msg.action != "undo" {
			for i := r.rows.Cursor() + 1; i < len(r.list); i++ {
				if r.list[i].Status == store.ProposalPending {
					r.rows.Select(i)
					break
				}
			}
		}
	}
	if msg.err != nil {
		return session.Fail(msg.err)
	}
	t, p := m.c.T, msg.p
	status := t("proposals.undone", p.ID, importfile.Which(m.c.Lang, p))
	if msg.action != "undo" {
		verb := t("proposals.accepted")
		switch msg.action {
		case "reject":
			verb = t("proposals.rejected")
		case "correct":
			verb = t("proposals.corrected")
		}
		status = t("proposals.decided", verb, p.ID, importfile.Which(m.c.Lang, p))
	}
	return tea.Batch(session.Status(status), m.c.Changed(p.AgreementID, "proposals"))
}

// The overlay's parts: the agreement's fields (six lines, the advice and
// what the dates lack, or a blank line) when the pane has room for them beside a few proposals and
// their evidence; the list; a blank line and the reason; the evidence, at
// least one line and at most evidenceLines unless the list leaves more room.
const (
	fieldsHeight  = 8
	evidenceLines = 6
	// fieldsBeside is the least room for the list and the evidence under
	// the fields: three proposals, the reason and two lines of evidence.
	// An 80×24 terminal has room for them, and the fields are what the
	// review completes, so they go first.
	fieldsBeside = 3 + 2 + 2
)

// reviewLayout splits the overlay's height between the fields, the list
// and the evidence.
func (m *Model) reviewLayout() (fields, rows, evidence int) {
	_, frameH := m.c.Styles.Pane.GetFrameSize()
	h := m.height - frameH
	if h >= fieldsHeight+fieldsBeside {
		fields = fieldsHeight
	}
	rest := h - fields - 2 // the list and the evidence
	if fields > 0 {
		evidence = min(max(2, rest/2), evidenceLines) // the list as tall as the evidence, when short
	} else {
		evidence = min(max(1, rest-3), evidenceLines)
	}
	return fields, max(1, rest-evidence), evidence
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
			clauseW = max(clauseW, ansi.StringWidth(session.Sanitize(p.Clause)))
		}
		// A heading standing in for a clause number gets more room on a wide terminal.
		statusW, kindW, clauseW = min(statusW, 10), min(kindW, 18), min(clauseW, max(16, w/6))
		render := func(i int) string {
			p := r.list[i]
			line := fmt.Sprintf("%4d  %s%s%s%s", p.ID, cell(t("proposal.status."+p.Status), statusW), cell(t("proposal."+string(p.Kind)), kindW),
				cell(session.Sanitize(p.Clause), clauseW), session.Sanitize(importfile.Describe(m.c.Lang, p)))
			return ansi.Truncate(line, w-session.CursorW, "…")
		}
		r.rows.PlaceInBox(st, 0, 0, strings.Count(b.String(), "\n"), w-session.CursorW)
		for _, row := range r.rows.Rows(st, w, render, nil) {
			b.WriteString(row + "\n")
		}
		p := r.list[r.rows.Cursor()]
		about := fmt.Sprintf("%s · %.0f %%", importfile.Why(m.c.Lang, p.Reason), p.Confidence*100)
		if len(r.pending()) == 0 {
			about = t("proposals.review_done")
		}
		b.WriteString("\n" + st.Dim.Render(ansi.Truncate(about, w, "…")) + "\n")
		// The evidence whole, wrapped; only a sentence longer than the
		// room left is cut.
		lines := strings.Split(ansi.Wrap(session.Sanitize(p.Evidence), w, ""), "\n")
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
	return st.Box(content, w, h, true, ansi.Truncate(t("proposals.review_title", session.Sanitize(r.title)), max(0, w-4), "…"))
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
		v := importfile.FieldValueWords(m.c.Lang, name, formValue(m.c.Lang.Model(), &shown, name))
		if v == "" {
			v = "–"
		}
		v = session.Sanitize(v)
		if v != "–" && formValue(m.c.Lang.Model(), &shown, name) != formValue(m.c.Lang.Model(), r.a, name) {
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
		term = st.Highlight.Render(session.Sanitize(term) + " *")
	} else {
		term = st.Value.Render(session.Sanitize(term))
	}
	b.WriteString(ansi.Truncate(st.Label.Render(t("detail.term")+": ")+term, w, "…") + "\n")
	b.WriteString(pair("fee.amount", "fee.currency", "fee.per"))
	b.WriteString(st.Dim.Render(ansi.Truncate(t("review.fields_hint"), w, "…")) + "\n")
	// Why the calendar stays empty, on a line of its own so that a long
	// term on a narrow terminal does not cut it off.
	b.WriteString(st.Dim.Render(ansi.Truncate(m.c.Lang.DatesLack(&shown), w, "…")) + "\n")
	return b.String()
}

package clauses

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/session"
)

// openNoteChange starts an edit (then is noteChange) or a delete
// (noteDelete) of one of the selected clause's notes: straight away when it
// has one, after asking which by its number in the viewer when several.
func (m *Model) openNoteChange(then editKind) tea.Cmd {
	c := m.c
	d, refused := m.clauseToWrite()
	switch {
	case d == nil:
		return refused
	case len(d.Notes) == 0:
		return session.Status(c.T("clauses.no_notes_to_change"))
	case len(d.Notes) == 1:
		return m.changeNote(then, d, d.Notes[0], 1)
	}
	m.editing = edit{kind: notePick, then: then, clause: d}
	// The note is picked from the clause's notes, numbered as the viewer
	// numbers them (a digit picks one); the form takes the viewer's place,
	// so the notes also go under it.
	notes := make([]string, len(d.Notes))
	for i, note := range d.Notes {
		notes[i] = strconv.Itoa(i+1) + ". " + c.T("risk."+note.Risk) + " · " + ansi.Truncate(session.Sanitize(note.Text), 60, "…")
	}
	m.form = form.New(c, c.T("clauses.which_note", clauseTitle(d)), form.Field{Key: "number", Label: c.T("clauses.note_number"),
		Required: true, Choices: notes})
	m.editing.hint = strings.Join(notes, "\n")
	m.shown = ""
	return nil
}

// noteChosen goes on with the note the pick form chose ("2. watch · …").
func (m *Model) noteChosen(e edit, choice string) tea.Cmd {
	number, _, _ := strings.Cut(choice, ".")
	i, err := strconv.Atoi(number)
	if err != nil || i < 1 || i > len(e.clause.Notes) {
		return nil
	}
	return m.changeNote(e.then, e.clause, e.clause.Notes[i-1], i)
}

// changeNote opens the edit form on note n (number i in the viewer),
// prefilled, or asks before deleting it.
func (m *Model) changeNote(kind editKind, d *store.ClauseDetail, n store.Note, i int) tea.Cmd {
	c := m.c
	if kind == noteDelete {
		ctx, st, agreementID, number := c.WriteCtx(), c.Store, d.AgreementID, d.Number
		yes := func() tea.Msg {
			_, err := st.DeleteNote(ctx, n.ID)
			return writtenMsg{kind: noteDelete, agreementID: agreementID, number: number, err: err}
		}
		var cmd tea.Cmd
		m.question, cmd = c.Ask(c.T("clauses.confirm_delete_note", i, clauseTitle(d), ansi.Truncate(session.Sanitize(n.Text), 24, "…")), yes)
		return cmd
	}
	m.editing = edit{kind: noteChange, clause: d, note: n}
	m.form = form.New(c, c.T("clauses.edit_note_title", i, clauseTitle(d)),
		form.Field{Key: "text", Label: c.T("clauses.note_text"), Value: n.Text, Required: true, Check: m.checkNoteText, Unbounded: true},
		form.Field{Key: "risk", Label: c.T("clauses.note_risk"), Value: c.T("risk." + n.Risk), Required: true, Choices: m.riskChoices(), Check: m.checkRisk})
	m.editing.hint = m.riskHint()
	m.shown = ""
	return nil
}

// clauseTitle names a clause in a form's title: its number and heading.
func clauseTitle(d *store.ClauseDetail) string {
	return strings.TrimSpace(session.Sanitize(d.Number + " " + d.Heading))
}

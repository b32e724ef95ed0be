package clauses

import (
	"errors"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/session"
)

// editKind says what the open form is for.
type editKind int

const (
	tagEdit editKind = iota + 1
	untagEdit
	noteEdit
	compareEdit
	notePick   // which of the clause's notes to change
	noteChange // a note's text and risk
	noteDelete // (no form: a question)
)

// edit is what the open form works on.
type edit struct {
	kind   editKind
	clause *store.ClauseDetail // nil when comparing
	// hint lists choices under the form: suggested tags, or the tags in use.
	hint string
	// inUse are the tags some clause carries (compare only; nil until loaded).
	inUse []string
	// then is what a picked note is for (notePick); note the note changed.
	then editKind
	note store.Note
}

// writtenMsg answers a write of a tag or note.
type writtenMsg struct {
	kind        editKind
	agreementID string
	number      string
	value       string
	err         error
}

// openForm opens the form for kind on the selected clause; writes are
// refused up front in a read-only session.
func (m *Model) openForm(kind editKind) tea.Cmd {
	c := m.c
	if kind == compareEdit {
		return m.openCompareForm()
	}
	d, refused := m.clauseToWrite()
	if d == nil {
		if m.c.CanWrite() == nil && m.clauseOnItsWay() {
			m.queued = kind
		}
		return refused
	}
	title := clauseTitle(d)
	m.editing = edit{kind: kind, clause: d}
	switch kind {
	case tagEdit:
		m.editing.hint = m.suggestions(d)
		m.form = form.New(c, c.T("clauses.tag_title", title), form.Field{Key: "tag", Label: c.T("clauses.tag_label"),
			Required: true, Check: m.checkTagging(d, true), Suggestions: tagIDs()})
	case untagEdit:
		if len(d.Tags) == 0 {
			return session.Status(c.T("clauses.no_tags_to_remove"))
		}
		confirmed, suggested := clauseTags(d)
		on := append(confirmed, suggested...)
		value := ""
		if len(on) == 1 {
			value = on[0]
		}
		m.editing.hint = c.T("clauses.current_tags", strings.Join(d.Tags, ", "))
		m.form = form.New(c, c.T("clauses.untag_title", title), form.Field{Key: "tag", Label: c.T("clauses.tag_label"),
			Value: value, Required: true, Suggestions: on, Check: m.checkTagging(d, false)})
	case noteEdit:
		m.form = form.New(c, c.T("clauses.note_title", title),
			form.Field{Key: "text", Label: c.T("clauses.note_text"), Required: true, Check: m.checkNoteText, Unbounded: true},
			form.Field{Key: "risk", Label: c.T("clauses.note_risk"), Value: c.T("risk." + model.RiskOK), Required: true, Choices: m.riskChoices(), Check: m.checkRisk})
		m.editing.hint = m.riskHint()
	}
	m.shown = ""
	return nil
}

// clauseToWrite is the selected clause in full, when the session may
// write and it is loaded; otherwise nil and the command saying why not.
func (m *Model) clauseToWrite() (*store.ClauseDetail, tea.Cmd) {
	if err := m.c.CanWrite(); err != nil {
		return nil, session.Fail(err)
	}
	sel := m.selectedClause()
	switch {
	case sel == nil && m.pendingJump != 0:
		// A search hit in another agreement is still on its way to the tree.
		return nil, session.Status(m.c.T("loading"))
	case sel == nil:
		return nil, session.Status(m.c.T("clauses.pick_clause"))
	}
	d, ok := m.details[sel.ID]
	if !ok {
		return nil, session.Status(m.c.T("loading"))
	}
	return d, nil
}

// clauseOnItsWay reports whether the selected clause (or the search hit to
// be selected) has been asked for and not arrived yet.
func (m *Model) clauseOnItsWay() bool {
	sel := m.selectedClause()
	if sel == nil {
		return m.pendingJump != 0
	}
	_, ok := m.details[sel.ID]
	return !ok
}

// checkTagging refuses what the store would refuse of putting a tag on
// the clause (add) or taking it off: extract.CheckTagging, in the
// session's language.
func (m *Model) checkTagging(d *store.ClauseDetail, add bool) func(string) error {
	confirmed, suggested := clauseTags(d)
	return func(v string) error {
		_, err := extract.CheckTagging(v, confirmed, suggested, add)
		return m.c.Lang.TagErrors(err)
	}
}

// clauseTags splits the tags of a clause as the store lists them into the
// confirmed ones and the ones the importer suggested ("sla?").
func clauseTags(d *store.ClauseDetail) (confirmed, suggested []string) {
	for _, t := range d.Tags {
		if tag, ok := strings.CutSuffix(t, "?"); ok {
			suggested = append(suggested, tag)
		} else {
			confirmed = append(confirmed, t)
		}
	}
	return confirmed, suggested
}

// suggestions names the built-in tags the clause's words point to and it
// lacks yet, strongest first.
func (m *Model) suggestions(d *store.ClauseDetail) string {
	var names []string
	for _, id := range extract.SuggestTags(d.Heading, d.Body) {
		if t, ok := extract.TagByID(id); ok && !slices.Contains(d.Tags, id) && len(names) < 5 {
			names = append(names, id+" ("+m.tagLabel(t)+")")
		}
	}
	if len(names) == 0 {
		return m.c.T("clauses.tag_hint")
	}
	return m.c.T("clauses.suggested", strings.Join(names, ", ")) + "\n" + m.c.T("clauses.tag_hint")
}

// checkNoteText refuses a note's text the store would refuse
// (model.CheckNote), in the session's language.
func (m *Model) checkNoteText(v string) error {
	_, _, err := model.CheckNote(v, model.RiskOK)
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return errors.New(m.c.Lang.Field(fe))
	}
	return err
}

// checkRisk accepts a risk level parseRisk reads.
func (m *Model) checkRisk(v string) error {
	_, err := m.parseRisk(v)
	return err
}

// tagIDs are the built-in tags' ids, which a tag field completes.
func tagIDs() []string {
	ids := make([]string, len(extract.Taxonomy))
	for i, t := range extract.Taxonomy {
		ids[i] = t.ID
	}
	return ids
}

// riskChoices are the risk levels in the session's language.
func (m *Model) riskChoices() []string {
	return []string{m.c.T("risk." + model.RiskOK), m.c.T("risk." + model.RiskWatch), m.c.T("risk." + model.RiskRisk)}
}

// riskHint names the risk levels under a note's form.
func (m *Model) riskHint() string {
	return m.c.T("clauses.risk_hint", m.c.T("risk."+model.RiskOK), m.c.T("risk."+model.RiskWatch), m.c.T("risk."+model.RiskRisk))
}

// parseRisk reads a risk level by its id or its name in the session's language.
func (m *Model) parseRisk(v string) (string, error) {
	for _, r := range []string{model.RiskOK, model.RiskWatch, model.RiskRisk} {
		if strings.EqualFold(v, r) || strings.EqualFold(v, m.c.T("risk."+r)) {
			return r, nil
		}
	}
	return "", errors.New(m.c.T("clauses.bad_risk", m.c.T("risk."+model.RiskOK), m.c.T("risk."+model.RiskWatch), m.c.T("risk."+model.RiskRisk)))
}

// updateForm passes a key to the open form and acts on what it returns.
func (m *Model) updateForm(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.form.Update(msg)
	switch res {
	case form.Cancelled:
		m.form, m.shown = nil, ""
		return m.showSelected()
	case form.Submitted:
		values, e := m.form.Values(), m.editing
		m.form, m.shown = nil, ""
		switch e.kind {
		case compareEdit:
			tag, _ := extract.CheckTag(values["tag"])
			return tea.Batch(m.showSelected(), m.fetchCompare(tag, ""))
		case notePick:
			return m.noteChosen(e, values["number"])
		}
		return tea.Batch(m.showSelected(), m.write(e, values))
	}
	return cmd
}

// write saves a tag or a note, new or edited, in a command.
func (m *Model) write(e edit, values map[string]string) tea.Cmd {
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	ctx, st, d := m.c.WriteCtx(), m.c.Store, e.clause
	risk, _ := m.parseRisk(values["risk"])
	return func() tea.Msg {
		msg := writtenMsg{kind: e.kind, agreementID: d.AgreementID, number: d.Number, value: values["tag"]}
		switch e.kind {
		case tagEdit:
			msg.value, _ = extract.CheckTag(msg.value)
			msg.err = st.AddTag(ctx, d.ID, msg.value)
		case untagEdit:
			msg.value, _ = extract.CheckTag(msg.value)
			msg.err = st.RemoveTag(ctx, d.ID, msg.value)
		case noteEdit:
			msg.value = risk
			_, msg.err = st.AddNote(ctx, d.ID, values["text"], risk)
		case noteChange:
			msg.value = risk
			_, msg.err = st.EditNote(ctx, e.note.ID, values["text"], risk)
		}
		return msg
	}
}

// written reports a write and tells every pane and session about it.
func (m *Model) written(msg writtenMsg) tea.Cmd {
	if msg.err != nil {
		return session.Fail(m.c.Lang.FieldErrors(m.c.Lang.TagErrors(msg.err)))
	}
	var status string
	switch msg.kind {
	case tagEdit:
		status = m.c.T("clauses.tagged", msg.number, msg.value)
	case untagEdit:
		status = m.c.T("clauses.untagged", msg.number, msg.value)
	case noteEdit:
		status = m.c.T("clauses.noted", msg.number, m.c.T("risk."+msg.value))
	case noteChange:
		status = m.c.T("clauses.note_edited", msg.number, m.c.T("risk."+msg.value))
	case noteDelete:
		status = m.c.T("clauses.note_deleted", msg.number)
	}
	return tea.Batch(session.Status(status), m.c.Changed(msg.agreementID, "clause"))
}

// formView draws the open form with its hint in the viewer's place, cut
// to the viewer's height (the hint goes first).
func (m *Model) formView() string {
	w := max(1, m.viewer.Width)
	out := m.form.View(w)
	if m.editing.hint != "" {
		out += "\n" + m.c.Styles.Dim.Width(w).Render(m.editing.hint)
	}
	lines := strings.Split(out, "\n")
	return strings.Join(lines[:min(len(lines), m.viewer.Height)], "\n")
}

package agreements

import (
	"errors"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/importfile"
	"avtal/ui/session"
)

// formFields are the fields the edit form shows, in model.Fields' order:
// all but the clause of the term and the sub-processor policy, which the
// review shows with the rules they come from.
var formFields = slices.DeleteFunc(slices.Clone(model.Fields), func(f string) bool {
	return f == "term.clause" || strings.HasPrefix(f, "subprocessor_policy.")
})

// editing is an open edit form: the agreement as stored, and the pending
// proposals of its own fields, settled when the form saves what they say;
// or, with correcting set, the form correcting that proposal's values,
// which saving accepts.
type editing struct {
	form       *form.Form
	stored     model.Agreement
	pending    []store.ProposalRow
	correcting *store.ProposalRow
	// shown are the values the form opened with, before they were put in
	// the session's words ("Sweden" shown as "Sverige"): one left as shown
	// is saved as it was, not in the words it was shown in.
	shown map[string]string
	busy  bool
}

// editedMsg answers a save of the edit form.
type editedMsg struct {
	id       string
	err      error
	fieldErr *model.FieldError
}

// correctedMsg answers a save of the correction form.
type correctedMsg struct {
	p   store.ProposalRow
	err error
}

// agreementMsg carries an agreement fetched to open the edit form on.
type agreementMsg struct {
	a   *model.Agreement
	err error
}

// fetchForEdit loads the agreement id and opens the edit form on it.
func (m *Model) fetchForEdit(id string) tea.Cmd {
	if d, ok := m.details[id]; ok && d.a != nil {
		return m.openEdit(d.a, nil)
	}
	ctx, st := m.c.Ctx, m.c.Store
	return func() tea.Msg {
		a, err := st.Agreement(ctx, id)
		return agreementMsg{a: a, err: err}
	}
}

// openEdit opens the form on the agreement a, its fields prefilled with
// what the pending proposals of its term, supplier and fields say.
func (m *Model) openEdit(a *model.Agreement, pending []store.ProposalRow) tea.Cmd {
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	shown := *a
	var own []store.ProposalRow
	for _, p := range pending {
		if !ownField(p.Kind) {
			continue
		}
		// A proposal the model refuses is left for the list, not prefilled.
		trial := shown
		if _, err := p.Apply(&trial); err == nil {
			shown = trial
		}
		own = append(own, p)
	}
	fields := make([]form.Field, len(formFields))
	shownValues := map[string]string{}
	for i, name := range formFields {
		v := formValue(m.c.Lang.Model(), &shown, name)
		shownValues[name] = v
		if fieldChoices[name] == nil { // a picker names its values itself
			v = importfile.FieldValueWords(m.c.Lang, name, v)
		}
		fields[i] = form.Field{Key: name, Label: m.c.T("field." + name), Value: v, Check: m.checkField(name),
			Required: name == "title" || name == "supplier.name" || name == "kind" || name == "status",
			Choices:  fieldChoices[name], ChoiceLabels: m.choiceLabels(name)}
	}
	m.editing = &editing{form: form.New(m.c, m.c.T("edit.tui.title", a.Title), fields...), stored: *a, pending: own, shown: shownValues}
	return nil
}

// openCorrect opens a form on what the proposal p found (a rule's length,
// a sub-processor's country, SLA tiers), prefilled; saving accepts p as
// corrected. A proposal of the agreement's own fields is corrected in the
// edit form, on its first field, where the others it fills are in sight.
func (m *Model) openCorrect(p store.ProposalRow) tea.Cmd {
	names := p.Corrections()
	if len(names) == 0 { // an amendment is confirmed or not
		return session.Fail(errors.New(m.c.T("correct.nothing", p.ID)))
	}
	if ownField(p.Kind) {
		cmd := m.openEdit(m.review.a, m.review.pending())
		if m.editing != nil {
			m.editing.form.Focus(names[0])
		}
		return cmd
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	fields := make([]form.Field, len(names))
	for i, name := range names {
		fields[i] = form.Field{Key: name, Label: m.c.T("correct." + name), Value: p.Value(m.c.Lang.Model(), name),
			Placeholder: m.c.T("correct.ph." + name), Required: name != "org_number" && name != "country" && name != "region" && name != "purpose",
			Check: func(v string) error {
				_, err := p.Correct(map[string]string{name: v})
				return m.fieldWords(err)
			}}
	}
	title := m.c.T("correct.title", p.ID, importfile.Which(m.c.Lang, p))
	m.editing = &editing{form: form.New(m.c, title, fields...), correcting: &p}
	return nil
}

// fieldChoices are the values of the fields with fixed ones, which the
// form offers as pickers.
var fieldChoices = map[string][]string{
	"kind":            stringsOf(model.Kinds),
	"status":          stringsOf(model.Statuses),
	"term.indefinite": {"true"},
}

// choiceLabels names a picker field's values in the session's language
// ("allmänna villkor" for general_terms, "ja" for until further notice),
// as the list and detail do.
func (m *Model) choiceLabels(name string) []string {
	if name == "term.indefinite" {
		return []string{m.c.T("yes")}
	}
	prefix := map[string]string{"kind": "kind.", "status": "status."}[name]
	if prefix == "" {
		return nil
	}
	labels := make([]string, len(fieldChoices[name]))
	for i, v := range fieldChoices[name] {
		labels[i] = m.c.T(prefix + v)
	}
	return labels
}

// stringsOf is values as strings.
func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// formValue is a field's value as the form shows it in the language l: a
// period in its words ("6 månader", which the model reads back), "until
// further notice" blank unless it is so.
func formValue(l model.Lang, a *model.Agreement, name string) string {
	v, _ := a.Field(name)
	switch name {
	case "term.indefinite":
		if v == "false" {
			return ""
		}
	case "term.initial", "term.renewal", "term.notice":
		if p, err := model.ParsePeriod(v); err == nil {
			return p.In(l)
		}
	}
	return v
}

// ownField reports whether a proposal is of the agreement's own fields.
func ownField(k extract.ProposalKind) bool {
	return k == extract.ProposeTerm || k == extract.ProposeSupplier || k == extract.ProposeField
}

// checkField checks one field's text as the model would read it, and
// words a refusal in the session's language.
func (m *Model) checkField(name string) func(string) error {
	return func(v string) error { return m.fieldWords(model.CheckField(name, v)) }
}

// fieldWords is a refusal of one field in the session's language.
func (m *Model) fieldWords(err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return errors.New(m.c.Lang.Field(fe))
	}
	return err
}

// updateEdit handles a key while the edit form is open.
func (m *Model) updateEdit(msg tea.KeyMsg) tea.Cmd {
	e := m.editing
	res, cmd := e.form.Update(msg)
	switch res {
	case form.Cancelled:
		m.editing = nil
	case form.Submitted:
		if e.busy {
			return nil
		}
		e.busy = true
		return m.saveEdit(e)
	}
	return cmd
}

// saveEdit stores the fields that differ from the stored agreement, then
// settles the pending proposals the form showed: those the saved agreement
// agrees with are accepted, those whose values were changed are accepted
// as corrected to what was saved, and those whose fields were emptied are
// rejected, so that none stays to show its first value over the saved one.
// A correction form accepts its proposal as corrected.
func (m *Model) saveEdit(e *editing) tea.Cmd {
	values := e.form.Values()
	if p := e.correcting; p != nil {
		ctx, st := m.c.WriteCtx(), m.c.Store
		return func() tea.Msg {
			row, err := st.CorrectProposal(ctx, p.ID, values)
			return correctedMsg{p: row, err: err}
		}
	}
	var assign []string
	for _, name := range formFields {
		v := values[name]
		if raw := e.shown[name]; v == importfile.FieldValueWords(m.c.Lang, name, raw) {
			v = raw
		}
		if v != formValue(m.c.Lang.Model(), &e.stored, name) {
			assign = append(assign, name+"="+v)
		}
	}
	ctx, id, st, pending := m.c.WriteCtx(), e.stored.ID, m.c.Store, e.pending
	return func() tea.Msg {
		a, err := st.SetFields(ctx, id, assign)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return editedMsg{id: id, fieldErr: fe}
		}
		if err != nil {
			return editedMsg{id: id, err: err}
		}
		// The fields are saved; a proposal decided meanwhile in another
		// session is refused here and stays as it was decided there.
		for _, p := range pending {
			trial := *a
			if applied, err := p.Apply(&trial); err == nil && len(applied.Fields) == 0 {
				_, _ = st.DecideProposal(ctx, p.ID, true)
				continue
			}
			saved, empty := map[string]string{}, true
			for _, name := range p.Corrections() {
				saved[name] = formValue(model.English, a, name) // "" for not until further notice
				empty = empty && saved[name] == ""
			}
			if empty {
				_, _ = st.DecideProposal(ctx, p.ID, false)
			} else {
				_, _ = st.CorrectProposal(ctx, p.ID, saved)
			}
		}
		return editedMsg{id: id}
	}
}

// corrected closes the correction form after the proposal was accepted as
// corrected, or shows under its field what the model refused.
func (m *Model) corrected(msg correctedMsg) tea.Cmd {
	e := m.editing
	var fe *model.FieldError
	if e != nil && e.correcting != nil {
		e.busy = false
		if errors.As(msg.err, &fe) {
			e.form.SetFieldError(fe.Field, m.c.Lang.Field(fe))
			return nil
		}
		if msg.err == nil {
			m.editing = nil
		}
	}
	return m.decided(decidedMsg{p: msg.p, action: "correct", err: msg.err})
}

// edited closes the form after a save, or shows what was refused.
func (m *Model) edited(msg editedMsg) tea.Cmd {
	e := m.editing
	if e != nil {
		e.busy = false
	}
	switch {
	case msg.fieldErr != nil && e != nil:
		if slices.Contains(formFields, msg.fieldErr.Field) {
			e.form.SetFieldError(msg.fieldErr.Field, m.c.Lang.Field(msg.fieldErr))
		} else {
			e.form.SetError(m.c.Lang.FieldErrors(msg.fieldErr).Error())
		}
		return nil
	case msg.err != nil:
		return session.Fail(msg.err)
	}
	m.editing = nil
	return tea.Batch(session.Status(m.c.T("edit.tui.saved", msg.id)), m.c.Changed(msg.id, "agreement"))
}

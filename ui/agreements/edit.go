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
	"avtal/ui/session"
)

// formFields are the fields the edit form shows, in model.Fields' order:
// all but the clause of the term and the sub-processor policy, which the
// review shows with the rules they come from.
var formFields = slices.DeleteFunc(slices.Clone(model.Fields), func(f string) bool {
	return f == "term.clause" || strings.HasPrefix(f, "subprocessor_policy.")
})

// editing is an open edit form: the agreement as stored, and the pending
// proposals of its own fields, settled when the form saves what they say.
type editing struct {
	form    *form.Form
	stored  model.Agreement
	pending []store.ProposalRow
	busy    bool
}

// editedMsg answers a save of the edit form.
type editedMsg struct {
	id       string
	settled  int
	err      error
	fieldErr *model.FieldError
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
	for i, name := range formFields {
		fields[i] = form.Field{Key: name, Label: m.c.T("field." + name), Value: formValue(m.c.Lang.Model(), &shown, name), Check: m.checkField(name),
			Required: name == "title" || name == "supplier.name" || name == "kind" || name == "status",
			Choices:  fieldChoices[name], ChoiceLabels: m.choiceLabels(name)}
	}
	m.editing = &editing{form: form.New(m.c, m.c.T("edit.tui.title", a.Title), fields...), stored: *a, pending: own}
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
	return func(v string) error {
		err := model.CheckField(name, v)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return errors.New(m.c.Lang.Field(fe))
		}
		return err
	}
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
// accepts the pending proposals the saved agreement now agrees with.
func (m *Model) saveEdit(e *editing) tea.Cmd {
	values := e.form.Values()
	var assign []string
	for _, name := range formFields {
		if values[name] != formValue(m.c.Lang.Model(), &e.stored, name) {
			assign = append(assign, name+"="+values[name])
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
		settled := 0
		for _, p := range pending {
			trial := *a
			if applied, err := p.Apply(&trial); err == nil && len(applied.Fields) == 0 {
				if _, err := st.DecideProposal(ctx, p.ID, true); err == nil {
					settled++
				}
			}
		}
		return editedMsg{id: id, settled: settled}
	}
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

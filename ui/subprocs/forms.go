package subprocs

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// savedMsg reports a write; the form stays open until it succeeds.
type savedMsg struct {
	agreementID string
	status      string
	err         error
}

// formModal is an open form and what its values do when saved.
type formModal struct {
	m *Model
	f *form.Form
	// submit checks what needs more than one field, marks the field that
	// is wrong and returns nil, or returns the command that saves.
	submit func(f *form.Form, v map[string]string) tea.Cmd
	saving bool
}

func (fm *formModal) update(k tea.KeyMsg) tea.Cmd {
	if fm.saving {
		return nil
	}
	res, cmd := fm.f.Update(k)
	switch res {
	case form.Cancelled:
		fm.m.modal = nil
		return session.Status(fm.m.c.T("subprocs.cancelled"))
	case form.Submitted:
		if save := fm.submit(fm.f, fm.f.Values()); save != nil {
			fm.saving = true
			return save
		}
	}
	return cmd
}

func (fm *formModal) view(width, _ int) string { return fm.f.View(width) }

// ShortHelp lists the form's keys.
func (fm *formModal) ShortHelp() []key.Binding { return fm.f.ShortHelp() }

// saved closes the form after a write, or shows why it failed.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		switch md := m.modal.(type) {
		case *formModal:
			md.saving = false
			md.f.SetError(m.writeError(msg.err))
		case *compareModal:
			md.err = m.writeError(msg.err)
		default:
			return session.Fail(msg.err)
		}
		return nil
	}
	m.modal = nil
	return tea.Batch(session.Status(msg.status), m.c.Changed(msg.agreementID, "subprocessors"))
}

// writeError words a refused write for the form.
func (m *Model) writeError(err error) string {
	return session.Sanitize(m.fieldError(err).Error())
}

// fieldError words a model's refusal of a field as the form shows it, in
// the session's language.
func (m *Model) fieldError(err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) && fe.Key != "" {
		return errors.New(m.c.Lang.Field(fe))
	}
	return m.c.Lang.FieldErrors(err)
}

// write returns a command that runs fn against the store and reports it
// with the status text.
func (m *Model) write(agreementID, status string, fn func(context.Context, *store.Store) error) tea.Cmd {
	ctx, st := m.c.WriteCtx(), m.c.Store
	return func() tea.Msg {
		return savedMsg{agreementID: agreementID, status: status, err: fn(ctx, st)}
	}
}

// writeKey opens the form a write key asks for, when the session may write
// and something fitting is selected; otherwise it says why not.
func (m *Model) writeKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if !key.Matches(msg, k.Add, k.Edit, k.Remove, k.Notice, k.Decide, k.Undo, k.Compare, k.Checked) {
		return nil
	}
	if m.mode != modeRegister || m.reg == nil {
		return session.Status(m.c.T("subprocs.need_scope"))
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	switch {
	case key.Matches(msg, k.Add):
		m.modal = m.subForm(-1)
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Remove):
		i := m.subIndex()
		if i < 0 {
			return session.Status(m.c.T("subprocs.need_sub"))
		}
		if key.Matches(msg, k.Edit) {
			m.modal = m.subForm(i)
		} else {
			m.modal = m.removeForm(m.reg.a.Subs[i])
		}
	case key.Matches(msg, k.Notice):
		m.modal = m.noticeForm()
	case key.Matches(msg, k.Decide), key.Matches(msg, k.Undo):
		i := m.noticeIndex()
		if i < 0 {
			return session.Status(m.c.T("subprocs.need_notice"))
		}
		if key.Matches(msg, k.Undo) {
			return m.askUndo(m.reg.notices[i])
		}
		m.modal = m.decideForm(m.reg.notices[i])
	case key.Matches(msg, k.Checked):
		p := m.reg.a.SubPolicy
		if p == nil || p.ListURL == "" {
			return session.Status(m.c.T("subprocs.no_list_url"))
		}
		m.modal = m.checkedForm(p.ListURL)
	case key.Matches(msg, k.Compare):
		m.modal = newCompare(m)
	}
	return nil
}

// Field checks, in words for the form.
func checkDate(s string) error { _, err := model.ParseDate(s); return err }

func (m *Model) checkCountry(s string) error {
	_, err := subproc.ParseCountry(s)
	return m.fieldError(err)
}

func (m *Model) checkRegion(s string) error { _, err := model.ParseRegion(s); return m.fieldError(err) }

// choice reads one of a fixed set of values, written as its code or as its
// label in either language ("approved", "godkänd").
func choice[T ~string](c *session.State, s string, values []T, keyPrefix string) (T, error) {
	s = strings.TrimSpace(s)
	labels := labelsOf(c, values, keyPrefix)
	for _, v := range values {
		for _, w := range []string{string(v), i18n.EN.T(keyPrefix + string(v)), i18n.SV.T(keyPrefix + string(v))} {
			if strings.EqualFold(s, w) {
				return v, nil
			}
		}
	}
	return "", errors.New(c.T("subprocs.err.choice", s, strings.Join(labels, ", ")))
}

// labelsOf names values in the session's language: a picker's choices.
func labelsOf[T ~string](c *session.State, values []T, keyPrefix string) []string {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = c.T(keyPrefix + string(v))
	}
	return labels
}

// subForm adds (i < 0) or edits register entry i.
func (m *Model) subForm(i int) modal {
	t := m.c.T
	s := model.SubProcessor{Status: model.SubApproved}
	title := t("subprocs.form.add", oneLine(m.reg.a.Title))
	if i >= 0 {
		s = m.reg.a.Subs[i]
		title = t("subprocs.form.edit", oneLine(s.Name))
	}
	others := m.reg.a.Subs
	checkName := func(v string) error { return m.fieldError(model.CheckSubName(others, i, v)) }
	checkStatus := func(v string) error { _, err := choice(m.c, v, model.SubStatuses, "substatus."); return err }
	f := form.New(m.c, title,
		form.Field{Key: "name", Label: t("subprocs.col.name"), Value: s.Name, Required: true, Check: checkName},
		form.Field{Key: "org", Label: t("subprocs.col.org"), Value: s.OrgNumber, Placeholder: "NNNNNN-NNNN"},
		form.Field{Key: "country", Label: t("subprocs.col.country"), Value: s.Country, Placeholder: t("subprocs.ph.country"), Check: m.checkCountry},
		form.Field{Key: "region", Label: t("subprocs.col.region"), Value: s.Region, Placeholder: t("subprocs.ph.region"), Check: m.checkRegion},
		form.Field{Key: "purpose", Label: t("subprocs.col.purpose"), Value: s.Purpose},
		form.Field{Key: "clause", Label: t("subprocs.col.clause"), Value: s.Clause, Placeholder: "B.1"},
		form.Field{Key: "status", Label: t("subprocs.col.status"), Value: t("substatus." + string(s.Status)), Required: true,
			Choices: labelsOf(m.c, model.SubStatuses, "substatus."), Check: checkStatus},
		form.Field{Key: "basis", Label: t("subprocs.basis"), Value: s.TransferBasis, Placeholder: t("subprocs.ph.basis")},
		form.Field{Key: "since", Label: t("subprocs.form.since"), Value: s.Since.String(), Placeholder: "YYYY-MM-DD", Check: checkDate},
	)
	id, oldName, today := m.reg.a.ID, s.Name, m.today()
	return &formModal{m: m, f: f, submit: func(f *form.Form, v map[string]string) tea.Cmd {
		sp := model.SubProcessor{Name: v["name"], OrgNumber: v["org"], Purpose: v["purpose"], Clause: v["clause"], TransferBasis: v["basis"]}
		if v["country"] != "" {
			c, _ := subproc.ParseCountry(v["country"]) // checked by the field
			sp.Country = c.Code
		}
		sp.Region, _ = model.ParseRegion(v["region"]) // checked by the field
		sp.Status, _ = choice(m.c, v["status"], model.SubStatuses, "substatus.")
		sp.Since, _ = model.ParseDate(v["since"])
		if i < 0 {
			return m.write(id, t("subprocs.saved.added", oneLine(sp.Name)), func(ctx context.Context, st *store.Store) error {
				return st.AddSub(ctx, id, sp, today)
			})
		}
		return m.write(id, t("subprocs.saved.edited", oneLine(sp.Name)), func(ctx context.Context, st *store.Store) error {
			return st.EditSub(ctx, id, oldName, sp, today)
		})
	}}
}

// removeForm confirms marking an entry removed, on a day.
func (m *Model) removeForm(s model.SubProcessor) modal {
	t := m.c.T
	f := form.New(m.c, t("subprocs.form.remove", oneLine(s.Name)),
		form.Field{Key: "date", Label: t("subprocs.form.removed_on"), Value: m.today().String(), Required: true, Check: checkDate})
	id, name := m.reg.a.ID, s.Name
	return &formModal{m: m, f: f, submit: func(f *form.Form, v map[string]string) tea.Cmd {
		on, _ := model.ParseDate(v["date"])
		return m.write(id, t("subprocs.saved.removed", oneLine(name)), func(ctx context.Context, st *store.Store) error {
			return st.RemoveSub(ctx, id, name, on)
		})
	}}
}

// checkedForm records the day the list kept elsewhere was checked.
func (m *Model) checkedForm(url string) modal {
	t := m.c.T
	f := form.New(m.c, t("subprocs.form.checked", oneLine(url)),
		form.Field{Key: "date", Label: t("subprocs.form.checked_on"), Value: m.today().String(), Required: true, Check: checkDate})
	id := m.reg.a.ID
	return &formModal{m: m, f: f, submit: func(f *form.Form, v map[string]string) tea.Cmd {
		on, _ := model.ParseDate(v["date"])
		return m.write(id, t("subprocs.saved.checked", on), func(ctx context.Context, st *store.Store) error {
			return st.SetListChecked(ctx, id, on)
		})
	}}
}

// noticeForm records a change notice; on save the status bar shows the
// objection deadline it gives.
func (m *Model) noticeForm() modal {
	t := m.c.T
	checkChange := func(v string) error { _, err := choice(m.c, v, subproc.ChangeKinds, "change."); return err }
	f := form.New(m.c, t("subprocs.form.notice", oneLine(m.reg.a.Title)),
		form.Field{Key: "received", Label: t("subprocs.col.received"), Value: m.today().String(), Required: true, Check: checkDate},
		form.Field{Key: "change", Label: t("subprocs.col.change"), Value: t("change.add"), Required: true,
			Choices: labelsOf(m.c, subproc.ChangeKinds, "change."), Check: checkChange},
		form.Field{Key: "name", Label: t("subprocs.col.name"), Required: true},
		form.Field{Key: "replaces", Label: t("subprocs.replaces"), Placeholder: t("subprocs.ph.replaces")},
		form.Field{Key: "country", Label: t("subprocs.col.country"), Placeholder: t("subprocs.ph.country"), Check: m.checkCountry},
		form.Field{Key: "region", Label: t("subprocs.col.region"), Placeholder: t("subprocs.ph.region"), Check: m.checkRegion},
		form.Field{Key: "org", Label: t("subprocs.col.org")},
		form.Field{Key: "purpose", Label: t("subprocs.col.purpose")},
		form.Field{Key: "effective", Label: t("subprocs.col.effective"), Placeholder: t("subprocs.ph.effective"), Check: checkDate},
	)
	a := m.reg.a
	return &formModal{m: m, f: f, submit: func(f *form.Form, v map[string]string) tea.Cmd {
		n, field, err := m.noticeFrom(v, a.Subs)
		if err != nil {
			f.SetFieldError(field, err.Error())
			return nil
		}
		as := subproc.Evaluate(a.SubPolicy, n)
		status := t("subprocs.saved.notice_none", oneLine(n.Sub.Name))
		if !as.ObjectionBy.IsZero() {
			status = t("subprocs.saved.notice", oneLine(n.Sub.Name), as.ObjectionBy, as.ActBy)
		}
		return m.write(a.ID, status, func(ctx context.Context, st *store.Store) error {
			_, err := st.RecordNotice(ctx, a.ID, n)
			return err
		})
	}}
}

// noticeFrom builds a notice from the form and checks what spans fields,
// returning the form field to blame.
func (m *Model) noticeFrom(v map[string]string, subs []model.SubProcessor) (subproc.Notice, string, error) {
	t := m.c.T
	var n subproc.Notice
	n.Received, _ = model.ParseDate(v["received"])
	n.Effective, _ = model.ParseDate(v["effective"])
	n.Change, _ = choice(m.c, v["change"], subproc.ChangeKinds, "change.")
	n.Sub = model.SubProcessor{Name: v["name"], OrgNumber: v["org"], Purpose: v["purpose"]}
	if v["country"] != "" {
		c, _ := subproc.ParseCountry(v["country"])
		n.Sub.Country = c.Code
	}
	n.Sub.Region, _ = model.ParseRegion(v["region"])
	n.Replaces = v["replaces"]
	n, err := subproc.FitRegister(n, subs)
	var re *subproc.RegisterError
	if errors.As(err, &re) {
		return n, formField(err), errors.New(t("subprocs.err."+re.Key, re.Args...))
	}
	if err != nil {
		return n, formField(err), m.fieldError(err)
	}
	return n, "", nil
}

// formField maps a notice's field name to the form's.
func formField(err error) string {
	var field string
	var fe *model.FieldError
	var re *subproc.RegisterError
	switch {
	case errors.As(err, &re):
		field = re.Field
	case errors.As(err, &fe):
		field = fe.Field
	}
	switch field {
	case "received", "change", "replaces", "effective":
		return field
	case "subprocessor.country":
		return "country"
	case "subprocessor.region":
		return "region"
	}
	return "name"
}

// decideForm records the customer's answer to a notice.
func (m *Model) decideForm(n noticeView) modal {
	t := m.c.T
	received := n.row.Notice.Received
	checkVerdict := func(v string) error {
		_, err := choice(m.c, v, []subproc.Verdict{subproc.Accept, subproc.Object}, "verdict.")
		return err
	}
	checkDecided := func(v string) error {
		d, err := model.ParseDate(v)
		if err != nil {
			return err
		}
		return m.fieldError(subproc.CheckDecidedOn(received, d))
	}
	verdict := ""
	if dec := n.row.Notice.Decision; dec != nil {
		verdict = t("verdict." + string(dec.Verdict))
	}
	f := form.New(m.c, t("subprocs.form.decide", oneLine(n.row.Notice.Sub.Name), n.as.ObjectionBy.String()),
		form.Field{Key: "verdict", Label: t("subprocs.decision"), Value: verdict, Required: true,
			Choices: labelsOf(m.c, []subproc.Verdict{subproc.Accept, subproc.Object}, "verdict."), Check: checkVerdict},
		form.Field{Key: "date", Label: t("subprocs.form.decided_on"), Value: m.today().String(), Required: true, Check: checkDecided},
		form.Field{Key: "comment", Label: t("subprocs.form.comment")},
	)
	id, agreementID := n.row.ID, n.row.AgreementID
	return &formModal{m: m, f: f, submit: func(f *form.Form, v map[string]string) tea.Cmd {
		d := subproc.Decision{Comment: v["comment"]}
		d.Verdict, _ = choice(m.c, v["verdict"], []subproc.Verdict{subproc.Accept, subproc.Object}, "verdict.")
		d.Date, _ = model.ParseDate(v["date"])
		status := t("subprocs.saved.decided", t("verdict."+string(d.Verdict)), fmt.Sprint(id))
		return m.write(agreementID, status, func(ctx context.Context, st *store.Store) error {
			return st.DecideNotice(ctx, id, d)
		})
	}}
}

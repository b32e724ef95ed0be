package sla

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/session"
)

// formTime is how the forms show a local time; they read it with a T too.
const formTime = "2006-01-02 15:04"

// openAdd opens the form for a new incident of the agreement shown.
func (m *Model) openAdd() tea.Cmd {
	a := m.current()
	if a == nil || a.SLA == nil {
		return nil
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	m.formKind, m.editing = addForm, model.Incident{AgreementID: a.ID}
	m.form = form.New(m.c, m.c.T("sla.form.add", session.Sanitize(a.Title)), m.incidentFields(m.editing)...)
	return nil
}

// openEdit opens the form on the selected incident.
func (m *Model) openEdit() tea.Cmd {
	inc := m.selected()
	if inc == nil {
		return nil
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	m.formKind, m.editing = editForm, *inc
	m.form = form.New(m.c, m.c.T("sla.form.edit", session.Sanitize(m.current().Title)), m.incidentFields(*inc)...)
	return nil
}

// incidentFields are the form's fields, filled from inc.
func (m *Model) incidentFields(inc model.Incident) []form.Field {
	loc := m.zone()
	at := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(loc).Format(formTime)
	}
	checkTime := func(s string) error { _, err := m.parseTime(s); return err }
	checkYesNo := func(s string) error {
		if _, ok := m.yesNo(s); !ok {
			return errors.New(m.c.T("sla.err.yes_no"))
		}
		return nil
	}
	checkDate := func(s string) error { _, err := model.ParseDate(s); return err }
	timeHint, dateHint := m.c.T("sla.hint.time", loc.String()), m.c.T("sla.hint.date")
	yesNo := []string{m.c.T("no"), m.c.T("yes")}
	return []form.Field{
		{Key: "start", Label: m.c.T("sla.field.start"), Value: at(inc.Start), Placeholder: timeHint, Required: true, Check: checkTime},
		{Key: "end", Label: m.c.T("sla.field.end"), Value: at(inc.End), Placeholder: timeHint, Required: true, Check: checkTime},
		{Key: "planned", Label: m.c.T("sla.field.planned"), Value: m.answer(inc.Planned), Required: true, Choices: yesNo, Check: checkYesNo},
		{Key: "excluded", Label: m.c.T("sla.field.excluded"), Value: m.answer(inc.Excluded), Required: true, Choices: yesNo, Check: checkYesNo},
		{Key: "reason", Label: m.c.T("sla.field.reason"), Value: inc.ExcludeReason},
		{Key: "description", Label: m.c.T("sla.field.description"), Value: inc.Description},
		{Key: "reported", Label: m.c.T("sla.field.reported"), Value: inc.Reported.String(), Placeholder: dateHint, Check: checkDate},
		{Key: "claim_sent", Label: m.c.T("sla.field.claim_sent"), Value: inc.ClaimSent.String(), Placeholder: dateHint, Check: checkDate},
	}
}

// parseTime reads a local time in the SLA's zone, "2026-11-10 16:00" or with a T.
func (m *Model) parseTime(s string) (time.Time, error) { return slacredit.ParseTime(s, m.zone()) }

// yesNo reads y/yes/j/ja or n/no/nej, in either language; empty is no.
func (m *Model) yesNo(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "j", "ja":
		return true, true
	case "", "n", "no", "nej":
		return false, true
	}
	return false, false
}

// answer fills a yes/no field: yes in the session's language, or empty
// for no, so that typing an answer never has to erase one first.
func (m *Model) answer(b bool) string {
	if b {
		return m.c.T("yes")
	}
	return m.c.T("no")
}

// updateForm passes a key to the open form and acts on its outcome.
func (m *Model) updateForm(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.form.Update(msg)
	switch res {
	case form.Cancelled:
		m.form = nil
		return nil
	case form.Submitted:
		return m.submit()
	}
	return cmd
}

// submit checks what needs more than one field and saves; an invalid form
// stays open with the message under the field, and nothing is written.
func (m *Model) submit() tea.Cmd {
	v := m.form.Values()
	switch m.formKind {
	case feeForm:
		return m.setFee(v["fee"])
	case excludeForm:
		inc := m.editing
		inc.Excluded, inc.ExcludeReason = true, v["reason"]
		return m.update(inc)
	}
	inc, ok := m.incidentFromForm(v)
	if !ok {
		return nil
	}
	if m.formKind == editForm {
		return m.update(inc)
	}
	return m.write(inc.AgreementID, "sla.saved", func(ctx context.Context, st *store.Store) (int64, error) {
		return st.AddIncident(ctx, &inc)
	})
}

// incidentFromForm builds the incident from checked fields, and marks the
// fields whose combination is wrong.
func (m *Model) incidentFromForm(v map[string]string) (model.Incident, bool) {
	inc := m.editing
	inc.Start, _ = m.parseTime(v["start"])
	inc.End, _ = m.parseTime(v["end"])
	inc.Planned, _ = m.yesNo(v["planned"])
	inc.Excluded, _ = m.yesNo(v["excluded"])
	inc.ExcludeReason, inc.Description = "", v["description"]
	if inc.Excluded {
		inc.ExcludeReason = v["reason"]
	}
	inc.Reported, _ = model.ParseDate(v["reported"])
	inc.ClaimSent, _ = model.ParseDate(v["claim_sent"])
	return inc, !m.refused(inc.CheckRecord())
}

// refused shows a refused incident under the form's field it blames (the
// model's check, as the store and the CLI make it) and reports whether err
// was one.
func (m *Model) refused(err error) bool {
	var ie *model.IncidentError
	if m.form == nil || !errors.As(err, &ie) {
		return false
	}
	field := cmp.Or(map[string]string{"exclude_reason": "reason"}[ie.Field], ie.Field)
	if _, shown := m.form.Values()[field]; !shown {
		m.form.SetError(field + ": " + m.c.Lang.Incident(ie))
		return true
	}
	m.form.SetFieldError(field, m.c.Lang.Incident(ie))
	return true
}

// write runs a change to the incident log in a command once the session
// may write; the reply is a savedMsg.
func (m *Model) write(agreementID, status string, op func(context.Context, *store.Store) (int64, error)) tea.Cmd {
	if err := m.c.CanWrite(); err != nil {
		if m.form != nil {
			m.form.SetError(err.Error())
		}
		return session.Fail(err)
	}
	ctx, st := m.c.WriteCtx(), m.c.Store
	return func() tea.Msg {
		id, err := op(ctx, st)
		return savedMsg{agreementID: agreementID, status: status, selectID: id, err: err}
	}
}

// update saves a changed incident.
func (m *Model) update(inc model.Incident) tea.Cmd {
	return m.write(inc.AgreementID, "sla.saved", func(ctx context.Context, st *store.Store) (int64, error) {
		return inc.ID, st.UpdateIncident(ctx, &inc)
	})
}

// saved closes the form after a write and tells every pane; a refused
// write keeps the form open with the reason.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		if m.refused(msg.err) {
			return nil
		}
		if m.form != nil {
			m.form.SetError(m.c.Lang.FieldErrors(msg.err).Error())
		}
		return session.Fail(msg.err)
	}
	m.form = nil
	m.selectID = msg.selectID
	return tea.Batch(session.Status(m.c.T(msg.status)), m.c.Changed(msg.agreementID, "incident"))
}

// togglePlanned marks the selected incident planned, or unplanned again.
func (m *Model) togglePlanned() tea.Cmd {
	sel := m.selected()
	if sel == nil {
		return nil
	}
	inc := *sel
	inc.Planned = !inc.Planned
	return m.update(inc)
}

// toggleExcluded counts an excluded incident again, or asks why it is to be excluded.
func (m *Model) toggleExcluded() tea.Cmd {
	sel := m.selected()
	if sel == nil {
		return nil
	}
	inc := *sel
	if inc.Excluded {
		inc.Excluded, inc.ExcludeReason = false, ""
		return m.update(inc)
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	m.formKind, m.editing = excludeForm, inc
	m.form = form.New(m.c, m.c.T("sla.form.exclude"),
		form.Field{Key: "reason", Label: m.c.T("sla.field.reason"), Required: true})
	return nil
}

// askDelete asks before the selected incident is deleted.
func (m *Model) askDelete() tea.Cmd {
	sel := m.selected()
	if sel == nil {
		return nil
	}
	inc := *sel
	yes := m.write(inc.AgreementID, "sla.deleted", func(ctx context.Context, st *store.Store) (int64, error) {
		return 0, st.DeleteIncident(ctx, inc.AgreementID, inc.ID)
	})
	var cmd tea.Cmd
	m.deleting, cmd = m.c.Ask(m.c.T("sla.confirm_delete", m.span(inc)), yes)
	return cmd
}

// answerDelete deletes on y and keeps the incident on any other key.
func (m *Model) answerDelete(msg tea.KeyMsg) tea.Cmd {
	q := m.deleting
	m.deleting = nil
	return q.Answer(msg)
}

// openFee asks for a what-if monthly fee; it changes what is shown, not the register.
func (m *Model) openFee() tea.Cmd {
	a := m.current()
	if a == nil || a.SLA == nil {
		return nil
	}
	value := ""
	if f, ok := m.fees[a.ID]; ok {
		value = f.String()
	}
	m.formKind = feeForm
	m.form = form.New(m.c, m.c.T("sla.form.fee"), form.Field{Key: "fee", Label: m.c.T("sla.field.fee"), Value: value,
		Placeholder: m.c.T("sla.hint.fee"), Check: m.checkFee})
	return nil
}

// checkFee refuses a what-if fee slacredit.ParseFee refuses, in the session's language.
func (m *Model) checkFee(s string) error {
	var oe *slacredit.OverrideError
	if _, err := slacredit.ParseFee(s); errors.As(err, &oe) {
		return errors.New(m.c.Lang.Override(oe))
	}
	return nil
}

// setFee applies the what-if fee (empty: the agreement's own) and shows the month on it.
func (m *Model) setFee(s string) tea.Cmd {
	m.form = nil
	a := m.current()
	if s == "" {
		delete(m.fees, a.ID)
		return tea.Batch(session.Status(m.c.T("sla.fee_reset")), m.show())
	}
	f, _ := slacredit.ParseFee(s) // checked by checkFee
	m.fees[a.ID] = f
	return tea.Batch(session.Status(m.c.T("sla.fee_set", f.Grouped()+" "+a.Fee.Currency)), m.show())
}

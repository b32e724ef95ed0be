package calendar

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/ui/form"
	"avtal/ui/session"
)

// writtenMsg is the store's answer to a write the pane asked for.
type writtenMsg struct {
	agreementID string
	status      string
	err         error
}

// write runs a store write in a command and answers with the status text
// to show when it succeeded. A write begun is finished even if the session
// ends meanwhile (State.WriteCtx).
func (m *Model) write(agreementID, status string, fn func(ctx context.Context) error) tea.Cmd {
	ctx := m.c.WriteCtx()
	return func() tea.Msg {
		return writtenMsg{agreementID: agreementID, status: status, err: fn(ctx)}
	}
}

// written closes the form after a write, or shows why the store refused
// it; then every pane (and every session) recomputes.
func (m *Model) written(msg writtenMsg) tea.Cmd {
	m.saving = false
	if msg.err != nil {
		// The model's refusals (an event no deadline counts from) in the
		// session's language.
		err := m.c.Lang.FieldErrors(msg.err)
		if m.form != nil {
			m.form.SetError(err.Error())
			return nil
		}
		return session.Fail(err)
	}
	m.form, m.submit = nil, nil
	return tea.Batch(m.c.Changed(msg.agreementID, "deadline"), session.Status(msg.status))
}

// openForm opens a form whose submission runs submit, unless the session
// may not write.
func (m *Model) openForm(title string, submit func(map[string]string) tea.Cmd, fields ...form.Field) tea.Cmd {
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	m.form, m.submit = form.New(m.c, title, fields...), submit
	return nil
}

// formKey hands a key to the open form; keys wait while a write is on its way.
func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	if m.saving {
		return nil
	}
	res, cmd := m.form.Update(msg)
	switch res {
	case form.Cancelled:
		m.form, m.submit = nil, nil
		return nil
	case form.Submitted:
		m.saving = true
		return m.submit(m.form.Values())
	}
	return cmd
}

// describe names a deadline in a title or status line: kind and agreement.
func (m *Model) describe(d *model.Deadline) string {
	return m.c.T("dl."+string(d.Kind)) + " · " + m.data.title(d.AgreementID)
}

func checkDate(s string) error {
	_, err := model.ParseDate(s)
	return err
}

// openDone asks on which day the selected deadline was dealt with, and how.
func (m *Model) openDone() tea.Cmd {
	d := m.selected()
	if d == nil {
		return session.Status(m.c.T("cal.status.select"))
	}
	st, id, key, what := m.c.Store, d.AgreementID, d.Key(), m.describe(d)
	return m.openForm(m.c.T("cal.form.done", what), func(v map[string]string) tea.Cmd {
		on, _ := model.ParseDate(v["on"])
		return m.write(id, m.c.T("cal.status.done", what), func(ctx context.Context) error {
			return st.MarkDone(ctx, id, key, on, v["comment"])
		})
	},
		form.Field{Key: "on", Label: m.c.T("cal.form.on"), Value: m.today().String(), Required: true, Check: checkDate},
		form.Field{Key: "comment", Label: m.c.T("cal.form.comment")})
}

// undo takes back the done mark of the selected deadline.
func (m *Model) undo() tea.Cmd {
	d := m.selected()
	if d == nil {
		return session.Status(m.c.T("cal.status.select"))
	}
	if m.data.decisions[d.Key()].DoneOn.IsZero() {
		return session.Status(m.c.T("cal.status.not_done", m.describe(d)))
	}
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	st, id, key := m.c.Store, d.AgreementID, d.Key()
	return m.write(id, m.c.T("cal.status.undone", m.describe(d)), func(ctx context.Context) error {
		return st.UndoDone(ctx, id, key)
	})
}

// openSnooze asks until when the selected deadline should keep quiet.
func (m *Model) openSnooze() tea.Cmd {
	d := m.selected()
	if d == nil {
		return session.Status(m.c.T("cal.status.select"))
	}
	today := m.today()
	st, id, key, what := m.c.Store, d.AgreementID, d.Key(), m.describe(d)
	after := func(s string) error {
		day, err := model.ParseDate(s)
		if err == nil {
			err = m.c.Lang.Snooze(deadlines.CheckSnooze(day, today))
		}
		return err
	}
	return m.openForm(m.c.T("cal.form.snooze", what), func(v map[string]string) tea.Cmd {
		until, _ := model.ParseDate(v["until"])
		return m.write(id, m.c.T("cal.status.snoozed", until, what), func(ctx context.Context) error {
			return st.Snooze(ctx, id, key, until)
		})
	}, form.Field{Key: "until", Label: m.c.T("cal.form.until"), Value: today.AddDays(7).String(), Required: true, Check: after})
}

// defaultAgreement is the agreement a new deadline or event most likely
// belongs to: the scope's, else the selected deadline's.
func (m *Model) defaultAgreement() string {
	if d := m.selected(); d != nil && m.scope == "" {
		return d.AgreementID
	}
	return m.scope
}

// agreementIDs are the ids a form's agreement field completes: the whole
// register's when it has been computed, else those in view.
func (m *Model) agreementIDs() []string {
	d := m.data
	if m.all != nil {
		d = m.all
	}
	if d == nil {
		return nil
	}
	ids := slices.Collect(maps.Keys(d.titles))
	slices.Sort(ids)
	return ids
}

// checkAgreement refuses an id the register does not hold, when the whole
// register has been computed; otherwise the store's answer says so.
func (m *Model) checkAgreement(id string) error {
	if m.all != nil && m.all.titles[id] == "" {
		return errors.New(m.c.T("cal.form.unknown", id))
	}
	return nil
}

// openAdd asks for a deadline of the user's own: agreement, day, title and
// clause.
func (m *Model) openAdd() tea.Cmd {
	st := m.c.Store
	return m.openForm(m.c.T("cal.form.add"), func(v map[string]string) tea.Cmd {
		on, _ := model.ParseDate(v["date"])
		rule := deadlines.Manual(on, v["title"], v["clause"])
		m.cursor, m.base = on, on // show the new deadline once it is computed
		return m.write(v["agreement"], m.c.T("cal.status.added", v["title"], on, v["agreement"]), func(ctx context.Context) error {
			return st.AddRule(ctx, v["agreement"], rule)
		})
	},
		form.Field{Key: "agreement", Label: m.c.T("cal.form.agreement"), Value: m.defaultAgreement(), Required: true, Check: m.checkAgreement,
			Suggestions: m.agreementIDs()},
		form.Field{Key: "date", Label: m.c.T("cal.form.date"), Value: m.cursor.String(), Required: true, Check: checkDate},
		form.Field{Key: "title", Label: m.c.T("cal.form.title"), Required: true},
		form.Field{Key: "clause", Label: m.c.T("cal.form.clause")})
}

// openEvent asks for an event deadlines count from (a termination, a
// notice received, a downtime), suggesting the events the agreement's
// rules know; the store refuses any other.
func (m *Model) openEvent() tea.Cmd {
	id := m.defaultAgreement()
	st, ctx := m.c.Store, m.c.WriteCtx()
	return m.openForm(m.c.T("cal.form.event"), func(v map[string]string) tea.Cmd {
		on, _ := model.ParseDate(v["date"])
		e := deadlines.Event{Name: v["event"], Date: on, Note: v["note"]}
		id, lang := v["agreement"], m.c.Lang
		return func() tea.Msg {
			msg := writtenMsg{agreementID: id, status: lang.T("cal.status.event", e.Name, id, on)}
			if _, msg.err = st.RecordEvent(ctx, id, e); msg.err != nil || e.Name != deadlines.EventTermination {
				return msg
			}
			// A framework ends only with its call-offs: say which still run.
			if live, err := st.LiveCallOffs(ctx, id); err == nil && len(live) > 0 {
				msg.status = lang.T("cli.calloffs_live", id, strings.Join(live, ", "))
			}
			return msg
		}
	},
		form.Field{Key: "agreement", Label: m.c.T("cal.form.agreement"), Value: id, Required: true, Check: m.checkAgreement,
			Suggestions: m.agreementIDs()},
		form.Field{Key: "event", Label: m.c.T("cal.form.event_name"), Placeholder: strings.Join(m.data.events[id], ", "), Required: true,
			Suggestions: m.data.events[id]},
		form.Field{Key: "date", Label: m.c.T("cal.form.date"), Value: m.today().String(), Required: true, Check: checkDate},
		form.Field{Key: "note", Label: m.c.T("cal.form.note")})
}

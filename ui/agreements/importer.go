package agreements

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/store"
	"avtal/ui/form"
	"avtal/ui/importfile"
	"avtal/ui/session"
)

// importDoneMsg answers an import started from the form.
type importDoneMsg struct {
	path    string
	outcome importfile.Outcome
	err     error
	// field is the form field the error belongs to.
	field string
}

// openImport opens the import form: the file, and optionally the agreement
// it is a new version of.
func (m *Model) openImport() tea.Cmd {
	if err := m.c.CanWrite(); err != nil {
		return session.Fail(err)
	}
	if !m.c.LocalFiles {
		return session.Fail(errors.New(m.c.T("import.tui.remote")))
	}
	t := m.c.T
	m.importForm = form.New(m.c, t("import.tui.title"),
		form.Field{Key: "path", Label: t("import.tui.file"), Placeholder: t("import.tui.file_hint"), Required: true,
			Check: func(v string) error {
				if !importfile.IsDocument(importfile.PastedPath(v)) {
					return errors.New(t("import.tui.not_document"))
				}
				return nil
			}},
		form.Field{Key: "agreement", Label: t("import.tui.version_of"), Placeholder: t("import.tui.version_hint")},
	)
	return nil
}

// updateImport hands a key to the open form and starts the import when the
// form is submitted.
func (m *Model) updateImport(msg tea.Msg) tea.Cmd {
	if m.importing {
		return nil // one import at a time; the form waits for the answer
	}
	res, cmd := m.importForm.Update(msg)
	switch res {
	case form.Cancelled:
		m.importForm = nil
	case form.Submitted:
		if err := m.c.CanWrite(); err != nil {
			m.importForm = nil
			return session.Fail(err)
		}
		v := m.importForm.Values()
		m.importing = true
		m.importForm.SetError(m.c.T("import.tui.busy"))
		return importCmd(m.c, v["path"], v["agreement"])
	}
	return cmd
}

// importCmd reads and stores the file off the Update loop.
func importCmd(c *session.State, path, agreementID string) tea.Cmd {
	ctx, st, lang := c.WriteCtx(), c.Store, c.Lang
	return func() tea.Msg {
		path = importfile.PastedPath(path)
		o, err := importfile.Import(ctx, st, lang, path, agreementID)
		field := "path"
		if errors.Is(err, store.ErrNotFound) {
			field = "agreement"
		}
		return importDoneMsg{path: path, outcome: o, err: err, field: field}
	}
}

// importDone shows what the import did, or keeps the form open with what
// was wrong with the file.
func (m *Model) importDone(msg importDoneMsg) tea.Cmd {
	m.importing = false
	if msg.err != nil {
		if m.importForm == nil {
			return session.Fail(msg.err)
		}
		m.importForm.SetError("")
		// The field shows which file; the message need not repeat it.
		text := strings.TrimPrefix(m.c.Lang.FieldErrors(msg.err).Error(), msg.path+": ")
		m.importForm.SetFieldError(msg.field, text)
		return nil
	}
	m.importForm = nil
	o := msg.outcome
	if o.Created {
		m.imported = o.AgreementID
	}
	cmds := []tea.Cmd{session.Status(importfile.Summary(m.c.Lang, o)), m.c.Changed(o.AgreementID, "documents")}
	if o.Created || len(o.Proposals) > 0 {
		// A new draft is completed, and what the import proposes
		// reviewed, right away.
		cmds = append(cmds, m.openReview(o.AgreementID, o.Title))
	}
	return tea.Batch(cmds...)
}

package subprocs

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/session"
)

// askUndo asks before the decision on notice n is withdrawn; on y the
// notice is open again and its register entries stand as before it.
func (m *Model) askUndo(n noticeView) tea.Cmd {
	t := m.c.T
	dec := n.row.Notice.Decision
	if dec == nil {
		return session.Status(t("subprocs.not_decided"))
	}
	id, agreementID, name := n.row.ID, n.row.AgreementID, oneLine(n.row.Notice.Sub.Name)
	yes := m.write(agreementID, t("subprocs.saved.undone", fmt.Sprint(id), name), func(ctx context.Context, st *store.Store) error {
		_, err := st.UndoDecision(ctx, id)
		var changed *subproc.ChangedSinceError
		if errors.As(err, &changed) {
			return errors.New(t("subprocs.err.changed_since", changed.Name))
		}
		return err
	})
	var cmd tea.Cmd
	m.question, cmd = m.c.Ask(t("subprocs.confirm_undo", t("verdict."+string(dec.Verdict)), name, dec.Date), yes)
	return cmd
}

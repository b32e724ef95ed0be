package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"avtal/model"
	"avtal/model/subproc"
)

// ErrNotDecided is what UndoDecision's error matches (errors.Is) for a
// notice that has no decision to withdraw.
var ErrNotDecided = errors.New("not decided")

// UndoDecision withdraws the decision on notice id, made by mistake: the
// notice is open again (its objection deadline is back in the calendar)
// and the register entries the decision changed are put back as
// subproc.Withdraw says, with history and an audit entry, in one
// transaction, and returns the notice as it stands now. It refuses a
// notice without a decision, and one whose entries were changed again
// since (a *subproc.ChangedSinceError).
func (s *Store) UndoDecision(ctx context.Context, id int64) (NoticeRow, error) {
	var r NoticeRow
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := queryNotices(ctx, tx, "n.id = ?", id)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("notice %d: %w", id, ErrNotFound)
		}
		r = rows[0]
		if r.Notice.Decision == nil {
			return fmt.Errorf("notice %d: %w", id, ErrNotDecided)
		}
		steps, err := noticeSteps(ctx, tx, r.AgreementID, id)
		if err != nil {
			return err
		}
		before, err := subProcessors(ctx, tx, r.AgreementID)
		if err != nil {
			return err
		}
		after, err := subproc.Withdraw(before, r.Notice, steps)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sub_notices SET verdict = '', decided_on = '', comment = '' WHERE id = ?", id); err != nil {
			return err
		}
		// The entries stand again as they did from the day the notice came.
		if err := s.writeSubs(ctx, tx, r.AgreementID, before, after, r.Notice.Received, id); err != nil {
			return err
		}
		decided, _ := json.Marshal(r.Notice)
		r.Notice.Decision = nil
		open, _ := json.Marshal(r.Notice)
		return s.audit(ctx, tx, "sub_notice", r.AgreementID, "undo_decision", string(decided), string(open))
	})
	return r, err
}

// noticeSteps reads the changes notice id made to its agreement's
// register entries, oldest first.
func noticeSteps(ctx context.Context, tx *sql.Tx, agreementID string, id int64) ([]subproc.Step, error) {
	rows, err := tx.QueryContext(ctx, "SELECT before, after FROM sub_history WHERE agreement_id = ? AND notice_id = ? ORDER BY id", agreementID, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var steps []subproc.Step
	for rows.Next() {
		var before, after string
		if err := rows.Scan(&before, &after); err != nil {
			return nil, err
		}
		var st subproc.Step
		if before != "" {
			st.Before = &model.SubProcessor{}
			if err := json.Unmarshal([]byte(before), st.Before); err != nil {
				return nil, fmt.Errorf("the history of notice %d is damaged: %w", id, err)
			}
		}
		if err := json.Unmarshal([]byte(after), &st.After); err != nil {
			return nil, fmt.Errorf("the history of notice %d is damaged: %w", id, err)
		}
		steps = append(steps, st)
	}
	return steps, rows.Err()
}

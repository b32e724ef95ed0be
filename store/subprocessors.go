package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"avtal/model"
	"avtal/model/subproc"
)

// The actions of a sub-processor history entry.
const (
	SubAdded   = "added"
	SubChanged = "changed"
	SubRemoved = "removed"
)

// SubChange is one change to an agreement's sub-processor entry: what
// changed, from what, on which day, and by which notice (0 when it was
// edited by hand).
type SubChange struct {
	ID          int64               `json:"id"`
	AgreementID string              `json:"agreement_id"`
	Name        string              `json:"name"`
	Action      string              `json:"action"`
	Fields      []string            `json:"fields,omitempty"`
	Before      *model.SubProcessor `json:"before,omitempty"`
	After       model.SubProcessor  `json:"after"`
	Date        model.Date          `json:"date"`
	NoticeID    int64               `json:"notice_id,omitempty"`
	RecordedAt  string              `json:"recorded_at"`
	RecordedBy  string              `json:"recorded_by"`
}

// AddSub adds a sub-processor to an agreement's register, as of day on;
// model.PutSub refuses a name the register already holds.
func (s *Store) AddSub(ctx context.Context, agreementID string, sp model.SubProcessor, on model.Date) error {
	return s.changeSubs(ctx, agreementID, "add", on, func(subs []model.SubProcessor) ([]model.SubProcessor, error) {
		return model.PutSub(subs, -1, sp)
	})
}

// EditSub replaces the entry called name with sp (a new name, other
// details or another status), as of day on, as model.PutSub allows.
func (s *Store) EditSub(ctx context.Context, agreementID, name string, sp model.SubProcessor, on model.Date) error {
	return s.changeSubs(ctx, agreementID, "edit", on, func(subs []model.SubProcessor) ([]model.SubProcessor, error) {
		i := model.IndexOfSub(subs, name)
		if i < 0 {
			return nil, fmt.Errorf("sub-processor %q: %w", name, ErrNotFound)
		}
		return model.PutSub(subs, i, sp)
	})
}

// RemoveSub marks the entry called name as removed as of day on; the entry
// and its history stay.
func (s *Store) RemoveSub(ctx context.Context, agreementID, name string, on model.Date) error {
	return s.changeSubs(ctx, agreementID, "remove", on, func(subs []model.SubProcessor) ([]model.SubProcessor, error) {
		i := model.IndexOfSub(subs, name)
		if i < 0 {
			return nil, fmt.Errorf("sub-processor %q: %w", name, ErrNotFound)
		}
		subs[i].Status = model.SubRemoved
		return subs, nil
	})
}

// changeSubs runs one hand edit of a register in a transaction: it checks
// the agreement exists, applies edit (the model's rule for it) and writes
// the entries, their history and an audit entry.
func (s *Store) changeSubs(ctx context.Context, agreementID, action string, on model.Date,
	edit func([]model.SubProcessor) ([]model.SubProcessor, error)) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, agreementID); err != nil {
			return err
		}
		before, err := subProcessors(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		after, err := edit(append([]model.SubProcessor(nil), before...))
		if err != nil {
			return err
		}
		if err := s.writeSubs(ctx, tx, agreementID, before, after, on, 0); err != nil {
			return err
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		return s.audit(ctx, tx, "subprocessors", agreementID, action, string(b), string(a))
	})
}

// mustExist returns ErrNotFound when the agreement is not in the register.
func mustExist(ctx context.Context, tx *sql.Tx, agreementID string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM agreements WHERE id = ?", agreementID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("agreement %q: %w", agreementID, ErrNotFound)
	}
	return err
}

// writeSubs stores after in place of before, entry by entry (after keeps
// the positions of before and may append), with a history row for every
// entry that changed.
func (s *Store) writeSubs(ctx context.Context, tx *sql.Tx, agreementID string, before, after []model.SubProcessor, on model.Date, noticeID int64) error {
	edits := make([]subproc.Edit, len(after))
	for i := range after {
		edits[i].Pos = i
		if i < len(before) {
			edits[i].Before = &before[i]
		}
	}
	w, err := prepareSubWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	return s.writeEdits(ctx, w, agreementID, after, edits, on, noticeID)
}

// subWriter holds the statements that write sub-processor entries and
// their history, prepared once for a transaction's many writes.
type subWriter struct {
	insert, update, history *sql.Stmt
}

func prepareSubWriter(ctx context.Context, tx *sql.Tx) (*subWriter, error) {
	var w subWriter
	var err error
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.insert, `INSERT INTO subprocessors(agreement_id, position, name, org_number, country, region, purpose, clause, status, transfer_basis, since)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.update, `UPDATE subprocessors SET name = ?, org_number = ?, country = ?, region = ?, purpose = ?, clause = ?, status = ?, transfer_basis = ?, since = ?
			WHERE agreement_id = ? AND position = ?`},
		{&w.history, `INSERT INTO sub_history(agreement_id, name, action, fields, before, after, date, notice_id, recorded_at, recorded_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?)`},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			w.close()
			return nil, err
		}
	}
	return &w, nil
}

func (w *subWriter) close() {
	for _, st := range []*sql.Stmt{w.insert, w.update, w.history} {
		if st != nil {
			st.Close()
		}
	}
}

// writeEdits writes the entries of subs that edits name, with a history
// row for each that changed (on the day on, for notice noticeID or none).
func (s *Store) writeEdits(ctx context.Context, w *subWriter, agreementID string, subs []model.SubProcessor, edits []subproc.Edit, on model.Date, noticeID int64) error {
	now := s.now()
	for _, e := range edits {
		i, sp, old := e.Pos, subs[e.Pos], e.Before
		action, fields := subDiff(old, sp)
		if action == "" {
			continue
		}
		var err error
		if old == nil {
			_, err = w.insert.ExecContext(ctx, agreementID, i, sp.Name, sp.OrgNumber, sp.Country, sp.Region, sp.Purpose, sp.Clause, sp.Status, sp.TransferBasis, sp.Since.String())
		} else {
			_, err = w.update.ExecContext(ctx, sp.Name, sp.OrgNumber, sp.Country, sp.Region, sp.Purpose, sp.Clause, sp.Status, sp.TransferBasis, sp.Since.String(), agreementID, i)
		}
		if err != nil {
			return err
		}
		oldJSON := ""
		if old != nil {
			b, _ := json.Marshal(old)
			oldJSON = string(b)
		}
		newJSON, _ := json.Marshal(sp)
		if _, err := w.history.ExecContext(ctx, agreementID, sp.Name, action, strings.Join(fields, ","), oldJSON, string(newJSON),
			on.String(), noticeID, now, s.who()); err != nil {
			return err
		}
	}
	return nil
}

// subDiff says how an entry changed: added (old is nil), removed (its
// status became removed) or changed, with the fields that differ; "" when
// nothing did.
func subDiff(old *model.SubProcessor, sp model.SubProcessor) (string, []string) {
	if old == nil {
		return SubAdded, nil
	}
	var fields []string
	for _, f := range []struct {
		name     string
		was, now string
	}{
		{"name", old.Name, sp.Name}, {"org_number", old.OrgNumber, sp.OrgNumber}, {"country", old.Country, sp.Country},
		{"region", old.Region, sp.Region},
		{"purpose", old.Purpose, sp.Purpose}, {"clause", old.Clause, sp.Clause}, {"status", string(old.Status), string(sp.Status)},
		{"transfer_basis", old.TransferBasis, sp.TransferBasis}, {"since", old.Since.String(), sp.Since.String()},
	} {
		if f.was != f.now {
			fields = append(fields, f.name)
		}
	}
	switch {
	case len(fields) == 0:
		return "", nil
	case sp.Status == model.SubRemoved && old.Status != model.SubRemoved:
		return SubRemoved, fields
	}
	return SubChanged, fields
}

// SubHistory returns every change to an agreement's sub-processor entries,
// oldest first.
func (s *Store) SubHistory(ctx context.Context, agreementID string) ([]SubChange, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, agreement_id, name, action, fields, before, after, date, coalesce(notice_id, 0), recorded_at, recorded_by
		FROM sub_history WHERE agreement_id = ? ORDER BY id`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SubChange
	for rows.Next() {
		var c SubChange
		var fields, before, after, date string
		if err := rows.Scan(&c.ID, &c.AgreementID, &c.Name, &c.Action, &fields, &before, &after, &date, &c.NoticeID, &c.RecordedAt, &c.RecordedBy); err != nil {
			return nil, err
		}
		if fields != "" {
			c.Fields = strings.Split(fields, ",")
		}
		if before != "" {
			c.Before = &model.SubProcessor{}
			if err := json.Unmarshal([]byte(before), c.Before); err != nil {
				return nil, fmt.Errorf("history entry %d of %s is damaged: %w", c.ID, agreementID, err)
			}
		}
		if err := json.Unmarshal([]byte(after), &c.After); err != nil {
			return nil, fmt.Errorf("history entry %d of %s is damaged: %w", c.ID, agreementID, err)
		}
		if err := c.Date.UnmarshalText([]byte(date)); err != nil {
			return nil, fmt.Errorf("history entry %d of %s has a damaged date: %w", c.ID, agreementID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SetListChecked records that the agreement's sub-processor list, kept
// outside the agreement, was checked on day on. An agreement whose list is
// in the agreement itself has nothing to check and is refused.
func (s *Store) SetListChecked(ctx context.Context, agreementID string, on model.Date) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		before, err := agreementJSON(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if before == "" {
			return fmt.Errorf("agreement %q: %w", agreementID, ErrNotFound)
		}
		var a model.Agreement
		if err := json.Unmarshal([]byte(before), &a); err != nil {
			return fmt.Errorf("agreement %q is damaged in the database: %w", agreementID, err)
		}
		if a.SubPolicy == nil || a.SubPolicy.ListURL == "" {
			return fmt.Errorf("%s keeps its sub-processor list in the agreement, not at an address to check", agreementID)
		}
		a.SubPolicy.ListChecked = on
		after, err := json.Marshal(&a)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE agreements SET data = ?, updated_at = ? WHERE id = ?", string(after), s.now(), agreementID); err != nil {
			return err
		}
		return s.audit(ctx, tx, "agreement", agreementID, "list_checked", before, string(after))
	})
}

// PolicyRow is one agreement's sub-processor policy.
type PolicyRow struct {
	AgreementID string          `json:"agreement_id"`
	Title       string          `json:"title"`
	Policy      model.SubPolicy `json:"policy"`
}

// SubPolicies returns the policy of every agreement that states one, in
// register order, from sub_policies: nothing else of the agreements is
// loaded.
func (s *Store) SubPolicies(ctx context.Context) ([]PolicyRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.title, p.policy FROM agreements a JOIN sub_policies p ON p.agreement_id = a.id
		ORDER BY a.sort_key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PolicyRow
	for rows.Next() {
		var r PolicyRow
		var p string
		if err := rows.Scan(&r.AgreementID, &r.Title, &p); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(p), &r.Policy); err != nil {
			return nil, fmt.Errorf("the sub-processor policy of %s is damaged: %w", r.AgreementID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

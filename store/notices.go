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

// NoticeRow is a recorded sub-processor change notice with the agreement
// it belongs to and that agreement's policy, so a caller can evaluate it
// (subproc.Evaluate(r.Policy, r.Notice)) without loading the agreement.
type NoticeRow struct {
	ID             int64            `json:"id"`
	AgreementID    string           `json:"agreement_id"`
	AgreementTitle string           `json:"agreement_title"`
	Policy         *model.SubPolicy `json:"-"` // nil when the agreement states none
	Notice         subproc.Notice   `json:"notice"`
	RecordedAt     string           `json:"recorded_at"`
	RecordedBy     string           `json:"recorded_by"`
}

// RecordNotice records a notice for an agreement and updates its register
// as subproc.Apply says (an added sub-processor comes in as proposed), with
// history and an audit entry, in one transaction. It returns the notice id.
func (s *Store) RecordNotice(ctx context.Context, agreementID string, n subproc.Notice) (int64, error) {
	ids, err := s.RecordNotices(ctx, agreementID, []subproc.Notice{n})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// RecordNotices records several notices for one agreement (a compared
// list) in one transaction: all of them or none. Each must fit the
// register as the notices before it left it (subproc.FitRegister, the
// check the CLI and the pane run), so no face records an add of a
// sub-processor already in use, or one without a country or region.
func (s *Store) RecordNotices(ctx context.Context, agreementID string, notices []subproc.Notice) ([]int64, error) {
	ids := make([]int64, len(notices))
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, agreementID); err != nil {
			return err
		}
		// The register is read once and each notice finds its entries by
		// name, so a list of thousands applies in linear time.
		reg, err := s.openRegister(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		defer reg.close()
		for i, n := range notices {
			n, err := subproc.FitRegister(n, reg.reg.Subs)
			if err != nil {
				if len(notices) > 1 {
					return fmt.Errorf("notice %d (%s): %w", i+1, n.Sub.Name, err)
				}
				return err
			}
			n.Sub.Status = model.SubProposed // what the supplier proposes; the register says where it stands
			id, err := s.insertNotice(ctx, tx, agreementID, n)
			if err != nil {
				return err
			}
			ids[i] = id
			on := n.Received
			if n.Decision != nil {
				on = n.Decision.Date
			}
			if err := reg.apply(ctx, n, on, id); err != nil {
				return err
			}
			after, _ := json.Marshal(struct {
				ID int64 `json:"id"`
				subproc.Notice
			}{id, n})
			if err := s.audit(ctx, tx, "sub_notice", agreementID, "record", "", string(after)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

func (s *Store) insertNotice(ctx context.Context, tx *sql.Tx, agreementID string, n subproc.Notice) (int64, error) {
	var verdict, decided, comment string
	if d := n.Decision; d != nil {
		verdict, decided, comment = string(d.Verdict), d.Date.String(), d.Comment
	}
	sp := n.Sub
	res, err := tx.ExecContext(ctx, `INSERT INTO sub_notices(agreement_id, received, change, name, org_number, country, region, purpose, clause, transfer_basis,
			replaces, effective, verdict, decided_on, comment, recorded_at, recorded_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		agreementID, n.Received.String(), n.Change, sp.Name, sp.OrgNumber, sp.Country, sp.Region, sp.Purpose, sp.Clause, sp.TransferBasis,
		n.Replaces, n.Effective.String(), verdict, decided, comment, s.now(), s.who())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// applyNotice brings the agreement's register up to date with notice id.
func (s *Store) applyNotice(ctx context.Context, tx *sql.Tx, agreementID string, id int64, n subproc.Notice, on model.Date) error {
	reg, err := s.openRegister(ctx, tx, agreementID)
	if err != nil {
		return err
	}
	defer reg.close()
	return reg.apply(ctx, n, on, id)
}

// registerTx is an agreement's sub-processors read once inside tx, to
// take notices into account and write what each changes.
type registerTx struct {
	s           *Store
	agreementID string
	reg         *subproc.Register
	w           *subWriter
}

func (s *Store) openRegister(ctx context.Context, tx *sql.Tx, agreementID string) (*registerTx, error) {
	subs, err := subProcessors(ctx, tx, agreementID)
	if err != nil {
		return nil, err
	}
	w, err := prepareSubWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &registerTx{s: s, agreementID: agreementID, reg: subproc.NewRegister(subs), w: w}, nil
}

// apply takes notice id into account and writes the entries it changed,
// with their history dated on.
func (r *registerTx) apply(ctx context.Context, n subproc.Notice, on model.Date, id int64) error {
	return r.s.writeEdits(ctx, r.w, r.agreementID, r.reg.Subs, r.reg.Apply(n), on, id)
}

func (r *registerTx) close() { r.w.close() }

// DecideNotice records the customer's answer to notice id and updates the
// register (an accepted sub-processor becomes approved, an objected one
// objected), with history and an audit entry, in one transaction. A new
// decision replaces an earlier one.
func (s *Store) DecideNotice(ctx context.Context, id int64, d subproc.Decision) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := queryNotices(ctx, tx, "n.id = ?", id)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("notice %d: %w", id, ErrNotFound)
		}
		r := rows[0]
		before, _ := json.Marshal(r.Notice)
		r.Notice.Decision = &d
		if err := r.Notice.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sub_notices SET verdict = ?, decided_on = ?, comment = ? WHERE id = ?",
			d.Verdict, d.Date.String(), d.Comment, id); err != nil {
			return err
		}
		if err := s.applyNotice(ctx, tx, r.AgreementID, id, r.Notice, d.Date); err != nil {
			return err
		}
		after, _ := json.Marshal(r.Notice)
		return s.audit(ctx, tx, "sub_notice", r.AgreementID, "decide", string(before), string(after))
	})
}

// Notices returns an agreement's notices, oldest received first.
func (s *Store) Notices(ctx context.Context, agreementID string) ([]NoticeRow, error) {
	return queryNotices(ctx, s.read, "n.agreement_id = ? ORDER BY n.received, n.id", agreementID)
}

// OpenNotices returns the undecided notices of the whole register, oldest
// received first, each with its agreement's id, title and policy: what the
// calendar needs to show objection deadlines (subproc.Evaluate(r.Policy,
// r.Notice).Deadline(r.AgreementID, false)). It reads the partial index
// sub_notices_open, so it costs what the open notices cost, however large
// the register.
func (s *Store) OpenNotices(ctx context.Context) ([]NoticeRow, error) {
	return queryNotices(ctx, s.read, "n.verdict = '' ORDER BY n.received, n.id")
}

// queryNotices reads notices with their agreements; where is the SQL after
// WHERE, with its arguments. The notices are read first (CROSS JOIN keeps
// that order): a register analyzed before it had notices would otherwise
// have the planner read every agreement to find the few notices.
func queryNotices(ctx context.Context, q querier, where string, args ...any) ([]NoticeRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT n.id, n.agreement_id, a.title, p.policy,
			n.received, n.change, n.name, n.org_number, n.country, n.region, n.purpose, n.clause, n.transfer_basis,
			n.replaces, n.effective, n.verdict, n.decided_on, n.comment, n.recorded_at, n.recorded_by
		FROM sub_notices n CROSS JOIN agreements a ON a.id = n.agreement_id LEFT JOIN sub_policies p ON p.agreement_id = n.agreement_id
		WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []NoticeRow
	for rows.Next() {
		var r NoticeRow
		var policy sql.NullString
		var received, effective, verdict, decided, comment string
		n := &r.Notice
		if err := rows.Scan(&r.ID, &r.AgreementID, &r.AgreementTitle, &policy,
			&received, &n.Change, &n.Sub.Name, &n.Sub.OrgNumber, &n.Sub.Country, &n.Sub.Region, &n.Sub.Purpose, &n.Sub.Clause, &n.Sub.TransferBasis,
			&n.Replaces, &effective, &verdict, &decided, &comment, &r.RecordedAt, &r.RecordedBy); err != nil {
			return nil, err
		}
		n.Sub.Status = model.SubProposed
		if err := errors.Join(n.Received.UnmarshalText([]byte(received)), n.Effective.UnmarshalText([]byte(effective))); err != nil {
			return nil, fmt.Errorf("notice %d has a damaged date: %w", r.ID, err)
		}
		if verdict != "" {
			n.Decision = &subproc.Decision{Verdict: subproc.Verdict(verdict), Comment: comment}
			if err := n.Decision.Date.UnmarshalText([]byte(decided)); err != nil {
				return nil, fmt.Errorf("notice %d has a damaged decision date: %w", r.ID, err)
			}
		}
		if policy.Valid {
			r.Policy = &model.SubPolicy{}
			if err := json.Unmarshal([]byte(policy.String), r.Policy); err != nil {
				return nil, fmt.Errorf("the sub-processor policy of %s is damaged: %w", r.AgreementID, err)
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

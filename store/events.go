package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"avtal/model"
	"avtal/model/deadlines"
)

// RecordEvent records an event that deadlines count from (a termination, a
// notice received, a downtime) and returns its id. What
// deadlines.CheckEvent refuses (an event no deadline of the agreement
// counts from, among others) is refused inside the transaction.
func (s *Store) RecordEvent(ctx context.Context, agreementID string, e deadlines.Event) (int64, error) {
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		a, err := agreementFacts(ctx, tx, agreementID)
		if err != nil {
			return err
		}
		if e, err = deadlines.CheckEvent(a, e); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO events(agreement_id, name, date, ref, note) VALUES (?, ?, ?, ?, ?)",
			agreementID, e.Name, e.Date.String(), e.Ref, e.Note)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		after := RecordedEvent{ID: id, AgreementID: agreementID, Name: e.Name, Date: e.Date, Ref: e.Ref, Note: e.Note}
		return s.audit(ctx, tx, "event", agreementID, "record", "", after.auditText())
	})
	return id, err
}

// agreementFacts reads one agreement (without documents) inside tx, or
// returns ErrNotFound.
func agreementFacts(ctx context.Context, tx *sql.Tx, id string) (*model.Agreement, error) {
	data, err := agreementJSON(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if data == "" {
		return nil, fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	a := new(model.Agreement)
	if err := json.Unmarshal([]byte(data), a); err != nil {
		return nil, fmt.Errorf("agreement %q is damaged in the database: %w", id, err)
	}
	return a, nil
}

// MarkDone records that the deadline with key (model.Deadline.Key) was
// dealt with on the given day, with a comment saying how.
func (s *Store) MarkDone(ctx context.Context, agreementID, key string, on model.Date, comment string) error {
	if on.IsZero() {
		return errors.New("the day it was done is missing")
	}
	return s.decide(ctx, agreementID, key, "done", func(d *Decision) {
		d.DoneOn, d.Comment = on, strings.TrimSpace(comment)
	})
}

// UndoDone takes back a done mark, so the deadline counts as open again.
func (s *Store) UndoDone(ctx context.Context, agreementID, key string) error {
	return s.decide(ctx, agreementID, key, "undone", func(d *Decision) {
		d.DoneOn, d.Comment = model.Date{}, ""
	})
}

// Snooze keeps a deadline out of reminders until the given day, which
// deadlines.CheckSnooze wants after today by the store's clock; the zero
// date wakes it up again.
func (s *Store) Snooze(ctx context.Context, agreementID, key string, until model.Date) error {
	if err := deadlines.CheckSnooze(until, model.DateOf(s.clock())); err != nil {
		return err
	}
	return s.decide(ctx, agreementID, key, "snooze", func(d *Decision) { d.SnoozedUntil = until })
}

// decide changes the decision on one deadline in a transaction with its
// audit entry; a decision left with nothing in it is removed.
func (s *Store) decide(ctx context.Context, agreementID, key, action string, change func(*Decision)) error {
	if !strings.HasPrefix(key, agreementID+"/") {
		return fmt.Errorf("%q is not a deadline of %s (a key looks like %s/termination_notice/2026-09-30/13.1)", key, agreementID, agreementID)
	}
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if err := agreementExists(ctx, tx, agreementID); err != nil {
			return err
		}
		before, err := decision(ctx, tx, agreementID, key)
		if err != nil {
			return err
		}
		after := before
		change(&after)
		if after.DoneOn.IsZero() && after.SnoozedUntil.IsZero() {
			_, err = tx.ExecContext(ctx, "DELETE FROM decisions WHERE agreement_id = ? AND deadline_key = ?", agreementID, key)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO decisions(agreement_id, deadline_key, done_on, snoozed_until, comment) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT(agreement_id, deadline_key) DO UPDATE SET done_on = excluded.done_on, snoozed_until = excluded.snoozed_until, comment = excluded.comment`,
				agreementID, key, after.DoneOn.String(), after.SnoozedUntil.String(), after.Comment)
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "deadline", agreementID, action, decisionJSON(before), decisionJSON(after))
	})
}

// decision reads the decision on one deadline inside tx; an empty one when
// there is none.
func decision(ctx context.Context, tx *sql.Tx, agreementID, key string) (Decision, error) {
	d := Decision{AgreementID: agreementID, Key: key}
	var done, snoozed string
	err := tx.QueryRowContext(ctx, "SELECT done_on, snoozed_until, comment FROM decisions WHERE agreement_id = ? AND deadline_key = ?",
		agreementID, key).Scan(&done, &snoozed, &d.Comment)
	if errors.Is(err, sql.ErrNoRows) {
		return d, nil
	}
	if err != nil {
		return d, err
	}
	d.DoneOn, _ = model.ParseDate(done)
	d.SnoozedUntil, _ = model.ParseDate(snoozed)
	return d, nil
}

// decisionJSON is a decision as the audit log keeps it; "" when empty.
func decisionJSON(d Decision) string {
	if d.DoneOn.IsZero() && d.SnoozedUntil.IsZero() {
		return ""
	}
	b, _ := json.Marshal(struct {
		Key          string     `json:"key"`
		DoneOn       model.Date `json:"done_on,omitzero"`
		SnoozedUntil model.Date `json:"snoozed_until,omitzero"`
		Comment      string     `json:"comment,omitempty"`
	}{d.Key, d.DoneOn, d.SnoozedUntil, d.Comment})
	return string(b)
}

// AddRule adds a deadline rule to an agreement, such as a deadline the
// user sets by hand (deadlines.Manual). The agreement is checked whole with
// the rule in it, so a bad rule is refused with the field it got wrong.
func (s *Store) AddRule(ctx context.Context, agreementID string, r model.Rule) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		return s.updateFacts(ctx, tx, agreementID, func(a *model.Agreement) error {
			a.Rules = append(a.Rules, r)
			return a.Validate()
		})
	})
}

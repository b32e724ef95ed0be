package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"avtal/model"
)

// Incident times are stored as RFC 3339 text with the offset they were
// recorded in, so they come back as the same instant on the same clock.
// Text with different offsets (summer and winter time) does not sort as
// instants do, so range queries widen their bounds by rangeSlack on the
// index and then keep exactly the incidents that overlap.
const (
	timeLayout = time.RFC3339Nano
	// rangeSlack exceeds any UTC offset, so the stored local text of an
	// instant always lies within it of the instant's UTC text.
	rangeSlack = 48 * time.Hour
)

// incidentColumns are the columns scanIncident reads, in its order.
const incidentColumns = `id, agreement_id, start, "end", planned, excluded, exclude_reason, description, reported, claim_sent`

// AddIncident records inc for its agreement and returns the new incident's
// id. What model.Incident.CheckRecord refuses is refused inside the
// transaction; an unknown agreement is ErrNotFound.
func (s *Store) AddIncident(ctx context.Context, inc *model.Incident) (int64, error) {
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := inc.CheckRecord(); err != nil {
			return err
		}
		if err := agreementExists(ctx, tx, inc.AgreementID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO incidents(agreement_id, start, "end", planned, excluded, exclude_reason, description, reported, claim_sent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, incidentArgs(inc)...)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		stored := *inc
		stored.ID = id
		return s.auditIncident(ctx, tx, inc.AgreementID, "create", nil, &stored)
	})
	return id, err
}

// UpdateIncident replaces the recorded incident inc.ID of agreement
// inc.AgreementID with inc, refusing what model.Incident.CheckRecord
// refuses; ErrNotFound when there is no such incident.
func (s *Store) UpdateIncident(ctx context.Context, inc *model.Incident) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if err := inc.CheckRecord(); err != nil {
			return err
		}
		before, err := incidentIn(ctx, tx, inc.AgreementID, inc.ID)
		if err != nil {
			return err
		}
		args := append(incidentArgs(inc)[1:], inc.ID)
		if _, err := tx.ExecContext(ctx, `UPDATE incidents SET start = ?, "end" = ?, planned = ?, excluded = ?, exclude_reason = ?,
			description = ?, reported = ?, claim_sent = ? WHERE id = ?`, args...); err != nil {
			return err
		}
		return s.auditIncident(ctx, tx, inc.AgreementID, "update", before, inc)
	})
}

// DeleteIncident removes incident id of agreementID; ErrNotFound when there
// is no such incident.
func (s *Store) DeleteIncident(ctx context.Context, agreementID string, id int64) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		before, err := incidentIn(ctx, tx, agreementID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM incidents WHERE id = ?", id); err != nil {
			return err
		}
		return s.auditIncident(ctx, tx, agreementID, "delete", before, nil)
	})
}

// Incidents returns the incidents of agreementID that overlap [from, to),
// ordered by start (then id). It reads the index on (agreement_id, start)
// up to to; incidents that start before from are kept only when they
// reach into the range, as a downtime across a month's end does.
func (s *Store) Incidents(ctx context.Context, agreementID string, from, to time.Time) ([]model.Incident, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+incidentColumns+
		` FROM incidents WHERE agreement_id = ? AND start < ? AND "end" > ? ORDER BY start, id`,
		agreementID, bound(to.Add(rangeSlack)), bound(from.Add(-rangeSlack)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Incident
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, err
		}
		if inc.Start.Before(to) && inc.End.After(from) {
			out = append(out, *inc)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The text order is the instant order except across a change of offset.
	slices.SortStableFunc(out, func(a, b model.Incident) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// bound writes a range limit as UTC text, clamped to the years RFC 3339 can hold.
func bound(t time.Time) string {
	lo, hi := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	switch {
	case t.Before(lo):
		t = lo
	case t.After(hi):
		t = hi
	}
	return t.UTC().Format(timeLayout)
}

// incidentArgs are inc's column values in insert order, agreement first.
func incidentArgs(inc *model.Incident) []any {
	return []any{inc.AgreementID, inc.Start.Format(timeLayout), inc.End.Format(timeLayout), inc.Planned, inc.Excluded,
		inc.ExcludeReason, inc.Description, inc.Reported.String(), inc.ClaimSent.String()}
}

// scanIncident reads one row of incidentColumns.
func scanIncident(r scanner) (*model.Incident, error) {
	var inc model.Incident
	var start, end, reported, claimSent string
	if err := r.Scan(&inc.ID, &inc.AgreementID, &start, &end, &inc.Planned, &inc.Excluded,
		&inc.ExcludeReason, &inc.Description, &reported, &claimSent); err != nil {
		return nil, err
	}
	var err error
	if inc.Start, err = time.Parse(timeLayout, start); err == nil {
		inc.End, err = time.Parse(timeLayout, end)
	}
	if err == nil {
		err = inc.Reported.UnmarshalText([]byte(reported))
	}
	if err == nil {
		err = inc.ClaimSent.UnmarshalText([]byte(claimSent))
	}
	if err != nil {
		return nil, fmt.Errorf("incident %d of %s is damaged in the database: %w", inc.ID, inc.AgreementID, err)
	}
	return &inc, nil
}

// incidentIn returns incident id of agreementID as it is now, inside tx.
func incidentIn(ctx context.Context, tx *sql.Tx, agreementID string, id int64) (*model.Incident, error) {
	inc, err := scanIncident(tx.QueryRowContext(ctx, "SELECT "+incidentColumns+" FROM incidents WHERE id = ? AND agreement_id = ?", id, agreementID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("incident %d of %q: %w", id, agreementID, ErrNotFound)
	}
	return inc, err
}

// agreementExists returns ErrNotFound unless the register holds id.
func agreementExists(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM agreements WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	return err
}

// auditIncident records a change to an incident under its agreement's id,
// so `avtal log ID` lists it with the agreement's other changes.
func (s *Store) auditIncident(ctx context.Context, tx *sql.Tx, agreementID, action string, before, after *model.Incident) error {
	text := func(inc *model.Incident) string {
		if inc == nil {
			return ""
		}
		b, _ := json.Marshal(inc)
		return string(b)
	}
	return s.audit(ctx, tx, "incident", agreementID, action, text(before), text(after))
}

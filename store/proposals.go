package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"avtal/model"
	"avtal/model/extract"
)

// The statuses of a proposal.
const (
	ProposalPending  = "pending"
	ProposalAccepted = "accepted"
	ProposalRejected = "rejected"
)

// ProposalRow is a stored proposal: what the importer found (rule, SLA
// tiers, sub-processor or amendment, with its clause and evidence) and what
// the user decided.
type ProposalRow struct {
	ID          int64  `json:"id"`
	AgreementID string `json:"agreement_id"`
	DocumentID  int64  `json:"document_id,omitempty"`
	Status      string `json:"status"`
	DecidedAt   string `json:"decided_at,omitempty"`
	// AmendmentID is the amendment an amendment proposal confirms.
	AmendmentID int64 `json:"amendment_id,omitempty"`
	extract.Proposal
}

const proposalColumns = "p.id, p.agreement_id, COALESCE(p.document_id, 0), p.status, p.decided_at, COALESCE(p.amendment_id, 0), p.payload"

func scanProposal(row scanner) (ProposalRow, error) {
	var p ProposalRow
	var payload string
	if err := row.Scan(&p.ID, &p.AgreementID, &p.DocumentID, &p.Status, &p.DecidedAt, &p.AmendmentID, &payload); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(payload), &p.Proposal); err != nil {
		return p, fmt.Errorf("proposal %d is damaged in the database: %w", p.ID, err)
	}
	return p, nil
}

// Proposals returns the proposals for an agreement's current documents
// with the given status ("" for all), in the order they were made. Those of
// versions a re-import superseded are left out: the new text no longer
// supports them.
func (s *Store) Proposals(ctx context.Context, agreementID, status string) ([]ProposalRow, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+proposalColumns+` FROM proposals p
		LEFT JOIN documents d ON d.id = p.document_id
		WHERE p.agreement_id = ? AND (? = '' OR p.status = ?) AND NOT COALESCE(d.superseded, 0) ORDER BY p.id`, agreementID, status, status)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scanProposal)
}

// DecideProposal accepts or rejects a pending proposal in one transaction
// with its audit entry. Accepting applies it: a rule is added to the
// agreement's deadline rules, SLA tiers replace the agreement's credit tiers
// (creating SLA terms measured 24x7 when it has none), a sub-processor is
// added to its list, an amendment is confirmed. A proposal already decided
// is refused with ErrConflict, an unknown one with ErrNotFound.
func (s *Store) DecideProposal(ctx context.Context, id int64, accept bool) (ProposalRow, error) {
	var p ProposalRow
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = scanProposal(tx.QueryRowContext(ctx, "SELECT "+proposalColumns+" FROM proposals p WHERE p.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("proposal %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if p.Status != ProposalPending {
			return fmt.Errorf("proposal %d was already %s: %w", id, p.Status, ErrConflict)
		}
		before, _ := json.Marshal(p)
		if accept {
			if err := s.apply(ctx, tx, &p); err != nil {
				return err
			}
			p.Status = ProposalAccepted
		} else {
			p.Status = ProposalRejected
		}
		p.DecidedAt = s.now()
		if _, err := tx.ExecContext(ctx, "UPDATE proposals SET status = ?, decided_at = ? WHERE id = ?", p.Status, p.DecidedAt, id); err != nil {
			return err
		}
		after, _ := json.Marshal(p)
		return s.audit(ctx, tx, "proposal", p.AgreementID, p.Status, string(before), string(after))
	})
	if err != nil {
		return ProposalRow{}, err
	}
	return p, nil
}

// apply makes an accepted proposal part of its agreement.
func (s *Store) apply(ctx context.Context, tx *sql.Tx, p *ProposalRow) error {
	switch p.Kind {
	case extract.ProposeAmendment:
		_, err := tx.ExecContext(ctx, "UPDATE amendments SET confirmed = 1 WHERE id = ?", p.AmendmentID)
		return err
	case extract.ProposeSubProcessor:
		if p.Sub == nil {
			return fmt.Errorf("proposal %d names no sub-processor", p.ID)
		}
		if err := p.Sub.Validate(); err != nil {
			return fmt.Errorf("proposal %d: %w", p.ID, err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO subprocessors(agreement_id, position, name, org_number, country, purpose, clause, status, transfer_basis, since)
			VALUES (?, (SELECT COALESCE(max(position) + 1, 0) FROM subprocessors WHERE agreement_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.AgreementID, p.AgreementID, p.Sub.Name, p.Sub.OrgNumber, p.Sub.Country, p.Sub.Purpose, p.Sub.Clause, p.Sub.Status,
			p.Sub.TransferBasis, p.Sub.Since.String())
		return err
	}
	return s.updateFacts(ctx, tx, p.AgreementID, func(a *model.Agreement) error {
		switch {
		case p.Kind == extract.ProposeRule && p.Rule != nil:
			a.Rules = append(a.Rules, *p.Rule)
		case p.Kind == extract.ProposeSLATiers && len(p.Tiers) > 0:
			if a.SLA == nil {
				a.SLA = &model.SLATerms{Window: model.Window{Kind: model.Window24x7}, Clause: p.Clause}
			}
			a.SLA.Tiers = p.Tiers
		default:
			return fmt.Errorf("proposal %d (%s) holds nothing to apply", p.ID, p.Kind)
		}
		return a.Validate()
	})
}

// updateFacts changes the stored facts of an agreement (its JSON, not its
// documents or sub-processors) with change, and audits the change.
func (s *Store) updateFacts(ctx context.Context, tx *sql.Tx, id string, change func(*model.Agreement) error) error {
	before, err := agreementJSON(ctx, tx, id)
	if err != nil {
		return err
	}
	if before == "" {
		return fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	var a model.Agreement
	if err := json.Unmarshal([]byte(before), &a); err != nil {
		return fmt.Errorf("agreement %q is damaged in the database: %w", id, err)
	}
	if err := change(&a); err != nil {
		return err
	}
	after, err := json.Marshal(&a)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE agreements SET data = ?, updated_at = ? WHERE id = ?", string(after), s.now(), id); err != nil {
		return err
	}
	return s.audit(ctx, tx, "agreement", id, "update", before, string(after))
}

// AmendmentRow is an amendment one clause of an agreement makes to another.
type AmendmentRow struct {
	ID          int64  `json:"id"`
	AgreementID string `json:"agreement_id"`
	// Target is the amended clause as the text names it ("8.8.2a"), Clause
	// the number of the clause it sits in ("8.8.2").
	Target string                `json:"target"`
	Clause string                `json:"clause"`
	Kind   extract.AmendmentKind `json:"kind"`
	// ByClause is the number of the amending clause ("8.18"), ByClauseID its row.
	ByClause   string `json:"by_clause"`
	ByClauseID int64  `json:"by_clause_id,omitempty"`
	// Document is the name of the document the amending clause is in.
	Document  string `json:"document,omitempty"`
	Text      string `json:"text"`
	Confirmed bool   `json:"confirmed"`
}

// Amendments returns the amendments made by the current documents of an
// agreement, confirmed or still proposed, in clause order; those the user
// rejected are left out.
func (s *Store) Amendments(ctx context.Context, agreementID string) ([]AmendmentRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.target_number, a.kind, a.by_number, COALESCE(a.by_clause_id, 0),
		COALESCE(d.name, ''), a.text, a.confirmed
		FROM amendments a
		LEFT JOIN clauses c ON c.id = a.by_clause_id
		LEFT JOIN documents d ON d.id = c.document_id
		WHERE a.agreement_id = ? AND NOT COALESCE(d.superseded, 0)
		AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.amendment_id = a.id AND p.status = 'rejected')
		ORDER BY COALESCE(d.position, 0), COALESCE(c.position, 0), a.id`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []AmendmentRow{}
	for rows.Next() {
		r := AmendmentRow{AgreementID: agreementID}
		if err := rows.Scan(&r.ID, &r.Target, &r.Kind, &r.ByClause, &r.ByClauseID, &r.Document, &r.Text, &r.Confirmed); err != nil {
			return nil, err
		}
		r.Clause = extract.Amendment{Target: r.Target}.Clause()
		out = append(out, r)
	}
	return out, rows.Err()
}

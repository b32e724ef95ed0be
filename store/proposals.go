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
// tiers, sub-processor, amendment, term, supplier or field, with its clause
// and evidence) and what the user decided.
type ProposalRow struct {
	ID          int64  `json:"id"`
	AgreementID string `json:"agreement_id"`
	DocumentID  int64  `json:"document_id,omitempty"`
	Status      string `json:"status"`
	DecidedAt   string `json:"decided_at,omitempty"`
	// AmendmentID is the amendment an amendment proposal confirms.
	AmendmentID int64 `json:"amendment_id,omitempty"`
	extract.Proposal
	// Applied is what accepting the proposal changed, for undo.
	Applied *extract.Applied `json:"applied,omitempty"`
}

// storedProposal is the payload column: the proposal, and once accepted
// what accepting it changed.
type storedProposal struct {
	extract.Proposal
	Applied *extract.Applied `json:"applied,omitempty"`
}

const proposalColumns = "p.id, p.agreement_id, COALESCE(p.document_id, 0), p.status, p.decided_at, COALESCE(p.amendment_id, 0), p.payload"

func scanProposal(row scanner) (ProposalRow, error) {
	var p ProposalRow
	var payload string
	if err := row.Scan(&p.ID, &p.AgreementID, &p.DocumentID, &p.Status, &p.DecidedAt, &p.AmendmentID, &payload); err != nil {
		return p, err
	}
	var stored storedProposal
	if err := json.Unmarshal([]byte(payload), &stored); err != nil {
		return p, fmt.Errorf("proposal %d is damaged in the database: %w", p.ID, err)
	}
	p.Proposal, p.Applied = stored.Proposal, stored.Applied
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
// with its audit entry. Accepting applies it to the agreement as
// extract.Proposal.Apply says (a rule, SLA tiers, a sub-processor, the
// term, the supplier, a field) or confirms an amendment; what the model
// refuses is refused and nothing is stored. A proposal already decided is
// refused with ErrConflict, an unknown one with ErrNotFound.
func (s *Store) DecideProposal(ctx context.Context, id int64, accept bool) (ProposalRow, error) {
	return s.decideProposal(ctx, id, accept, nil)
}

// CorrectProposal accepts a pending proposal with some of its values
// corrected first (extract.Proposal.Correct: a rule's length, a
// sub-processor's country, the term's notice …), in one transaction: the
// proposal is stored as corrected, with its clause and evidence, and the
// audit entry holds what the importer found before. A value the model
// refuses is refused with the value named, and nothing is stored.
func (s *Store) CorrectProposal(ctx context.Context, id int64, values map[string]string) (ProposalRow, error) {
	return s.decideProposal(ctx, id, true, values)
}

func (s *Store) decideProposal(ctx context.Context, id int64, accept bool, corrections map[string]string) (ProposalRow, error) {
	return s.changeProposal(ctx, id, func(tx *sql.Tx, p *ProposalRow) (string, error) {
		if p.Status != ProposalPending {
			return "", fmt.Errorf("proposal %d was already %s: %w", id, p.Status, ErrConflict)
		}
		action := ProposalAccepted
		if corrections != nil {
			corrected, err := p.Correct(corrections)
			if err != nil {
				return "", fmt.Errorf("proposal %d: %w", id, err)
			}
			p.Proposal, action = corrected, "corrected"
		}
		if !accept {
			p.Status = ProposalRejected
			return p.Status, nil
		}
		if p.Kind == extract.ProposeAmendment {
			_, err := tx.ExecContext(ctx, "UPDATE amendments SET confirmed = 1 WHERE id = ?", p.AmendmentID)
			p.Status = ProposalAccepted
			return p.Status, err
		}
		var applied extract.Applied
		if err := s.updateFacts(ctx, tx, p.AgreementID, func(a *model.Agreement) (err error) {
			applied, err = p.Apply(a)
			return err
		}); err != nil {
			return "", fmt.Errorf("proposal %d: %w", id, err)
		}
		p.Status, p.Applied = ProposalAccepted, &applied
		return action, nil
	})
}

// UndoProposal takes back the decision on a proposal: it is pending again,
// and what accepting it changed in the agreement is put back as it was. It
// is refused, naming the field, when the agreement has changed there since
// (a later edit is never overwritten); a pending proposal is ErrConflict.
func (s *Store) UndoProposal(ctx context.Context, id int64) (ProposalRow, error) {
	return s.changeProposal(ctx, id, func(tx *sql.Tx, p *ProposalRow) (string, error) {
		switch {
		case p.Status == ProposalPending:
			return "", fmt.Errorf("proposal %d is not decided yet: %w", id, ErrConflict)
		case p.Status == ProposalRejected:
		case p.Kind == extract.ProposeAmendment:
			if _, err := tx.ExecContext(ctx, "UPDATE amendments SET confirmed = 0 WHERE id = ?", p.AmendmentID); err != nil {
				return "", err
			}
		default:
			applied := extract.Applied{}
			if p.Applied != nil {
				applied = *p.Applied
			}
			if err := s.updateFacts(ctx, tx, p.AgreementID, func(a *model.Agreement) error { return p.Undo(a, applied) }); err != nil {
				return "", fmt.Errorf("proposal %d cannot be undone: %w", id, err)
			}
		}
		p.Status, p.Applied = ProposalPending, nil
		return "undo", nil
	})
}

// changeProposal runs change on a stored proposal in one transaction and
// stores the proposal as change left it, with an audit entry of the action
// change names, before and after.
func (s *Store) changeProposal(ctx context.Context, id int64, change func(*sql.Tx, *ProposalRow) (string, error)) (ProposalRow, error) {
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
		before, _ := json.Marshal(p)
		action, err := change(tx, &p)
		if err != nil {
			return err
		}
		p.DecidedAt = ""
		if p.Status != ProposalPending {
			p.DecidedAt = s.now()
		}
		payload, err := json.Marshal(storedProposal{p.Proposal, p.Applied})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE proposals SET status = ?, decided_at = ?, payload = ? WHERE id = ?",
			p.Status, p.DecidedAt, string(payload), id); err != nil {
			return err
		}
		after, _ := json.Marshal(p)
		return s.audit(ctx, tx, "proposal", p.AgreementID, action, string(before), string(after))
	})
	if err != nil {
		return ProposalRow{}, err
	}
	return p, nil
}

// SetFields sets fields of an agreement from "FIELD=VALUE" assignments
// (model.Agreement.Assign): all of them or, on the first the model
// refuses, none, with the error naming the field.
func (s *Store) SetFields(ctx context.Context, id string, assignments []string) (*model.Agreement, error) {
	return s.EditAgreement(ctx, id, func(a *model.Agreement) error {
		_, err := a.Assign(assignments)
		return err
	})
}

// EditAgreement changes an agreement's facts and sub-processors with edit
// (its documents stay as they are) in one transaction with the audit entry,
// and returns the agreement as stored. What model.Agreement.CheckEdit
// refuses (a new id, an invalid agreement) is refused and nothing is written.
func (s *Store) EditAgreement(ctx context.Context, id string, edit func(*model.Agreement) error) (*model.Agreement, error) {
	var out model.Agreement
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return s.updateFacts(ctx, tx, id, func(a *model.Agreement) error {
			if err := edit(a); err != nil {
				return err
			}
			out = *a
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// updateFacts changes the stored facts and sub-processors of an agreement
// (not its documents) with change, checks the result with CheckEdit, and
// audits the change with the agreement before and after.
func (s *Store) updateFacts(ctx context.Context, tx *sql.Tx, id string, change func(*model.Agreement) error) error {
	data, err := agreementJSON(ctx, tx, id)
	if err != nil {
		return err
	}
	if data == "" {
		return fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	var a model.Agreement
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return fmt.Errorf("agreement %q is damaged in the database: %w", id, err)
	}
	if a.Subs, err = subProcessors(ctx, tx, id); err != nil {
		return err
	}
	before, _ := json.Marshal(&a)
	if err := change(&a); err != nil {
		return err
	}
	if err := a.CheckEdit(id); err != nil {
		return err
	}
	a.Documents = nil
	after, err := json.Marshal(&a)
	if err != nil {
		return err
	}
	if string(after) == string(before) {
		return nil
	}
	if err := writeFacts(ctx, tx, &a, s.now(), false); err != nil {
		return err
	}
	if err := replaceSubs(ctx, tx, id, a.Subs); err != nil {
		return err
	}
	return s.audit(ctx, tx, "agreement", id, "update", string(before), string(after))
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

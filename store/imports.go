package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"avtal/model"
	"avtal/model/clausediff"
	"avtal/model/docimport"
	"avtal/model/extract"
)

// ImportRequest is one imported file to store.
type ImportRequest struct {
	// AgreementID names the agreement the file adds a new version to; ""
	// creates a new agreement from the plan's guessed title and supplier.
	AgreementID string
	// Source is the file the plan was read from, kept with each document.
	Source string
	Plan   docimport.Plan
	// Analysed, when not nil, is the analysis that finds the plan's
	// suggested tags and proposals (docimport.Plan.StartAnalysis): the
	// clauses are stored meanwhile, then the import helps with what is left
	// of it, and stores the rest when it is done.
	Analysed *docimport.Analysis
}

// DocumentRef names one stored version of a document.
type DocumentRef struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ImportedDocument is a document an import stored.
type ImportedDocument struct {
	DocumentRef
	Kind    model.Kind `json:"kind"`
	Clauses int        `json:"clauses"`
	// Replaces is the version this one supersedes, nil for a new document.
	Replaces *DocumentRef `json:"replaces"`
	// Diff is how the clauses changed against Replaces.
	Diff []clausediff.Change `json:"diff,omitempty"`
	// Carried is what the clauses took over from Replaces, nil for a new document.
	Carried *docimport.Carried `json:"carried,omitempty"`
}

// ImportResult is what ImportDocuments stored.
type ImportResult struct {
	AgreementID string             `json:"agreement_id"`
	Title       string             `json:"title"`
	Created     bool               `json:"created"`
	Documents   []ImportedDocument `json:"documents"`
	// Proposals are the new ones; a proposal the agreement already has
	// (pending or decided) is not made again.
	Proposals []ProposalRow `json:"proposals"`
	// Amendments are those the imported documents make, new or carried
	// over from the version they replace.
	Amendments []AmendmentRow `json:"amendments"`
}

// Clauses returns how many clauses the import stored.
func (r *ImportResult) Clauses() int {
	n := 0
	for _, d := range r.Documents {
		n += d.Clauses
	}
	return n
}

// ImportDocuments stores the documents of an imported, analysed file in one
// transaction, with the tags it suggests (as suggestions), its proposals
// (pending) and the amendments it detected (unconfirmed); the full-text
// index takes the clauses in right after, in a transaction of its own
// (unindexed.go), and search finds them meanwhile. Without an
// agreement id it creates a draft agreement with an id made from the
// guessed title and supplier ("centuri-saas", or "centuri-saas-2" when that
// is taken). With one, each document whose name matches a current document
// of the agreement becomes that document's new version: the old version and
// its clauses are kept, marked superseded, and the result holds the
// clause-level diff. Nothing is deleted or overwritten.
func (s *Store) ImportDocuments(ctx context.Context, req ImportRequest) (ImportResult, error) {
	plan := &req.Plan
	if len(plan.Documents) == 0 {
		return ImportResult{}, errors.New("the import holds no documents")
	}
	for i := range plan.Documents {
		if err := plan.Documents[i].Validate(); err != nil {
			return ImportResult{}, fmt.Errorf("document %q: %w", plan.Documents[i].Name, err)
		}
	}
	if plan.NeedsAnalysis() {
		return ImportResult{}, errors.New("the import's tags and proposals are not found yet (docimport.Plan.StartAnalysis)")
	}
	res := ImportResult{AgreementID: req.AgreementID, Created: req.AgreementID == ""}
	tx, done, err := s.begin(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	err = func() error {
		if res.Created {
			a, err := s.createDraft(ctx, tx, plan)
			if err != nil {
				return err
			}
			res.AgreementID, res.Title = a.ID, a.Title
		} else if err := tx.QueryRowContext(ctx, "SELECT title FROM agreements WHERE id = ?", req.AgreementID).Scan(&res.Title); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("agreement %q: %w", req.AgreementID, ErrNotFound)
		} else if err != nil {
			return err
		}
		im, err := s.newImporter(ctx, tx, res.AgreementID)
		if err != nil {
			return err
		}
		defer im.close()
		im.w.unindexed = true
		added := make([]addedDoc, len(plan.Documents))
		for i := range plan.Documents {
			if added[i], err = im.document(ctx, &plan.Documents[i], req.Source, &res); err != nil {
				return err
			}
		}
		// The clauses go in together, while the analysis may still run,
		// and the deadlines and the list's orders are kept up to date,
		// which nothing the analysis finds changes; then, once the plan's
		// tags are found, the suggested tags, and once it is analysed,
		// what else refers to the clauses. The commit keeps them again
		// only if something written after changed them.
		if err := im.w.flushClauses(ctx); err != nil {
			return err
		}
		if _, err := s.keepUpToDate(ctx, tx); err != nil {
			return err
		}
		if err := helpUntil(ctx, req.Analysed, (*docimport.Analysis).Tagged); err != nil {
			return err
		}
		for i := range plan.Documents {
			im.w.suggest(added[i].clauseIDs, plan.Documents[i].Suggested)
		}
		if err := im.w.flushTags(ctx); err != nil {
			return err
		}
		if err := helpUntil(ctx, req.Analysed, (*docimport.Analysis).Done); err != nil {
			return err
		}
		for i := range plan.Documents {
			if err := im.writeNotes(ctx, added[i].carry, added[i].clauseIDs); err != nil {
				return err
			}
			if err := im.proposals(ctx, &plan.Documents[i], added[i], &res); err != nil {
				return err
			}
		}
		summary, _ := json.Marshal(map[string]any{"source": req.Source, "documents": res.Documents, "proposals": len(res.Proposals)})
		return s.audit(ctx, tx, "documents", res.AgreementID, "import", "", string(summary))
	}()
	if err != nil {
		tx.Rollback()
		done()
		return ImportResult{}, err
	}
	if err := s.commit(ctx, tx); err != nil {
		done()
		return ImportResult{}, err
	}
	// The import is in the register, and readers may see it. The full-text
	// index takes its clauses in on another goroutine, in the same write
	// turn, while the caller goes on with the result.
	s.writes.Add(1)
	s.indexInBackground(ctx, done)
	return res, nil
}

// helpUntil helps the analysis a, if there is one, with its tasks until
// the channel until returns is closed, and waits for that.
func helpUntil(ctx context.Context, a *docimport.Analysis, until func(*docimport.Analysis) <-chan struct{}) error {
	if a == nil {
		return nil
	}
	a.Help(until(a))
	select {
	case <-until(a):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// createDraft writes a new draft agreement for a plan under a free id.
func (s *Store) createDraft(ctx context.Context, tx *sql.Tx, plan *docimport.Plan) (*model.Agreement, error) {
	base := docimport.Slug(plan.Title, plan.Supplier)
	id := base
	for n := 2; ; n++ {
		var taken bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS(SELECT 1 FROM agreements WHERE id = ?)", id).Scan(&taken); err != nil {
			return nil, err
		}
		if !taken {
			break
		}
		id = base + "-" + strconv.Itoa(n)
	}
	a := &model.Agreement{ID: id, Title: plan.Title, Kind: plan.Kind, Status: model.StatusDraft,
		Supplier: model.Party{Name: cmp.Or(plan.Supplier, docimport.UnknownSupplier)}}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if err := putAgreement(ctx, tx, a, s.now(), true); err != nil {
		return nil, err
	}
	after, _ := json.Marshal(a)
	return a, s.audit(ctx, tx, "agreement", a.ID, "create", "", string(after))
}

// currentDoc is a document of the agreement that no later version replaces.
type currentDoc struct {
	DocumentRef
	position int
	used     bool // already replaced by a document of this import
}

// importer holds what one import transaction needs across documents.
type importer struct {
	tx          *sql.Tx
	agreementID string
	w           *docWriter
	// addProposal inserts a proposal: prepared once, as a document
	// makes dozens of them.
	addProposal *sql.Stmt
	current     []*currentDoc
	nextPos     int
	proposed    map[string]bool // kind, clause and evidence of every proposal the agreement has
}

func (s *Store) newImporter(ctx context.Context, tx *sql.Tx, agreementID string) (*importer, error) {
	im := &importer{tx: tx, agreementID: agreementID, proposed: map[string]bool{}}
	rows, err := tx.QueryContext(ctx, "SELECT id, name, version, position, superseded FROM documents WHERE agreement_id = ? ORDER BY position", agreementID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		d := &currentDoc{}
		var superseded bool
		if err := rows.Scan(&d.ID, &d.Name, &d.Version, &d.position, &superseded); err != nil {
			rows.Close()
			return nil, err
		}
		im.nextPos = max(im.nextPos, d.position+1)
		if !superseded {
			im.current = append(im.current, d)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT kind, clause, evidence, coalesce(json_extract(payload, '$.field.name'), '')
		FROM proposals WHERE agreement_id = ?`, agreementID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var kind, clause, evidence, field string
		if err := rows.Scan(&kind, &clause, &evidence, &field); err != nil {
			rows.Close()
			return nil, err
		}
		im.proposed[proposalKey(kind, clause, evidence, field)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if im.addProposal, err = tx.PrepareContext(ctx, `INSERT INTO proposals(agreement_id, document_id, kind, clause, evidence, payload, status, amendment_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0))`); err != nil {
		return nil, err
	}
	if im.w, err = newDocWriter(ctx, tx, agreementID, s.now()); err != nil {
		im.addProposal.Close()
		return nil, err
	}
	return im, nil
}

func (im *importer) close() {
	im.addProposal.Close()
	im.w.close()
}

// proposalKey is what makes two proposals one: their kind, clause and
// evidence, and for a field its name, as one sentence may give both the
// governing law and the venue.
func proposalKey(kind, clause, evidence, field string) string {
	return kind + "\x1f" + clause + "\x1f" + evidence + "\x1f" + field
}

// fieldName is the name of the field a proposal sets, or "".
func fieldName(p extract.Proposal) string {
	if p.Field == nil {
		return ""
	}
	return p.Field.Name
}

// replaced returns the current document a new one with this name replaces.
func (im *importer) replaced(name string) *currentDoc {
	for _, d := range im.current {
		if !d.used && strings.EqualFold(strings.TrimSpace(d.Name), strings.TrimSpace(name)) {
			d.used = true
			return d
		}
	}
	return nil
}

// addedDoc is what the proposals and the carried notes of a stored
// document refer to.
type addedDoc struct {
	id, replaced int64
	clauseIDs    []int64
	carry        *carry // nil for a new document
}

// document stores one document of the plan, as a new version when it
// replaces one; its clauses are written at the importer's flush.
func (im *importer) document(ctx context.Context, d *docimport.Document, source string, res *ImportResult) (addedDoc, error) {
	nd := newDoc{position: im.nextPos, version: d.Version, source: source}
	old := im.replaced(d.Name)
	var diff []clausediff.Change
	var carried *carry
	if old != nil {
		nd.position, nd.replaces = old.position, old.ID
		nd.version = docimport.NextVersion(old.Version, d.Version)
		if _, err := im.tx.ExecContext(ctx, "UPDATE documents SET superseded = 1 WHERE id = ?", old.ID); err != nil {
			return addedDoc{}, err
		}
		oldClauses, oldIDs, err := clausesOf(ctx, im.tx, old.ID)
		if err != nil {
			return addedDoc{}, err
		}
		diff = clausediff.Diff(oldClauses, d.Clauses)
		if carried, err = im.carryFrom(ctx, old, oldClauses, oldIDs, d.Clauses); err != nil {
			return addedDoc{}, err
		}
		nd.carried = carried.plan.Tags
	} else {
		im.nextPos++
	}
	docID, clauseIDs, err := im.w.add(ctx, &d.Document, nd)
	if err != nil {
		return addedDoc{}, err
	}
	doc := ImportedDocument{DocumentRef: DocumentRef{ID: docID, Name: d.Name, Version: nd.version}, Kind: d.Kind,
		Clauses: len(d.Clauses), Diff: diff}
	if old != nil {
		doc.Replaces = &DocumentRef{ID: old.ID, Name: old.Name, Version: old.Version}
		doc.Carried = &carried.plan.Counts
	}
	res.Documents = append(res.Documents, doc)
	return addedDoc{id: docID, replaced: nd.replaces, clauseIDs: clauseIDs, carry: carried}, nil
}

// proposals stores what a document proposes and the amendments it makes.
func (im *importer) proposals(ctx context.Context, d *docimport.Document, added addedDoc, res *ImportResult) error {
	byNumber := make(map[string]int64, len(added.clauseIDs))
	for j, c := range d.Clauses {
		byNumber[c.Number] = added.clauseIDs[j]
	}
	for _, p := range d.Proposals {
		var err error
		if p.Kind == extract.ProposeAmendment {
			err = im.amendment(ctx, added.id, added.replaced, p, byNumber[p.Clause], res)
		} else {
			err = im.propose(ctx, added.id, added.replaced, p, 0, res)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// propose stores a pending proposal unless the agreement already has it.
// One the replaced version made moves to the new version with its decision,
// so the proposals of a superseded version are those its successor no
// longer supports.
func (im *importer) propose(ctx context.Context, docID, oldID int64, p extract.Proposal, amendmentID int64, res *ImportResult) error {
	k := proposalKey(string(p.Kind), p.Clause, p.Evidence, fieldName(p))
	if im.proposed[k] {
		_, err := im.tx.ExecContext(ctx, `UPDATE proposals SET document_id = ?
			WHERE agreement_id = ? AND document_id = ? AND kind = ? AND clause = ? AND evidence = ?
			AND coalesce(json_extract(payload, '$.field.name'), '') = ?`,
			docID, im.agreementID, oldID, p.Kind, p.Clause, p.Evidence, fieldName(p))
		return err
	}
	im.proposed[k] = true
	payload, err := json.Marshal(p)
	if err != nil {
		return err
	}
	r, err := im.addProposal.ExecContext(ctx, im.agreementID, docID, p.Kind, p.Clause, p.Evidence, string(payload), ProposalPending, amendmentID)
	if err != nil {
		return err
	}
	id, _ := r.LastInsertId()
	res.Proposals = append(res.Proposals, ProposalRow{ID: id, AgreementID: im.agreementID, DocumentID: docID,
		Status: ProposalPending, AmendmentID: amendmentID, Proposal: p})
	return nil
}

// amendment records an amendment the document makes. When the version it
// replaces made the same one, that record moves to the new amending clause
// and keeps its confirmation (or rejection); otherwise a new, unconfirmed
// amendment is stored with a proposal to confirm it.
func (im *importer) amendment(ctx context.Context, docID, oldID int64, p extract.Proposal, byClauseID int64, res *ImportResult) error {
	a := p.Amendment
	row := AmendmentRow{AgreementID: im.agreementID, Target: a.Target, Clause: a.Clause(), Kind: a.Kind, ByClause: a.ByClause,
		ByClauseID: byClauseID, Text: a.Text}
	if oldID != 0 {
		err := im.tx.QueryRowContext(ctx, `SELECT a.id, a.confirmed FROM amendments a JOIN clauses c ON c.id = a.by_clause_id
			WHERE a.agreement_id = ? AND a.target_number = ? AND a.kind = ? AND a.by_number = ? AND c.document_id = ?`,
			im.agreementID, a.Target, a.Kind, a.ByClause, oldID).Scan(&row.ID, &row.Confirmed)
		switch {
		case err == nil:
			if _, err := im.tx.ExecContext(ctx, "UPDATE amendments SET by_clause_id = ?, text = ? WHERE id = ?", byClauseID, a.Text, row.ID); err != nil {
				return err
			}
			if _, err := im.tx.ExecContext(ctx, "UPDATE proposals SET document_id = ? WHERE amendment_id = ?", docID, row.ID); err != nil {
				return err
			}
			res.Amendments = append(res.Amendments, row)
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	r, err := im.tx.ExecContext(ctx, `INSERT INTO amendments(agreement_id, target_number, kind, by_clause_id, by_number, text)
		VALUES (?, ?, ?, NULLIF(?, 0), ?, ?)`, im.agreementID, a.Target, a.Kind, byClauseID, a.ByClause, a.Text)
	if err != nil {
		return err
	}
	row.ID, _ = r.LastInsertId()
	res.Amendments = append(res.Amendments, row)
	return im.propose(ctx, docID, oldID, p, row.ID, res)
}

// clausesOf returns the clauses of one stored document in order, without
// tags, and their ids.
func clausesOf(ctx context.Context, q querier, docID int64) ([]model.Clause, []int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, number, heading, body FROM clauses WHERE document_id = ? ORDER BY position", docID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []model.Clause
	var ids []int64
	for rows.Next() {
		var c model.Clause
		var id int64
		if err := rows.Scan(&id, &c.Number, &c.Heading, &c.Body); err != nil {
			return nil, nil, err
		}
		out, ids = append(out, c), append(ids, id)
	}
	return out, ids, rows.Err()
}

// ClauseDiff compares two stored documents (usually a version and the one
// it replaced) clause by clause; ErrNotFound when either does not exist.
func (s *Store) ClauseDiff(ctx context.Context, oldDocID, newDocID int64) ([]clausediff.Change, error) {
	var found int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE id IN (?, ?)", oldDocID, newDocID).Scan(&found); err != nil {
		return nil, err
	}
	if found < 2 && !(oldDocID == newDocID && found == 1) {
		return nil, fmt.Errorf("document %d or %d: %w", oldDocID, newDocID, ErrNotFound)
	}
	old, _, err := clausesOf(ctx, s.read, oldDocID)
	if err != nil {
		return nil, err
	}
	new, _, err := clausesOf(ctx, s.read, newDocID)
	if err != nil {
		return nil, err
	}
	return clausediff.Diff(old, new), nil
}

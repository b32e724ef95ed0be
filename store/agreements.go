package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"avtal/model"
)

// Row is one agreement as the register list shows it: the agreement's facts
// (without documents) and its depth in the framework → call-off hierarchy.
type Row struct {
	Agreement model.Agreement
	Depth     int
	SortKey   string
	// Terminated is the day notice of termination was given (the earliest
	// termination event), zero when none is recorded.
	Terminated model.Date
	// Sorted is the row's value in the order PageBy read it in (its
	// ListCursor's Value), "" in the register's own order.
	Sorted string
}

// Cursor is the row's place in the order it was read in.
func (r *Row) Cursor() ListCursor { return ListCursor{r.Sorted, r.SortKey} }

// PutAgreement writes an agreement with its documents, clauses and
// sub-processors in one transaction. replace=false refuses an id that
// exists (ErrConflict); replace=true swaps the old version out entirely.
func (s *Store) PutAgreement(ctx context.Context, a *model.Agreement, replace bool) error {
	return s.PutAgreements(ctx, []*model.Agreement{a}, replace)
}

// PutAgreements writes many agreements in one transaction (an import of a
// whole register): all of them or none.
func (s *Store) PutAgreements(ctx context.Context, list []*model.Agreement, replace bool) error {
	for _, a := range list {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
	}
	return s.Tx(ctx, func(tx *sql.Tx) error {
		for _, a := range list {
			before, err := agreementJSON(ctx, tx, a.ID)
			if err != nil {
				return err
			}
			if before != "" && !replace {
				return fmt.Errorf("agreement %q: %w", a.ID, ErrConflict)
			}
			if err := putAgreement(ctx, tx, a, s.now(), before == ""); err != nil {
				return err
			}
			action := "create"
			if before != "" {
				action = "replace"
			}
			after, _ := json.Marshal(a)
			if err := s.audit(ctx, tx, "agreement", a.ID, action, before, string(after)); err != nil {
				return err
			}
		}
		return nil
	})
}

func agreementJSON(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var data string
	err := tx.QueryRowContext(ctx, "SELECT data FROM agreements WHERE id = ?", id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return data, err
}

// putAgreement writes or updates an agreement. An update keeps everything
// recorded against the agreement (incidents, events, decisions, notices,
// clause notes): the row is updated in place, and documents or
// sub-processors that differ are replaced — old document versions are
// kept, marked superseded, never deleted. fresh says that no agreement has
// a.ID yet: there is nothing to update or replace, and only inserts are
// made (an update is prepared with every trigger and foreign key of the
// tables it touches, which costs more than the insert).
func putAgreement(ctx context.Context, tx *sql.Tx, a *model.Agreement, now string, fresh bool) error {
	if err := writeFacts(ctx, tx, a, now, fresh); err != nil {
		return err
	}
	if fresh {
		if len(a.Documents) > 0 {
			if err := insertDocuments(ctx, tx, a.ID, a.Documents, now); err != nil {
				return err
			}
		}
		return insertSubs(ctx, tx, a.ID, a.Subs)
	}
	if err := replaceDocuments(ctx, tx, a.ID, a.Documents, now); err != nil {
		return err
	}
	return replaceSubs(ctx, tx, a.ID, a.Subs)
}

// writeFacts writes or updates the agreement's row: its facts, the columns
// the list sorts and filters on, and its relations; not its documents or
// sub-processors. fresh says there is no row yet (putAgreement).
func writeFacts(ctx context.Context, tx *sql.Tx, a *model.Agreement, now string, fresh bool) error {
	facts := *a
	facts.Documents, facts.Subs = nil, nil
	data, err := json.Marshal(&facts)
	if err != nil {
		return err
	}
	parent := a.Parent()
	key, err := sortKey(ctx, tx, a, parent)
	if err != nil {
		return err
	}
	insert := func() error {
		_, err := tx.ExecContext(ctx, `INSERT INTO agreements(id, title, kind, status, supplier, parent_id, sort_key, data, updated_at)
			VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?)`,
			a.ID, a.Title, a.Kind, a.Status, a.Supplier.Name, parent, key, string(data), now)
		return err
	}
	if fresh {
		if err := insert(); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE agreements SET title = ?, kind = ?, status = ?, supplier = ?,
			parent_id = NULLIF(?, ''), sort_key = ?, data = ?, updated_at = ? WHERE id = ?`,
			a.Title, a.Kind, a.Status, a.Supplier.Name, parent, key, string(data), now, a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if err := insert(); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM relations WHERE agreement_id = ?", a.ID); err != nil {
			return err
		}
	}
	for _, r := range a.Relations {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO relations(agreement_id, kind, target) VALUES (?, ?, ?)", a.ID, r.Kind, r.Target); err != nil {
			return err
		}
	}
	return resortChildren(ctx, tx, a.ID, key)
}

// replaceDocuments writes docs as the agreement's current documents unless
// they are what is stored already; the previous versions stay, superseded.
func replaceDocuments(ctx context.Context, tx *sql.Tx, agreementID string, docs []model.Document, now string) error {
	current, err := currentDocuments(ctx, tx, agreementID)
	if err != nil || reflect.DeepEqual(current, docs) || (len(current) == 0 && len(docs) == 0) {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE documents SET superseded = 1 WHERE agreement_id = ? AND superseded = 0", agreementID); err != nil {
		return err
	}
	return insertDocuments(ctx, tx, agreementID, docs, now)
}

// replaceSubs writes the agreement's sub-processors unless they are what is
// stored already.
func replaceSubs(ctx context.Context, tx *sql.Tx, agreementID string, subs []model.SubProcessor) error {
	current, err := subProcessors(ctx, tx, agreementID)
	if err != nil || reflect.DeepEqual(current, subs) || (len(current) == 0 && len(subs) == 0) {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM subprocessors WHERE agreement_id = ?", agreementID); err != nil {
		return err
	}
	return insertSubs(ctx, tx, agreementID, subs)
}

// sortKey places a top-level agreement by supplier and title, and a call-off
// right after its framework.
func sortKey(ctx context.Context, tx *sql.Tx, a *model.Agreement, parent string) (string, error) {
	own := strings.ToLower(a.Supplier.Name) + "\x1f" + strings.ToLower(a.Title) + "\x1f" + a.ID
	if parent == "" {
		return own, nil
	}
	var parentKey string
	err := tx.QueryRowContext(ctx, "SELECT sort_key FROM agreements WHERE id = ?", parent).Scan(&parentKey)
	if errors.Is(err, sql.ErrNoRows) {
		return own, nil
	}
	if err != nil {
		return "", err
	}
	return parentKey + "\x1e" + strings.ToLower(a.Title) + "\x1f" + a.ID, nil
}

// resortChildren moves the call-offs of id (and theirs) behind it after it
// was written or renamed.
func resortChildren(ctx context.Context, tx *sql.Tx, id, key string) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, title FROM agreements WHERE parent_id = ?", id)
	if err != nil {
		return err
	}
	type child struct{ id, title string }
	var children []child
	for rows.Next() {
		var c child
		if err := rows.Scan(&c.id, &c.title); err != nil {
			rows.Close()
			return err
		}
		children = append(children, c)
	}
	rows.Close()
	for _, c := range children {
		childKey := key + "\x1e" + strings.ToLower(c.title) + "\x1f" + c.id
		if _, err := tx.ExecContext(ctx, "UPDATE agreements SET sort_key = ? WHERE id = ?", childKey, c.id); err != nil {
			return err
		}
		if err := resortChildren(ctx, tx, c.id, childKey); err != nil {
			return err
		}
	}
	return nil
}

func insertDocuments(ctx context.Context, tx *sql.Tx, agreementID string, docs []model.Document, now string) error {
	w, err := newDocWriter(ctx, tx, agreementID, now)
	if err != nil {
		return err
	}
	defer w.close()
	for i := range docs {
		if _, _, err := w.add(ctx, &docs[i], newDoc{position: i, version: docs[i].Version}); err != nil {
			return err
		}
	}
	return w.flush(ctx)
}

func insertSubs(ctx context.Context, tx *sql.Tx, agreementID string, subs []model.SubProcessor) error {
	for i, sp := range subs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO subprocessors(agreement_id, position, name, org_number, country, region, purpose, clause, status, transfer_basis, since)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			agreementID, i, sp.Name, sp.OrgNumber, sp.Country, sp.Region, sp.Purpose, sp.Clause, sp.Status, sp.TransferBasis, sp.Since.String()); err != nil {
			return err
		}
	}
	return nil
}

// Agreement returns one agreement with its current documents (not the
// versions a re-import superseded), their clauses with their confirmed tags,
// and its sub-processors, or ErrNotFound.
func (s *Store) Agreement(ctx context.Context, id string) (*model.Agreement, error) {
	var data string
	err := s.read.QueryRowContext(ctx, "SELECT data FROM agreements WHERE id = ?", id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("agreement %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	var a model.Agreement
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return nil, fmt.Errorf("agreement %q is damaged in the database: %w", id, err)
	}
	if a.Documents, err = currentDocuments(ctx, s.read, id); err != nil {
		return nil, err
	}
	if a.Subs, err = subProcessors(ctx, s.read, id); err != nil {
		return nil, err
	}
	return &a, nil
}

// currentDocuments returns the agreement's documents that no newer version
// supersedes, with their clauses and confirmed tags.
func currentDocuments(ctx context.Context, q querier, agreementID string) ([]model.Document, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.name, d.kind, d.version, c.id, c.number, c.heading, c.body,
		(SELECT group_concat(tag, ',') FROM (SELECT tag FROM clause_tags t WHERE t.clause_id = c.id AND NOT t.suggested ORDER BY tag))
		FROM documents d LEFT JOIN clauses c ON c.document_id = d.id
		WHERE d.agreement_id = ? AND NOT d.superseded ORDER BY d.position, c.position`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []model.Document
	lastDoc := int64(-1)
	for rows.Next() {
		var (
			docID                       int64
			name, kind, version         string
			clauseID                    sql.NullInt64
			number, heading, body, tags sql.NullString
		)
		if err := rows.Scan(&docID, &name, &kind, &version, &clauseID, &number, &heading, &body, &tags); err != nil {
			return nil, err
		}
		if docID != lastDoc {
			docs = append(docs, model.Document{Name: name, Kind: model.Kind(kind), Version: version})
			lastDoc = docID
		}
		if clauseID.Valid {
			c := model.Clause{Number: number.String, Heading: heading.String, Body: body.String}
			if tags.String != "" {
				c.Tags = strings.Split(tags.String, ",")
			}
			d := &docs[len(docs)-1]
			d.Clauses = append(d.Clauses, c)
		}
	}
	return docs, rows.Err()
}

func subProcessors(ctx context.Context, q querier, agreementID string) ([]model.SubProcessor, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, org_number, country, region, purpose, clause, status, transfer_basis, since
		FROM subprocessors WHERE agreement_id = ? ORDER BY position`, agreementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var subs []model.SubProcessor
	for rows.Next() {
		var sp model.SubProcessor
		var since string
		if err := rows.Scan(&sp.Name, &sp.OrgNumber, &sp.Country, &sp.Region, &sp.Purpose, &sp.Clause, &sp.Status, &sp.TransferBasis, &since); err != nil {
			return nil, err
		}
		if err := sp.Since.UnmarshalText([]byte(since)); err != nil {
			return nil, fmt.Errorf("sub-processor %q of %s has a damaged date: %w", sp.Name, agreementID, err)
		}
		subs = append(subs, sp)
	}
	return subs, rows.Err()
}

// Page returns up to limit rows of the register in list order, after the
// row with sort key after ("" = from the top), or before it when backward.
// It is one indexed keyset query, however large the register.
func (s *Store) Page(ctx context.Context, after string, limit int, backward bool) ([]Row, error) {
	q := "SELECT data, sort_key, parent_id IS NOT NULL, " + terminatedColumn + ", '' FROM agreements WHERE sort_key > ? ORDER BY sort_key LIMIT ?"
	if backward {
		q = "SELECT data, sort_key, parent_id IS NOT NULL, " + terminatedColumn + ", '' FROM agreements WHERE sort_key < ? ORDER BY sort_key DESC LIMIT ?"
	}
	rows, err := s.read.QueryContext(ctx, q, after, limit)
	if err != nil {
		return nil, err
	}
	out, err := scanRows(rows)
	if backward {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, err
}

// Matching returns the first limit agreements, in list order, whose id,
// supplier, title, kind or status hold every term: a term is its
// alternatives (a word, or the stored kinds a translated word names), any
// of which may match, ignoring case and accents.
func (s *Store) Matching(ctx context.Context, terms [][]string, limit int) ([]Row, error) {
	return s.MatchingBy(ctx, ListOrder{}, terms, limit)
}

// MatchingBy is Matching in order o: the first limit matches in that
// order, each with its value there (Row.Sorted).
func (s *Store) MatchingBy(ctx context.Context, o ListOrder, terms [][]string, limit int) ([]Row, error) {
	var where []string
	var args []any
	for _, alts := range terms {
		var any []string
		for _, alt := range alts {
			any = append(any, "instr(avtal_fold(a.id || ' ' || a.supplier || ' ' || a.title || ' ' || a.kind || ' ' || a.status), ?) > 0")
			args = append(args, foldText(alt, false).text)
		}
		if len(any) > 0 {
			where = append(where, "("+strings.Join(any, " OR ")+")")
		}
	}
	value, order, join := "''", "a.sort_key", ""
	if col, sorted := orderColumn[o.By]; sorted {
		if err := s.freshen(ctx, o); err != nil {
			return nil, err
		}
		join, value, order = " JOIN list_order l ON l.id = a.id", "l."+col, "l."+col+", a.sort_key"
		if o.By == ByStatus { // by the status's place in o.Statuses
			statuses, _ := json.Marshal(o.Statuses)
			order = "(SELECT key FROM json_each(?) WHERE value = l.status), a.sort_key"
			args = append(args, string(statuses))
		}
	}
	q := "SELECT a.data, a.sort_key, a.parent_id IS NOT NULL, " + strings.ReplaceAll(terminatedColumn, "agreements.id", "a.id") + ", " + value + " FROM agreements a" + join
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.read.QueryContext(ctx, q+" ORDER BY "+order+" LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return scanRows(rows)
}

// scanRows reads the rows of a list query (data, sort key, whether it is a
// call-off, termination, the value sorted by) and closes them.
func scanRows(rows *sql.Rows) ([]Row, error) {
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var data, terminated string
		var r Row
		var child bool
		if err := rows.Scan(&data, &r.SortKey, &child, &terminated, &r.Sorted); err != nil {
			return nil, err
		}
		if err := r.Terminated.UnmarshalText([]byte(terminated)); err != nil {
			return nil, fmt.Errorf("a termination is damaged in the database: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &r.Agreement); err != nil {
			return nil, fmt.Errorf("an agreement is damaged in the database: %w", err)
		}
		r.Depth = strings.Count(r.SortKey, "\x1e")
		out = append(out, r)
	}
	return out, rows.Err()
}

// Listed is an agreement as the register's list gives it: the columns the
// list shows and the facts its term dates are computed from, without the
// rest of the agreement.
type Listed struct {
	// Agreement holds the id, title, kind, status and supplier's name, and
	// the dates, term and sample values its term dates are computed from
	// (deadlines.OutlookOn); not the rules.
	Agreement model.Agreement
	// Parent is the framework it is a call-off of, "" for none.
	Parent  string
	SortKey string
	// Terminated is the day notice of termination was given, zero when
	// none is recorded.
	Terminated model.Date
	// Sorted is its value in the order it was read in, as Row's.
	Sorted string
}

// ListPage returns up to limit agreements of the register in list order,
// after the one with sort key after ("" = from the top), as Page does but
// with only what the list shows, read from the list index (schema step 20)
// and decoded with the facts reader. Reading each agreement's row and
// decoding it whole with encoding/json made `avtal list` of a large
// register wait.
func (s *Store) ListPage(ctx context.Context, after string, limit int) ([]Listed, error) {
	ended, err := terminations(ctx, s.read)
	if err != nil {
		return nil, err
	}
	p := s.readList(ctx, ListOrder{}, ListCursor{SortKey: after}, listEnd, limit, ended, nil)
	if p.err == nil {
		p.decode()
	}
	return p.rows, p.err
}

// terminations returns the day notice of termination was given (the
// earliest termination event) of every agreement that has one, from the
// index that holds only them (schema step 17): a register has few, and
// asking each listed agreement's events was a third of reading the list.
func terminations(ctx context.Context, q querier) (map[string]model.Date, error) {
	rows, err := q.QueryContext(ctx, "SELECT agreement_id, min(date) FROM events WHERE name = 'termination' GROUP BY agreement_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]model.Date{}
	for rows.Next() {
		var id, day string
		if err := rows.Scan(&id, &day); err != nil {
			return nil, err
		}
		var d model.Date
		if err := d.UnmarshalText([]byte(day)); err != nil {
			return nil, fmt.Errorf("a termination of %s is damaged in the database: %w", id, err)
		}
		out[id] = d
	}
	return out, rows.Err()
}

// listRead is a page of the list as read, its facts not yet decoded.
type listRead struct {
	rows  []Listed
	facts []string
	next  ListCursor // where the next page begins
	full  bool       // the page is as long as asked: there may be more
	err   error
}

// maxPage is the most rows readList makes room for before it reads them.
const maxPage = 1000

// listedColumns are what the list shows of an agreement, all in the list
// index (schema step 20): the facts there are without the rules.
const listedColumns = "kind, status, supplier, coalesce(parent_id, ''), sort_key, iif(json_valid(facts), json_remove(facts, '$.rules'), facts), id"

// ownPage is a page of the register's own order after a sort key, up to
// another, from the list index.
const ownPage = `SELECT ` + listedColumns + ` FROM agreements INDEXED BY agreements_list WHERE sort_key > ? AND sort_key <= ? ORDER BY sort_key LIMIT ?`

// readList reads a page of the list in order o after the cursor: in the
// register's own order from the list index, up to the sort key until, with
// ownPage prepared when prepared is not nil; sorted by a column, the
// page's places from list_order, then their agreements by id. ended are
// the register's terminations.
func (s *Store) readList(ctx context.Context, o ListOrder, after ListCursor, until string, limit int, ended map[string]model.Date, prepared *sql.Stmt) listRead {
	var p listRead
	var places []placed
	query, args := ownPage, []any{after.SortKey, until, limit}
	if o.By != OwnOrder {
		if p.err = s.freshen(ctx, o); p.err != nil {
			return p
		}
		if places, p.err = ordered(ctx, s.read, o, after, limit, false); p.err != nil {
			return p
		}
		// By sort key, not id: the list index (schema step 20) covers the
		// page then, and the rows themselves are not read.
		keys := make([]string, len(places))
		for i, pl := range places {
			keys[i] = pl.at.SortKey
		}
		list, _ := json.Marshal(keys)
		query, args = `SELECT `+listedColumns+` FROM agreements INDEXED BY agreements_list WHERE sort_key IN (SELECT value FROM json_each(?)) LIMIT ?`, []any{string(list), limit}
	}
	var rows *sql.Rows
	var err error
	if o.By == OwnOrder && prepared != nil {
		rows, err = prepared.QueryContext(ctx, args...)
	} else {
		rows, err = s.read.QueryContext(ctx, query, args...)
	}
	if err != nil {
		p.err = err
		return p
	}
	defer rows.Close()
	p.rows, p.facts = make([]Listed, 0, min(limit, maxPage)), make([]string, 0, min(limit, maxPage))
	for rows.Next() {
		// Scanned in place: a row of its own escaped to the heap.
		p.rows, p.facts = append(p.rows, Listed{}), append(p.facts, "")
		l := &p.rows[len(p.rows)-1]
		if err := rows.Scan(&l.Agreement.Kind, &l.Agreement.Status, &l.Agreement.Supplier.Name, &l.Parent, &l.SortKey, &p.facts[len(p.facts)-1], &l.Agreement.ID); err != nil {
			p.err = err
			return p
		}
		if len(ended) > 0 {
			l.Terminated = ended[l.Agreement.ID]
		}
	}
	if p.err = rows.Err(); p.err != nil {
		return p
	}
	if o.By != OwnOrder {
		p.inOrder(places)
		p.full = len(places) == limit
		if p.full {
			p.next = places[len(places)-1].at
		}
	} else if p.full = len(p.rows) == limit; p.full {
		p.next = ListCursor{SortKey: p.rows[len(p.rows)-1].SortKey}
	}
	return p
}

// inOrder puts the page's agreements in the order of places, each with
// its value there, leaving out any gone since it was placed.
func (p *listRead) inOrder(places []placed) {
	at := make(map[string]int, len(p.rows))
	for i, l := range p.rows {
		at[l.Agreement.ID] = i
	}
	rows, facts := make([]Listed, 0, len(places)), make([]string, 0, len(places))
	for _, pl := range places {
		if i, ok := at[pl.id]; ok {
			l := p.rows[i]
			l.Sorted = pl.at.Value
			rows, facts = append(rows, l), append(facts, p.facts[i])
		}
	}
	p.rows, p.facts = rows, facts
}

// decode fills in the facts of the page's agreements but their rules.
func (p *listRead) decode() {
	d := newTermDecoder()
	for i, text := range p.facts {
		f, err := d.decode(text)
		if err != nil {
			p.err = fmt.Errorf("an agreement is damaged in the database: %w", err)
			return
		}
		f.into(&p.rows[i].Agreement)
	}
}

// ListPages calls fn with the register's list in list order, size
// agreements at a time (ListPage), until the list ends, fn fails or ctx
// ends. While fn handles a page, the pages after it are read and decoded
// on goroutines of their own: on two cores the reading and fn overlap.
func (s *Store) ListPages(ctx context.Context, size int, fn func([]Listed) error) error {
	return s.ListPagesBy(ctx, ListOrder{}, size, fn)
}

// ListPagesBy is ListPages in order o. In the register's own order, once
// the first page is read, the rest of a long list is read as two halves at
// once, on two connections: reading was the longest part of `avtal list`,
// and one reader kept one core busy while the other waited. The second
// half's pages wait (up to readAhead of them) until the first half's have
// been handed to fn.
func (s *Store) ListPagesBy(ctx context.Context, o ListOrder, size int, fn func([]Listed) error) error {
	ended, err := terminations(ctx, s.read)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var second chan listRead // the second half, when there is one; set before first is closed
	// read reads the list after the cursor up to the sort key until into
	// out, and closes it; split, it starts the second half after a page.
	var read func(after ListCursor, until string, out chan listRead, split bool)
	read = func(after ListCursor, until string, out chan listRead, split bool) {
		defer close(out)
		var prepared *sql.Stmt // prepared again for each page, it cost 3 % of `avtal list`
		if o.By == OwnOrder {
			var err error
			if prepared, err = s.read.PrepareContext(ctx, ownPage); err != nil {
				send(ctx, out, listRead{err: err})
				return
			}
			defer prepared.Close()
		}
		for {
			p := s.readList(ctx, o, after, until, size, ended, prepared)
			if p.err == nil {
				p.decode()
			}
			if !send(ctx, out, p) || p.err != nil || !p.full {
				return
			}
			after = p.next
			if split {
				split = false
				middle, err := s.middle(ctx, 2*size)
				if err != nil {
					send(ctx, out, listRead{err: err})
					return
				}
				if middle > after.SortKey { // not already read (a write since may have moved it)
					second, until = make(chan listRead, readAhead), middle
					go read(ListCursor{SortKey: middle}, listEnd, second, false)
				}
			}
		}
	}
	first := make(chan listRead, 1)
	go read(ListCursor{}, listEnd, first, o.By == OwnOrder)
	if err := handOn(first, fn); err != nil {
		return err
	}
	if second != nil {
		if err := handOn(second, fn); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// handOn calls fn with each page read until pages closes or fn fails.
func handOn(pages <-chan listRead, fn func([]Listed) error) error {
	for p := range pages {
		if p.err != nil {
			return p.err
		}
		if len(p.rows) == 0 {
			continue
		}
		if err := fn(p.rows); err != nil {
			return err
		}
	}
	return nil
}

// readAhead is how many pages of the list's second half are read before
// the first half has been handed on.
const readAhead = 16

// middle returns the sort key of the agreement in the middle of the
// register's own order, the last of the list's first half; "" when the
// register holds fewer than least agreements and is read as one.
func (s *Store) middle(ctx context.Context, least int) (string, error) {
	n, err := s.Count(ctx)
	if err != nil || n < least {
		return "", err
	}
	var key string
	err = s.read.QueryRowContext(ctx, "SELECT sort_key FROM agreements ORDER BY sort_key LIMIT 1 OFFSET ?", n/2-1).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) { // emptied meanwhile
		return "", nil
	}
	return key, err
}

// send sends v on ch unless ctx ends first.
func send[T any](ctx context.Context, ch chan<- T, v T) bool {
	select {
	case ch <- v:
		return true
	case <-ctx.Done():
		return false
	}
}

// terminatedColumn is the day notice of termination was given to the
// agreement of the row, or empty (the events index makes it one lookup).
const terminatedColumn = "coalesce((SELECT min(e.date) FROM events e WHERE e.agreement_id = agreements.id AND e.name = 'termination'), '')"

// Terminated returns the day notice of termination of agreement id was
// given (the earliest termination event), zero when none is recorded.
func (s *Store) Terminated(ctx context.Context, id string) (model.Date, error) {
	var text string
	var d model.Date
	if err := s.read.QueryRowContext(ctx, "SELECT "+terminatedColumn+" FROM agreements WHERE id = ?", id).Scan(&text); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return d, fmt.Errorf("agreement %q: %w", id, ErrNotFound)
		}
		return d, err
	}
	err := d.UnmarshalText([]byte(text))
	return d, err
}

// LiveCallOffs returns the call-offs under framework id that still run
// (model.LiveCallOffs): not ended, and no notice of termination recorded.
func (s *Store) LiveCallOffs(ctx context.Context, id string) ([]string, error) {
	related, err := s.Related(ctx, id)
	if err != nil {
		return nil, err
	}
	var readErr error
	live := model.LiveCallOffs(related, func(callOff string) bool {
		a, err := s.Agreement(ctx, callOff)
		if err != nil {
			readErr = err
			return false
		}
		terminated, err := s.Terminated(ctx, callOff)
		readErr = errors.Join(readErr, err)
		return !a.Ended() && terminated.IsZero()
	})
	return live, readErr
}

// Count returns how many agreements the register holds.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM agreements").Scan(&n)
	return n, err
}

// Related returns the id, title and relation of every agreement that points
// at id (its call-offs, parts and successors).
func (s *Store) Related(ctx context.Context, id string) ([]model.Relation, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.title, r.kind
		FROM relations r JOIN agreements a ON a.id = r.agreement_id
		WHERE r.target = ? ORDER BY a.sort_key`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Relation
	for rows.Next() {
		var r model.Relation
		if err := rows.Scan(&r.Target, &r.Note, &r.Kind); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// IDs returns every agreement id in list order (for export).
func (s *Store) IDs(ctx context.Context) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT id FROM agreements ORDER BY sort_key")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Titles returns the titles of the agreements named, by id; one the
// register does not hold is left out. A screen names a few hundred at
// most: the calendar's first screen reads its titles before the whole
// register's.
func (s *Store) Titles(ctx context.Context, ids []string) (map[string]string, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, "SELECT id, title FROM agreements WHERE id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]string, len(ids))
	for rows.Next() {
		var id, title string
		if err := rows.Scan(&id, &title); err != nil {
			return nil, err
		}
		out[id] = title
	}
	return out, rows.Err()
}

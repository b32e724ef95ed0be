package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"avtal/model"
	"avtal/model/deadlines"
)

// ListSort is a column the register's list can be sorted by.
type ListSort int

const (
	OwnOrder   ListSort = iota // frameworks with their call-offs beneath them
	BySupplier                 // the supplier's name, ignoring case and accents
	ByTitle                    // the title, ignoring case and accents
	ByStatus                   // the status, in the order ListOrder.Statuses gives
	ByEnd                      // the end (after notice, else of the current period)
	ByCancelBy                 // the next cancel-by date
)

// ListOrder is an order of the register's list. Sorted by a column the
// list is flat: a call-off has its own place, not its framework's. Rows
// with the same value keep the register's own order among them.
type ListOrder struct {
	By ListSort
	// Statuses orders ByStatus: a session lists the statuses in the order
	// of their names in its language. A status not in it is not listed.
	Statuses []model.Status
}

// ListCursor is a place in a list order: the value sorted by (the folded
// text, the status, the date or noDate) and the sort key.
type ListCursor struct{ Value, SortKey string }

// listEnd is after every value and sort key: a cursor at the end of a list.
const listEnd = "\U0010FFFF"

// ListBottom is the cursor after the last row, to read a list backward
// from its end.
var ListBottom = ListCursor{listEnd, listEnd}

// noDate is the value of an agreement without the date sorted by: after
// every date.
const noDate = "~"

// orderColumn is the list_order column each sort is by.
var orderColumn = map[ListSort]string{BySupplier: "supplier", ByTitle: "title", ByStatus: "status", ByEnd: "ends", ByCancelBy: "cancel_by"}

// rowQuerier is a database or a transaction to read list orders from.
type rowQuerier interface {
	querier
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// placed is an agreement's place in a list order.
type placed struct {
	id string
	at ListCursor
}

// ordered returns up to limit agreements in order o after the cursor
// (before it when backward, nearest last), each one indexed keyset query
// on list_order (schema step 14) or, in the register's own order, on the
// agreements' sort keys. A sort by status is a query a status.
func ordered(ctx context.Context, q querier, o ListOrder, after ListCursor, limit int, backward bool) ([]placed, error) {
	cmp, dir := ">", ""
	if backward {
		cmp, dir = "<", " DESC"
	}
	var out []placed
	read := func(query string, args ...any) error {
		rows, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p placed
			if err := rows.Scan(&p.id, &p.at.Value, &p.at.SortKey); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	}
	var err error
	switch o.By {
	case OwnOrder:
		err = read("SELECT id, '', sort_key FROM agreements WHERE sort_key "+cmp+" ? ORDER BY sort_key"+dir+" LIMIT ?", after.SortKey, limit)
	case ByStatus:
		statuses := slices.Clone(o.Statuses)
		start := ""
		if backward {
			slices.Reverse(statuses)
			start = listEnd
		}
		i := slices.Index(statuses, model.Status(after.Value))
		if i < 0 {
			i, after.SortKey = 0, start // from the top (the bottom when backward)
		}
		for _, st := range statuses[i:] {
			if len(out) == limit {
				break
			}
			err = read("SELECT id, status, sort_key FROM list_order WHERE status = ? AND sort_key "+cmp+" ? ORDER BY sort_key"+dir+" LIMIT ?", st, after.SortKey, limit-len(out))
			if err != nil {
				break
			}
			after.SortKey = start
		}
	default:
		col, ok := orderColumn[o.By]
		if !ok {
			return nil, fmt.Errorf("no list order %d", o.By)
		}
		err = read(fmt.Sprintf("SELECT id, %[1]s, sort_key FROM list_order WHERE (%[1]s, sort_key) %[2]s (?, ?) ORDER BY %[1]s%[3]s, sort_key%[3]s LIMIT ?", col, cmp, dir), after.Value, after.SortKey, limit)
	}
	if backward {
		slices.Reverse(out)
	}
	return out, err
}

// position is how many agreements come before the cursor in order o.
func position(ctx context.Context, q rowQuerier, o ListOrder, at ListCursor) (int, error) {
	var n int
	var err error
	switch o.By {
	case OwnOrder:
		err = q.QueryRowContext(ctx, "SELECT count(*) FROM agreements WHERE sort_key < ?", at.SortKey).Scan(&n)
	case ByStatus:
		i := slices.Index(o.Statuses, model.Status(at.Value))
		if i < 0 {
			return 0, nil
		}
		before, _ := json.Marshal(o.Statuses[:i])
		// Two counts, each a range of the index; one with OR collects the rows first.
		var same int
		err = q.QueryRowContext(ctx, "SELECT count(*) FROM list_order WHERE status IN (SELECT value FROM json_each(?))", string(before)).Scan(&n)
		if err == nil {
			err = q.QueryRowContext(ctx, "SELECT count(*) FROM list_order WHERE status = ? AND sort_key < ?", at.Value, at.SortKey).Scan(&same)
		}
		n += same
	default:
		col := orderColumn[o.By]
		err = q.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM list_order WHERE (%[1]s, sort_key) < (?, ?)", col), at.Value, at.SortKey).Scan(&n)
	}
	return n, err
}

// cursorOf is agreement id's place in order o; ok is false when there is
// no such agreement.
func cursorOf(ctx context.Context, q rowQuerier, o ListOrder, id string) (at ListCursor, ok bool, err error) {
	query := "SELECT '', sort_key FROM agreements WHERE id = ?"
	if col, sorted := orderColumn[o.By]; sorted {
		query = "SELECT " + col + ", sort_key FROM list_order WHERE id = ?"
	}
	err = q.QueryRowContext(ctx, query, id).Scan(&at.Value, &at.SortKey)
	if err == sql.ErrNoRows {
		return at, false, nil
	}
	return at, err == nil, err
}

// PageBy returns up to limit rows of the register's list in order o after
// the cursor (before it when backward), as Page does in the register's own
// order. Each row's Sorted is its value in the order, for the next cursor.
func (s *Store) PageBy(ctx context.Context, o ListOrder, after ListCursor, limit int, backward bool) ([]Row, error) {
	if o.By == OwnOrder {
		return s.Page(ctx, after.SortKey, limit, backward)
	}
	if err := s.freshen(ctx, o); err != nil {
		return nil, err
	}
	places, err := ordered(ctx, s.read, o, after, limit, backward)
	if err != nil {
		return nil, err
	}
	return s.rowsAt(ctx, places)
}

// PageAround returns the rows of the list in order o around agreement id:
// up to before rows before it, then it and the rows after it, limit in
// all, and the position of the first in the list. Without such an
// agreement it is the list's first page.
func (s *Store) PageAround(ctx context.Context, o ListOrder, id string, before, limit int) ([]Row, int, error) {
	if err := s.freshen(ctx, o); err != nil {
		return nil, 0, err
	}
	rtx, err := s.read.BeginTx(ctx, nil) // one snapshot, so the position fits the rows (the read pool is query-only)
	if err != nil {
		return nil, 0, err
	}
	defer rtx.Rollback()
	at, ok, err := cursorOf(ctx, rtx, o, id)
	if err != nil {
		return nil, 0, err
	}
	var places []placed
	base, from := 0, ListCursor{}
	if ok {
		if places, err = ordered(ctx, rtx, o, at, before, true); err != nil {
			return nil, 0, err
		}
		if base, err = position(ctx, rtx, o, at); err != nil {
			return nil, 0, err
		}
		base -= len(places)
		places, from = append(places, placed{id, at}), at
	}
	rest, err := ordered(ctx, rtx, o, from, limit-len(places), false)
	if err != nil {
		return nil, 0, err
	}
	places = append(places, rest...)
	if err := rtx.Commit(); err != nil {
		return nil, 0, err
	}
	rows, err := s.rowsAt(ctx, places)
	return rows, base, err
}

// rowsAt reads the rows of the agreements at places, in that order.
func (s *Store) rowsAt(ctx context.Context, places []placed) ([]Row, error) {
	ids := make([]string, len(places))
	for i, p := range places {
		ids[i] = p.id
	}
	list, _ := json.Marshal(ids)
	rows, err := s.read.QueryContext(ctx, "SELECT data, sort_key, parent_id IS NOT NULL, "+terminatedColumn+", '' FROM agreements WHERE id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	read, err := scanRows(rows)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]Row, len(read))
	for _, r := range read {
		byID[r.Agreement.ID] = r
	}
	out := make([]Row, 0, len(places))
	for _, p := range places {
		if r, ok := byID[p.id]; ok { // gone since it was placed: a write in between
			r.Sorted = p.at.Value
			out = append(out, r)
		}
	}
	return out, nil
}

// freshen computes again the list dates that no longer hold today, before
// a sort by a date reads them: the day moved past them since.
func (s *Store) freshen(ctx context.Context, o ListOrder) error {
	if o.By != ByEnd && o.By != ByCancelBy {
		return nil
	}
	today := model.DateOf(s.clock()).String()
	err := s.read.QueryRowContext(ctx, "SELECT 1 FROM list_order WHERE until != '' AND until < ? LIMIT 1", today).Scan(new(int))
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO list_dirty SELECT id FROM list_order WHERE until != '' AND until < ?", today)
		return err
	})
}

// keepOrder computes the list_order rows of the agreements the running
// transaction changed (list_dirty) before it commits: their folded texts
// and their list dates today.
func (s *Store) keepOrder(ctx context.Context, tx *sql.Tx) error {
	// Most writes change no agreement's place in the list (a tag, a note,
	// an import's proposals), and an import keeps it before its commit.
	var dirty bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM list_dirty)").Scan(&dirty); err != nil || !dirty {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, sort_key, supplier, title, status, facts, "+terminatedColumn+
		" FROM agreements WHERE id IN (SELECT agreement_id FROM list_dirty)")
	if err != nil {
		return err
	}
	type listed struct{ id, sortKey, supplier, title, status, terminated string }
	var read []listed
	var texts []string
	for rows.Next() {
		var r listed
		var facts string
		if err := rows.Scan(&r.id, &r.sortKey, &r.supplier, &r.title, &r.status, &facts, &r.terminated); err != nil {
			rows.Close()
			return err
		}
		read, texts = append(read, r), append(texts, facts)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM list_order WHERE id IN (SELECT agreement_id FROM list_dirty)"); err != nil {
		return err
	}
	put, err := tx.PrepareContext(ctx, "INSERT INTO list_order(id, sort_key, supplier, title, status, ends, cancel_by, until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer put.Close()
	today := model.DateOf(s.clock())
	d := newTermDecoder() // the list's dates need no rules
	for i, r := range read {
		f, err := d.decode(texts[i])
		if err != nil {
			return fmt.Errorf("agreement %s is damaged in the database: %w", r.id, err)
		}
		var a model.Agreement
		f.into(&a)
		a.Status = model.Status(r.status) // an ended agreement has no cancel-by
		var terminated model.Date
		if err := terminated.UnmarshalText([]byte(r.terminated)); err != nil {
			return fmt.Errorf("a termination of %s is damaged in the database: %w", r.id, err)
		}
		ld := deadlines.ListDatesOn(&a, terminated, today)
		if _, err := put.ExecContext(ctx, r.id, r.sortKey, FoldText(r.supplier), FoldText(r.title), r.status,
			dateValue(ld.End), dateValue(ld.CancelBy), dateOrNone(ld.Until)); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM list_dirty")
	return err
}

// dateValue is a date as list_order sorts it: noDate, after every date,
// when there is none.
func dateValue(d model.Date) string {
	if d.IsZero() {
		return noDate
	}
	return d.String()
}

// dateOrNone is a date as text, "" when there is none.
func dateOrNone(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

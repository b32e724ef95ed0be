package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
)

// The register's deadlines are kept in the database (schema step 12)
// rather than computed at every request: each write transaction computes
// again the deadlines of the agreements whose inputs it changed, the last
// thing before it commits (keep), so a reader never sees the inputs of one
// moment and the deadlines of another, and a write whose deadlines cannot
// be computed fails as a whole.
//
// They are kept over a span of whole years around today (keptSpan). The
// computation does not depend on today, only the span does: a request
// inside the kept span is answered from the table however old the span
// is, and the span moves (every deadline computed again) once a year, with
// the first write or the first request that needs the new one.

// keptSpan is the span the deadlines are kept over on day today: the year
// before today's and the five after it. The calendar's horizon, the past
// year and five ahead, lies inside it every day of the year, and so does
// `avtal deadlines`'s year from today.
func keptSpan(today model.Date) (from, to model.Date) {
	y := today.Year()
	return model.MustDate(y-1, 1, 1), model.MustDate(y+5, 12, 31)
}

// span is a kept span as the kept_span row has it, with gap, the most days
// any kept deadline's act-by day comes before its date.
type span struct {
	from, to string
	gap      int
}

func readSpan(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (span, error) {
	var sp span
	err := q.QueryRowContext(ctx, "SELECT from_day, to_day, gap FROM kept_span").Scan(&sp.from, &sp.to, &sp.gap)
	if errors.Is(err, sql.ErrNoRows) {
		return span{}, nil
	}
	return sp, err
}

// covers reports whether the span holds [from, to].
func (sp span) covers(from, to model.Date) bool {
	return sp.from != "" && sp.from <= from.String() && to.String() <= sp.to
}

// keep brings the kept deadlines up to date in tx, before it commits: all
// of them when the span should move (or none are kept yet, as in the
// upgrade to schema 12), otherwise those of the agreements the
// transaction changed.
func (s *Store) keep(ctx context.Context, tx *sql.Tx) error {
	from, to := keptSpan(model.DateOf(s.clock()))
	have, err := readSpan(ctx, tx)
	if err != nil {
		return fmt.Errorf("cannot read the kept deadlines' span: %w", err)
	}
	if have.from != from.String() || have.to != to.String() {
		return keepAll(ctx, tx, from, to)
	}
	var dirty bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM kept_dirty)").Scan(&dirty); err != nil || !dirty {
		return err
	}
	for _, q := range []string{
		"DELETE FROM kept_deadlines WHERE agreement_id IN (SELECT agreement_id FROM kept_dirty)",
		"DELETE FROM kept_agreements WHERE id IN (SELECT agreement_id FROM kept_dirty)",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := keepScope(ctx, tx, dirtyAgreements, from, to); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM kept_dirty")
	return err
}

// keepAll computes every agreement's deadlines over [from, to] again.
func keepAll(ctx context.Context, tx *sql.Tx, from, to model.Date) error {
	for _, q := range []string{"DELETE FROM kept_deadlines", "DELETE FROM kept_agreements", "DELETE FROM kept_dirty", "DELETE FROM kept_span"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO kept_span VALUES (1, ?, ?, 0)", from.String(), to.String()); err != nil {
		return err
	}
	return keepScope(ctx, tx, scope{}, from, to)
}

// keepScope computes the deadlines of the agreements in sc over [from, to]
// in both languages and writes them, with what the calendar shows of each
// agreement.
func keepScope(ctx context.Context, tx *sql.Tx, sc scope, from, to model.Date) error {
	as, keys, err := engineAgreements(ctx, tx, sc)
	if err != nil {
		return err
	}
	recs, err := records(ctx, tx, sc)
	if err != nil {
		return err
	}
	insertDeadline, err := tx.PrepareContext(ctx, "INSERT INTO kept_deadlines(act_by, sort_key, seq, agreement_id, date, en, sv) VALUES (?, ?, ?, ?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer insertDeadline.Close()
	insertAgreement, err := tx.PrepareContext(ctx, "INSERT INTO kept_agreements(id, sort_key, title, events) VALUES (?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer insertAgreement.Close()
	var en, sv []model.Deadline
	var enBuf, svBuf []byte
	gap := 0
	for i, a := range as {
		en = deadlines.Append(en[:0], a, recs[a.ID], from, to, model.English)
		sv = deadlines.Append(sv[:0], a, recs[a.ID], from, to, model.Swedish)
		if len(en) != len(sv) {
			return fmt.Errorf("the deadlines of %s differ between languages (%d against %d)", a.ID, len(en), len(sv))
		}
		for k := range en {
			if en[k].Key() != sv[k].Key() {
				return fmt.Errorf("the deadlines of %s differ between languages (%s against %s)", a.ID, en[k].Key(), sv[k].Key())
			}
			gap = max(gap, en[k].ActBy.DaysUntil(en[k].Date))
			enBuf, svBuf = encodeKept(enBuf[:0], &en[k]), encodeKept(svBuf[:0], &sv[k])
			if _, err := insertDeadline.ExecContext(ctx, en[k].ActBy.String(), keys[i], k, a.ID, en[k].Date.String(), enBuf, svBuf); err != nil {
				return err
			}
		}
		if _, err := insertAgreement.ExecContext(ctx, a.ID, keys[i], a.Title, strings.Join(deadlines.EventNames(a), "\n")); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, "UPDATE kept_span SET gap = max(gap, ?)", gap)
	return err
}

// encodeKept appends what a kept deadline's row holds besides its act-by
// day, date and agreement: a byte of flags, then each text as its length
// and bytes.
func encodeKept(b []byte, d *model.Deadline) []byte {
	var flags byte
	if d.SupplierDuty {
		flags |= 1
	}
	if d.Done {
		flags |= 2
	}
	b = append(b, flags)
	for _, s := range [...]string{string(d.Kind), d.Clause, d.Title, d.Subject, d.ActByReason, d.Explanation} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(d.Sample)))
	for _, s := range d.Sample {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// errDamagedKept is a kept deadline that cannot be read back.
var errDamagedKept = errors.New("a kept deadline is damaged")

// decodeKept fills d from what encodeKept wrote. Its texts share one
// string, so a deadline costs one allocation (two with a sample).
func decodeKept(raw []byte, d *model.Deadline) error {
	if len(raw) == 0 {
		return errDamagedKept
	}
	s := string(raw)
	d.SupplierDuty, d.Done = s[0]&1 != 0, s[0]&2 != 0
	pos := 1
	next := func() (string, bool) {
		n, w := binary.Uvarint(raw[pos:])
		if w <= 0 || uint64(len(raw)-pos-w) < n {
			return "", false
		}
		start := pos + w
		pos = start + int(n)
		return s[start:pos], true
	}
	var kind string
	ok := true
	for _, f := range [...]*string{&kind, &d.Clause, &d.Title, &d.Subject, &d.ActByReason, &d.Explanation} {
		if ok {
			*f, ok = next()
		}
	}
	d.Kind = model.DeadlineKind(kind)
	n, w := binary.Uvarint(raw[pos:])
	if !ok || w <= 0 || n > uint64(len(raw)) {
		return errDamagedKept
	}
	pos += w
	if n > 0 {
		d.Sample = make([]string, n)
		for i := range d.Sample {
			if d.Sample[i], ok = next(); !ok {
				return errDamagedKept
			}
		}
	}
	if pos != len(raw) {
		return errDamagedKept
	}
	return nil
}

// parseDay reads an ISO date as the kept tables write it.
func parseDay(b []byte) (model.Date, error) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return model.Date{}, errDamagedKept
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[:4]), num(b[5:7]), num(b[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return model.Date{}, errDamagedKept
	}
	return model.NewDate(y, time.Month(m), d)
}

// DeadlineAgreement is what the calendar shows of an agreement whether or
// not it has a deadline in view.
type DeadlineAgreement struct {
	ID      string
	SortKey string // its place in the register's list
	Title   string
	Events  []string // the events its deadlines can count from (deadlines.EventNames)
}

// DeadlineAgreements returns every agreement, or the one named, with its
// title and the events its rules count from, in list order. An unknown
// agreement is ErrNotFound.
func (s *Store) DeadlineAgreements(ctx context.Context, only string) ([]DeadlineAgreement, error) {
	sc := oneAgreement(only)
	rows, err := s.read.QueryContext(ctx, "SELECT id, sort_key, title, events FROM kept_agreements WHERE true"+sc.on("id")+" ORDER BY sort_key", sc.args...)
	if err != nil {
		return nil, err
	}
	out, err := scanAll(rows, func(r scanner) (DeadlineAgreement, error) {
		var a DeadlineAgreement
		var events string
		err := r.Scan(&a.ID, &a.SortKey, &a.Title, &events)
		a.Events = strings.Split(events, "\n")
		return a, err
	})
	if err == nil && only != "" && len(out) == 0 {
		err = fmt.Errorf("agreement %q: %w", only, ErrNotFound)
	}
	return out, err
}

// Deadlines returns the deadlines of every agreement, or of the one named,
// that fall in [from, to] as deadlines.Compute counts them, explained in
// lang: by act-by day, within a day in list order, and each agreement's in
// the engine's order (deadlines.All's result sorted stably by act-by day).
// Inside the kept span they are read from the table; outside it they are
// computed. An unknown agreement is ErrNotFound.
func (s *Store) Deadlines(ctx context.Context, only string, from, to model.Date, lang model.Lang) ([]model.Deadline, error) {
	for moved := false; ; moved = true {
		out, kept, err := s.keptDeadlines(ctx, only, from, to, lang)
		if err != nil || kept {
			return out, err
		}
		want, wantTo := keptSpan(model.DateOf(s.clock()))
		if moved || from.Before(want) || to.After(wantTo) {
			return s.computeDeadlines(ctx, only, from, to, lang)
		}
		// The year has turned since the span was computed: a write (of
		// nothing) moves it, once, for every reader.
		if err := s.WaitWrites(ctx); err != nil {
			return nil, err
		}
	}
}

// keptDeadlines reads the deadlines in [from, to] from the table when the
// kept span holds them, in one snapshot; kept is false when it does not.
func (s *Store) keptDeadlines(ctx context.Context, only string, from, to model.Date, lang model.Lang) (out []model.Deadline, kept bool, err error) {
	rtx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer rtx.Rollback()
	sp, err := readSpan(ctx, rtx)
	if err != nil || !sp.covers(from, to) {
		return nil, false, err
	}
	sc := oneAgreement(only)
	if only != "" {
		var found bool
		if err := rtx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM kept_agreements WHERE id = ?)", only).Scan(&found); err != nil {
			return nil, false, err
		}
		if !found {
			return nil, false, fmt.Errorf("agreement %q: %w", only, ErrNotFound)
		}
	}
	col := "en"
	if lang == model.Swedish {
		col = "sv"
	}
	rows, err := rtx.QueryContext(ctx, "SELECT act_by, date, agreement_id, "+col+" FROM kept_deadlines WHERE act_by BETWEEN ? AND ? AND date >= ?"+sc.on("agreement_id")+" ORDER BY act_by, sort_key, seq",
		append([]any{from.AddDays(-sp.gap).String(), to.String(), from.String()}, sc.args...)...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	ids := map[string]string{} // one string per agreement, however many deadlines
	var actBy, date, id, raw sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&actBy, &date, &id, &raw); err != nil {
			return nil, false, err
		}
		var d model.Deadline
		aid, ok := ids[string(id)]
		if !ok {
			aid = string(id)
			ids[aid] = aid
		}
		d.AgreementID = aid
		var err1, err2 error
		d.ActBy, err1 = parseDay(actBy)
		d.Date, err2 = parseDay(date)
		if err := errors.Join(err1, err2, decodeKept(raw, &d)); err != nil {
			return nil, false, fmt.Errorf("a kept deadline of %s is damaged: %w", aid, err)
		}
		out = append(out, d)
	}
	return out, true, rows.Err()
}

// computeDeadlines computes what Deadlines returns, outside the kept span.
func (s *Store) computeDeadlines(ctx context.Context, only string, from, to model.Date, lang model.Lang) ([]model.Deadline, error) {
	as, recs, err := s.DeadlineInputs(ctx, only)
	if err != nil {
		return nil, err
	}
	out, err := deadlines.All(ctx, as, recs, from, to, lang)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b model.Deadline) int { return b.ActBy.DaysUntil(a.ActBy) })
	return out, nil
}

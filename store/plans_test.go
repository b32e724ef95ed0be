package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/gen"
)

// recorder keeps every query the read pool runs, with its arguments.
type recorder struct {
	mu      sync.Mutex
	queries []recorded
}

type recorded struct {
	query string
	args  []any
}

func (r *recorder) add(q string, args []driver.NamedValue) {
	r.mu.Lock()
	defer r.mu.Unlock()
	values := make([]any, len(args))
	for i, a := range args {
		values[i] = a.Value
	}
	r.queries = append(r.queries, recorded{q, values})
}

// recordingDriver is the SQLite driver with every query recorded.
type recordingDriver struct {
	base driver.Driver
	rec  *recorder
}

func (d recordingDriver) Open(name string) (driver.Conn, error) {
	c, err := d.base.Open(name)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: c, rec: d.rec}, nil
}

// recordingConn passes everything to SQLite's connection, noting queries.
type recordingConn struct {
	driver.Conn
	rec *recorder
}

func (c *recordingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	c.rec.add(q, args)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
}

func (c *recordingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

var planRecorder = &recorder{}

func init() {
	db, _ := sql.Open("sqlite", "")
	sql.Register("sqlite-recording", recordingDriver{base: db.Driver(), rec: planRecorder})
	db.Close()
}

// The queries behind every pane's keys and loads use an index: none reads
// a whole table. The reads are recorded as the store runs them on a small
// register, and each is explained: without statistics, as a register kept
// by hand is, and with the statistics of a large register, as a generated
// one has (ANALYZE) — gathered at this schema version or at any earlier
// one, so that the tables added since have none.
func TestQueryPlansUseIndexes(t *testing.T) {
	defer func(d string) { readDriver = d }(readDriver)
	readDriver = "sqlite-recording"
	path := filepath.Join(t.TempDir(), "avtal.db")
	ctx := context.Background()
	s, err := Open(ctx, path, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: 30, Seed: 5}).All() {
		list = append(list, it.Agreement)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	id := list[3].ID
	var sortKey string
	withSubs := ""
	for _, a := range list {
		if len(a.Subs) > 0 {
			withSubs = a.ID
		}
	}
	month := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)

	reads := []struct {
		name string
		read func() error
	}{
		{"register page", func() error {
			rows, err := s.Page(ctx, "", 20, false)
			if err == nil {
				sortKey = rows[len(rows)-1].SortKey
				_, err = s.Page(ctx, sortKey, 20, false)
			}
			return err
		}},
		{"register page back", func() error { _, err := s.Page(ctx, sortKey, 20, true); return err }},
		{"register list", func() error { _, err := s.ListPage(ctx, sortKey, 20); return err }},
		{"agreement detail", func() error {
			_, err := s.Agreement(ctx, id)
			return cmpOr(err, func() error { _, err := s.Related(ctx, id); return err }, func() error { _, err := s.AuditLog(ctx, id, 10); return err })
		}},
		{"sla agreements", func() error {
			_, err := s.SLAAgreements(ctx, "", 50, false)
			return cmpOr(err, func() error { _, err := s.SLAAgreements(ctx, "\U0010FFFF", 50, true); return err },
				func() error { _, err := s.SLACount(ctx, "\U0010FFFF"); return err })
		}},
		{"incidents of a month", func() error { _, err := s.Incidents(ctx, id, month, month.AddDate(0, 1, 0)); return err }},
		{"clause tree", func() error { _, err := s.ClauseTree(ctx, id, false); return err }},
		{"search by trigrams", func() error { _, err := s.Search(ctx, "leverantören", 20, nil); return err }},
		{"search by word", func() error {
			defer func(n int) { rareTrigram = n }(rareTrigram)
			rareTrigram = 0
			_, err := s.Search(ctx, "leverantören", 20, nil)
			return err
		}},
		{"search in an agreement, its clauses", func() error { _, err := s.SearchIn(ctx, id, "leverantören", 20, nil); return err }},
		{"search in an agreement, the index", func() error {
			// As in a large agreement, for a word with a rare trigram.
			defer func(n, r int) { scopeScan, rareTrigram = n, r }(scopeScan, rareTrigram)
			scopeScan, rareTrigram = 0, 1<<20
			_, err := s.SearchIn(ctx, id, "leverantören", 20, nil)
			return err
		}},
		{"sub-processor portfolio", func() error { _, err := s.SubTallies(ctx, []string{"US", "IN"}); return err }},
		{"sub-processor uses", func() error {
			_, err := s.SubUses(ctx, UseQuery{Names: []string{list[0].Supplier.Name}}, UseKey{}, 50)
			return err
		}},
		{"sub-processor register", func() error {
			_, err := s.Notices(ctx, withSubs)
			return cmpOr(err, func() error { _, err := s.SubHistory(ctx, withSubs); return err })
		}},
		{"open notices", func() error { _, err := s.OpenNotices(ctx); return err }},
		{"deadline facts of the register", func() error { _, _, err := engineAgreements(ctx, s.read, scope{}); return err }},
		{"deadline inputs of an agreement", func() error { _, _, err := s.DeadlineInputs(ctx, id); return err }},
		{"kept deadlines of a year", func() error {
			_, err := s.Deadlines(ctx, "", model.MustDate(2026, 11, 24), model.MustDate(2027, 11, 24))
			return err
		}},
		{"kept deadlines of an agreement", func() error {
			_, err := s.Deadlines(ctx, id, model.MustDate(2025, 11, 24), model.MustDate(2031, 11, 24))
			return err
		}},
		{"kept agreements", func() error { _, err := s.DeadlineAgreements(ctx, ""); return err }},
		{"register sorted", func() error {
			for _, o := range everyOrder {
				rows, base, err := s.PageAround(ctx, o, id, 10, 20)
				if err == nil && base >= 0 && len(rows) > 0 {
					_, err = s.PageBy(ctx, o, rows[len(rows)-1].Cursor(), 20, false)
				}
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{"register list in halves", func() error {
			return s.ListPages(ctx, 5, func([]Listed) error { return nil })
		}},
		{"register list sorted", func() error {
			return s.ListPagesBy(ctx, ListOrder{By: ByCancelBy}, 500, func([]Listed) error { return nil })
		}},
	}
	// version -1: no statistics; otherwise gathered at that schema version.
	for version := -1; version <= len(migrations); version++ {
		if version == 0 {
			continue
		}
		if version > 0 {
			s.Close()
			analyzeAsLarge(t, path, version)
			if s, err = Open(ctx, path, testClock); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range reads {
			planRecorder.mu.Lock()
			planRecorder.queries = nil
			planRecorder.mu.Unlock()
			if err := r.read(); err != nil {
				t.Fatalf("%s: %v", r.name, err)
			}
			planRecorder.mu.Lock()
			queries := slices.Clone(planRecorder.queries)
			planRecorder.mu.Unlock()
			if len(queries) == 0 {
				t.Errorf("%s ran no query", r.name)
			}
			for _, q := range queries {
				if bad := badPlan(t, path, q); bad != "" {
					t.Errorf("%s (statistics of schema %d): %s\nquery: %s", r.name, version, bad, strings.Join(strings.Fields(q.query), " "))
				}
			}
		}
	}
}

// analyzeAsLarge gathers the register's statistics, scaled from its 30
// agreements to the 10 000 of the benchmark register (a million clauses),
// and forgets those of the tables made by migrations after version: they
// were not there when the statistics were gathered.
func analyzeAsLarge(t *testing.T, path string, version int) {
	db, err := sql.Open("sqlite", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT rowid, stat FROM sqlite_stat1")
	if err != nil {
		t.Fatal(err)
	}
	scaled := map[int64]string{}
	for rows.Next() {
		var id int64
		var stat string
		if err := rows.Scan(&id, &stat); err != nil {
			t.Fatal(err)
		}
		f := strings.Fields(stat)
		if n, err := strconv.Atoi(f[0]); err == nil {
			f[0] = strconv.Itoa(n * 10000 / 30)
		}
		scaled[id] = strings.Join(f, " ")
	}
	rows.Close()
	for id, stat := range scaled {
		if _, err := db.Exec("UPDATE sqlite_stat1 SET stat = ? WHERE rowid = ?", stat, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range migrations[version:] {
		for _, table := range createdTable.FindAllStringSubmatch(m.statements(), -1) {
			if _, err := db.Exec("DELETE FROM sqlite_stat1 WHERE tbl = ?", table[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// createdTable finds the tables a migration creates.
var createdTable = regexp.MustCompile(`CREATE (?:VIRTUAL )?TABLE (\w+)`)

// allowedScans are whole-index reads that are the point of their query:
// the portfolio counts every entry of the register in one pass over the
// covering index made for it, the deadline engine reads every agreement's
// facts from theirs, the calendar every agreement's title and events from
// the table kept for it, the kept deadlines' span (one row) and whether any
// wait to be computed (the table is empty between writes), and the open
// notices, the agreements with SLA terms, the notices of termination and
// the superseded documents (search leaves their clauses out) are read from
// the partial indexes that hold only them.
var allowedScans = []string{
	"SCAN agreements USING COVERING INDEX agreements_facts",
	"SCAN subprocessors USING COVERING INDEX subprocessors_tally",
	"SCAN s USING COVERING INDEX subprocessors_tally",
	"SCAN n USING INDEX sub_notices_open",
	"SCAN agreements USING INDEX agreements_sla",
	"SCAN agreements USING COVERING INDEX agreements_sla",
	"SCAN events USING COVERING INDEX events_termination",
	"SCAN kept_agreements",
	"SCAN kept_span",  // one row
	"SCAN kept_dirty", // empty between writes; asked whether it is
	"SCAN documents USING COVERING INDEX documents_superseded",
	// counted for the middle of a long list (ListPagesBy), in the
	// register's smallest index
	"SCAN agreements USING COVERING INDEX agreements_parent",
}

// badPlan explains q and returns what is wrong with its plan — a table
// read whole, or an index read whole without a LIMIT to stop it — or "".
// Sorting in a temporary b-tree is allowed: it sorts the rows an index
// found (one agreement's documents, one name's uses), not a table.
func badPlan(t *testing.T, path string, q recorded) string {
	db, err := sql.Open("sqlite", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	plan := queryPlan(t, db, q.query, q.args...)
	for _, d := range plan {
		switch {
		case !strings.HasPrefix(d, "SCAN "), slices.Contains(allowedScans, d):
		case strings.Contains(d, "VIRTUAL TABLE"), strings.HasPrefix(d, "SCAN (subquery"):
			// the full-text index (MATCH), json_each over the query's own
			// list, and the rows of a subquery that used an index itself
		case strings.Contains(d, " USING ") && strings.Contains(q.query, "LIMIT"):
			// an index read in order until LIMIT rows are found
		default:
			return fmt.Sprintf("plan %q", strings.Join(plan, " | "))
		}
	}
	return ""
}

// queryPlan returns the lines of EXPLAIN QUERY PLAN for query.
func queryPlan(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explaining %q: %v", query, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

// cmpOr returns err, or the first error of the further reads.
func cmpOr(err error, more ...func() error) error {
	for _, f := range more {
		if err != nil {
			return err
		}
		err = f()
	}
	return err
}

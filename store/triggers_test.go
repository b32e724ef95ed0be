package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestMergedTriggersMarkAsBefore runs the same writes on a register at
// schema step 22 (a trigger per derived table and write) and one at step
// 23 (merged): after each write the dirty marks, the sub-processor
// policies and the facts must be the same, and no write may fail on a
// mark already there, whatever conflict clause the write has.
func TestMergedTriggersMarkAsBefore(t *testing.T) {
	ctx := context.Background()
	const merged = 23
	if len(migrations) < merged || migrations[merged-1].name != "023_merged_triggers.sql" {
		t.Fatalf("step %d is %v, not the merged triggers", merged, migrations[merged-1].name)
	}
	open := func(version int) *sql.DB {
		db, err := sql.Open("sqlite", ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1) // one connection, one database in memory
		t.Cleanup(func() { db.Close() })
		for _, m := range migrations[:version] {
			if _, err := db.ExecContext(ctx, m.statements()); err != nil {
				t.Fatalf("step %s: %v", m.name, err)
			}
		}
		if _, err := db.ExecContext(ctx, "DELETE FROM kept_dirty; DELETE FROM list_dirty"); err != nil {
			t.Fatal(err)
		}
		return db
	}
	before, after := open(merged-1), open(merged)
	agreement := func(id, title, sortKey, data string) string {
		return fmt.Sprintf(`INSERT INTO agreements(id, title, kind, status, supplier, sort_key, data, updated_at)
			VALUES ('%s', '%s', 'dpa', 'active', 'Leverantör', '%s', '%s', '2026-01-01')`, id, title, sortKey, data)
	}
	policy := `{"id":"%s","title":"%s","start":"2026-01-01","term":{"months":12},"subprocessor_policy":{"objection_days":30,"transfer_basis":"SCC"}}`
	writes := []string{
		agreement("a", "Avtal A", "a", fmt.Sprintf(policy, "a", "Avtal A")),
		agreement("b", "Avtal B", "b", `{"id":"b","title":"Avtal B","signed":"2025-12-01"}`),
		agreement("c", "Avtal C", "c", `{"id":"c"}`),
		"UPDATE agreements SET title = 'Nytt namn' WHERE id = 'b'",
		"UPDATE agreements SET updated_at = '2026-02-02' WHERE id = 'b'",
		"UPDATE agreements SET sort_key = 'b2' WHERE id = 'b'",
		"UPDATE agreements SET sort_key = sort_key, facts = facts WHERE id = 'b'",
		"UPDATE agreements SET data = data WHERE id = 'a'",
		"UPDATE agreements SET data = '" + fmt.Sprintf(policy, "b", "Avtal B") + "' WHERE id = 'b'",
		`UPDATE agreements SET data = '{"id":"a","title":"Avtal A","start":"2026-03-01"}' WHERE id = 'a'`,
		"UPDATE agreements SET id = 'c2' WHERE id = 'c'",
		"INSERT INTO events(agreement_id, name, date) VALUES ('a', 'signed', '2026-01-05')",
		"INSERT INTO events(agreement_id, name, date) VALUES ('b', 'termination', '2026-06-30')",
		"UPDATE events SET note = 'x' WHERE name = 'signed'",
		"UPDATE events SET name = 'notice' WHERE name = 'termination'",
		"UPDATE events SET name = 'termination', agreement_id = 'a' WHERE name = 'notice'",
		"DELETE FROM events WHERE name = 'termination'",
		"DELETE FROM events",
		"INSERT INTO decisions(agreement_id, deadline_key, done_on) VALUES ('a', 'k1', '2026-01-10')",
		// The upsert's DO UPDATE runs as an UPDATE OR ABORT: its triggers
		// must not fail on the mark its insert left.
		`INSERT INTO decisions(agreement_id, deadline_key, done_on) VALUES ('a', 'k1', '2026-01-11')
			ON CONFLICT(agreement_id, deadline_key) DO UPDATE SET done_on = excluded.done_on`,
		"UPDATE decisions SET comment = 'no mark'",
		"UPDATE decisions SET agreement_id = 'b'",
		"DELETE FROM decisions",
		"INSERT INTO incidents(agreement_id, start, end) VALUES ('a', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z')",
		"UPDATE incidents SET agreement_id = 'b'",
		"DELETE FROM incidents",
		`INSERT INTO sub_notices(agreement_id, received, change, name, recorded_at, recorded_by)
			VALUES ('a', '2026-01-02', 'add', 'Moln AB', '2026-01-02T08:00:00Z', 'local')`,
		"UPDATE sub_notices SET verdict = 'accept'",
		"DELETE FROM sub_notices",
		"INSERT OR REPLACE INTO sub_policies VALUES ('c2', '{}', '')",
		"UPDATE sub_policies SET transfer_basis = 'BCR' WHERE agreement_id = 'c2'",
		"DELETE FROM sub_policies WHERE agreement_id = 'c2'",
		"DELETE FROM agreements WHERE id = 'b'",
		"DELETE FROM agreements",
	}
	state := func(db *sql.DB) string {
		var out []string
		for _, q := range []string{
			"SELECT 'kept ' || agreement_id FROM kept_dirty",
			"SELECT 'list ' || agreement_id FROM list_dirty",
			"SELECT 'policy ' || agreement_id || ' ' || policy || ' ' || transfer_basis FROM sub_policies",
			"SELECT 'facts ' || id || ' ' || facts FROM agreements",
		} {
			rows, err := db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			lines, err := scanAll(rows, func(r scanner) (string, error) {
				var s string
				return s, r.Scan(&s)
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(lines)
			out = append(out, lines...)
		}
		return strings.Join(out, "\n")
	}
	for i, w := range writes {
		for _, db := range []*sql.DB{before, after} {
			if i%2 == 0 {
				if _, err := db.ExecContext(ctx, w); err != nil {
					t.Fatalf("%s: %v", w, err)
				}
				continue
			}
			// Every other write finds marks there already: they must stay
			// one mark each, and not fail the write.
			if _, err := db.ExecContext(ctx, `INSERT INTO kept_dirty SELECT id FROM agreements WHERE id = 'a' AND NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = 'a');
				INSERT INTO list_dirty SELECT id FROM agreements WHERE id = 'b' AND NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = 'b')`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, w); err != nil {
				t.Fatalf("%s: %v", w, err)
			}
		}
		if got, want := state(after), state(before); got != want {
			t.Errorf("after %s:\nmerged triggers:\n%s\nseparate ones:\n%s", w, got, want)
		}
		for _, db := range []*sql.DB{before, after} {
			if _, err := db.ExecContext(ctx, "DELETE FROM kept_dirty; DELETE FROM list_dirty"); err != nil {
				t.Fatal(err)
			}
		}
	}
}

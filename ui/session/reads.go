package session

import (
	"context"
	"slices"

	"avtal/store"
)

// The reads every session of a register makes when it starts and again
// after each write: the first page of agreements, their count, the clause
// tree and the clause a pane shows. Through Shared, fifty SSH sessions read
// each once per write and hold one copy. What they return is never
// changed: slices come clipped, so a pane that appends to one copies it.

type (
	pageKey struct {
		after    string
		limit    int
		backward bool
	}
	countKey struct{}
	treeKey  struct {
		agreementID string
		withOld     bool
	}
	clauseKey struct{ id int64 }
)

// Page is store.PageBy, shared in the register's own order: the order
// every session starts in. A sorted list is one person's view and is read
// for them alone.
func Page(ctx context.Context, s *Shared, st *store.Store, o store.ListOrder, after store.ListCursor, limit int, backward bool) ([]store.Row, error) {
	if o.By != store.OwnOrder {
		return st.PageBy(ctx, o, after, limit, backward)
	}
	return Share(ctx, s, st, pageKey{after.SortKey, limit, backward}, func() ([]store.Row, error) {
		rows, err := st.PageBy(ctx, o, after, limit, backward)
		return slices.Clip(rows), err
	})
}

// Count is store.Count, shared.
func Count(ctx context.Context, s *Shared, st *store.Store) (int, error) {
	return Share(ctx, s, st, countKey{}, func() (int, error) { return st.Count(ctx) })
}

// ClauseTree is store.ClauseTree, shared.
func ClauseTree(ctx context.Context, s *Shared, st *store.Store, agreementID string, withOld bool) ([]store.DocumentNode, error) {
	return Share(ctx, s, st, treeKey{agreementID, withOld}, func() ([]store.DocumentNode, error) {
		docs, err := st.ClauseTree(ctx, agreementID, withOld)
		return slices.Clip(docs), err
	})
}

// Clause is store.Clause, shared.
func Clause(ctx context.Context, s *Shared, st *store.Store, id int64) (*store.ClauseDetail, error) {
	return Share(ctx, s, st, clauseKey{id}, func() (*store.ClauseDetail, error) { return st.Clause(ctx, id) })
}

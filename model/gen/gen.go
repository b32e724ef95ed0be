// Package gen generates large, realistic, made-up registers for measuring
// Avtal at scale: agreements of the kinds and terms of the sample register,
// clause trees in Swedish and English, sub-processors with the concentration
// of a real portfolio, incidents and sub-processor notices.
//
// Generation is deterministic: the same Config gives the same register on
// any machine, and the first agreements of a seed do not depend on how many
// are asked for. Each family (an agreement and its call-offs or DPA) draws
// from its own PCG stream seeded by (Seed, index of its first agreement).
package gen

import (
	"fmt"
	"iter"
	"math/rand/v2"

	"avtal/model"
	"avtal/model/deadlines"
)

// DefaultToday is the day generated registers are built around when
// Config.Today is zero. A fixed day, not the clock, keeps a seed's register
// the same whenever it is generated.
var DefaultToday = model.MustDate(2026, 1, 1)

// Config says what to generate.
type Config struct {
	// Agreements is how many agreements to generate.
	Agreements int
	// Seed picks the register; the same seed gives the same register.
	Seed uint64
	// Today is the day dates are drawn around (signing in the eight years
	// before it, incidents in the two years before it); zero means DefaultToday.
	Today model.Date
}

// eventNoticeReceived is the event of a sub-processor change notice
// received; notice of termination is deadlines.EventTermination.
const eventNoticeReceived = "notice_received"

// Item is one generated agreement with what the register keeps beside it:
// its incidents and the events its deadlines count from (a sub-processor
// change notice received, Ref = the sub-processor, or notice of
// termination given).
type Item struct {
	Agreement *model.Agreement
	Incidents []model.Incident
	Events    []deadlines.Event
}

// itemLike is a type with Item's fields: the store's own bulk-load item.
type itemLike interface {
	~struct {
		Agreement *model.Agreement
		Incidents []model.Incident
		Events    []deadlines.Event
	}
}

// Clauses counts the clauses of the item's documents.
func (it *Item) Clauses() int {
	n := 0
	for _, d := range it.Agreement.Documents {
		n += len(d.Clauses)
	}
	return n
}

// Generator hands out a register one agreement at a time, so a million
// clauses never have to be in memory at once. A framework or main agreement
// always comes before the agreements that point at it.
type Generator struct {
	cfg     Config
	next    int
	pending []Item
}

// New returns a generator for cfg.
func New(cfg Config) *Generator {
	if cfg.Today.IsZero() {
		cfg.Today = DefaultToday
	}
	return &Generator{cfg: cfg}
}

// Next returns the next agreement, or false when all have been generated.
func (g *Generator) Next() (Item, bool) {
	if len(g.pending) == 0 {
		if g.next >= g.cfg.Agreements {
			return Item{}, false
		}
		r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(g.next)))
		g.pending = newFamily(r, &g.cfg, g.next, g.cfg.Agreements-g.next)
		g.next += len(g.pending)
	}
	it := g.pending[0]
	g.pending = g.pending[1:]
	return it, true
}

// All returns the rest of the register as a sequence.
func (g *Generator) All() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for {
			it, ok := g.Next()
			if !ok || !yield(it) {
				return
			}
		}
	}
}

// AllAs returns the rest of the register as a sequence of T, a type with
// Item's fields (store.BulkItem): the store takes its own type, and the
// generator hands out what it takes.
func AllAs[T itemLike](g *Generator) iter.Seq[T] {
	return func(yield func(T) bool) {
		for it := range g.All() {
			if !yield(T(it)) {
				return
			}
		}
	}
}

// ID returns the id of agreement number i (0-based) of a seed's register:
// "gen-42-000001". The "gen-" prefix marks generated agreements, and the
// seed keeps two generated registers apart when one is appended to another.
func ID(seed uint64, i int) string { return fmt.Sprintf("gen-%d-%06d", seed, i+1) }

package deadlines

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"avtal/model"
)

// quiet is an agreement that runs until further notice with no rules: it
// has no deadlines until someone gives notice.
func quiet(i int) *model.Agreement {
	return &model.Agreement{ID: fmt.Sprintf("quiet-%05d", i), Signed: day("2020-01-01"),
		Term: model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}}
}

func TestAllMatchesAppend(t *testing.T) {
	// All sizes its result from the first agreements and shares a large
	// register among the cores; whatever the register's shape, the result
	// must be exactly the agreement-by-agreement computation, in order.
	busy := register(1000)
	quiets := make([]*model.Agreement, 1000)
	for i := range quiets {
		quiets[i] = quiet(i)
	}
	cases := []struct {
		name string
		as   []*model.Agreement
	}{
		{"empty", nil},
		{"one", busy[:1]},
		{"fewer than the sample", busy[:sampleLen-1]},
		{"exactly the sample", busy[:sampleLen]},
		{"one more than the sample", busy[:sampleLen+1]},
		{"too few to share", busy[:sampleLen+parallelFrom-1]},
		{"large", busy},
		// The sample has no deadlines and the rest many: the estimate is
		// far too small and the result must grow.
		{"quiet first", append(append([]*model.Agreement{}, quiets[:sampleLen]...), busy...)},
		// The sample has many deadlines and the rest none: far too large.
		{"busy first", append(append([]*model.Agreement{}, busy[:sampleLen]...), quiets...)},
	}
	from, to := day("2026-01-01"), day("2030-12-31")
	records := map[string]Record{busy[3].ID: {Events: []Event{{Name: EventTermination, Date: day("2026-02-01")}}}}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3} {
		runtime.GOMAXPROCS(procs)
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%d cores", c.name, procs), func(t *testing.T) {
				var want []model.Deadline
				for _, a := range c.as {
					want = Append(want, a, records[a.ID], from, to, model.English)
				}
				got, err := All(context.Background(), c.as, records, from, to, model.English)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("All: %d deadlines, Append: %d", len(got), len(want))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("deadline %d: %+v, want %+v", i, got[i], want[i])
					}
				}
			})
		}
	}
}

// endsAfter is a context whose session ends after it has been asked
// looks times whether it has: a computation cancelled part-way through,
// at a point the test chooses, without a timer.
type endsAfter struct {
	context.Context
	mu    sync.Mutex
	looks int
	asked int
}

func (c *endsAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	if c.asked > c.looks {
		return context.Canceled
	}
	return nil
}

// A register's computation stops soon after its session ends, on one core
// or several, and says why instead of returning part of the deadlines.
func TestAllStopsWhenItsSessionEnds(t *testing.T) {
	as := register(4000)
	from, to := day("2026-01-01"), day("2030-12-31")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 3} {
		for _, looks := range []int{0, 1, 5} {
			t.Run(fmt.Sprintf("%d cores, ended after %d looks", procs, looks), func(t *testing.T) {
				runtime.GOMAXPROCS(procs)
				ctx := &endsAfter{Context: context.Background(), looks: looks}
				got, err := All(ctx, as, nil, from, to, model.English)
				if !errors.Is(err, context.Canceled) || got != nil {
					t.Fatalf("All = %d deadlines, %v; want none and context.Canceled", len(got), err)
				}
				// Every look is checkEvery agreements apart: once ended,
				// each core looks once more at most, and the register of
				// 4000 would need 4000/checkEvery looks to be finished.
				if max := looks + procs + 2; ctx.asked > max {
					t.Errorf("asked %d times, want at most %d: it went on computing", ctx.asked, max)
				}
			})
		}
	}
}

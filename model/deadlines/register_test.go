package deadlines

import (
	"fmt"
	"reflect"
	"runtime"
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
				got := All(c.as, records, from, to, model.English)
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

package deadlines

import (
	"runtime"
	"slices"
	"sync"

	"avtal/model"
)

// sample is how many agreements All computes before it sizes its result.
const sample = 64

// All computes the deadlines of every agreement in as over [from, to]:
// agreement by agreement in the order given, each agreement's sorted by
// date. records holds what the user recorded, by agreement id. A register
// holds thousands of agreements, so the work is spread over the cores.
func All(as []*model.Agreement, records map[string]Record, from, to model.Date) []model.Deadline {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(as)/256))
	parts := make([][]model.Deadline, workers)
	var wg sync.WaitGroup
	for w := range workers {
		chunk := as[w*len(as)/workers : (w+1)*len(as)/workers]
		wg.Go(func() {
			var ds []model.Deadline
			for i, a := range chunk {
				// Size the slice once from the first agreements rather than
				// letting it grow step by step through tens of megabytes.
				if i == sample {
					ds = slices.Grow(ds, len(ds)*(len(chunk)-i)/i*9/8)
				}
				ds = Append(ds, a, records[a.ID], from, to)
			}
			parts[w] = ds
		})
	}
	wg.Wait()
	if workers == 1 {
		return parts[0]
	}
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	all := make([]model.Deadline, 0, total)
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

package deadlines

import (
	"runtime"
	"slices"
	"sync"

	"avtal/model"
)

// sample is how many agreements a run computes before it sizes its result.
const sample = 64

// parallelFrom is the register size from which All shares the work among
// the processor's cores; below it starting them costs more than it saves.
const parallelFrom = 512

// All computes the deadlines of every agreement in as over [from, to],
// explained in lang: agreement by agreement in the order given, each
// agreement's sorted by date. records holds what the user recorded, by
// agreement id. A large register is cut into one run of agreements per
// core.
func All(as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) []model.Deadline {
	cores := runtime.GOMAXPROCS(0)
	if len(as) < parallelFrom || cores == 1 {
		return appendRun(nil, as, records, from, to, lang)
	}
	runs := make([][]model.Deadline, cores)
	var wg sync.WaitGroup
	for i := range runs {
		part := as[i*len(as)/cores : (i+1)*len(as)/cores]
		wg.Go(func() { runs[i] = appendRun(nil, part, records, from, to, lang) })
	}
	wg.Wait()
	return slices.Concat(runs...)
}

// appendRun appends the deadlines of the agreements in as to ds.
func appendRun(ds []model.Deadline, as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) []model.Deadline {
	for i, a := range as {
		// Size the slice once from the first agreements rather than letting
		// it grow step by step through tens of megabytes.
		if i == sample {
			ds = slices.Grow(ds, len(ds)*(len(as)-i)/i*9/8)
		}
		ds = Append(ds, a, records[a.ID], from, to, lang)
	}
	return ds
}

package deadlines

import (
	"runtime"
	"slices"
	"sync"

	"avtal/model"
)

// parallelFrom is the register size from which All shares the work among
// the processor's cores; below it starting them costs more than it saves.
const parallelFrom = 512

// chunkLen is how many deadlines a run gathers in one block before it
// starts the next. Blocks are never grown and copied the way one long
// slice is: the whole register's deadlines are copied once, into the
// result, and nothing else is left for the garbage collector.
const chunkLen = 4096

// All computes the deadlines of every agreement in as over [from, to],
// explained in lang: agreement by agreement in the order given, each
// agreement's sorted by date. records holds what the user recorded, by
// agreement id. A large register is cut into one run of agreements per
// core.
func All(as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) []model.Deadline {
	cores := runtime.GOMAXPROCS(0)
	if len(as) < parallelFrom || cores == 1 {
		return slices.Concat(chunks(as, records, from, to, lang)...)
	}
	runs := make([][][]model.Deadline, cores)
	var wg sync.WaitGroup
	for i := range runs {
		part := as[i*len(as)/cores : (i+1)*len(as)/cores]
		wg.Go(func() { runs[i] = chunks(part, records, from, to, lang) })
	}
	wg.Wait()
	return slices.Concat(slices.Concat(runs...)...)
}

// chunks computes the deadlines of the agreements in as, in order, in
// blocks of about chunkLen.
func chunks(as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) [][]model.Deadline {
	var out [][]model.Deadline
	block := make([]model.Deadline, 0, min(chunkLen, 64*len(as)))
	for _, a := range as {
		if len(block) > cap(block)*7/8 {
			out = append(out, block)
			block = make([]model.Deadline, 0, chunkLen)
		}
		block = Append(block, a, records[a.ID], from, to, lang)
	}
	return append(out, block)
}

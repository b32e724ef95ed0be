package deadlines

import (
	"context"
	"runtime"
	"sync"

	"avtal/model"
)

// parallelFrom is the register size from which All shares the work among
// the processor's cores; below it starting them costs more than it saves.
const parallelFrom = 512

// sampleLen is how many agreements All computes first, to learn how many
// deadlines an agreement of this register has in the period.
const sampleLen = 128

// All computes the deadlines of every agreement in as over [from, to],
// explained in lang: agreement by agreement in the order given, each
// agreement's sorted by date. records holds what the user recorded, by
// agreement id. A large register is cut into one run of agreements per
// core.
//
// A computation over a large register takes seconds; it stops at the next
// agreement once ctx is done (the session that asked has ended) and
// returns ctx's error.
//
// The result is made large enough (from the first agreements' count, with
// room to spare) before the rest is computed, and the first run fills it
// in place: a register's deadlines are tens of megabytes, and building
// them elsewhere first to copy them into the result cost twice the memory
// and, measured, the slowest tenth of computations.
func All(ctx context.Context, as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) ([]model.Deadline, error) {
	head := min(len(as), sampleLen)
	out := appendAll(ctx, nil, as[:head], records, from, to, lang)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rest := as[head:]
	if len(rest) == 0 {
		return out, nil
	}
	expect := func(agreements int) int { return agreements*(len(out)+1)*9/(8*head) + 16 }
	all := make([]model.Deadline, len(out), len(out)+expect(len(rest)))
	copy(all, out)
	cores := runtime.GOMAXPROCS(0)
	if len(rest) < parallelFrom || cores == 1 {
		all = appendAll(ctx, all, rest, records, from, to, lang)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return all, nil
	}
	runs := make([][]model.Deadline, cores)
	var wg sync.WaitGroup
	for i := range runs {
		part := rest[i*len(rest)/cores : (i+1)*len(rest)/cores]
		wg.Go(func() {
			if i == 0 {
				runs[i] = appendAll(ctx, all, part, records, from, to, lang)
			} else {
				runs[i] = appendAll(ctx, make([]model.Deadline, 0, expect(len(part))), part, records, from, to, lang)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all = runs[0]
	for _, run := range runs[1:] {
		all = append(all, run...)
	}
	return all, nil
}

// checkEvery is how many agreements appendAll computes between two looks
// at its context: some milliseconds of work, so an ended session frees its
// core at once, while the looks cost nothing measurable.
const checkEvery = 32

// appendAll appends the deadlines of the agreements in as to out, in order,
// stopping early once ctx is done.
func appendAll(ctx context.Context, out []model.Deadline, as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) []model.Deadline {
	for i, a := range as {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return out
		}
		out = Append(out, a, records[a.ID], from, to, lang)
	}
	return out
}

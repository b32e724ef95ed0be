package deadlines

import (
	"slices"

	"avtal/model"
)

// sample is how many agreements All computes before it sizes its result.
const sample = 64

// All computes the deadlines of every agreement in as over [from, to],
// explained in lang: agreement by agreement in the order given, each
// agreement's sorted by date. records holds what the user recorded, by
// agreement id.
func All(as []*model.Agreement, records map[string]Record, from, to model.Date, lang model.Lang) []model.Deadline {
	var ds []model.Deadline
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

package gen

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
)

// zipf draws indexes 0..n-1 with weight 1/(i+1)^s, so the first entries of
// a list are common and the tail is rare, as words and suppliers are in a
// real register. The cumulative table is built once per list.
type zipf []float64

func newZipf(n int, s float64) zipf {
	cum := make(zipf, n)
	sum := 0.0
	for i := range cum {
		sum += 1 / math.Pow(float64(i+1), s)
		cum[i] = sum
	}
	return cum
}

func (z zipf) pick(r *rand.Rand) int {
	i, _ := slices.BinarySearch(z, r.Float64()*z[len(z)-1])
	return min(i, len(z)-1)
}

// ranked is a list whose order is its frequency: first is most session.
// Its table is built at the first pick: the lists are package variables,
// and every command of the program (not only avtal gen) would build them
// at its start.
type ranked[T any] struct {
	items []T
	z     func() zipf
}

func rank[T any](s float64, items ...T) ranked[T] {
	return ranked[T]{items: items, z: sync.OnceValue(func() zipf { return newZipf(len(items), s) })}
}

func (l ranked[T]) pick(r *rand.Rand) T { return l.items[l.z().pick(r)] }

// option is one outcome of a hand-weighted draw.
type option[T any] struct {
	w int
	v T
}

// choose draws one option with probability w / sum(w).
func choose[T any](r *rand.Rand, opts []option[T]) T {
	sum := 0
	for _, o := range opts {
		sum += o.w
	}
	x := r.IntN(sum)
	for _, o := range opts {
		if x < o.w {
			return o.v
		}
		x -= o.w
	}
	return opts[len(opts)-1].v
}

// chance is true with probability pct %.
func chance(r *rand.Rand, pct int) bool { return r.IntN(100) < pct }

// between draws an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// logNormal draws a positive number whose median is median and whose spread
// is sigma (0.6 gives a long right tail: most agreements are mid-sized, a few
// are huge).
func logNormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

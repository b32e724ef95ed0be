package slacredit

import (
	"cmp"
	"slices"
	"sort"
	"time"
)

// Span is a stretch of real time, from Start up to but not including End.
// Spans compare instants, never wall clocks, so an hour that repeats when
// summer time ends is counted twice, as it was lived.
type Span struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Duration returns the elapsed time of the span.
func (s Span) Duration() time.Duration { return s.End.Sub(s.Start) }

// interval is a span measured as offsets from an origin (the start of the
// month being computed). Plain integers sort and compare far faster than
// time.Time, which matters with thousands of incidents, and offsets within
// a month never overflow whatever the incidents' years.
type interval struct{ lo, hi time.Duration }

// within returns the part of s inside [origin, end) as an interval from
// origin, and false when there is none.
func within(s Span, origin, end time.Time) (interval, bool) {
	if !s.Start.Before(end) || !s.End.After(origin) {
		return interval{}, false
	}
	iv := interval{0, end.Sub(origin)}
	if s.Start.After(origin) {
		iv.lo = s.Start.Sub(origin)
	}
	if s.End.Before(end) {
		iv.hi = s.End.Sub(origin)
	}
	return iv, true
}

// clip returns the part of iv inside o, and false when they do not overlap.
func (iv interval) clip(o interval) (interval, bool) {
	iv.lo, iv.hi = max(iv.lo, o.lo), min(iv.hi, o.hi)
	return iv, iv.lo < iv.hi
}

// merge sorts intervals and joins those that overlap or touch, so that no
// instant is counted twice. It reorders ivs in place.
func merge(ivs []interval) []interval {
	if len(ivs) == 0 {
		return nil
	}
	slices.SortFunc(ivs, func(a, b interval) int { return cmp.Compare(a.lo, b.lo) })
	out := []interval{ivs[0]}
	for _, iv := range ivs[1:] {
		last := &out[len(out)-1]
		if iv.lo > last.hi {
			out = append(out, iv)
		} else {
			last.hi = max(last.hi, iv.hi)
		}
	}
	return out
}

// overlapping returns the run of sorted, disjoint intervals that overlap iv,
// found by binary search so that looking up one incident stays cheap.
func overlapping(ivs []interval, iv interval) []interval {
	i := sort.Search(len(ivs), func(i int) bool { return ivs[i].hi > iv.lo })
	j := sort.Search(len(ivs), func(j int) bool { return ivs[j].lo >= iv.hi })
	if i >= j {
		return nil
	}
	return ivs[i:j]
}

// intersect returns the parts of a that lie inside b; both sorted and disjoint.
func intersect(a, b []interval) []interval {
	var out []interval
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if iv, ok := a[i].clip(b[j]); ok {
			out = append(out, iv)
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// subtract returns the parts of a not covered by b; both sorted and disjoint.
func subtract(a, b []interval) []interval {
	var out []interval
	j := 0
	for _, iv := range a {
		for j < len(b) && b[j].hi <= iv.lo {
			j++
		}
		for k := j; k < len(b) && b[k].lo < iv.hi; k++ {
			if b[k].lo > iv.lo {
				out = append(out, interval{iv.lo, b[k].lo})
			}
			iv.lo = max(iv.lo, b[k].hi)
		}
		if iv.lo < iv.hi {
			out = append(out, iv)
		}
	}
	return out
}

// measure returns how much of iv lies inside window and outside masked, both
// sorted and disjoint. It allocates nothing, so measuring each of thousands
// of incidents stays cheap.
func measure(iv interval, window, masked []interval) time.Duration {
	var d time.Duration
	for _, w := range overlapping(window, iv) {
		piece, _ := iv.clip(w)
		d += piece.hi - piece.lo
		for _, m := range overlapping(masked, piece) {
			cut, _ := m.clip(piece)
			d -= cut.hi - cut.lo
		}
	}
	return d
}

// total returns the summed length of intervals.
func total(ivs []interval) time.Duration {
	var d time.Duration
	for _, iv := range ivs {
		d += iv.hi - iv.lo
	}
	return d
}

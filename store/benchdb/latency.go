package benchdb

import (
	"slices"
	"testing"
	"time"
)

// Latencies are the durations of a benchmark's operations one by one, so
// that it can report the median and the 95th percentile besides Go's mean:
// a key that is slow one time in twenty is felt, however good the mean.
type Latencies []time.Duration

// Time runs f and records how long it took.
func (l *Latencies) Time(f func()) {
	t0 := time.Now()
	f()
	*l = append(*l, time.Since(t0))
}

// Percentile returns the p-th percentile (0 < p ≤ 100) by nearest rank:
// the smallest duration that at least p % of the operations did not exceed.
func (l Latencies) Percentile(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	sorted := slices.Clone(l)
	slices.Sort(sorted)
	rank := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// Report adds the median and the 95th percentile to b's result, in
// milliseconds, as "p50-ms" and "p95-ms".
func (l Latencies) Report(b *testing.B) {
	b.ReportMetric(ms(l.Percentile(50)), "p50-ms")
	b.ReportMetric(ms(l.Percentile(95)), "p95-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

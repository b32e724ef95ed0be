package benchdb

import (
	"slices"
	"testing"
	"time"
)

// Latencies are the durations of a benchmark's operations one by one, so
// that it can report the median and the 95th percentile besides Go's mean:
// a key that is slow one time in twenty is felt, however good the mean.
// They also count the processor time the operations used: on a shared
// machine the wall clock swings with the load, processor time much less.
type Latencies struct {
	times []time.Duration
	cpu   time.Duration
}

// Time runs f and records how long it took.
func (l *Latencies) Time(f func()) {
	c0, t0 := cpuTime(), time.Now()
	f()
	l.Add(time.Since(t0), cpuTime()-c0)
}

// Add records an operation that took wall of the clock and cpu of the
// processor.
func (l *Latencies) Add(wall, cpu time.Duration) {
	l.times = append(l.times, wall)
	l.cpu += cpu
}

// Percentile returns the p-th percentile (0 < p ≤ 100) by nearest rank:
// the smallest duration that at least p % of the operations did not exceed.
func (l *Latencies) Percentile(p float64) time.Duration {
	if len(l.times) == 0 {
		return 0
	}
	sorted := slices.Clone(l.times)
	slices.Sort(sorted)
	rank := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// Report adds to b's result the median and the 95th percentile, as
// "p50-ms" and "p95-ms", and the mean processor time, as "cpu-ms/op".
func (l *Latencies) Report(b *testing.B) {
	b.ReportMetric(ms(l.Percentile(50)), "p50-ms")
	b.ReportMetric(ms(l.Percentile(95)), "p95-ms")
	if n := len(l.times); n > 0 {
		b.ReportMetric(ms(l.cpu)/float64(n), "cpu-ms/op")
	}
}

// CPUTime is the processor time the process has used so far, user and
// system (0 where it cannot be read).
func CPUTime() time.Duration { return cpuTime() }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

package benchdb

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	// Twenty durations 1..20 ms in shuffled order. Nearest rank: p50 is the
	// 10th smallest (20 × 0.5 = 10), p95 the 19th (20 × 0.95 = 19), p100
	// the 20th; p1 rounds 0.2 up to the 1st.
	var l Latencies
	for _, n := range []int{7, 20, 3, 12, 1, 18, 5, 9, 14, 2, 16, 11, 4, 19, 8, 13, 6, 17, 10, 15} {
		l.Add(time.Duration(n)*time.Millisecond, 0)
	}
	for _, tt := range []struct {
		p    float64
		want time.Duration
	}{{50, 10 * time.Millisecond}, {95, 19 * time.Millisecond}, {100, 20 * time.Millisecond}, {1, time.Millisecond}} {
		if got := l.Percentile(tt.p); got != tt.want {
			t.Errorf("p%v = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := new(Latencies).Percentile(95); got != 0 {
		t.Errorf("p95 of nothing = %v, want 0", got)
	}
	// Percentile leaves the recorded order alone.
	if l.times[0] != 7*time.Millisecond {
		t.Errorf("Percentile sorted the latencies in place")
	}
}

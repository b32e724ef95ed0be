package sshd

import "time"

// Input limits: a burst of a long paste passes at once, then input is held
// to a steady rate, so one client pasting megabytes cannot keep the server
// busy parsing keys for everyone else.
const (
	inputRate  = 4096      // bytes per second
	inputBurst = 16 * 1024 // bytes
)

// bucket is a token bucket over bytes: it holds up to burst tokens and
// refills at rate tokens a second. Only the session's input pump uses it.
type bucket struct {
	rate, burst float64
	tokens      float64
	last        time.Time
	now         func() time.Time
}

func newBucket(rate, burst float64, now func() time.Time) *bucket {
	return &bucket{rate: rate, burst: burst, tokens: burst, last: now(), now: now}
}

// take spends n tokens and returns how long the reader must wait before the
// bytes may pass: zero while the bucket holds enough, else the time the
// refill needs to pay the debt.
func (b *bucket) take(n int) time.Duration {
	now := b.now()
	b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	b.tokens -= float64(n)
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

package sshd

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

func TestBucketHoldsPastedInputToItsRate(t *testing.T) {
	// rate 1000 B/s, burst 2000 B; the clock is moved by hand.
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newBucket(1000, 2000, func() time.Time { return now })
	steps := []struct {
		after time.Duration
		n     int
		wait  time.Duration
	}{
		{0, 1500, 0},                                     // 2000-1500 = 500 left
		{0, 1000, 500 * time.Millisecond},                // 500-1000 = -500: 0.5 s of refill owed
		{time.Second, 300, 0},                            // -500+1000 = 500, -300 = 200 left
		{10 * time.Second, 2000, 0},                      // refill stops at the burst: 2000-2000 = 0
		{100 * time.Millisecond, 1100, time.Second},      // 0+100 = 100, -1100 = -1000: 1 s
		{2 * time.Second, 2500, 1500 * time.Millisecond}, // -1000+2000 = 1000, -2500 = -1500: 1.5 s
	}
	for i, s := range steps {
		now = now.Add(s.after)
		if got := b.take(s.n); got != s.wait {
			t.Errorf("step %d: take(%d) wait %v, want %v", i, s.n, got, s.wait)
		}
	}
}

func TestInputKeepsWhatAnAbandonedReaderDidNotTake(t *testing.T) {
	r, w := io.Pipe()
	stop := make(chan struct{})
	defer close(stop)
	in := newInput(r, newBucket(inputRate, inputBurst, time.Now), time.Now, stop)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := in.read(ctx, make([]byte, 8)); !errors.Is(err, context.Canceled) {
		t.Fatalf("an expired read returned %v", err)
	}
	go w.Write([]byte("2q"))
	buf := make([]byte, 1)
	var got []byte
	for len(got) < 2 {
		n, err := in.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != "2q" {
		t.Errorf("the workbench read %q, want \"2q\"", got)
	}
	w.Close()
	if _, err := in.Read(buf); err != io.EOF {
		t.Errorf("after the client left: %v, want EOF", err)
	}
}

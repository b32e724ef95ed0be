package sshd

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// readSize is the most the pump reads at once; never more than the burst,
// so a single read cannot overdraw the bucket by much.
const readSize = 1024

// input is one session's keyboard. A single goroutine (pump) reads the
// client, applies the rate limit and hands chunks to whoever reads next, so
// a reader that gives up (the terminal query that timed out) leaves no
// keystroke behind for the workbench to miss.
type input struct {
	chunks chan []byte
	last   atomic.Int64 // unix nanoseconds of the latest input

	mu   sync.Mutex
	rest []byte
}

// newInput starts pumping r until it fails or stop is closed.
func newInput(r io.Reader, limit *bucket, now func() time.Time, stop <-chan struct{}) *input {
	in := &input{chunks: make(chan []byte)}
	in.last.Store(now().UnixNano())
	go in.pump(r, limit, now, stop)
	return in
}

func (in *input) pump(r io.Reader, limit *bucket, now func() time.Time, stop <-chan struct{}) {
	defer close(in.chunks)
	for {
		buf := make([]byte, readSize)
		n, err := r.Read(buf)
		if n > 0 {
			in.last.Store(now().UnixNano())
			if wait := limit.take(n); wait > 0 {
				t := time.NewTimer(wait)
				select {
				case <-t.C:
				case <-stop:
					t.Stop()
					return
				}
			}
			select {
			case in.chunks <- buf[:n]:
			case <-stop:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// Read gives the workbench the next input; io.EOF when the client is gone.
func (in *input) Read(p []byte) (int, error) { return in.read(context.Background(), p) }

// read waits for input until ctx ends; input that arrives later stays for
// the next reader.
func (in *input) read(ctx context.Context, p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err // a reader that gave up takes nothing
	}
	if len(in.rest) == 0 {
		select {
		case chunk, ok := <-in.chunks:
			if !ok {
				return 0, io.EOF
			}
			in.rest = chunk
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	n := copy(p, in.rest)
	in.rest = in.rest[n:]
	return n, nil
}

// idleSince returns when the client last typed.
func (in *input) idleSince() time.Time { return time.Unix(0, in.last.Load()) }

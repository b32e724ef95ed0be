// Package benchdb is the large register the benchmarks share: 10 000
// generated agreements with about a million clauses (model/gen), the size a
// consultancy or a procurement body reaches when it imports every version
// of every document.
//
// Generating it takes a minute or two, so it is built once per `go test`
// run and shared by the benchmarks of every package in that run: the first
// test binary to ask builds it in a temporary folder named after the go
// command's process, under a file lock, and the others wait for it and
// reuse it. Folders left by earlier runs are removed. Set AVTAL_BENCH_DB to
// a file path to keep the register between runs: it is built there when
// the file does not exist and reused as it is when it does.
//
// Under -short every benchmark that asks for it is skipped, and nothing is
// built unless a benchmark asks, so plain `go test ./...` never pays for it.
package benchdb

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"avtal/model/gen"
	"avtal/store"
)

// The register every benchmark measures on.
const (
	Agreements = 10000
	Seed       = 1
)

// EnvPath names the environment variable that keeps the register in a file
// of the user's choosing between runs.
const EnvPath = "AVTAL_BENCH_DB"

// dirPrefix starts the name of each run's temporary folder; the go
// command's process id follows.
const dirPrefix = "avtal-bench-"

var (
	once    sync.Once
	path    string
	pathErr error
)

// Path returns the file of the shared register, building it if this run
// has not yet. Under -short it skips tb.
func Path(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("needs the generated register of 10 000 agreements / 1 000 000 clauses (minutes to build); run without -short")
	}
	once.Do(func() { path, pathErr = build(tb) })
	if pathErr != nil {
		tb.Fatalf("building the benchmark register: %v", pathErr)
	}
	return path
}

// clock stands still on one day, as the UI tests' clock does, so the
// register's timestamps never depend on the day it was built.
var clock = store.WithClock(func() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC) })

// Open opens the shared register for tb and closes it when tb ends.
// Benchmarks read it; one that must write works on a register of its own.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), Path(tb), clock)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// Copy copies the shared register into tb's temporary folder and returns
// the copy's path: for a benchmark that writes.
func Copy(tb testing.TB) string {
	tb.Helper()
	from, path := Path(tb), filepath.Join(tb.TempDir(), "register.db")
	// With its write-ahead log: the register may be open, its last large
	// commit still being folded into the file by a checkpoint (the file
	// then half old, half new); the log holds every page the checkpoint
	// writes, and the copy reads it over the file when it is opened.
	for _, suffix := range []string{"", "-wal"} {
		src, err := os.Open(from + suffix)
		if suffix != "" && errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		dst, err := os.Create(path + suffix)
		if err != nil {
			tb.Fatal(err)
		}
		_, err = io.Copy(dst, src)
		src.Close()
		// On the disk before the benchmark: otherwise the first
		// checkpoint's sync of the file writes out the whole copy.
		if err = errors.Join(err, dst.Sync(), dst.Close()); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

// build finds or makes the register and returns its path.
func build(tb testing.TB) (string, error) {
	target := os.Getenv(EnvPath)
	if target == "" {
		removeStale()
		target = filepath.Join(os.TempDir(), dirPrefix+strconv.Itoa(os.Getppid()), "register.db")
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	unlock, err := lock(target + ".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if info, err := os.Stat(target); err == nil && info.Size() > 0 {
		return target, nil
	}
	began := time.Now()
	stats, err := generate(target)
	if err != nil {
		return "", err
	}
	tb.Logf("benchdb: generated %d agreements, %d clauses into %s in %v",
		stats.Agreements, stats.Clauses, target, time.Since(began).Round(time.Second))
	return target, nil
}

// generate writes the register to a file beside target and renames it into
// place once whole, so no one ever opens half a register.
func generate(target string) (store.BulkStats, error) {
	tmp := target + ".building-" + strconv.Itoa(os.Getpid())
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, tmp, clock)
	if err != nil {
		return store.BulkStats{}, err
	}
	stats, err := st.BulkLoad(ctx, gen.AllAs[store.BulkItem](gen.New(gen.Config{Agreements: Agreements, Seed: Seed})), nil)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	return stats, err
}

// removeStale deletes the registers of earlier runs whose go command has
// ended; each holds some 700 MB.
func removeStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, dir := range dirs {
		pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(dir), dirPrefix))
		if err != nil || pid == os.Getppid() || alive(pid) {
			continue
		}
		os.RemoveAll(dir)
	}
}

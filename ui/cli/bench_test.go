package cli

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"avtal/store/benchdb"
	"avtal/ui/i18n"
)

// BenchmarkImportCenturi imports the largest reference document (Centuri,
// 84 KB, 265 clauses in four documents) end to end, as `avtal import
// FILE --json` does into a new register: read, decode, parse, extract,
// suggest tags, store it all in SQLite and write the result. The time is
// until the result is written; the full-text index then takes the clauses
// in, in the background (search finds them meanwhile), and indexed-ms/op
// is the time until it has. Besides the wall time it reports the processor
// time an import takes on all cores, its index included (cpu-ms/op), which
// other work on the machine changes far less.
func BenchmarkImportCenturi(b *testing.B) {
	path := seedFile(b, "003")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	const clauses = 265
	var cpu, indexed time.Duration
	for b.Loop() {
		b.StopTimer()
		env := &Env{Store: newCLI(b).st, Lang: i18n.EN, Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}
		b.StartTimer()
		c0, t0 := benchdb.CPUTime(), time.Now()
		if code := runOn(context.Background(), env, "import", []string{path, "--json"}); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
		b.StopTimer()
		if err := env.Store.WaitWrites(context.Background()); err != nil {
			b.Fatal(err)
		}
		indexed += time.Since(t0)
		cpu += benchdb.CPUTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(clauses*b.N)/b.Elapsed().Seconds(), "clauses/s")
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
	b.ReportMetric(float64(indexed)/float64(b.N)/float64(time.Millisecond), "indexed-ms/op")
}

// BenchmarkList writes `avtal list` of the register of 10 000 agreements,
// as text and as JSON, and reports when its first line was written besides
// the whole: a pipe (`avtal list | head`) gets its first rows after one
// page.
func BenchmarkList(b *testing.B) {
	st := benchdb.Open(b)
	now := func() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC) }
	for _, args := range [][]string{nil, {"--json"}} {
		b.Run(strings.Join(append([]string{"list"}, args...), " "), func(b *testing.B) {
			var whole, first benchdb.Latencies
			for b.Loop() {
				out := &firstWrite{}
				env := &Env{Store: st, Lang: i18n.EN, Stdout: out, Stderr: io.Discard, Now: now}
				c0, t0 := benchdb.CPUTime(), time.Now()
				if code := runOn(context.Background(), env, "list", args); code != ExitOK {
					b.Fatalf("exit %d", code)
				}
				whole.Add(time.Since(t0), benchdb.CPUTime()-c0)
				first.Add(out.at.Sub(t0), 0)
			}
			whole.Report(b)
			b.ReportMetric(float64(first.Percentile(50))/float64(time.Millisecond), "first-line-p50-ms")
			b.ReportMetric(float64(first.Percentile(95))/float64(time.Millisecond), "first-line-p95-ms")
		})
	}
}

// firstWrite discards what is written and keeps when the first write came.
type firstWrite struct{ at time.Time }

func (w *firstWrite) Write(p []byte) (int, error) {
	if w.at.IsZero() {
		w.at = time.Now()
	}
	return len(p), nil
}

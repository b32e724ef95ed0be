package store_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/store"
	"avtal/store/benchdb"
)

// BenchmarkSearchVsRipgrep is the comparison with what a user would
// otherwise reach for: ripgrep over the same clause text exported to files,
// one per agreement (10 000 files, some 110 MB). Each operation runs the
// search both ways, so both meet the same load:
//
//   - avtal-p50-ms / -p95-ms: the first page of hits (store.Search);
//   - rg-p50-ms / -p95-ms: `rg -i -F WORD DIR` to the end — every match,
//     unranked, which is what rg must do to be complete;
//   - rg-first-p50-ms: rg until it has printed as many lines as a page holds;
//   - x-faster: rg's median over Avtal's (target: 10 or more).
//
// The query with two words and the one without diacritics are left out:
// rg looks for one string, with the letters as typed.
func BenchmarkSearchVsRipgrep(b *testing.B) {
	rg, err := exec.LookPath("rg")
	if err != nil {
		b.Skip("ripgrep (rg) is not installed: apt-get install ripgrep")
	}
	st := benchdb.Open(b)
	dir := exportText(b, st)
	ctx := context.Background()
	for _, q := range searchQueries {
		if strings.Contains(q.query, " ") || q.name == "diacritics" {
			continue
		}
		b.Run(q.name, func(b *testing.B) {
			var ours, all, first benchdb.Latencies
			for b.Loop() {
				ours.Time(func() {
					if _, err := st.Search(ctx, q.query, searchPage, nil); err != nil {
						b.Fatal(err)
					}
				})
				all.Time(func() { runRipgrep(b, rg, q.query, dir, 0) })
				first.Time(func() { runRipgrep(b, rg, q.query, dir, searchPage) })
			}
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(ms(ours.Percentile(50)), "avtal-p50-ms")
			b.ReportMetric(ms(ours.Percentile(95)), "avtal-p95-ms")
			b.ReportMetric(ms(all.Percentile(50)), "rg-p50-ms")
			b.ReportMetric(ms(all.Percentile(95)), "rg-p95-ms")
			b.ReportMetric(ms(first.Percentile(50)), "rg-first-p50-ms")
			b.ReportMetric(float64(all.Percentile(50))/float64(max(1, ours.Percentile(50))), "x-faster")
		})
	}
}

// runRipgrep searches dir for word as rg does from a shell, reading its
// output to the end, or only the first lines when lines > 0.
func runRipgrep(b *testing.B, rg, word, dir string, lines int) {
	cmd := exec.Command(rg, "--ignore-case", "--fixed-strings", "--no-heading", "--", word, dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	if lines == 0 {
		io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("rg %s: %v", word, err) // 1 = nothing found: every query finds something
		}
		return
	}
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 0; n < lines && sc.Scan(); n++ {
	}
	cmd.Process.Kill()
	cmd.Wait()
}

// exportText writes every agreement's current clauses to a file of its
// own, a clause to a line ("number heading: body"), as someone would keep
// their agreements as text files to grep.
func exportText(b *testing.B, st *store.Store) string {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	ids, err := st.IDs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	began := time.Now()
	var size int64
	for _, id := range ids {
		a, err := st.Agreement(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		size += writeClauses(b, filepath.Join(dir, id+".txt"), a)
	}
	b.Logf("exported %d agreements, %d MB of clause text, in %v", len(ids), size>>20, time.Since(began).Round(time.Second))
	return dir
}

func writeClauses(b *testing.B, path string, a *model.Agreement) int64 {
	var sb strings.Builder
	for _, d := range a.Documents {
		for _, c := range d.Clauses {
			fmt.Fprintf(&sb, "%s %s: %s\n", c.Number, c.Heading, strings.ReplaceAll(c.Body, "\n", " "))
		}
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return int64(sb.Len())
}

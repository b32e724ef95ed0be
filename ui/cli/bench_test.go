package cli

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"avtal/ui/i18n"
)

// BenchmarkImportCenturi imports the largest reference document (Centuri,
// 84 KB, 265 clauses in four documents) end to end, as `avtal import
// FILE --json` does into a new register: read, decode, parse, extract,
// suggest tags, and store it all in SQLite with the full-text index kept in
// step by its triggers.
func BenchmarkImportCenturi(b *testing.B) {
	path := seedFile(b, "003")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	const clauses = 265
	for b.Loop() {
		b.StopTimer()
		env := &Env{Store: newCLI(b).st, Lang: i18n.EN, Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}
		b.StartTimer()
		if code := Run(context.Background(), env, "import", []string{path, "--json"}); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(clauses*b.N)/b.Elapsed().Seconds(), "clauses/s")
}

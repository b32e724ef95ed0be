//go:build unix

package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchWords are the words of the generated register, commonest first:
// Swedish and English contract vocabulary drawn with a Zipf law, so
// "avtal" is in nearly every clause and the tail words are rare.
var benchWords = strings.Fields(`avtal och att leverantören kunden ska som för med tjänsten av till den the
supplier customer shall agreement service inom enligt part parterna månader dagar skriftligen ansvar
personuppgifter behandling underbiträde personuppgiftsbiträdesavtal uppsägning uppsägningstid avgift
avgifter faktura betalning tillgänglighet servicenivå kreditering support sekretess information
leverantörens kundens tjänsterna villkor villkoren bilaga ändring ändringar förlängning avtalsperiod
liability notice termination data processor subprocessor within written fee fees price availability
credit confidential party parties month days year renewal period order precedence law court
överlåtelse force majeure vite garanti fel brist åtgärd responstid incident personuppgiftsincident
revision granskning säkerhet kryptering tredjeland överföring standardavtalsklausuler indexering
prisjustering konsult uppdrag leverans godkännande acceptans immateriella rättigheter licens
nyttjanderätt källkod återlämnande radering migrering exit avveckling underleverantör försäkring
marknadsföring referens logotyp meddelande kontaktperson styrgrupp rapport mätning nedtid underhåll
planerat driftstörning backup återställning hosting datacenter region eea sweden norway europe`)

// rareWord is put into one clause in rareEvery, and nowhere else.
const (
	rareWord  = "skiljedomsförfarande"
	rareEvery = 5000
)

// benchRegister builds a store of n clauses, 100 per agreement, with
// bodies of 25 words. Keeping the index in step row by row would take
// minutes for a million clauses, so the rows go in first and the index is
// rebuilt once, as a bulk import would do it.
func benchRegister(b *testing.B, n int) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(7, 11))
	zipf := rand.NewZipf(r, 1.07, 1, uint64(len(benchWords)-1))
	start := time.Now()
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER clauses_ai"); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, "INSERT INTO clauses(document_id, agreement_id, position, number, heading, body) VALUES (?, ?, ?, ?, ?, ?)")
		if err != nil {
			return err
		}
		defer ins.Close()
		var body strings.Builder
		for i := range n {
			if i%100 == 0 {
				id := fmt.Sprintf("a%07d", i/100)
				if _, err := tx.ExecContext(ctx, `INSERT INTO agreements(id, title, kind, status, supplier, sort_key, data, updated_at)
					VALUES (?, ?, 'general_terms', 'active', 'Bench AB', ?, '{}', '')`, id, "Avtal "+id, id); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, "INSERT INTO documents(id, agreement_id, name, position, imported_at) VALUES (?, ?, 'Villkor', 0, '')",
					i/100+1, id); err != nil {
					return err
				}
			}
			body.Reset()
			for w := range 25 {
				if w > 0 {
					body.WriteByte(' ')
				}
				body.WriteString(benchWords[zipf.Uint64()])
			}
			if i%rareEvery == rareEvery/2 {
				body.WriteString(" " + rareWord)
			}
			heading := benchWords[zipf.Uint64()]
			if _, err := ins.ExecContext(ctx, i/100+1, fmt.Sprintf("a%07d", i/100), i%100, fmt.Sprint(i%100+1), heading, body.String()); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO clauses_fts(clauses_fts) VALUES ('rebuild')"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `CREATE TRIGGER clauses_ai AFTER INSERT ON clauses BEGIN
			INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
		END`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d clauses in %v", n, time.Since(start).Round(time.Millisecond))
	return s
}

// BenchmarkSearch measures the first page (20 hits) of a search, and
// reports the 95th percentile and the processor time besides the mean. The million-clause
// register takes minutes to generate and is skipped under -short.
func BenchmarkSearch(b *testing.B) {
	queries := []struct{ name, query string }{
		{"common", "avtal"},       // in nearly every clause: a ranked window, then index order
		{"rare", "skiljedom"},     // a compound part found in one clause in 5 000
		{"prefix", "leveran"},     // leverantören, leverantörens, leverans
		{"compound", "biträde"},   // inside personuppgiftsbiträdesavtal and underbiträde
		{"diacritics", "overlat"}, // överlåtelse typed without its letters
		{"two_words", "uppsägning månader"},
	}
	for _, size := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("clauses=%d", size), func(b *testing.B) {
			if size > 100_000 && testing.Short() {
				b.Skip("a million clauses take minutes to generate; run without -short")
			}
			s := benchRegister(b, size)
			ctx := context.Background()
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					times := make([]time.Duration, 0, b.N)
					hits := 0
					defer reportCPU(b, cpuTime())
					for b.Loop() {
						t0 := time.Now()
						p, err := s.Search(ctx, q.query, 20, nil)
						times = append(times, time.Since(t0))
						if err != nil {
							b.Fatal(err)
						}
						hits = len(p.Hits)
					}
					if hits == 0 {
						b.Fatalf("%q found nothing", q.query)
					}
					reportP95(b, times)
				})
			}
			b.Run("next_page", func(b *testing.B) {
				first, err := s.Search(ctx, "avtal", 20, nil)
				if err != nil {
					b.Fatal(err)
				}
				var times []time.Duration
				defer reportCPU(b, cpuTime())
				for b.Loop() {
					t0 := time.Now()
					if _, err := s.Search(ctx, "avtal", 20, first.Next); err != nil {
						b.Fatal(err)
					}
					times = append(times, time.Since(t0))
				}
				reportP95(b, times)
			})
			b.Run("clause_tree", func(b *testing.B) {
				defer reportCPU(b, cpuTime())
				for b.Loop() {
					if _, err := s.ClauseTree(ctx, "a0000042", false); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// reportP95 adds the 95th percentile of times, in milliseconds.
func reportP95(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*95/100])/float64(time.Millisecond), "p95-ms")
}

// cpuTime is the processor time the process has used. On a shared machine
// wall-clock times swing with the load; the processor time a search costs
// does not, so it is reported too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the processor time per operation since start, in milliseconds.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
}

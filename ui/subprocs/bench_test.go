package subprocs

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// A large register for the benchmarks: 10 000 agreements with 3
// sub-processors each, drawn from 300 firms in 8 countries (one in eight
// without a country), a tenth of the agreements keeping their list at an
// address, and 500 open notices.
const (
	benchAgreements = 10000
	benchSubsEach   = 3
	benchFirms      = 300
	benchNotices    = 500
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchStore writes the large register straight into a new database once
// per test binary and opens it.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := makeTempDir()
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.db")
		benchErr = fillBenchDB(benchPath)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	st, err := store.Open(context.Background(), benchPath, store.WithClock(func() time.Time { return tuitest.Today }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func fillBenchDB(path string) error {
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return tuitest.Today })) // creates the schema
	if err != nil {
		return err
	}
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	countries := []string{"SE", "IE", "DE", "US", "IN", "GB", "NO", ""}
	for i := range benchAgreements {
		a := model.Agreement{ID: fmt.Sprintf("a%05d", i), Title: fmt.Sprintf("Agreement %05d", i), Kind: model.KindDPA,
			Status: model.StatusActive, Supplier: model.Party{Name: fmt.Sprintf("Supplier %03d", i%700)},
			SubPolicy: &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, SilenceAccepts: true, Clause: "8.2"}}
		if i%10 == 0 {
			a.SubPolicy.ListURL, a.SubPolicy.ListChecked = "https://example.test/list", model.MustDate(2025, 1, 15)
		}
		if i%3 == 0 {
			a.SubPolicy.TransferBasis = "EU SCC 2021/914"
		}
		data, _ := json.Marshal(&a)
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreements(id, title, kind, status, supplier, sort_key, data, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-24T00:00:00Z')`, a.ID, a.Title, a.Kind, a.Status, a.Supplier.Name,
			a.Supplier.Name+"\x1f"+a.ID, string(data)); err != nil {
			return err
		}
		for j := range benchSubsEach {
			firm := (i*7 + j*13) % benchFirms
			status := model.SubApproved
			switch {
			case (i+j)%97 == 0:
				status = model.SubRemoved
			case (i+j)%50 == 0:
				status = model.SubProposed
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO subprocessors(agreement_id, position, name, country, purpose, status)
				VALUES (?, ?, ?, ?, 'hosting', ?)`, a.ID, j, fmt.Sprintf("Firm %03d AB", firm), countries[firm%len(countries)], status); err != nil {
				return err
			}
		}
	}
	for i := range benchNotices {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sub_notices(agreement_id, received, change, name, country, recorded_at, recorded_by)
			VALUES (?, '2026-11-20', 'add', ?, 'US', '2026-11-24T00:00:00Z', 'bench')`, fmt.Sprintf("a%05d", i*17), fmt.Sprintf("New Firm %d Inc", i)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// makeTempDir is a folder that outlives one benchmark, so the large
// register is written once; TestMain removes it.
func makeTempDir() (string, error) { return os.MkdirTemp("", "avtal-bench-") }

// TestMain removes the benchmarks' register when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

// benchKeys measures Update and View for the keys, pressed in turn. Besides
// wall time it reports the process's CPU time per key (cpu-ns/op), which a
// busy machine does not inflate.
func benchKeys(b *testing.B, p *pane, keys ...string) {
	msgs := make([]tea.KeyMsg, len(keys))
	for i, k := range keys {
		msgs[i] = keyMsg(k)
	}
	b.ReportAllocs()
	start := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.m.Update(msgs[i%len(msgs)])
		_ = p.m.View()
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPaneKey is the cost of one key, Update and View together, in
// each view of the pane over the large register (target: under 2 ms).
func BenchmarkPaneKey(b *testing.B) {
	for _, size := range [][2]int{{80, 21}, {160, 42}} {
		b.Run(fmt.Sprintf("portfolio_move_%dx%d", size[0], size[1]), func(b *testing.B) {
			p := openPane(b, benchStore(b), i18n.EN, false, size[0], size[1])
			p.keys("p")
			for range 40 { // look at the top groups once, so their agreements are loaded
				p.keys("j")
			}
			p.keys("g")
			benchKeys(b, p, "j", "j", "j", "k", "k", "k")
		})
		b.Run(fmt.Sprintf("portfolio_filter_%dx%d", size[0], size[1]), func(b *testing.B) {
			p := openPane(b, benchStore(b), i18n.EN, false, size[0], size[1])
			p.keys("p")
			benchKeys(b, p, "r", "t")
		})
		b.Run(fmt.Sprintf("overview_move_%dx%d", size[0], size[1]), func(b *testing.B) {
			p := openPane(b, benchStore(b), i18n.EN, false, size[0], size[1])
			benchKeys(b, p, "j", "j", "j", "k", "k", "k", "G", "g")
		})
		b.Run(fmt.Sprintf("register_move_%dx%d", size[0], size[1]), func(b *testing.B) {
			p := openPane(b, benchStore(b), i18n.EN, false, size[0], size[1])
			p.scope("a00017", "Agreement 00017")
			benchKeys(b, p, "j", "j", "k", "k")
		})
	}
}

// BenchmarkLoad is the cost of the store reads behind each view; they run
// in commands, off the key loop.
func BenchmarkLoad(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	b.Run("portfolio_tallies", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if msg := loadPortfolio(context.Background(), st, 1)().(portfolioMsg); msg.err != nil {
				b.Fatal(msg.err)
			}
		}
	})
	b.Run("portfolio_arrive", func(b *testing.B) { // summing the tallies into groups when they arrive
		p := openPane(b, st, i18n.EN, false, 80, 21)
		p.keys("p")
		msg := loadPortfolio(context.Background(), st, p.m.seq)().(portfolioMsg)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			p.m.gotPortfolio(msg)
		}
	})
	b.Run("overview", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if msg := loadOverview(context.Background(), st, 1, model.DateOf(today))().(overviewMsg); msg.err != nil {
				b.Fatal(msg.err)
			}
		}
	})
	b.Run("uses_page", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := st.SubUses(ctx, store.UseQuery{Names: []string{"Firm 007 AB"}}, store.UseKey{}, usesPage); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("register", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if msg := loadRegister(context.Background(), st, 1, "a00017")().(registerMsg); msg.err != nil {
				b.Fatal(msg.err)
			}
		}
	})
}

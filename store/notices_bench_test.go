package store

import (
	"context"
	"fmt"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

// BenchmarkApplyList records a supplier's list of n new sub-processors as
// notices, as `avtal subprocessors import --apply` does, into a register
// that already holds n: the rate must stay ≥ 10 000 rows/s however long
// the list (it was quadratic: 2 000 rows took 10 s, 8 000 took 167 s).
func BenchmarkApplyList(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				b.StopTimer()
				s := openTemp(b)
				a := sampleAgreement("centuri-saas", "Centuri AB")
				a.Subs = nil
				for i := range n {
					a.Subs = append(a.Subs, model.SubProcessor{Name: fmt.Sprintf("Befintlig %d AB", i), Country: "SE", Status: model.SubApproved})
				}
				if err := s.PutAgreement(ctx, a, false); err != nil {
					b.Fatal(err)
				}
				notices := make([]subproc.Notice, n)
				for i := range notices {
					notices[i] = subproc.Notice{Received: model.MustDate(2026, 12, 1), Change: subproc.ChangeAdd,
						Sub: model.SubProcessor{Name: fmt.Sprintf("Ny leverantör %d AB", i), Country: "SE", Purpose: "drift"}}
				}
				b.StartTimer()
				if _, err := s.RecordNotices(ctx, "centuri-saas", notices); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

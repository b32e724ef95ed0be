package deadlines

import (
	"context"
	"fmt"
	"testing"
	"time"

	"avtal/model"
)

// register generates n agreements shaped like real ones: 12–48 month terms
// that renew yearly with 1–6 months' notice, signed over ten years, each
// with an indexation, a price-increase notice, a credit-claim window and a
// data-return deadline; one in ten runs until further notice.
func register(n int) []*model.Agreement {
	as := make([]*model.Agreement, n)
	for i := range as {
		signed := model.MustDate(2016+i%10, time.Month(1+i%12), 1+i%28)
		a := &model.Agreement{
			ID:     fmt.Sprintf("agreement-%05d", i),
			Signed: signed,
			Start:  signed.AddMonths(i % 3),
			Term: model.Term{
				Initial: model.Period{N: 12 * (1 + i%4), Unit: model.Months},
				Renewal: model.Period{N: 12, Unit: model.Months},
				Notice:  model.Period{N: 1 + i%6, Unit: model.Months},
				Clause:  "3",
			},
			Rules: []model.Rule{
				{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "01-01", LateFrom: "07-01", Clause: "7.5"},
				{Kind: model.DLPriceNotice, Anchor: model.AnchorCancelBy, Offset: model.Period{N: 1, Unit: model.Months}, Before: true, Clause: "7.6"},
				{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 4, Unit: model.Weeks}, Clause: "9"},
				{Kind: model.DLDataReturn, Anchor: model.AnchorPeriodEnd, Offset: model.Period{N: 30, Unit: model.Days}, Clause: "12"},
			},
		}
		if i%10 == 9 {
			a.Term = model.Term{Indefinite: true, Notice: model.Period{N: 3, Unit: model.Months}}
		}
		as[i] = a
	}
	return as
}

// BenchmarkDeadlines10k computes every deadline of 10 000 agreements over a
// five-year horizon, the size the calendar pane and `avtal deadlines` must
// handle; the budget is 200 ms per iteration on 2 cores (one computes, the
// other collects garbage).
func BenchmarkDeadlines10k(b *testing.B) {
	as := register(10000)
	from, to := day("2026-01-01"), day("2030-12-31")
	var n int
	b.ReportAllocs()
	for b.Loop() {
		ds, _ := All(context.Background(), as, nil, from, to, model.English)
		n = len(ds)
	}
	b.ReportMetric(float64(n), "deadlines")
}

// BenchmarkAppend is the same work on one core, reusing one slice.
func BenchmarkAppend(b *testing.B) {
	as := register(10000)
	from, to := day("2026-01-01"), day("2030-12-31")
	var ds []model.Deadline
	b.ReportAllocs()
	for b.Loop() {
		ds = ds[:0]
		for _, a := range as {
			ds = Append(ds, a, Record{}, from, to, model.English)
		}
	}
}

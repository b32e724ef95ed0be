package slacredit

import "avtal/model"

// HistoryMonths is how many months History covers.
const HistoryMonths = 12

// History returns the reports of the 12 months ending with last, oldest
// first, for the uptime-per-month chart.
func History(terms model.SLATerms, last Month, fee model.Amount, incidents []model.Incident) ([]Report, error) {
	out := make([]Report, 0, HistoryMonths)
	for k := HistoryMonths - 1; k >= 0; k-- {
		r, err := Credit(terms, last.Add(-k), fee, incidents)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

package deadlines

import "avtal/model"

// samples are the invented sample values (model.Agreement.Sample) each
// kind of deadline rests on, worked out once per agreement; all empty for
// an agreement with none, so a real register pays nothing for them.
type samples struct {
	date, start, end, rules, policy []string
	// period is indexed by whether the rule is the agreement's own and
	// whether the period is a renewal.
	period [2][2][]string
}

func samplesOf(a *model.Agreement) samples {
	if len(a.Sample) == 0 {
		return samples{}
	}
	date := dateField(a)
	start := date
	if !a.Start.IsZero() {
		start = "start"
	}
	const rules = "rules"
	s := samples{
		date:   a.SampleOf(date, rules),
		start:  a.SampleOf(start, rules),
		end:    a.SampleOf(start, "term.initial", "term.renewal", "term.notice", rules),
		rules:  a.SampleOf(rules),
		policy: a.SampleOf("subprocessor_policy.advance_notice", "subprocessor_policy.objection_window"),
	}
	s.period[0][0] = a.SampleOf(start, "term.initial", "term.notice")
	s.period[0][1] = a.SampleOf(start, "term.initial", "term.renewal", "term.notice")
	s.period[1][0] = a.SampleOf(start, "term.initial", "term.notice", rules)
	s.period[1][1] = a.SampleOf(start, "term.initial", "term.renewal", "term.notice", rules)
	return s
}

// ofPeriod is what a deadline of a term period rests on: the start, the
// term, the renewal for a renewal period, and the rule when it is the
// agreement's own.
func (s *samples) ofPeriod(own, renewal bool) []string {
	i, j := 0, 0
	if own {
		i = 1
	}
	if renewal {
		j = 1
	}
	return s.period[i][j]
}

// dateField names the field the agreement date comes from: signed, else
// effective, else start (agreementDate).
func dateField(a *model.Agreement) string {
	switch {
	case !a.Signed.IsZero():
		return "signed"
	case !a.Effective.IsZero():
		return "effective"
	}
	return "start"
}

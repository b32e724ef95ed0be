package deadlines

import (
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

// TestNoticeObjections checks that every open notice is its own objection
// deadline, computed from the agreement's policy as `avtal notice`
// computes it, and that a rule counting a policy period from the notice
// gives nothing of its own (it used to say "notice + 4 weeks").
func TestNoticeObjections(t *testing.T) {
	// Pureservice 8.6.3: at least 4 weeks' notice, no objection window, so
	// object before the change takes effect.
	pureservice := &model.SubPolicy{AdvanceNotice: model.Period{N: 4, Unit: model.Weeks}, Clause: "8.6.3"}
	// SuperOffice 3.7: 1 month to object; Centuri DPA 8.2: 14 days.
	superoffice := &model.SubPolicy{AdvanceNotice: model.Period{N: 4, Unit: model.Months}, ObjectionWindow: model.Period{N: 1, Unit: model.Months}, Clause: "3.7"}
	centuri := &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, Clause: "DPA 8.2"}
	add := func(name, received, effective string) subproc.Notice {
		n := subproc.Notice{Received: day(received), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: name, Country: "SE"}}
		if effective != "" {
			n.Effective = day(effective)
		}
		return n
	}
	tests := []struct {
		name    string
		policy  *model.SubPolicy
		notices []subproc.Notice
		want    []string // kind date act-by clause subject
		first   string   // the start of the first deadline's explanation
	}{
		// Effective 2027-04-02 (Fri): object the day before, Thu 2027-04-01,
		// a working day (Easter 2027 is 28 March, annandag påsk 29 March).
		// Without an effective date the change takes effect at the earliest
		// 2027-03-19 + 4 × 7 days = 2027-04-16 (Fri), so object by Thu
		// 2027-04-15. Two notices on one day stay two deadlines.
		{"Pureservice, two notices on one day", pureservice,
			[]subproc.Notice{add("X", "2027-03-19", "2027-04-02"), add("Y", "2027-03-19", "")},
			[]string{"subprocessor_objection 2027-04-01 2027-04-01 8.6.3 X", "subprocessor_objection 2027-04-15 2027-04-15 8.6.3 Y"},
			"No objection window is stated, so object before the change takes effect on 2027-04-02: by 2027-04-01."},
		// 2026-12-01 + 1 month = 2027-01-01 nyårsdagen; 12-31 is nyårsafton,
		// so act by Wed 2026-12-30.
		{"SuperOffice window", superoffice, []subproc.Notice{add("A", "2026-12-01", "")},
			[]string{"subprocessor_objection 2027-01-01 2026-12-30 3.7 A"},
			"Objection within 1 month of receipt: 2026-12-01 + 1 month = 2027-01-01"},
		// 2026-12-01 + 14 days = 2026-12-15, a Tuesday; the same day for two
		// sub-processors is still two deadlines.
		{"Centuri window", centuri, []subproc.Notice{add("B", "2026-12-01", ""), add("A", "2026-12-01", "")},
			[]string{"subprocessor_objection 2026-12-15 2026-12-15 DPA 8.2 A", "subprocessor_objection 2026-12-15 2026-12-15 DPA 8.2 B"},
			"Objection within 14 days of receipt: 2026-12-01 + 14 days = 2026-12-15."},
		// No policy: no window and no effective date, so no deadline.
		{"no policy", nil, []subproc.Notice{add("C", "2026-12-01", "")}, nil, ""},
	}
	for _, tt := range tests {
		a := &model.Agreement{ID: "a", Rules: []model.Rule{
			{Kind: model.DLObjection, Anchor: model.EventAnchor("notice_received"), Offset: model.Period{N: 4, Unit: model.Weeks}, Clause: "old"}}}
		rec := Record{Notices: tt.notices, Policy: tt.policy}
		for _, n := range tt.notices {
			rec.Events = append(rec.Events, Event{Name: "notice_received", Date: n.Received, Ref: n.Sub.Name})
		}
		got := Compute(a, rec, day("2026-11-01"), day("2027-12-31"), model.English)
		var lines []string
		for _, d := range got {
			lines = append(lines, line(d)+" "+d.Subject)
		}
		if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			continue
		}
		if len(got) > 0 && !strings.HasPrefix(got[0].Explanation, tt.first) {
			t.Errorf("%s: explanation %q, want it to begin %q", tt.name, got[0].Explanation, tt.first)
		}
	}
}

// TestDoneNoticeObjection checks that a done mark on one notice's deadline
// leaves the other notice of the same day open.
func TestDoneNoticeObjection(t *testing.T) {
	policy := &model.SubPolicy{ObjectionWindow: model.Period{N: 14, Unit: model.Days}, Clause: "8.2"}
	rec := Record{Policy: policy, Notices: []subproc.Notice{
		{Received: day("2026-12-01"), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "A"}},
		{Received: day("2026-12-01"), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "B"}},
	}}
	rec.Done = map[string]bool{"a/subprocessor_objection/2026-12-15/8.2/A": true}
	got := Compute(&model.Agreement{ID: "a"}, rec, day("2026-12-01"), day("2026-12-31"), model.English)
	if len(got) != 2 || !got[0].Done || got[1].Done {
		t.Errorf("got %s, want A done and B open", lines(got))
	}
}

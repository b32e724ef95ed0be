package deadlines

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

// TestCodedWordsAsEachLanguage checks that the coded form, worded, is what
// each language's computation says, for every kind of sentence: periods
// and renewals, yearly dates, an event with a reference, the end of an
// agreement given notice, a date set by hand, an objection, days moved
// off holidays and weekends, a period in an unusual unit, and a title and
// a reference holding the coded form's mark byte.
func TestCodedWordsAsEachLanguage(t *testing.T) {
	as := register(60)
	odd := &model.Agreement{
		ID: "odd", Signed: day("2024-02-15"), Start: day("2024-04-01"),
		Term: model.Term{Initial: model.Period{N: 36, Unit: model.Months}, Renewal: model.Period{N: 1, Unit: model.Years},
			Notice: model.Period{N: 200, Unit: model.Days}, Clause: "3"},
		Rules: []model.Rule{
			{Kind: model.DLIndexation, Anchor: model.AnchorYearly, On: "12-31", LateFrom: "02-01", Clause: "7"},
			{Kind: model.DLCustom, Anchor: model.AnchorDate, On: "2026-12-26", Title: "Ring \xff leverantören", Clause: "8"},
			{Kind: model.DLCreditClaim, Anchor: model.EventAnchor("downtime"), Offset: model.Period{N: 10, Unit: model.WorkDays}, Clause: "9"},
			{Kind: model.DLDataReturn, Anchor: model.AnchorEnd, Offset: model.Period{N: 3, Unit: model.Hours}, Clause: "12"},
			{Kind: model.DLWarrantyEnd, Anchor: model.AnchorStart, Offset: model.Period{N: 1, Unit: model.Weeks}, Clause: "13"},
			{Kind: model.DLClaims, Anchor: model.AnchorAgreementDate, Offset: model.Period{N: 3, Unit: model.Years}, Clause: "14"},
		},
	}
	rec := Record{
		Events: []Event{
			{Name: "downtime", Date: day("2026-06-18"), Ref: "INC \xff 7"},
			{Name: EventTermination, Date: day("2026-09-01")},
		},
		Policy:  &model.SubPolicy{ObjectionWindow: model.Period{N: 1, Unit: model.Months}, Clause: "DPA 3"},
		Notices: []subproc.Notice{{Received: day("2026-12-01"), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "Moln AB", Country: "SE"}}},
	}
	from, to := day("2025-01-01"), day("2031-12-31")
	check := func(a *model.Agreement, rec Record) {
		t.Helper()
		cs := Compute(a, rec, from, to, Coded)
		for _, lang := range []model.Lang{model.English, model.Swedish} {
			want := Compute(a, rec, from, to, lang)
			if len(cs) != len(want) {
				t.Fatalf("%s: %d coded deadlines, %d in lang %d", a.ID, len(cs), len(want), lang)
			}
			for i, c := range cs {
				if !c.Coded {
					t.Fatalf("%s: deadline %d computed in the coded form is not marked so", a.ID, i)
				}
				title := WordedTitle(&c, lang)
				if err := Word(&c, lang); err != nil {
					t.Fatalf("%s: deadline %d's words cannot be read back: %v", a.ID, i, err)
				}
				if title != c.Title {
					t.Errorf("%s: deadline %d's title worded alone is %q, with the rest %q", a.ID, i, title, c.Title)
				}
				if again := c; Word(&again, model.Swedish) != nil || !reflect.DeepEqual(again, c) {
					t.Fatalf("%s: deadline %d worded twice changed", a.ID, i)
				}
				if !reflect.DeepEqual(c, want[i]) {
					t.Errorf("%s lang %d: worded\n%+v\nwant\n%+v", a.ID, lang, c, want[i])
				}
			}
		}
	}
	for _, a := range as {
		check(a, Record{Events: []Event{{Name: "downtime", Date: day("2027-12-24")}}})
	}
	check(odd, rec)
}

// TestWordRefusesDamagedText checks that a coded text cut short or holding
// an unknown code is refused, not worded into something else, and the
// deadline left as it was.
func TestWordRefusesDamagedText(t *testing.T) {
	for _, s := range []string{"ends \xff", "\xff\x01", "\xff\x01\x05", "\xff\x02\x05ab", "\xff\xee"} {
		var b strings.Builder
		if WriteWorded(&b, s, model.English) {
			t.Errorf("WriteWorded(%q) wrote %q, want it refused", s, b.String())
		}
		d := model.Deadline{Title: "Deadline", Explanation: s, Coded: true}
		if err := Word(&d, model.English); !errors.Is(err, ErrDamaged) || d.Explanation != s || !d.Coded {
			t.Errorf("Word(%q) = %v, left %+v; want ErrDamaged and the deadline as it was", s, err, d)
		}
	}
}

// BenchmarkWriteWorded words the explanations of 10 000 agreements over
// five years, as reading the kept deadlines does.
func BenchmarkWriteWorded(b *testing.B) {
	var texts []string
	for _, a := range register(10000) {
		for _, d := range Compute(a, Record{}, day("2026-01-01"), day("2030-12-31"), Coded) {
			texts = append(texts, d.Explanation)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		var w strings.Builder
		w.Grow(1 << 20)
		for _, s := range texts {
			if w.Len() > 1<<20-512 {
				w = strings.Builder{}
				w.Grow(1 << 20)
			}
			WriteWorded(&w, s, model.Swedish)
		}
	}
	b.ReportMetric(float64(len(texts)), "texts")
}

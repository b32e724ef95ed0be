package calendar

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/ui/tuitest"
)

// TestPatchEqualsReadingEverything: after each write to one agreement,
// the dataset with that agreement's deadlines read again is the dataset
// read whole, in the same order: writes that add deadlines, take them
// away, add an agreement first and last in the list, and move an
// agreement in the list.
func TestPatchEqualsReadingEverything(t *testing.T) {
	ctx := context.Background()
	st := tuitest.SampleStore(t)
	today := model.DateOf(tuitest.Today)
	from, to := horizon(today, today)
	key := loadKey{"", today, from, to, model.Swedish, false}
	d, err := compute(ctx, st, key)
	if err != nil {
		t.Fatal(err)
	}
	copyOf := func(id, newID, title string) error {
		a, err := st.Agreement(ctx, id)
		if err != nil {
			return err
		}
		a.ID, a.Title, a.Supplier.Name, a.Documents, a.Subs = newID, title, title, nil, nil
		return st.PutAgreement(ctx, a, false)
	}
	writes := []struct {
		id    string
		write func() error
	}{
		{"centuri-saas", func() error {
			_, err := st.RecordEvent(ctx, "centuri-saas", deadlines.Event{Name: deadlines.EventTermination, Date: today.AddDays(-20)})
			return err
		}},
		{"pureservice", func() error {
			_, err := st.RecordEvent(ctx, "pureservice", deadlines.Event{Name: "downtime", Date: today.AddDays(3)})
			return err
		}},
		{"aaa-first", func() error { return copyOf("centuri-saas", "aaa-first", "AAA Först AB") }},
		{"zzz-last", func() error { return copyOf("pureservice", "zzz-last", "Öst Sist AB") }},
		{"centuri-saas", func() error {
			_, err := st.SetFields(ctx, "centuri-saas", []string{"supplier.name=Mitt i listan AB", "title=Mitt i listan"})
			return err
		}},
		{"aaa-first", func() error {
			_, err := st.SetFields(ctx, "aaa-first", []string{"term.notice=1 months"})
			return err
		}},
	}
	for i, w := range writes {
		if err := w.write(); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		p, err := patched(ctx, st, d, w.id)
		if err != nil {
			t.Fatal(err)
		}
		full, err := compute(ctx, st, key)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			what      string
			got, want any
		}{
			{"deadlines", p.all, full.all}, {"order", p.order, full.order}, {"days", p.dayStart, full.dayStart},
			{"titles", p.titles, full.titles}, {"events", p.events, full.events}, {"sort keys", p.sortKeys, full.sortKeys},
			{"attention", p.attention, full.attention}, {"decisions", p.decisions, full.decisions},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Fatalf("write %d (%s): the patched %s differ from reading everything:\n%s", i, w.id, c.what, diffHead(c.got, c.want))
			}
		}
		d = p
	}
}

func diffHead(got, want any) string {
	g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want)
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			lo := max(0, i-200)
			return "got  …" + g[lo:min(len(g), i+200)] + "\nwant …" + w[lo:min(len(w), i+200)]
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(g), len(w))
}

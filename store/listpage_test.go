package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/gen"
)

// The list's pages hold what the whole agreements hold, read the quick way:
// the same order, columns, framework, termination and engine facts but the
// rules as Page's whole agreements, across page boundaries.
func TestListPagesAgreeWithPage(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: 40, Seed: 7}).All() {
		list = append(list, it.Agreement)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	terminated := list[5].ID
	if _, err := s.RecordEvent(ctx, terminated, deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 3, 2)}); err != nil {
		t.Fatal(err)
	}

	var want []Listed
	for after := ""; ; {
		page, err := s.Page(ctx, after, 9, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			a := r.Agreement
			want = append(want, Listed{Agreement: model.Agreement{ID: a.ID, Title: a.Title, Kind: a.Kind, Status: a.Status,
				Supplier: model.Party{Name: a.Supplier.Name}, Signed: a.Signed, Effective: a.Effective, Start: a.Start,
				Term: a.Term, Sample: a.Sample}, Parent: a.Parent(), SortKey: r.SortKey, Terminated: r.Terminated})
		}
		after = page[len(page)-1].SortKey
	}

	var got []Listed
	pages := 0
	err := s.ListPages(ctx, 7, func(page []Listed) error {
		pages++
		got = append(got, page...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 6 {
		t.Errorf("%d pages of 7 for 40 agreements, want 6", pages)
	}
	if len(got) != len(want) {
		t.Fatalf("%d agreements listed, want %d", len(got), len(want))
	}
	parents, ended := 0, 0
	for i := range want {
		w, g := want[i], got[i]
		if !reflect.DeepEqual(g, w) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, g, w)
		}
		if w.Parent != "" {
			parents++
		}
		if !w.Terminated.IsZero() {
			ended++
		}
	}
	if parents == 0 || ended != 1 {
		t.Errorf("the register has %d call-offs and %d terminated agreements; the test wants some and one", parents, ended)
	}
}

// A page handler that fails stops the reading, and its error is returned.
func TestListPagesStopsAtAnError(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		if err := s.PutAgreement(ctx, sampleAgreement(id, "Leverantör "+id), false); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	calls := 0
	err := s.ListPages(ctx, 2, func([]Listed) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("ListPages = %v after %d calls, want the handler's error after one", err, calls)
	}
}

// Whatever the page size, the list read in pages (in two halves at once
// when it is long enough) is the list read in one page: every agreement
// once, in order.
func TestListPagesOfEverySize(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: 23, Seed: 3}).All() {
		list = append(list, it.Agreement)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	whole, err := s.ListPage(ctx, "", 100)
	if err != nil || len(whole) != 23 {
		t.Fatalf("ListPage: %d agreements, %v", len(whole), err)
	}
	for size := 1; size <= 24; size++ {
		var got []Listed
		err := s.ListPages(ctx, size, func(page []Listed) error {
			if len(page) > size {
				t.Errorf("size %d: a page of %d", size, len(page))
			}
			got = append(got, page...)
			return nil
		})
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if !reflect.DeepEqual(got, whole) {
			t.Errorf("size %d: %d agreements listed, not the %d of one page in order", size, len(got), len(whole))
		}
	}
}

// Facts damaged in the file so that they are not JSON can still be
// written (the list index holds them as they are), and the list reports
// them rather than showing the agreement without its dates.
func TestListOfFactsThatAreNotJSON(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, sampleAgreement("alfa", "Alfa AB"))
	if _, err := s.write.ExecContext(ctx, `UPDATE agreements SET facts = '{"id": "alfa", "term": ' WHERE id = 'alfa'`); err != nil {
		t.Fatalf("damaging the facts by hand: %v", err)
	}
	if _, err := s.ListPage(ctx, "", 10); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("ListPage of damaged facts: %v, want them reported", err)
	}
	err := s.ListPages(ctx, 10, func([]Listed) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("ListPages of damaged facts: %v, want them reported", err)
	}
}

package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/gen"
)

// sortedIDs is the register's list in order o as a sort of the whole list
// in memory gives it on day: by the column's value, equal values in the
// register's own order.
func sortedIDs(t *testing.T, s *Store, o ListOrder, day model.Date) []string {
	t.Helper()
	rows, err := s.Page(context.Background(), "", 100000, false)
	if err != nil {
		t.Fatal(err)
	}
	value := func(r *Row) string {
		a := &r.Agreement
		ld := deadlines.ListDatesOn(a, r.Terminated, day)
		switch o.By {
		case BySupplier:
			return FoldText(a.Supplier.Name)
		case ByTitle:
			return FoldText(a.Title)
		case ByStatus:
			return string(rune('A' + slices.Index(o.Statuses, a.Status)))
		case ByEnd:
			return dateValue(ld.End)
		case ByCancelBy:
			return dateValue(ld.CancelBy)
		}
		return ""
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return cmp.Compare(value(&a), value(&b)) })
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.Agreement.ID
	}
	return ids
}

func rowIDs(rows []Row) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.Agreement.ID
	}
	return ids
}

// putRegister writes a generated register with frameworks, call-offs and
// a termination.
func putRegister(t *testing.T, s *Store, n int) []*model.Agreement {
	t.Helper()
	ctx := context.Background()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: n, Seed: 11}).All() {
		list = append(list, it.Agreement)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordEvent(ctx, list[3].ID, deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 3, 2)}); err != nil {
		t.Fatal(err)
	}
	return list
}

var everyOrder = []ListOrder{
	{By: OwnOrder}, {By: BySupplier}, {By: ByTitle}, {By: ByEnd}, {By: ByCancelBy},
	// Not the statuses' own order, as a session's language may give.
	{By: ByStatus, Statuses: []model.Status{model.StatusTerminated, model.StatusDraft, model.StatusExpired, model.StatusActive}},
}

// Every order read a page at a time, forward from the top, backward from
// the bottom, and by the command line's reader, is the whole list sorted.
func TestPageByIsTheWholeListSorted(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putRegister(t, s, 60)
	for _, o := range everyOrder {
		if o.By == ByStatus && len(o.Statuses) != len(model.Statuses) {
			t.Fatalf("the test's statuses %v are not every status %v", o.Statuses, model.Statuses)
		}
		want := sortedIDs(t, s, o, model.MustDate(2026, 11, 24))

		var forward []string
		for at := (ListCursor{}); ; {
			page, err := s.PageBy(ctx, o, at, 7, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			forward = append(forward, rowIDs(page)...)
			at = page[len(page)-1].Cursor()
		}
		if !slices.Equal(forward, want) {
			t.Errorf("order %d forward:\n got %v\nwant %v", o.By, forward, want)
		}

		var backward []string
		for at := ListBottom; ; {
			page, err := s.PageBy(ctx, o, at, 7, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			backward = append(rowIDs(page), backward...)
			at = page[0].Cursor()
		}
		if !slices.Equal(backward, want) {
			t.Errorf("order %d backward:\n got %v\nwant %v", o.By, backward, want)
		}

		var listed []string
		err := s.ListPagesBy(ctx, o, 9, func(page []Listed) error {
			for _, l := range page {
				listed = append(listed, l.Agreement.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(listed, want) {
			t.Errorf("order %d listed:\n got %v\nwant %v", o.By, listed, want)
		}

		// A filter's matches in the order: the sorted list without the rest.
		terms := [][]string{{"ab"}}
		own, err := s.Matching(ctx, terms, 1000)
		if err != nil {
			t.Fatal(err)
		}
		matched := map[string]bool{}
		for _, r := range own {
			matched[r.Agreement.ID] = true
		}
		var wantMatches []string
		for _, id := range want {
			if matched[id] {
				wantMatches = append(wantMatches, id)
			}
		}
		got, err := s.MatchingBy(ctx, o, terms, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(wantMatches) < 10 || len(wantMatches) == len(want) || !slices.Equal(rowIDs(got), wantMatches) {
			t.Errorf("order %d, matches of %v:\n got %v\nwant %v", o.By, terms, rowIDs(got), wantMatches)
		}

		// Around an agreement: the rows before it and after it, and where
		// the first is in the list.
		for _, at := range []int{0, 4, 30, len(want) - 1} {
			rows, base, err := s.PageAround(ctx, o, want[at], 5, 12)
			if err != nil {
				t.Fatal(err)
			}
			from := max(0, at-5)
			if base != from || !slices.Equal(rowIDs(rows), want[from:min(len(want), from+12)]) {
				t.Errorf("order %d around %s (at %d): base %d, rows %v; want base %d, %v", o.By, want[at], at, base, rowIDs(rows), from, want[from:min(len(want), from+12)])
			}
		}
	}
}

// An agreement that is not there gives the list's first page.
func TestPageAroundAGoneAgreement(t *testing.T) {
	s := openTemp(t)
	putRegister(t, s, 10)
	rows, base, err := s.PageAround(context.Background(), ListOrder{By: ByTitle}, "no-such", 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	if want := sortedIDs(t, s, ListOrder{By: ByTitle}, model.MustDate(2026, 11, 24))[:4]; base != 0 || !slices.Equal(rowIDs(rows), want) {
		t.Errorf("base %d, rows %v; want 0, %v", base, rowIDs(rows), want)
	}
}

// The kept sort values follow writes in the same transaction, and the
// dates follow the days: once a cancel-by has passed, a sort by it reads
// the next one.
func TestListOrderFollowsWritesAndDays(t *testing.T) {
	s, clock := openOnClock(t, time.Date(2026, time.June, 1, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	// Both start 2024-04-01 for 36 months with a year's renewal: with six
	// months' notice the cancel-by is 2026-09-30, with one 2027-02-28.
	six, one := sampleAgreement("six", "Zeta AB"), sampleAgreement("one", "alfa AB")
	one.Term.Notice = model.Period{N: 1, Unit: model.Months}
	if err := s.PutAgreements(ctx, []*model.Agreement{six, one}, false); err != nil {
		t.Fatal(err)
	}
	read := func(o ListOrder) string {
		t.Helper()
		rows, err := s.PageBy(ctx, o, ListCursor{}, 10, false)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.Agreement.ID+" "+r.Sorted)
		}
		return strings.Join(out, ", ")
	}
	if got, want := read(ListOrder{By: ByCancelBy}), "six 2026-09-30, one 2027-02-28"; got != want {
		t.Errorf("on 2026-06-01: %s, want %s", got, want)
	}
	if got, want := read(ListOrder{By: BySupplier}), "one alfa ab, six zeta ab"; got != want {
		t.Errorf("by supplier: %s, want %s", got, want)
	}
	// After 2026-09-30 six's next cancel-by is renewal 1's, 2027-09-30.
	clock.set(time.Date(2026, time.October, 1, 9, 0, 0, 0, time.UTC))
	if got, want := read(ListOrder{By: ByCancelBy}), "one 2027-02-28, six 2027-09-30"; got != want {
		t.Errorf("on 2026-10-01: %s, want %s", got, want)
	}
	// Notice given on one: it ends 2027-03-31 and has no cancel-by.
	if _, err := s.RecordEvent(ctx, "one", deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 10, 1)}); err != nil {
		t.Fatal(err)
	}
	if got, want := read(ListOrder{By: ByCancelBy}), "six 2027-09-30, one ~"; got != want {
		t.Errorf("after notice: %s, want %s", got, want)
	}
	one.Supplier.Name = "Ödla AB"
	if err := s.PutAgreement(ctx, one, true); err != nil {
		t.Fatal(err)
	}
	if got, want := read(ListOrder{By: BySupplier}), "one odla ab, six zeta ab"; got != want {
		t.Errorf("after an edit: %s, want %s", got, want)
	}
}

package slacredit

import (
	"fmt"
	"testing"
	"time"
)

// hours builds intervals from [lo, hi) hour pairs.
func hours(pairs ...[2]int) []interval {
	out := make([]interval, len(pairs))
	for i, p := range pairs {
		out[i] = interval{time.Duration(p[0]) * time.Hour, time.Duration(p[1]) * time.Hour}
	}
	return out
}

// show writes intervals as hour pairs, "[1-3 5-6]".
func show(ivs []interval) string {
	s := "["
	for i, iv := range ivs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%d-%d", int(iv.lo.Hours()), int(iv.hi.Hours()))
	}
	return s + "]"
}

func TestIntervalSetOperations(t *testing.T) {
	tests := []struct {
		name string
		got  []interval
		want string
	}{
		{"merge joins overlapping and touching, in any order", merge(hours([2]int{5, 6}, [2]int{1, 3}, [2]int{2, 4}, [2]int{4, 5}, [2]int{8, 9})), "[1-6 8-9]"},
		{"merge keeps a nested interval inside", merge(hours([2]int{1, 9}, [2]int{2, 3})), "[1-9]"},
		{"intersect", intersect(hours([2]int{1, 4}, [2]int{6, 10}), hours([2]int{2, 3}, [2]int{3, 7}, [2]int{9, 12})), "[2-3 3-4 6-7 9-10]"},
		{"subtract cuts holes and ends", subtract(hours([2]int{1, 10}, [2]int{12, 14}), hours([2]int{0, 2}, [2]int{4, 5}, [2]int{9, 13})), "[2-4 5-9 13-14]"},
		{"subtract everything", subtract(hours([2]int{2, 3}), hours([2]int{1, 4})), "[]"},
		{"overlapping finds the run by binary search", overlapping(hours([2]int{1, 2}, [2]int{3, 4}, [2]int{5, 6}, [2]int{7, 8}), hours([2]int{2, 6})[0]), "[3-4 5-6]"},
		{"overlapping nothing", overlapping(hours([2]int{1, 2}), hours([2]int{2, 3})[0]), "[]"},
	}
	for _, tt := range tests {
		if got := show(tt.got); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	// 1–11 inside window [0-3 5-9] is 1-3 and 5-9 = 6 h; masked 2-6 removes
	// 2-3 and 5-6 = 2 h: 4 hours.
	if got := measure(hours([2]int{1, 11})[0], hours([2]int{0, 3}, [2]int{5, 9}), hours([2]int{2, 6})); got != 4*time.Hour {
		t.Errorf("measure = %v, want 4h", got)
	}
}

func TestWithinClipsToTheMonth(t *testing.T) {
	origin := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	end := origin.AddDate(0, 1, 0)
	tests := []struct {
		span Span
		want string
		ok   bool
	}{
		{Span{origin.Add(-2 * time.Hour), origin.Add(3 * time.Hour)}, "[0-3]", true},
		{Span{origin.AddDate(-7000, 0, 0), origin.Add(time.Hour)}, "[0-1]", true}, // far years do not overflow
		{Span{end, end.Add(time.Hour)}, "[]", false},
		{Span{origin.Add(-time.Hour), origin}, "[]", false},
	}
	for _, tt := range tests {
		iv, ok := within(tt.span, origin, end)
		got := "[]"
		if ok {
			got = show([]interval{iv})
		}
		if ok != tt.ok || got != tt.want {
			t.Errorf("within(%v) = %s %v, want %s %v", tt.span, got, ok, tt.want, tt.ok)
		}
	}
}

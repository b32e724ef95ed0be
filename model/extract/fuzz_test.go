package extract

import (
	"math"
	"testing"
)

// checkItems fails unless every item's span lies inside text, starts and
// ends on rune boundaries, and is the item's text.
func checkItems(t *testing.T, text string, items []Item) {
	t.Helper()
	boundary := make(map[int]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	for _, it := range items {
		if it.Start < 0 || it.End > len(text) || it.Start >= it.End {
			t.Fatalf("%s span %d–%d outside %q (%d bytes)", it.Kind, it.Start, it.End, text, len(text))
		}
		if !boundary[it.Start] || !boundary[it.End] {
			t.Fatalf("%s span %d–%d cuts a rune of %q", it.Kind, it.Start, it.End, text)
		}
		if text[it.Start:it.End] != it.Text {
			t.Fatalf("%s text %q is not its span %q", it.Kind, it.Text, text[it.Start:it.End])
		}
	}
}

func FuzzDurations(f *testing.F) {
	for _, seed := range []string{
		"Avtalet kan sägas upp med tre (3) månaders varsel, dock tidigast efter 12 månader.",
		"Tilaaja voi irtisanoa sopimuksen kuukauden kuluessa; takuu on 24 kuukauden takuu.",
		"Either party may end it on 30 days' notice after the first 12-month period.",
		"Aftalen kan opsiges med en måneds varsel til udgangen af en måned.",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		items := Durations(text, "1")
		checkItems(t, text, items)
		// lengths reads the words between neighbouring durations, so they
		// must come in order and never overlap.
		for i := 1; i < len(items); i++ {
			if items[i].Start < items[i-1].End {
				t.Fatalf("durations %q and %q overlap in %q", items[i-1].Text, items[i].Text, text)
			}
		}
		for _, it := range items {
			if it.Period.N < 0 || it.Period.Unit == "" {
				t.Fatalf("duration %q has period %v", it.Text, it.Period)
			}
		}
	})
}

func FuzzPercentages(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		items := Percentages(text, "1")
		checkItems(t, text, items)
		for _, it := range items {
			if math.IsNaN(it.Percent) || math.IsInf(it.Percent, 0) || it.Percent < 0 {
				t.Fatalf("percentage %q is %g", it.Text, it.Percent)
			}
		}
		checkItems(t, text, CreditTiers(text, "1"))
	})
}

func FuzzDates(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		items := Dates(text, "1")
		checkItems(t, text, items)
		for _, it := range items {
			if it.Date.IsZero() {
				t.Fatalf("date %q has no date", it.Text)
			}
		}
		// every extractor together, amounts included
		checkItems(t, text, Extract(text, "1"))
	})
}

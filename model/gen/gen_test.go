package gen

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

func generate(cfg Config) []Item {
	return slices.Collect(New(cfg).All())
}

func TestSameSeedSameRegister(t *testing.T) {
	a := generate(Config{Agreements: 200, Seed: 7})
	b := generate(Config{Agreements: 200, Seed: 7})
	if len(a) != 200 || len(b) != 200 {
		t.Fatalf("got %d and %d agreements, want 200", len(a), len(b))
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with seed 7 differ")
	}
	if other := generate(Config{Agreements: 1, Seed: 8}); reflect.DeepEqual(other[0], a[0]) {
		t.Error("seeds 7 and 8 gave the same first agreement")
	}
}

// A family has at most 8 members (a framework and 7 call-offs), so only the
// last 7 agreements can differ between a short and a long run: the first 40
// of 50 must equal the first 40 of 300.
func TestFirstAgreementsDoNotDependOnCount(t *testing.T) {
	short := generate(Config{Agreements: 50, Seed: 3})
	long := generate(Config{Agreements: 300, Seed: 3})
	for i := range 40 {
		if !reflect.DeepEqual(short[i], long[i]) {
			t.Fatalf("agreement %d differs between 50 and 300", i)
		}
	}
}

func TestRegisterIsValid(t *testing.T) {
	items := generate(Config{Agreements: 400, Seed: 1})
	seen := map[string]bool{}
	for i, it := range items {
		a := it.Agreement
		if want := ID(1, i); a.ID != want {
			t.Fatalf("agreement %d has id %s, want %s", i, a.ID, want)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		for _, r := range a.Relations {
			if !seen[r.Target] {
				t.Errorf("%s points at %s, which did not come before it", a.ID, r.Target)
			}
		}
		seen[a.ID] = true
		for _, in := range it.Incidents {
			if err := in.Validate(); err != nil || in.AgreementID != a.ID {
				t.Errorf("%s: incident %+v: %v", a.ID, in, err)
			}
		}
		numbers := map[string]bool{}
		for _, d := range a.Documents {
			for _, c := range d.Clauses {
				numbers[c.Number] = true
			}
		}
		refs := []string{a.Term.Clause}
		for _, r := range a.Rules {
			refs = append(refs, r.Clause)
		}
		for _, s := range a.Subs {
			refs = append(refs, s.Clause)
		}
		for _, ref := range refs {
			n := strings.TrimPrefix(strings.TrimPrefix(ref, "SLA "), "DPA ")
			if ref != "" && !numbers[n] {
				t.Errorf("%s: reference %q names no clause", a.ID, ref)
			}
		}
	}
}

// The register's shape, against what the tables promise:
//   - call-offs: 3 % of heads are frameworks with 1–7 (mean 4) call-offs and
//     8 % of heads bring a separate DPA, so 0.03×4 = 0.12 call-offs per
//     1 + 0.12 + 0.08 = 1.2 agreements: 10 %;
//   - clauses: the sizes in agreement.go average about 100 per agreement;
//   - sub-processors: the pool is ranked with s = 1.1, so the first (Azure)
//     is drawn 10^1.1 ≈ 12.6 times as often as the tenth before duplicates
//     are skipped; at least 3 times as often after.
func TestRegisterShape(t *testing.T) {
	items := generate(Config{Agreements: 1000, Seed: 1})
	var clauses, callOffs, deep, appendix, swedish int
	subs := map[string]int{}
	for _, it := range items {
		clauses += it.Clauses()
		if it.Agreement.Parent() != "" {
			callOffs++
		}
		for _, s := range it.Agreement.Subs {
			subs[s.Name]++
		}
		for _, d := range it.Agreement.Documents {
			for _, c := range d.Clauses {
				if strings.Count(c.Number, ".") == 2 {
					deep++
				}
				if strings.HasPrefix(c.Number, "B.") {
					appendix++
				}
				if strings.Contains(c.Body, "uppsägning") {
					swedish++
				}
			}
		}
	}
	if avg := float64(clauses) / 1000; avg < 90 || avg > 110 {
		t.Errorf("%.1f clauses per agreement, want about 100", avg)
	}
	if callOffs < 70 || callOffs > 130 {
		t.Errorf("%d call-offs in 1000, want about 100", callOffs)
	}
	if deep == 0 || appendix == 0 || swedish == 0 {
		t.Errorf("clauses at depth 3: %d, appendix B items: %d, with \"uppsägning\": %d; want some of each", deep, appendix, swedish)
	}
	top, tenth := subs[subPool.items[0].name], subs[subPool.items[9].name]
	if top < 3*tenth || tenth == 0 {
		t.Errorf("Azure in %d agreements, the tenth sub-processor in %d; want a concentration of at least 3:1", top, tenth)
	}
}

// newZipf(3, 1) weighs 1, 1/2, 1/3: cumulative 1, 1.5, 11/6, so the
// indexes come up 6/11, 3/11 and 2/11 of the time (54.5 %, 27.3 %, 18.2 %).
func TestZipf(t *testing.T) {
	z := newZipf(3, 1)
	for i, want := range []float64{1, 1.5, 11.0 / 6} {
		if math.Abs(z[i]-want) > 1e-12 {
			t.Errorf("cumulative[%d] = %v, want %v", i, z[i], want)
		}
	}
	r := rand.New(rand.NewPCG(1, 1))
	var n [3]int
	for range 110000 {
		n[z.pick(r)]++
	}
	for i, want := range []int{60000, 30000, 20000} {
		if math.Abs(float64(n[i]-want)) > 0.02*float64(want) {
			t.Errorf("index %d drawn %d times in 110000, want about %d", i, n[i], want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	g := New(Config{Agreements: math.MaxInt, Seed: 1})
	clauses := 0
	for b.Loop() {
		it, _ := g.Next()
		clauses += it.Clauses()
	}
	b.ReportMetric(float64(clauses)/b.Elapsed().Seconds(), "clauses/s")
}

// AllAs hands out the same items as All, as a loader's own type with
// Item's fields.
func TestAllAsHandsOutTheSameItems(t *testing.T) {
	type loaderItem Item
	cfg := Config{Agreements: 7, Seed: 5}
	got := slices.Collect(AllAs[loaderItem](New(cfg)))
	want := generate(cfg)
	if len(got) != len(want) {
		t.Fatalf("%d items, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(Item(got[i]), want[i]) {
			t.Errorf("item %d differs: %+v", i, got[i].Agreement.ID)
		}
	}
}

// TestCustomTitlesSpeakTheAgreementsLanguage: a custom deadline's title is
// shown as written, so a Swedish agreement's says it in Swedish.
func TestCustomTitlesSpeakTheAgreementsLanguage(t *testing.T) {
	want := map[bool][]string{
		true:  {"Avtalet upphör", "Avtalet upphör efter uppsägning"},
		false: {"Agreement ends", "Agreement ends after notice"},
	}
	seen := map[bool]int{}
	for _, it := range generate(Config{Agreements: 300, Seed: 2}) {
		swedish := slices.ContainsFunc(it.Agreement.Documents[0].Clauses, func(c model.Clause) bool { return strings.Contains(c.Body, " ska ") })
		for _, r := range it.Agreement.Rules {
			if r.Kind != model.DLCustom {
				continue
			}
			seen[swedish]++
			if !slices.Contains(want[swedish], r.Title) {
				t.Errorf("%s (Swedish %v): custom deadline %q", it.Agreement.ID, swedish, r.Title)
			}
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("custom deadlines in Swedish agreements %d, English %d; want some of each", seen[true], seen[false])
	}
}

package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"avtal/model"
	"avtal/model/extract"
)

// hitKeys names each hit as agreement:number, in order.
func hitKeys(p *SearchPage) []string {
	var out []string
	for _, h := range p.Hits {
		out = append(out, h.AgreementID+":"+h.Number)
	}
	return out
}

func TestSearchSwedish(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	tests := []struct {
		name, query string
		want        []string // in rank order
		anyOrder    bool     // equal ranks: only the set is checked
	}{
		// A part of a compound finds the compound, and the plural; all
		// three hold "biträde" exactly and once, so they rank alike but
		// for their length.
		{"compound part", "biträde", []string{"alfa:1", "beta:5", "beta:5.1"}, true},
		{"compound part 2", "uppsägning", []string{"alfa:2", "beta:4"}, false},
		// Typed without diacritics it still finds uppsägning, but the
		// clause that really says "uppsagning" comes first; typed with
		// them, alfa's "Uppsägning" is the exact one.
		{"no diacritics", "uppsagning", []string{"beta:4", "alfa:2"}, false},
		// leverantören → leverantör finds every form; alfa 3 holds the
		// exact word typed and comes first.
		{"stem", "leverantören", []string{"alfa:3", "beta:5"}, false},
		{"stem back", "Leverantör", []string{"beta:5", "alfa:3"}, false},
		// Every word must be there.
		{"two words", "kopior underbiträden", []string{"beta:5.1"}, false},
		{"nothing", "skiljedom", nil, false},
	}
	for _, tt := range tests {
		p, err := s.Search(ctx, tt.query, 10, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := hitKeys(p)
		if tt.anyOrder {
			slices.Sort(got)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Search(%q) = %v, want %v", tt.name, tt.query, got, tt.want)
		}
	}
}

func TestSearchMarksAndSnippets(t *testing.T) {
	s := openReview(t)
	p, err := s.Search(context.Background(), "uppsagning", 10, nil)
	if err != nil || len(p.Hits) != 2 {
		t.Fatalf("%+v %v", p, err)
	}
	alfa := p.Hits[1]
	// "Uppsägning" is 11 bytes (ä takes two); the mark covers it all.
	if !slices.Equal(alfa.HeadingMarks, []extract.Span{{Start: 0, End: 11}}) {
		t.Errorf("heading marks %v, want [{0 11}]", alfa.HeadingMarks)
	}
	if got := marked(alfa.Snippet, alfa.Marks); got != "[Uppsägning]stiden är sex månader före periodens slut." {
		t.Errorf("snippet %q", got)
	}
	if alfa.Agreement != "Alfa AB SaaS" || alfa.Document != "Allmänna villkor" || alfa.Exact != 0 || p.Hits[0].Exact != 1 {
		t.Errorf("hit %+v", alfa)
	}
}

// marked writes the marks of a snippet as [brackets].
func marked(s string, marks []extract.Span) string {
	var b strings.Builder
	at := 0
	for _, m := range marks {
		b.WriteString(s[at:m.Start] + "[" + s[m.Start:m.End] + "]")
		at = m.End
	}
	return b.String() + s[at:]
}

func TestSearchShortWordsAndSnippetCut(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := sampleAgreement("lang", "Lång AB")
	long := strings.Repeat("Inledande ord utan betydelse här. ", 6) + "Här står ordet sekretess mitt i texten. " +
		strings.Repeat("Avslutande ord som fyller ut. ", 8)
	a.Documents = []model.Document{{Name: "V", Clauses: []model.Clause{{Number: "1", Heading: "Lång", Body: long}}}}
	if err := s.PutAgreement(ctx, a, false); err != nil {
		t.Fatal(err)
	}
	p, err := s.Search(ctx, "av sekretess i", 10, nil)
	if err != nil || len(p.Hits) != 1 {
		t.Fatalf("%+v %v", p, err)
	}
	if !slices.Equal(p.Ignored, []string{"av", "i"}) || !slices.Equal(p.Words, []string{"sekretess"}) {
		t.Errorf("ignored %v words %v", p.Ignored, p.Words)
	}
	sn := p.Hits[0].Snippet
	// The match sits 204 bytes in; the snippet starts at most 60 bytes
	// before it, on a word, and stops within 200 bytes, both cut with "…".
	if !strings.HasPrefix(sn, "…") || !strings.HasSuffix(sn, "…") || len(sn) > 200+2*len("…") ||
		!strings.Contains(marked(sn, p.Hits[0].Marks), "[sekretess]") || strings.Contains(sn, "  ") {
		t.Errorf("snippet %q", sn)
	}
	if p, _ := s.Search(ctx, "av i", 10, nil); len(p.Hits) != 0 || len(p.Ignored) != 2 {
		t.Errorf("only short words: %+v", p)
	}
}

func TestSearchPagesWithoutDuplicates(t *testing.T) {
	defer func(w int) { rankWindow = w }(rankWindow)
	rankWindow = 20 // 45 matches: a ranked window of 20, then 25 in index order
	s := openTemp(t)
	ctx := context.Background()
	a := sampleAgreement("many", "Many AB")
	var clauses []model.Clause
	for i := range 50 {
		body := fmt.Sprintf("Klausul %d om ansvar.", i)
		if i%10 == 9 {
			body = fmt.Sprintf("Klausul %d om annat.", i) // 5 of 50 do not match
		}
		if i == 30 {
			body = "Ansvar, ansvar och åter ansvar." // most occurrences: ranked first once its window comes
		}
		clauses = append(clauses, model.Clause{Number: fmt.Sprint(i + 1), Heading: "Punkt", Body: body})
	}
	a.Documents = []model.Document{{Name: "V", Clauses: clauses}}
	if err := s.PutAgreement(ctx, a, false); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var order []string
	var cur *SearchCursor
	pages := 0
	for {
		p, err := s.Search(ctx, "ansvar", 7, cur)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, k := range hitKeys(p) {
			if seen[k] {
				t.Fatalf("page %d repeats %s", pages, k)
			}
			seen[k] = true
			order = append(order, k)
		}
		if p.Next == nil {
			break
		}
		if len(p.Hits) != 7 {
			t.Errorf("page %d holds %d hits before the end", pages, len(p.Hits))
		}
		cur = p.Next
	}
	// 45 matches in pages of 7: 6 full pages and 3 on the seventh.
	if len(order) != 45 || pages != 7 {
		t.Errorf("%d hits over %d pages, want 45 over 7", len(order), pages)
	}
	// The window is the first 20 matches (clauses 1–22 less 10 and 20);
	// clause 31 lies beyond it, so it comes in index order, not first.
	if order[0] == "many:31" || !slices.Contains(order[20:], "many:31") {
		t.Errorf("clause 31 ranked at %d; it is past the window", slices.Index(order, "many:31"))
	}
	rankWindow = 100
	p, _ := s.Search(ctx, "ansvar", 3, nil)
	if hitKeys(p)[0] != "many:31" {
		t.Errorf("with all matches in the window, clause 31 should rank first: %v", hitKeys(p))
	}
}

func TestSearchSkipsOldVersions(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	if _, err := s.write.ExecContext(ctx, "UPDATE documents SET superseded = 1 WHERE agreement_id = 'alfa' AND name = 'SLA'"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Search(ctx, "tillgänglighet", 10, nil); len(p.Hits) != 0 {
		t.Errorf("an old version's clause was found: %v", hitKeys(p))
	}
}

// A program that maps the file for reading, or reads it through a small
// cache, finds what one that reads it finds, in the same order, and writes
// as before.
func TestSearchMappedReads(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	for i, opt := range map[string]Option{"mapped": MappedReads(), "scattered": ScatteredReads()} {
		other, err := Open(ctx, s.Path(), testClock, opt)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		for _, q := range []string{"biträde", "uppsagning", "leverantören", "tillgänglighet"} {
			want, err := s.Search(ctx, q, 10, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := other.Search(ctx, q, 10, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Hits) == 0 || !slices.Equal(hitKeys(got), hitKeys(want)) {
				t.Errorf("%s: %s %v, read %v", q, i, hitKeys(got), hitKeys(want))
			}
		}
		id := "gamma-" + i
		if err := other.PutAgreement(ctx, sampleAgreement(id, "Gamma"), false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Agreement(ctx, id); err != nil {
			t.Errorf("the %s program's write: %v", i, err)
		}
	}
}

func TestSearchTakesAnyTextAsWords(t *testing.T) {
	s := openReview(t)
	// FTS5 query syntax typed by a user is only text to look for.
	for _, q := range []string{`"uppsägning`, `uppsägning OR (x* ^y) NEAR/3`, `col:uppsägning`, "upps\x00ägning", `- + * "" ''`} {
		if _, err := s.Search(context.Background(), q, 10, nil); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	p, err := s.Search(context.Background(), `"Uppsägning"`, 10, nil)
	if err != nil || len(p.Hits) != 2 {
		t.Errorf("a quoted word: %v, %v", hitKeys(p), err)
	}
}

func TestMarksFollowTheOriginalLetters(t *testing.T) {
	text := "Överlåtelse ÖVERLÅTELSE a\u030angström"
	terms, _ := parseQuery("overlatelse ångström")
	// Ö and å take two bytes: "Överlåtelse" is bytes 0–13, the capitals
	// 14–27; the decomposed "å" is a (1) and a ring (2), so "ångström"
	// runs from 28 over a, ring, ngstr (5), ö (2) and m to 39.
	want := []extract.Span{{Start: 0, End: 13}, {Start: 14, End: 27}, {Start: 28, End: 39}}
	if got := markTerms(text, terms); !slices.Equal(got, want) {
		t.Errorf("marks %v, want %v", got, want)
	}
}

func TestContainsLowerIsToLowerThenContains(t *testing.T) {
	// A word held as typed is a match without lower-casing the text: that
	// needs every lower-case letter to lower-case to itself.
	for r := range unicode.MaxRune + 1 {
		if l := unicode.ToLower(rune(r)); unicode.ToLower(l) != l {
			t.Fatalf("%U lower-cases to %U, which lower-cases to %U", r, l, unicode.ToLower(l))
		}
	}
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"Uppsägning av avtalet", "uppsägning", true},
		{"UPPSÄGNING", "uppsägning", true},
		{"Uppsagning", "uppsägning", false}, // diacritics count: only case is ignored
		{"Uppsägning", "uppsagning", false},
		{"Ansvarsbegränsning", "begränsning", true},
		{"ansvar", "ansvarig", false},   // the text ends first
		{"\u212Aelvin", "kelvin", true}, // the Kelvin sign lower-cases to k
		{"Ölands ÖL", "öl", true},
		{"Kulans KREDIT", "kredit", true},              // a match that starts past other ASCII capitals
		{"en kortare text, och mer", "kortast", false}, // the first letter met often, the rest not
		{"bad \xff byte", "\ufffd byte", true},         // ToLower writes a broken byte as U+FFFD
		{"", "a", false},
		{"abc", "", true},
		{"\xc3uppsägning", "uppsägning", true}, // a broken byte before the word as typed
		{"UPPSÄGNING och uppsägning", "uppsägning", true},
	} {
		if ref := strings.Contains(strings.ToLower(tc.text), tc.word); ref != tc.want {
			t.Fatalf("%q in %q: the table says %v, strings.ToLower says %v", tc.word, tc.text, tc.want, ref)
		}
		if got := containsLower(tc.text, tc.word); got != tc.want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

// TestFoldMapsBack: folding copies runs of ASCII whole and maps each
// folded byte back to where its letter starts in the original.
func TestFoldMapsBack(t *testing.T) {
	f := fold("Ab ÄR Öx")
	if want := "ab ar ox"; f.text != want {
		t.Fatalf("fold = %q, want %q", f.text, want)
	}
	// A, b, space, Ä (2 bytes), R, space, Ö (2 bytes), x, and the end.
	if want := []int{0, 1, 2, 3, 5, 6, 7, 9, 10}; !slices.Equal(f.at, want) {
		t.Errorf("at = %v, want %v", f.at, want)
	}
}

// TestFoldKeepsSigns: the Latin-1 signs (§, °, µ, ½) are no letters with
// accents to strip, so folding keeps them; they once folded to nothing, so
// a word with a sign inside was marked as if the sign were not there.
func TestFoldKeepsSigns(t *testing.T) {
	for in, want := range map[string]string{
		"§ 5":             "§ 5",
		"20 °C":           "20 °c",
		"½ år":            "½ ar",
		"10 µs":           "10 µs",
		"«Kund» ÅTAGANDE": "«kund» atagande",
	} {
		if got := FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q, want %q", in, got, want)
		}
	}
	// A sign inside a word parts it, as it does in the full-text index.
	text := "uppsägning, upp§sägning"
	terms, _ := parseQuery("uppsägning")
	want := []extract.Span{{Start: 0, End: 11}}
	if got := markTerms(text, terms); !slices.Equal(got, want) {
		t.Errorf("marks %v, want %v", got, want)
	}
}

// TestFoldEightAtATime: folding eight ASCII bytes as one word gives what
// folding each letter alone gives, for every ASCII byte (the ones next to
// 'A' and 'Z' too) and with letters beyond ASCII at every place of a word.
func TestFoldEightAtATime(t *testing.T) {
	var ascii strings.Builder
	for c := range 0x80 {
		ascii.WriteByte(byte(c))
	}
	texts := []string{ascii.String(), "@AZ[`az{", "ABCDEFGH", "ABCDEFG", "ABCDEFGHI"}
	for at := range 10 {
		base := "KUNDEN@ZA[ÅTAR`SIG{ALLT"
		texts = append(texts, base[:at]+"Ä"+base[at:], strings.Repeat("Ö", at)+"XYZ§ABCDEFGH")
	}
	for _, s := range texts {
		var want []byte
		var wantAt []int
		for i, r := range s {
			var at []int
			want, at = appendFold(want, nil, string(r), true)
			for _, j := range at {
				wantAt = append(wantAt, i+j)
			}
		}
		got, gotAt := appendFold(nil, nil, s, true)
		if string(got) != string(want) || !slices.Equal(gotAt, wantAt) {
			t.Errorf("appendFold(%q) = %q %v, want %q %v", s, got, gotAt, want, wantAt)
		}
		if got, _ := appendFold(nil, nil, s, false); string(got) != string(want) {
			t.Errorf("appendFold(%q) without offsets = %q, want %q", s, got, want)
		}
	}
}

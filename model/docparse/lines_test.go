package docparse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestJoinWraps(t *testing.T) {
	// A filler line near the wrap width, so the text counts as hard-wrapped
	// at about 80 characters.
	long := "Leverantören ansvarar för driften av tjänsten och för säkerhetskopior av data i"
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"lower-case continuation", []string{"Avtalet gäller från", "den dag det undertecknas."}, []string{"Avtalet gäller från den dag det undertecknas."}},
		{"hyphenated word", []string{"Den personuppgifts-", "ansvarige ska informeras."}, []string{"Den personuppgiftsansvarige ska informeras."}},
		{"hyphen of a short word stays", []string{"Meddelanden skickas per e-", "post till kunden."}, []string{"Meddelanden skickas per e-post till kunden."}},
		{"reference to a clause", []string{"Detta gäller med de undantag som anges i punkt", "1.11."}, []string{"Detta gäller med de undantag som anges i punkt 1.11."}},
		{"a date after a reference word", []string{"Tvisten avgörs enligt lagen av", "14.05.2004 om skiljeförfarande."}, []string{"Tvisten avgörs enligt lagen av 14.05.2004 om skiljeförfarande."}},
		{"clause after a heading ending in such a word", []string{"14. Ändringar och tillägg", "14.1. Ändringar ska vara skriftliga."}, []string{"14. Ändringar och tillägg", "14.1. Ändringar ska vara skriftliga."}},
		{"long line cut before a capital", []string{long, "Sverige och i Norge."}, []string{long + " Sverige och i Norge."}},
		{"short heading keeps its body", []string{"1.2 Avgifter", "Avgiften betalas årsvis."}, []string{"1.2 Avgifter", "Avgiften betalas årsvis."}},
		{"lead-in and items ending in ';' stay apart", []string{"Kunden ska:", "betala i tid;", "följa instruktioner."}, []string{"Kunden ska:", "betala i tid;", "följa instruktioner."}},
		{"list items stay apart", []string{"– första punkten", "– andra punkten", "(a) tredje", "b) fjärde"}, []string{"– första punkten", "– andra punkten", "(a) tredje", "b) fjärde"}},
		{"a clause after a long line", []string{long, "8.2 Nästa punkt"}, []string{long, "8.2 Nästa punkt"}},
		{"blank line ends a paragraph", []string{"Avtalet gäller från", "", "den dag det undertecknas."}, []string{"Avtalet gäller från", "", "den dag det undertecknas."}},
	}
	filler := make([]string, 0, 20)
	for range 20 {
		filler = append(filler, long, "")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []line
			for i, s := range append(append([]string{}, filler...), tt.in...) {
				in = append(in, line{no: i + 1, text: s})
			}
			out := joinWraps(in)[len(filler):]
			var got []string
			for _, l := range out {
				got = append(got, l.text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if out[0].no != len(filler)+1 {
				t.Errorf("joined line numbered %d, want %d (its first line)", out[0].no, len(filler)+1)
			}
		})
	}
}

func TestSuccessor(t *testing.T) {
	tests := []struct {
		prev, next []int
		want       bool
	}{
		{nil, []int{1}, true},
		{nil, []int{1, 1}, true},
		{nil, []int{2}, false},
		{[]int{8, 6}, []int{8, 6, 1}, true},    // first child
		{[]int{8}, []int{8, 1, 1}, true},       // two levels down
		{[]int{8, 6}, []int{8, 6, 2}, true},    // the first child lost
		{[]int{8, 6}, []int{8, 6, 3}, false},   // too far for a first child
		{[]int{8, 6, 2}, []int{8, 6, 3}, true}, // next sibling
		{[]int{8, 6, 2}, []int{8, 6, 4}, true}, // one clause missing
		{[]int{8, 6, 2}, []int{8, 6, 5}, false},
		{[]int{8, 6, 8}, []int{8, 7}, true},    // up one level
		{[]int{8, 6, 8}, []int{9}, true},       // up two levels
		{[]int{3, 15}, []int{4, 1}, true},      // heading of 4 lost
		{[]int{3, 15}, []int{4, 2}, false},     //
		{[]int{8, 18}, []int{1, 11}, false},    // a version number in a change log
		{[]int{8, 4, 2}, []int{1}, false},      // a footnote
		{[]int{1, 8}, []int{1, 11}, false},     // "punkt 1.11." after 1.8
		{[]int{2}, []int{2}, false},            // the same number again
		{[]int{2, 3}, []int{2}, false},         // an ancestor
		{[]int{1, 1}, []int{1, 1, 1, 1}, true}, // two levels down
	}
	for _, tt := range tests {
		if got := successor(tt.prev, tt.next); got != tt.want {
			t.Errorf("successor(%v, %v) = %v, want %v", tt.prev, tt.next, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in       string
		kind     lineKind
		number   string
		appendix string
	}{
		{"8.6.3 Personuppgiftsbiträdet får anlita", kindNumbered, "8.6.3", ""},
		{"2.13. ”Inledande period” avser", kindNumbered, "2.13", ""},
		{"1.11.", kindNumbered, "1.11", ""},
		{"B.1 Godkända underbiträden", kindNumbered, "B.1", ""},
		{"8.16 Tillägg B: Godkända underbiträden", kindNumbered, "8.16", "Tillägg B"},
		{"8.1.6 Tillägg A innehåller information om behandlingen", kindNumbered, "8.1.6", ""},
		{"Bilaga 1", kindAppendix, "", "Bilaga 1"},
		{"Appendix 2 – Security", kindAppendix, "", "Appendix 2"},
		{"Tillägg C Instruktioner", kindAppendix, "", "Tillägg C"},
		{"Bilaga 2 till dessa villkor anger åtgärderna.", kindText, "", ""},
		{"12", kindText, "", ""}, // a page number
		{"30 dagar efter fakturadatum", kindText, "", ""},
		{"1. informera om incidenten,", kindText, "", ""},
		{"22.10.2025 2.9 Ny punkt:", kindText, "", ""},
		{"99.5% 25%", kindText, "", ""},
		{"A. Fysisk säkerhet", kindText, "", ""},
		{"3. 2. Fakturering", kindNumbered, "3.2", ""},
		{"4. 1. 3. Särskilda fall", kindNumbered, "4.1.3", ""},
		{"1. 5 000 kronor per månad", kindText, "", ""},
		{"1. 2. 2024 började avtalet", kindText, "", ""},
		{"2. 3.", kindText, "", ""},
		{"", kindBlank, "", ""},
	}
	for _, tt := range tests {
		c := classify(tt.in)
		app := ""
		if c.appendix != nil {
			app = c.appendix.name
		}
		if c.kind != tt.kind || c.num.text != tt.number || app != tt.appendix {
			t.Errorf("classify(%q) = kind %d number %q appendix %q, want %d %q %q", tt.in, c.kind, c.num.text, app, tt.kind, tt.number, tt.appendix)
		}
	}
}

func TestFurniture(t *testing.T) {
	lines := []string{
		"Exempelavtal version 2.0 – 01.01.2025 Sida 1 av 12", // page pattern
		"1 Allmänt",
		"- 2 -", // page number between dashes
		"Page 3 of 12",
		"Sidan 4 (12)",
		"Konfidentiellt – Exempel AB", // repeated three times, a page apart
		"Kunden ska betala i tid.",    // repeated sentences are text
		"Kunden ska betala i tid.",
		"Kunden ska betala i tid.",
		"Tabell 1 rad 1 av 3", // rows of a table repeat close together
		"Tabell 1 rad 2 av 3",
		"Tabell 1 rad 3 av 3",
		"Konfidentiellt – Exempel AB",
		"Text på sidan två.",
		"Text på sidan två.",
		"Text på sidan två.",
		"Text på sidan två.",
		"Text på sidan två.",
		"Text på sidan två.",
		"Text på sidan två.",
		"Konfidentiellt – Exempel AB",
		"Text på sidan två.",
		"1 Allmänt ........ 3", // a contents line
		"Innehåll",
		"Sida 12 av 12 i villkoren", // not at the end: text
	}
	var in []line
	for i, s := range lines {
		in = append(in, line{no: i + 1, text: s})
	}
	why, footers := furniture(in, false)
	want := []Reason{SkipFurniture, "", SkipFurniture, SkipFurniture, SkipFurniture, SkipFurniture, "", "", "", "", "", "",
		SkipFurniture, "", "", "", "", "", "", "", SkipFurniture, "", SkipContents, SkipContents, ""}
	for i := range want {
		if why[i] != want[i] {
			t.Errorf("line %d %q: %q, want %q", i+1, lines[i], why[i], want[i])
		}
	}
	if len(footers) == 0 || footers[0] != "Konfidentiellt – Exempel AB" {
		t.Errorf("footers %q: want the most repeated first", footers)
	}
	if got := footerTitle(lines[0]); got != "Exempelavtal" {
		t.Errorf("footerTitle = %q, want Exempelavtal", got)
	}
}

// A sentence a text repeats under several headings, wrapped the same way
// each time, is text; a running header that the page's text goes on from
// is furniture, as the line after it differs from page to page.
func TestRepeatedWrappedSentenceIsText(t *testing.T) {
	var lines []string
	for i := range 4 {
		lines = append(lines, "", "Avsnitt "+strings.Repeat("I", i+1), "",
			"Det här avsnittet gäller bara kunder som betalar en",
			"månadsavgift.", "", "Exempel AB – villkor för molnet",
			"och leverantören svarar för driften i avsnitt "+strings.Repeat("I", i+1)+".", "", "Mer text.")
	}
	var in []line
	for i, s := range lines {
		in = append(in, line{no: i + 1, text: s})
	}
	why, _ := furniture(in, false)
	for i, l := range lines {
		want := Reason("")
		if l == "Exempel AB – villkor för molnet" {
			want = SkipFurniture
		}
		if why[i] != want {
			t.Errorf("line %d %q: %q, want %q", i+1, l, why[i], want)
		}
	}
}

// TestQuickTestsMatchExpressions checks that the shortcuts before the
// expressions of classify — the first bytes tested, and a long line cut
// to its head — find exactly what the expressions find on the whole line.
func TestQuickTestsMatchExpressions(t *testing.T) {
	pieces := []string{"§", "§ ", " §", "A.", "B.2", "Z.", "a.", "1", "12", "123", "1234", ".", ".5", ".123",
		".1234", " ", "  ", "\t", "\u00a0", "x", "Bilaga", "BILAGA", "bilaga", "Appendix", "Annex", "Schedule",
		"Exhibit", "Liite", "Tillägg", "Vedlegg", "Attachment", "Bil", "Sche", "Tvist", "Avtal", "E", "Lag", " 3", " B", ":", "–", "Villkor"}
	// Numbers up to the longest the expression matches, and past it.
	for _, sect := range []string{"", "§", "§ "} {
		for _, letter := range []string{"", "A.", "q."} {
			for parts := range 10 {
				for _, digits := range []int{1, 3, 4} {
					for _, end := range []string{"", ".", ". §", " §", "§", ".§", ".  §"} {
						for _, gap := range []string{"", " ", "\t ", strings.Repeat(" ", 30)} {
							for _, tail := range []string{"", "Text", "text", "§", "."} {
								num := strings.Repeat("9", digits) + strings.Repeat("."+strings.Repeat("7", digits), parts)
								s := sect + letter + num + end + gap + tail
								if got, want := findNumber(s), numberRe().FindStringSubmatchIndex(s); !slices.Equal(got, want) {
									t.Fatalf("findNumber(%q) = %v, the expression %v", s, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if rng.IntN(3) == 0 { // white space across the head's end
			b.WriteString(strings.Repeat(" ", rng.IntN(60)))
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := findNumber(s), numberRe().FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("findNumber(%q) = %v, the expression %v", s, got, want)
		}
		gotA, gotRest := appendixHeading(s)
		wantA, wantRest := matchAppendix(s)
		if (gotA == nil) != (wantA == nil) || gotA != nil && *gotA != *wantA || gotRest != wantRest {
			t.Fatalf("appendixHeading(%q) = %v %q, want %v %q", s, gotA, gotRest, wantA, wantRest)
		}
	}
}

package docparse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"avtal/model/docread"
)

// The corpus of real agreements with hand-checked labels lives outside the
// repository, in ../shared/corpus next to it (AVTAL_CORPUS names another
// directory); the test skips when it is absent. It holds the importer to
// the floors the corpus is measured against: every document imports, 95 %
// of the labelled clause numbers are found, 90 % of the documents get at
// least their labelled number of clauses, and no document loses more than
// half a per cent of its words.
func TestCorpusFloors(t *testing.T) {
	dir := os.Getenv("AVTAL_CORPUS")
	if dir == "" {
		dir = "../../../shared/corpus"
	}
	labels, _ := filepath.Glob(filepath.Join(dir, "labels", "*.json"))
	if len(labels) == 0 {
		t.Skip("corpus not found")
	}
	var found, wanted, enough int
	for _, path := range labels {
		var label struct {
			File      string
			Structure struct {
				Numbers    []string
				MinClauses int `json:"min_clauses"`
			}
		}
		data, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(data, &label)
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		name := filepath.Join(dir, label.File)
		doc, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", label.File, err)
			continue
		}
		text, err := docread.Read(name, doc)
		var res Result
		if err == nil {
			res, err = Parse(name, text)
		}
		if err != nil {
			t.Errorf("%s: not imported: %v", label.File, err)
			continue
		}
		for _, d := range res.Documents {
			if err := d.Validate(); err != nil {
				t.Errorf("%s: %v", label.File, err)
			}
		}
		numbers, clauses := corpusNumbers(res)
		wanted += len(label.Structure.Numbers)
		for _, n := range label.Structure.Numbers {
			if numbers[numberKey(n)] {
				found++
			} else {
				t.Logf("%s: clause %s not found", label.File, n)
			}
		}
		if clauses >= label.Structure.MinClauses {
			enough++
		} else {
			t.Logf("%s: %d clauses, want %d", label.File, clauses, label.Structure.MinClauses)
		}
		if lost, total := lostWords(text, res); lost > 0 && testing.Verbose() {
			t.Logf("%s: %d of %d words lost", label.File, lost, total)
		}
		if lost, total := lostWords(text, res); lost*200 > total {
			t.Errorf("%s: %d of %d words lost", label.File, lost, total)
		}
	}
	if found*100 < wanted*95 {
		t.Errorf("clause numbers found: %d of %d, want 95 %%", found, wanted)
	}
	if enough*10 < len(labels)*9 {
		t.Errorf("documents with enough clauses: %d of %d, want 90 %%", enough, len(labels))
	}
}

// numberKey is a clause number as the corpus labels compare them: without
// "§" and a final dot, in lower case.
func numberKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(norm.NFKC.String(s)))
	s = strings.TrimRight(strings.TrimSpace(strings.ReplaceAll(s, "§", "")), ".")
	return strings.Join(strings.Fields(s), " ")
}

// corpusNumbers returns the clause numbers of a result, and its number of
// clauses. A number also counts as found when a clause's number and heading
// together start with it ("Bilaga" "1 – Tekniska åtgärder").
func corpusNumbers(res Result) (map[string]bool, int) {
	numbers, n := map[string]bool{}, 0
	for _, d := range res.Documents {
		for _, c := range d.Clauses {
			n++
			numbers[numberKey(c.Number)] = true
			words := strings.Fields(numberKey(c.Number + " " + c.Heading))
			for k := 1; k < len(words); k++ {
				numbers[strings.Join(words[:k], " ")] = true
			}
		}
	}
	return numbers, n
}

// lostWords counts the words of text that are in no clause, document name
// or skipped line of res, and the words of text.
func lostWords(text string, res Result) (lost, total int) {
	// the words as Markdown shows them: a list written "1." for every item reads 1, 2, 3
	source := wordCounts(strings.Join(lazyNumbers(strings.Split(text, "\n")), "\n"))
	var kept strings.Builder
	for _, d := range res.Documents {
		kept.WriteString(d.Name + "\n")
		for _, c := range d.Clauses {
			kept.WriteString(c.Number + " " + c.Heading + "\n" + c.Body + "\n")
		}
	}
	lines := strings.Split(text, "\n")
	for _, s := range res.Skipped {
		if s.Line >= 1 && s.Line <= len(lines) {
			kept.WriteString(lines[s.Line-1] + "\n")
		}
	}
	have := wordCounts(kept.String())
	for w, n := range source {
		total += n
		lost += max(n-have[w], 0)
	}
	return lost, total
}

// wordCounts counts the words of s, cutting at any sign and where digits
// meet letters, on the source and the result alike: "2.5Genom" is the
// number 2.5 and the word "genom", which the import keeps apart.
func wordCounts(s string) map[string]int {
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		start, digits := 0, false
		for i, r := range w {
			if i > 0 && unicode.IsDigit(r) != digits {
				counts[w[start:i]]++
				start = i
			}
			digits = unicode.IsDigit(r)
		}
		counts[w[start:]]++
	}
	return counts
}

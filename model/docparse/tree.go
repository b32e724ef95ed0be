package docparse

import (
	"unicode"

	"avtal/model"
)

// ParentIndex returns, for each clause of a document, the index of the
// clause it sits under, or -1 for a top-level clause. Numbers nest by their
// dots ("8.6.3" under "8.6", "Bilaga 1.7" under "Bilaga 1"); a clause whose
// parent number is missing goes under the nearest ancestor present. Items of
// a lettered appendix ("B.1") go under the clause that declares the appendix
// ("8.16 Tillägg B: …" or "Tillägg B").
func ParentIndex(clauses []model.Clause) []int {
	byNumber := make(map[string]int, len(clauses))
	byAppendix := map[string]int{}
	parents := make([]int, len(clauses))
	for i, c := range clauses {
		parents[i] = -1
		for p := model.ParentNumber(c.Number); p != ""; p = model.ParentNumber(p) {
			if j, ok := byNumber[p]; ok {
				parents[i] = j
				break
			}
			if j, ok := byAppendix[p]; ok {
				parents[i] = j
				break
			}
		}
		if c.Number != "" {
			byNumber[c.Number] = i
		}
		a := declaresAppendix(c.Number)
		if a == nil {
			a = declaresAppendix(c.Heading)
		}
		if a != nil {
			byAppendix[a.name] = i
			if unicode.IsLetter(firstRune(a.id)) {
				byAppendix[a.id] = i
			}
		}
	}
	return parents
}

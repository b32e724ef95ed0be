package extract

import "avtal/model"

// The finders one at a time, as the tests call them; the importer runs
// them together over each clause.

// DetectAmendments runs FindAmendments over every clause of a document.
func DetectAmendments(clauses []model.Clause) []Amendment {
	var out []Amendment
	for _, c := range clauses {
		out = append(out, FindAmendments(c.Number, c.Body)...)
	}
	return out
}

// ForClause returns the amendments that touch the clause numbered number,
// itself or one of its lettered items.
func ForClause(amends []Amendment, number string) []Amendment {
	var out []Amendment
	for _, a := range amends {
		if a.Target == number || a.Clause() == number {
			out = append(out, a)
		}
	}
	return out
}

// Amounts runs amounts over text.
func Amounts(text, clause string) []Item { return amounts(text, clause, tokenize(text)) }

// Durations runs durations over text.
func Durations(text, clause string) []Item { return durations(text, clause, tokenize(text)) }

// Percentages runs percentages over text.
func Percentages(text, clause string) []Item { return percentages(text, clause, tokenize(text)) }

// ProposeRules runs proposeRules over one clause alone.
func ProposeRules(c model.Clause) []Proposal {
	p := prepare(c)
	return proposeRules(p, lengths(p), nil)
}

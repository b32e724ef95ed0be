package model

import (
	"fmt"
	"strings"
)

// Document is one document of an agreement (general terms, SLA, DPA, an
// appendix…) with its clause tree. An agreement may hold several.
type Document struct {
	Name    string   `json:"name" yaml:"name"`
	Kind    Kind     `json:"kind,omitempty" yaml:"kind,omitempty"`
	Version string   `json:"version,omitempty" yaml:"version,omitempty"`
	Clauses []Clause `json:"clauses,omitempty" yaml:"clauses,omitempty"`
}

// Validate checks the document's name, that clause numbers are unique and
// that every tag is one (see CheckTag).
func (d *Document) Validate() error {
	if strings.TrimSpace(d.Name) == "" {
		return fieldError("name", "name_empty")
	}
	seen := make(map[string]bool, len(d.Clauses))
	for i, c := range d.Clauses {
		if strings.TrimSpace(c.Number) == "" && strings.TrimSpace(c.Heading) == "" {
			return fieldError(fmt.Sprintf("clauses[%d]", i), "clause_unnamed")
		}
		if c.Number != "" && seen[c.Number] {
			return fieldError(fmt.Sprintf("clauses[%d].number", i), "clause_twice", c.Number)
		}
		for k, tag := range c.Tags {
			if _, err := CheckTag(tag); err != nil {
				return RefusedOn(fmt.Sprintf("clauses[%d].tags[%d]", i, k), err)
			}
		}
		seen[c.Number] = true
	}
	return nil
}

// Clause is one numbered clause (or appendix item) of a document.
type Clause struct {
	Number  string   `json:"number" yaml:"number"`
	Heading string   `json:"heading,omitempty" yaml:"heading,omitempty"`
	Body    string   `json:"body,omitempty" yaml:"body,omitempty"`
	Tags    []string `json:"tags,omitempty" yaml:"tags,omitempty"`
}

// ParentNumber returns the number of the clause this one sits under:
// "8.6.3" → "8.6", "B.1" → "B", "7.2(a)" → "7.2", "7" → "".
func ParentNumber(number string) string {
	if strings.HasSuffix(number, ")") {
		// An item of a list: "7.2(a)(i)" → "7.2(a)" → "7.2".
		if i := strings.LastIndexByte(number, '('); i > 0 {
			return number[:i]
		}
	}
	n := strings.TrimSuffix(number, ".")
	i := strings.LastIndexByte(n, '.')
	if i < 0 {
		return ""
	}
	return n[:i]
}

// ItemOf returns the numbered clause a list item belongs to: "7.2(a)(i)"
// → "7.2"; any other number is its own. A contract is cited by its clause
// ("punkt 7.2"), with the item in the evidence.
func ItemOf(number string) string {
	if i := strings.IndexByte(number, '('); i > 0 && strings.HasSuffix(number, ")") {
		return number[:i]
	}
	return number
}

package extract

import (
	"cmp"
	"slices"

	"avtal/model"
)

// Kind is what sort of value an Item holds.
type Kind string

// The kinds of item the extractors find.
const (
	KindDuration   Kind = "duration"
	KindPercent    Kind = "percent"
	KindAmount     Kind = "amount"
	KindDate       Kind = "date"
	KindCreditTier Kind = "credit_tier"
)

// Span is a byte range of a text, Start inclusive and End exclusive; both
// always fall on rune boundaries.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// In returns the part of text the span covers.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Item is one value found in a clause, with where it was found. Only the
// field that belongs to its Kind is set.
type Item struct {
	Kind   Kind   `json:"kind"`
	Clause string `json:"clause,omitempty"`
	Span
	Text string `json:"text"`

	Period   model.Period     `json:"period,omitzero"`   // duration
	Percent  float64          `json:"percent,omitempty"` // percent
	Amount   model.Amount     `json:"amount,omitempty"`  // amount, with Currency
	Currency string           `json:"currency,omitempty"`
	Date     model.Date       `json:"date,omitzero"` // date
	Tier     model.CreditTier `json:"tier,omitzero"` // credit tier
	// Conflict is set when a number is written twice and the two disagree,
	// "sex (7) månader"; the digits are kept.
	Conflict bool `json:"conflict,omitempty"`
}

func newItem(kind Kind, clause, text string, start, end int) Item {
	return Item{Kind: kind, Clause: clause, Span: Span{start, end}, Text: text[start:end]}
}

// Extract runs every extractor over a clause's text and returns the items in
// the order they appear (a longer item first when two start together).
func Extract(text, clause string) []Item {
	toks := tokenize(text)
	items := durations(text, clause, toks)
	items = append(items, percentages(text, clause, toks)...)
	items = append(items, amounts(text, clause, toks)...)
	items = append(items, dates(text, clause, toks)...)
	items = append(items, CreditTiers(text, clause)...)
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	return items
}

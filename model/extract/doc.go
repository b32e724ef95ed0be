// Package extract finds what a contract manager needs in a clause's text:
// durations, percentages, amounts, dates and SLA credit tables, each with the
// clause it came from and its byte span so the UI can highlight it. On top of
// those it suggests tags from a built-in taxonomy, proposes deadline rules,
// SLA tiers, sub-processors and amendments for the user to accept or reject,
// and offers the Swedish folding and stemming that search needs.
//
// Everything here works on text already decoded and split into clauses
// (see model/docparse); nothing reads files. Swedish and English are both
// understood, because the reference agreements mix them.
package extract

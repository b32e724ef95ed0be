package extract

import "avtal/model"

// ProposalKind is what a proposal would add to an agreement.
type ProposalKind string

// The kinds of proposal.
const (
	ProposeRule         ProposalKind = "rule"
	ProposeSLATiers     ProposalKind = "sla_tiers"
	ProposeSubProcessor ProposalKind = "subprocessor"
	ProposeAmendment    ProposalKind = "amendment"
	// ProposeTerm is the agreement's own term: initial period, renewal,
	// notice, or "until further notice".
	ProposeTerm ProposalKind = "term"
	// ProposeSupplier is the supplier's name and organisation number.
	ProposeSupplier ProposalKind = "supplier"
	// ProposeField is one other field of the agreement the text states:
	// a date (signed, effective, start), its kind, governing law or venue.
	ProposeField ProposalKind = "field"
)

// Field names a field of the agreement a ProposeField proposal sets, as
// `avtal set` spells it.
type Field struct {
	Name  string `json:"name"`  // signed | effective | start | kind | governing_law | venue
	Value string `json:"value"` // as `avtal set` reads it: a date YYYY-MM-DD, a kind, free text
}

// Proposal is something the importer found and suggests adding to an
// agreement. Proposals are data: the user accepts or rejects each one and
// nothing is applied without that. Exactly one of Rule, Tiers, Sub,
// Amendment, Term, Supplier and Field is set, as Kind says.
type Proposal struct {
	Kind   ProposalKind `json:"kind"`
	Clause string       `json:"clause"`
	// Span is where the evidence is in the clause body.
	Span
	// Evidence is the sentence or row the proposal rests on, on one line.
	Evidence string `json:"evidence"`
	// Confidence is how sure the heuristic is, from 0 to 1.
	Confidence float64 `json:"confidence"`
	// Reason says in a few English words what the proposal rests on.
	Reason string `json:"reason"`

	Rule      *model.Rule         `json:"rule,omitempty"`
	Tiers     []model.CreditTier  `json:"tiers,omitempty"`
	Sub       *model.SubProcessor `json:"subprocessor,omitempty"`
	Amendment *Amendment          `json:"amendment,omitempty"`
	Term      *model.Term         `json:"term,omitempty"`
	Supplier  *model.Party        `json:"supplier,omitempty"`
	Field     *Field              `json:"field,omitempty"`
	// Region is where a sub-processor processes data when the text names a
	// region rather than a country: "EEA", "EU".
	Region string `json:"region,omitempty"`
}

// Propose looks through the clauses of a document and proposes the
// agreement's term, deadline rules, SLA credit tiers and sub-processors
// clause by clause, then the amendments that appendices make. A rule the
// document states twice is proposed once, from where it first stands.
func Propose(clauses []model.Clause) []Proposal {
	var out []Proposal
	var term termFinder
	rules := map[ruleKey]bool{}
	for _, c := range clauses {
		toks := tokenize(c.Body)
		sents := sentences(c.Body)
		ls := lengths(c.Body, c.Number, toks, sents)
		used := term.clause(c, sents, ls)
		for _, p := range proposeRules(c, toks, sents, ls, used) {
			if k := keyOf(*p.Rule); !rules[k] {
				rules[k] = true
				out = append(out, p)
			}
		}
		out = append(out, ProposeTiers(c)...)
		out = append(out, ProposeSubProcessors(c)...)
	}
	out = append(term.proposals(), out...)
	for _, a := range DetectAmendments(clauses) {
		out = append(out, a.proposal(clauses))
	}
	return out
}

// ruleKey is what makes two proposed rules the same: their kind and length.
type ruleKey struct {
	kind   model.DeadlineKind
	offset model.Period
	on     string
}

func keyOf(r model.Rule) ruleKey { return ruleKey{r.Kind, r.Offset, r.On} }

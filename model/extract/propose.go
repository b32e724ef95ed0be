package extract

import (
	"slices"
	"strings"
	"sync"

	"avtal/model"
)

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
	// Plan names the plan or service level Tiers hold for, when a table
	// gives the tiers of several side by side ("Pro").
	Plan string `json:"plan,omitempty"`
}

// Propose looks through the clauses of a document and proposes the
// agreement's supplier, dates, governing law and term, deadline rules, SLA credit tiers and sub-processors
// clause by clause, then the amendments that appendices make. A rule the
// document states twice is proposed once, from where it first stands.
func Propose(clauses []model.Clause) []Proposal {
	var out []Proposal
	var term termFinder
	var supplier supplierFinder
	var fields fieldFinder
	rules := map[ruleKey]bool{}
	var amendments []Amendment
	// Each clause is prepared once, by whichever of the two loops below
	// comes to it first.
	prep := make([]func() *prepared, len(clauses))
	outer := outerHeadings(clauses)
	title := documentTitle(clauses)
	size := 0
	for i, c := range clauses {
		prep[i] = sync.OnceValue(func() *prepared {
			p := prepare(c)
			p.outer = outer[i]
			return p
		})
		size += len(c.Body) + 1
	}
	supplier.text.Grow(size) // it gathers every body
	// The supplier and the agreement's fields are looked for on a core of
	// their own: they read each clause alone, as the rules and the term do,
	// and together they are half the work.
	parties := make(chan struct{})
	go func() {
		defer close(parties)
		for _, p := range prep {
			c := p()
			supplier.clause(c)
			fields.clause(c)
		}
	}()
	for _, p := range prep {
		c := p()
		ls := lengths(c)
		used := term.clause(c, ls)
		for _, p := range proposeRules(c, ls, used) {
			if k := keyOf(*p.Rule); !rules[k] {
				rules[k] = true
				out = append(out, p)
			}
		}
		out = append(out, ProposeTiers(c.Clause)...)
		out = append(out, ProposeSubProcessors(c.Clause, c.outer+"\n"+title)...)
		amendments = append(amendments, findAmendments(c.Number, c.Body, c.sents)...)
	}
	<-parties
	sup := supplier.proposal()
	out = append(append(append(sup, fields.props...), term.proposals()...), notSupplier(oncePerName(mergeSiblingTiers(out)), sup)...)
	for _, a := range amendments {
		out = append(out, a.proposal(clauses))
	}
	return out
}

// documentTitle is the heading of a document's opening clause when it has
// no number: the title, which may say what the whole page lists.
func documentTitle(clauses []model.Clause) string {
	if len(clauses) > 0 && clauses[0].Number == "" {
		return clauses[0].Heading
	}
	return ""
}

// notSupplier drops from ps the sub-processors that are the supplier
// itself, named in a footer or a contact line of its own list: the same
// name but for its legal form ("Example" of "Example, Inc."). An
// affiliate with a name of its own ("Example Cloud Ltd") stays.
func notSupplier(ps, supplier []Proposal) []Proposal {
	if len(supplier) == 0 {
		return ps
	}
	own := bareName(supplier[0].Supplier.Name)
	return slices.DeleteFunc(ps, func(p Proposal) bool {
		return p.Kind == ProposeSubProcessor && bareName(p.Sub.Name) == own
	})
}

// oncePerName drops a sub-processor proposed again under a name already
// proposed: a list split by region names one company in each of its
// tables, and it is one sub-processor, as it is when a table names it twice.
func oncePerName(ps []Proposal) []Proposal {
	seen := map[string]bool{}
	return slices.DeleteFunc(ps, func(p Proposal) bool {
		if p.Kind != ProposeSubProcessor {
			return false
		}
		dup := seen[p.Sub.Name]
		seen[p.Sub.Name] = true
		return dup
	})
}

// bareName is a company name lower-cased without its legal form and punctuation.
func bareName(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		if b := bareWord(w); b != "" && !legalForms[strings.Trim(w, ",.")] {
			words = append(words, b)
		}
	}
	return strings.Join(words, " ")
}

// ruleKey is what makes two proposed rules the same: their kind and length.
type ruleKey struct {
	kind   model.DeadlineKind
	offset model.Period
	on     string
}

func keyOf(r model.Rule) ruleKey { return ruleKey{r.Kind, r.Offset, r.On} }

// Merge drops from the proposals of a file's documents, given in document
// order, what an earlier document already proposes: a rule of the same kind
// and length, a part of the agreement's term, the supplier, a field. An
// agreement with an initial period is not also one "until further notice"
// because an annex (a DPA) runs as long as the agreement does. It changes
// the lists in place and returns them.
func Merge(docs [][]Proposal) [][]Proposal {
	var term model.Term
	for _, ps := range docs {
		for _, p := range ps {
			if p.Kind == ProposeTerm {
				term.Initial = orPeriod(term.Initial, p.Term.Initial)
			}
		}
	}
	rules := map[ruleKey]bool{}
	fields := map[string]bool{}
	supplier := false
	for i, ps := range docs {
		kept := ps[:0]
		for _, p := range ps {
			switch p.Kind {
			case ProposeRule:
				k := keyOf(*p.Rule)
				if rules[k] {
					continue
				}
				rules[k] = true
			case ProposeTerm:
				t := *p.Term
				t.Initial = newPart(t.Initial, fields, "initial")
				t.Renewal = newPart(t.Renewal, fields, "renewal")
				t.Notice = newPart(t.Notice, fields, "notice")
				t.Indefinite = t.Indefinite && term.Initial.IsZero() && !fields["indefinite"]
				fields["indefinite"] = fields["indefinite"] || t.Indefinite
				if t.Initial.IsZero() && t.Renewal.IsZero() && t.Notice.IsZero() && !t.Indefinite {
					continue
				}
				p.Term = &t
			case ProposeSupplier:
				if supplier {
					continue
				}
				supplier = true
			case ProposeField:
				if fields["field:"+p.Field.Name] {
					continue
				}
				fields["field:"+p.Field.Name] = true
			}
			kept = append(kept, p)
		}
		docs[i] = kept
	}
	return docs
}

// newPart returns a part of a term unless an earlier document proposed it.
func newPart(p model.Period, seen map[string]bool, name string) model.Period {
	if p.IsZero() || seen[name] {
		return model.Period{}
	}
	seen[name] = true
	return p
}

package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Kind is what sort of agreement a document is.
type Kind string

// The kinds of agreement Avtal knows.
const (
	KindGeneralTerms Kind = "general_terms"
	KindSLA          Kind = "sla"
	KindDPA          Kind = "dpa"
	KindVolume       Kind = "volume"
	KindFramework    Kind = "framework"
	KindSubscription Kind = "subscription"
	KindOrder        Kind = "order"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{KindGeneralTerms, KindSLA, KindDPA, KindVolume, KindFramework, KindSubscription, KindOrder}

// Status is where an agreement is in its life.
type Status string

// The statuses of an agreement.
const (
	StatusDraft      Status = "draft"
	StatusActive     Status = "active"
	StatusTerminated Status = "terminated"
	StatusExpired    Status = "expired"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusDraft, StatusActive, StatusTerminated, StatusExpired}

// Party is one side of an agreement.
type Party struct {
	Name      string `json:"name" yaml:"name"`
	OrgNumber string `json:"org_number,omitempty" yaml:"org_number,omitempty"`
	Country   string `json:"country,omitempty" yaml:"country,omitempty"`
}

// Fee is what the customer pays, per period.
type Fee struct {
	Amount   Amount `json:"amount" yaml:"amount"`
	Currency string `json:"currency,omitempty" yaml:"currency,omitempty"`
	Per      Unit   `json:"per,omitempty" yaml:"per,omitempty"` // months or years
}

// RelationKind says how two agreements hang together.
type RelationKind string

// The relations between agreements.
const (
	// RelCallOff: this agreement is a call-off or subscription under a framework.
	RelCallOff RelationKind = "call_off_of"
	// RelPartOf: this agreement is an integral part of another (a DPA inside a framework).
	RelPartOf RelationKind = "part_of"
	// RelSupersedes: this agreement replaces another.
	RelSupersedes RelationKind = "supersedes"
)

// Relation points from one agreement to another.
type Relation struct {
	Kind   RelationKind `json:"kind" yaml:"kind"`
	Target string       `json:"target" yaml:"target"`
	Note   string       `json:"note,omitempty" yaml:"note,omitempty"`
}

// Precedence is the order in which an agreement's documents prevail when
// they conflict, first wins, plus a document that always prevails on one
// subject (Centuri: the DPA on personal data).
type Precedence struct {
	Order     []string `json:"order,omitempty" yaml:"order,omitempty"`
	Overrides []string `json:"overrides,omitempty" yaml:"overrides,omitempty"` // e.g. "dpa: personal data"
	Clause    string   `json:"clause,omitempty" yaml:"clause,omitempty"`
}

// Agreement is one agreement in the register with everything Avtal knows of it.
type Agreement struct {
	ID         string         `json:"id" yaml:"id"`
	Title      string         `json:"title" yaml:"title"`
	Kind       Kind           `json:"kind" yaml:"kind"`
	Status     Status         `json:"status" yaml:"status"`
	Supplier   Party          `json:"supplier" yaml:"supplier"`
	Customer   Party          `json:"customer" yaml:"customer"`
	Signed     Date           `json:"signed,omitzero" yaml:"signed,omitempty"`
	Effective  Date           `json:"effective,omitzero" yaml:"effective,omitempty"`
	Start      Date           `json:"start,omitzero" yaml:"start,omitempty"`
	Term       Term           `json:"term" yaml:"term"`
	Law        string         `json:"governing_law,omitempty" yaml:"governing_law,omitempty"`
	Venue      string         `json:"venue,omitempty" yaml:"venue,omitempty"`
	Fee        Fee            `json:"fee,omitzero" yaml:"fee,omitempty"`
	Owner      string         `json:"owner,omitempty" yaml:"owner,omitempty"`
	Summary    string         `json:"summary,omitempty" yaml:"summary,omitempty"`
	Sample     []string       `json:"sample_values,omitempty" yaml:"sample_values,omitempty"` // fields whose values are invented for the sample
	Relations  []Relation     `json:"relations,omitempty" yaml:"relations,omitempty"`
	Precedence Precedence     `json:"precedence,omitzero" yaml:"precedence,omitempty"`
	Rules      []Rule         `json:"rules,omitempty" yaml:"rules,omitempty"`
	SubPolicy  *SubPolicy     `json:"subprocessor_policy,omitempty" yaml:"subprocessor_policy,omitempty"`
	Subs       []SubProcessor `json:"subprocessors,omitempty" yaml:"subprocessors,omitempty"`
	SLA        *SLATerms      `json:"sla,omitempty" yaml:"sla,omitempty"`
	Documents  []Document     `json:"documents,omitempty" yaml:"documents,omitempty"`
}

// Parent returns the id of the framework this agreement is a call-off or
// subscription of, or "".
func (a *Agreement) Parent() string {
	for _, r := range a.Relations {
		if r.Kind == RelCallOff {
			return r.Target
		}
	}
	return ""
}

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`) })

// Validate checks an agreement and returns the first problem found, naming the field.
func (a *Agreement) Validate() error {
	switch {
	case !idPattern().MatchString(a.ID):
		return fieldError("id", "id", a.ID)
	case strings.TrimSpace(a.Title) == "":
		return fieldError("title", "required")
	case !oneOf(a.Kind, Kinds):
		return fieldError("kind", "one_of", a.Kind, join(Kinds))
	case !oneOf(a.Status, Statuses):
		return fieldError("status", "one_of", a.Status, join(Statuses))
	case strings.TrimSpace(a.Supplier.Name) == "":
		return fieldError("supplier.name", "required")
	case a.Fee.Amount < 0:
		return fieldError("fee.amount", "negative")
	}
	if err := a.Term.validate(); err != nil {
		return err
	}
	for i, r := range a.Relations {
		if r.Target == a.ID {
			return fieldError(fmt.Sprintf("relations[%d].target", i), "relation_self")
		}
		if !oneOf(r.Kind, []RelationKind{RelCallOff, RelPartOf, RelSupersedes}) {
			return fieldError(fmt.Sprintf("relations[%d].kind", i), "one_of", r.Kind, "call_off_of, part_of, supersedes")
		}
	}
	for i := range a.Rules {
		if err := a.Rules[i].Validate(); err != nil {
			return prefix(fmt.Sprintf("rules[%d]", i), err)
		}
	}
	for i := range a.Subs {
		if err := a.Subs[i].Validate(); err != nil {
			return prefix(fmt.Sprintf("subprocessors[%d]", i), err)
		}
	}
	if a.SLA != nil {
		if err := a.SLA.Validate(); err != nil {
			return prefix("sla", err)
		}
	}
	for i := range a.Documents {
		if err := a.Documents[i].Validate(); err != nil {
			return prefix(fmt.Sprintf("documents[%d]", i), err)
		}
	}
	return nil
}

// CheckEdit checks an edit of the agreement stored as id: it keeps the id
// (a new id is an export and an import under it) and is valid.
func (a *Agreement) CheckEdit(id string) error {
	if a.ID != id {
		return fieldError("id", "id_fixed", id)
	}
	return a.Validate()
}

// prefix is err as the refusal of a field inside p, keeping its key.
func prefix(p string, err error) error {
	if fe, ok := err.(*FieldError); ok {
		return &FieldError{Field: p + "." + fe.Field, Msg: fe.Msg, Key: fe.Key, Args: fe.Args}
	}
	return RefusedOn(p, err)
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func join[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// TermStart is the day the term is counted from: the agreed start date,
// else the effective date, else the signing date (Centuri: the start date
// defaults to the agreement date).
func (a *Agreement) TermStart() Date {
	for _, d := range []Date{a.Start, a.Effective, a.Signed} {
		if !d.IsZero() {
			return d
		}
	}
	return Date{}
}

// DatesLack names the fields the agreement lacks for the dates of its term
// (its periods, renewals and cancel-by days) to be counted: a start (or an
// effective or signed date) and, as it does not run until further notice,
// the length of its first period. None when they can be counted, for an
// agreement until further notice (its end counts from a notice given), and
// for one that has ended. A completed import whose calendar stays empty
// says so with this.
func (a *Agreement) DatesLack() []string {
	if a.Term.Indefinite || a.Ended() {
		return nil
	}
	var lack []string
	if a.TermStart().IsZero() {
		lack = append(lack, "start")
	}
	if !a.Term.Initial.Advances() {
		lack = append(lack, "term.initial")
	}
	return lack
}

// Ended reports whether the agreement has been terminated or has expired,
// so it has no notice date left to plan for.
func (a *Agreement) Ended() bool {
	return a.Status == StatusTerminated || a.Status == StatusExpired
}

// NextCancelBy is Term.NextCancelBy from the agreement's own start, and
// nothing for an agreement that has already ended.
func (a *Agreement) NextCancelBy(day Date) (TermPeriod, Date, bool) {
	if a.Ended() {
		return TermPeriod{}, Date{}, false
	}
	return a.Term.NextCancelBy(a.TermStart(), day)
}

// SampleOf returns those of fields whose values are invented for the
// sample (Sample), in the order given: a field is invented when Sample
// names it or the part it belongs to ("term" for "term.notice"). A date
// computed from such a field rests on a sample value and says so.
func (a *Agreement) SampleOf(fields ...string) []string {
	if len(a.Sample) == 0 {
		return nil
	}
	var out []string
	for _, f := range fields {
		part, _, _ := strings.Cut(f, ".")
		if slices.Contains(a.Sample, f) || slices.Contains(a.Sample, part) {
			out = append(out, f)
		}
	}
	return out
}

// LiveCallOffs returns the call-offs among related (the agreements that
// point at a framework, as Relation.Target) that still run by running. A
// framework such as Inera's Kundavtal 2 can end only once every call-off
// under it has ended, so terminating it while some run deserves a warning.
func LiveCallOffs(related []Relation, running func(id string) bool) []string {
	var out []string
	for _, r := range related {
		if r.Kind == RelCallOff && running(r.Target) {
			out = append(out, r.Target)
		}
	}
	return out
}

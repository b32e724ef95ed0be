package gen

import (
	"math/rand/v2"

	"avtal/model"
	"avtal/model/deadlines"
)

// builder makes the agreements of one family. It remembers, per topic, the
// clause that states it, so rules, SLA terms and sub-processors point at
// clauses that exist.
type builder struct {
	r           *rand.Rand
	cfg         *Config
	id          string
	sup         supplier
	lang        lang
	customer    model.Party
	earliest    model.Date // a call-off is signed after its framework
	separateDPA bool       // the DPA is its own agreement in the family
	x           text
	refs        [topicCount]string
}

func newBuilder(r *rand.Rand, cfg *Config, index int) *builder {
	sup := suppliers().pick(r)
	l := sup.lang
	if l == sv && chance(r, 15) {
		l = en
	}
	b := &builder{r: r, cfg: cfg, id: ID(cfg.Seed, index), sup: sup, lang: l, customer: choose(r, customers)}
	b.x = text{r: r, v: &vocabs[l]}
	b.earliest = cfg.Today.AddDays(-8 * 365)
	return b
}

// child returns a builder for another member of the family: same supplier,
// customer and language.
func (b *builder) child(index int) *builder {
	c := *b
	c.id = ID(b.cfg.Seed, index)
	c.separateDPA = false
	c.refs = [topicCount]string{}
	return &c
}

// size is the median and spread of an agreement's clause count by kind;
// with the mix of kinds in family.go the register averages about 100
// clauses per agreement.
var size = map[model.Kind][2]float64{
	model.KindGeneralTerms: {110, 0.5}, model.KindSLA: {50, 0.4}, model.KindDPA: {60, 0.4},
	model.KindVolume: {30, 0.4}, model.KindFramework: {90, 0.5}, model.KindSubscription: {28, 0.5},
	model.KindOrder: {24, 0.5},
}

// agreement generates one agreement of kind, related to another by rel.
func (b *builder) agreement(kind model.Kind, rel *model.Relation) Item {
	r, today := b.r, b.cfg.Today
	product := products.pick(r)
	a := &model.Agreement{ID: b.id, Kind: kind, Status: model.StatusActive, Customer: b.customer,
		Supplier: model.Party{Name: b.sup.name, Country: b.sup.country}, Owner: owners.pick(r)}
	a.Title = title(kind, b.lang, product, b.sup.name, r)
	a.Summary = summary(b.lang, product, b.sup.name)
	if rel != nil {
		a.Relations = []model.Relation{*rel}
	}

	// Dates: signed some day between the earliest allowed and today.
	span := max(1, b.earliest.DaysUntil(today))
	a.Signed = b.earliest.AddDays(r.IntN(span))
	a.Effective = a.Signed
	if chance(r, 30) {
		a.Effective = a.Signed.AddDays(between(r, 1, 60))
	}
	a.Start = a.Effective
	if chance(r, 40) {
		a.Start = model.MustDate(a.Effective.Year(), a.Effective.Month(), 1).AddMonths(1)
	}
	if kind == model.KindFramework {
		b.earliest = a.Signed
	}

	hasSLA := kind == model.KindSLA || (kind == model.KindGeneralTerms && chance(r, 45)) ||
		(kind == model.KindSubscription && chance(r, 30))
	hasDPA := kind == model.KindDPA || (kind == model.KindGeneralTerms && !b.separateDPA && chance(r, 65)) ||
		(kind == model.KindFramework && chance(r, 40))
	if hasDPA {
		a.Subs = b.subProcessors(a.Start)
	}
	sz := size[kind]
	if rel != nil && rel.Kind == model.RelCallOff {
		sz[0] = 18
	}
	budget := min(900, max(8, int(logNormal(r, sz[0], sz[1]))))
	a.Documents = b.documents(kind, product, budget, hasSLA, hasDPA, a.Subs)

	a.Term = b.term(kind)
	a.Term.Clause = b.refs[tTerm]
	if kind != model.KindDPA && kind != model.KindFramework && kind != model.KindVolume {
		a.Fee = fee(r)
	}
	a.Law = b.sup.law
	if chance(r, 20) {
		a.Law = "Swedish law"
	}
	a.Venue = venue(r, a.Law)
	if len(a.Documents) > 1 {
		a.Precedence.Order = docNames(a.Documents)
		a.Precedence.Clause = b.refs[tScope]
		if hasDPA && chance(r, 50) {
			a.Precedence.Overrides = []string{a.Documents[len(a.Documents)-1].Name + ": personal data"}
		}
	}
	if hasSLA {
		a.SLA = b.sla()
	}
	if hasDPA {
		a.SubPolicy = b.subPolicy(a.Subs)
	}
	a.Rules = b.rules(a)

	it := Item{Agreement: a}
	b.status(&it)
	if hasSLA {
		it.Incidents = b.incidents(a)
	}
	if hasDPA && a.Status == model.StatusActive {
		it.Events = append(it.Events, b.notices(a)...)
	}
	return it
}

// status makes a few agreements drafts, terminated or expired, with the
// termination recorded as an event.
func (b *builder) status(it *Item) {
	a, r, today := it.Agreement, b.r, b.cfg.Today
	switch n := r.IntN(100); {
	case n < 2:
		a.Status = model.StatusDraft
		a.Signed = model.Date{}
		a.Effective = today.AddDays(between(b.r, 14, 120))
		a.Start = a.Effective
	case n < 6 && a.Start.Before(today):
		a.Status = model.StatusTerminated
		on := a.Start.AddDays(r.IntN(max(1, a.Start.DaysUntil(today))))
		it.Events = append(it.Events, deadlines.Event{Name: deadlines.EventTermination, Date: on, Note: "Notice of termination sent"})
	default:
		if p, ok := a.Term.Period(a.TermStart(), 0); ok && !a.Term.Renews() && p.End.Before(today) {
			a.Status = model.StatusExpired
		}
	}
}

func title(kind model.Kind, l lang, product [2]string, supplier string, r *rand.Rand) string {
	p := product[l]
	switch kind {
	case model.KindSLA:
		return [2]string{"Servicenivåavtal " + p + " – " + supplier, "Service level agreement, " + p + " – " + supplier}[l]
	case model.KindDPA:
		return [2]string{"Personuppgiftsbiträdesavtal – " + supplier, "Data processing agreement – " + supplier}[l]
	case model.KindVolume:
		return [2]string{"Volymavtal " + supplier + " – " + p, "Volume agreement " + supplier + " – " + p}[l]
	case model.KindFramework:
		return [2]string{"Ramavtal " + p, "Framework agreement, " + p}[l]
	case model.KindSubscription:
		return upperFirst(p) + [2]string{" – abonnemang", " – subscription"}[l]
	case model.KindOrder:
		return [2]string{"Avrop ", "Call-off "}[l] + p + " " + string(rune('A'+r.IntN(26)))
	}
	return upperFirst(p) + " – " + supplier
}

func summary(l lang, product [2]string, supplier string) string {
	return upperFirst(product[l]) + [2]string{" från ", " from "}[l] + supplier + "."
}

func docNames(docs []model.Document) []string {
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.Name
	}
	return names
}

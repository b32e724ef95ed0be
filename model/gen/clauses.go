package gen

import (
	"slices"
	"strconv"

	"avtal/model"
)

// The chapters of each document, in order; a topic in optional appears
// with the given chance.
var (
	mainTopics = []topicID{tDefinitions, tScope, tService, tCustomer, tFees, tIndexation, tSupport, tSecurity,
		tConfidentiality, tIP, tLiability, tForceMajeure, tTerm, tExit, tAssignment, tTermsChange, tLaw}
	slaTopics       = []topicID{tScope, tAvailability, tSupport, tMaintenance, tCredit}
	dpaTopics       = []topicID{tDefinitions, tProcessing, tSecurity, tSubprocessors, tBreach, tThirdCountry, tAudit, tConfidentiality, tLiability, tTerm, tExit, tLaw}
	frameworkTopics = []topicID{tDefinitions, tScope, tCallOff, tFees, tIndexation, tConfidentiality, tLiability, tTerm, tLaw}
	volumeTopics    = []topicID{tScope, tFees, tIndexation, tProcessing, tTerm}
	callOffTopics   = []topicID{tScope, tService, tFees, tTerm}
	optional        = map[topicID]int{tIndexation: 50, tSupport: 30, tSecurity: 40, tExit: 60, tTermsChange: 50, tThirdCountry: 50, tAudit: 80}
)

// Document names by language.
var (
	slaName      = [2]string{"Servicenivåavtal (SLA)", "Service level agreement (SLA)"}
	dpaName      = [2]string{"Personuppgiftsbiträdesavtal", "Data processing agreement"}
	instrName    = [2]string{"Bilaga 1 – Instruktioner för behandling", "Appendix 1 – Processing instructions"}
	securityName = [2]string{"Bilaga 2 – Säkerhetsåtgärder", "Appendix 2 – Security measures"}
	subsName     = [2]string{"Bilaga B – Underbiträden", "Appendix B – Sub-processors"}
	instrItems   = [2][]string{
		{"Ändamål", "Kategorier av personuppgifter", "Kategorier av registrerade", "Behandlingens art", "Plats för behandling", "Lagringstid", "Kontaktpersoner"},
		{"Purpose", "Categories of personal data", "Categories of data subjects", "Nature of the processing", "Location", "Retention", "Contacts"}}
	securityItems = [2][]string{
		{"Fysisk säkerhet", "Behörighet och åtkomst", "Kryptering", "Kontinuitet och säkerhetskopiering"},
		{"Physical security", "Access control", "Encryption", "Continuity and backups"}}
)

// documents generates the documents of an agreement of kind with about
// budget clauses in all.
func (b *builder) documents(kind model.Kind, product [2]string, budget int, hasSLA, hasDPA bool, subs []model.SubProcessor) []model.Document {
	l, p := b.lang, product[b.lang]
	slaBudget, dpaBudget := 0, 0
	if hasSLA && kind != model.KindSLA {
		slaBudget = max(5, budget/5)
	}
	if hasDPA && kind != model.KindDPA {
		dpaBudget = max(8, budget/5)
	}
	main := max(5, budget-slaBudget-dpaBudget)
	var docs []model.Document
	switch kind {
	case model.KindSLA:
		docs = append(docs, b.document(slaName[l], model.KindSLA, "", slaTopics, main))
	case model.KindDPA:
		docs = append(docs, b.dpa(main, subs, "")...)
	case model.KindFramework:
		docs = append(docs, b.document([2]string{"Ramavtal – ", "Framework agreement – "}[l]+p, kind, "", frameworkTopics, main))
	case model.KindVolume:
		docs = append(docs, b.document([2]string{"Volymavtal – villkor", "Volume agreement – terms"}[l], kind, "", volumeTopics, main))
	case model.KindSubscription:
		docs = append(docs, b.document([2]string{"Tjänstespecifika villkor – ", "Service terms – "}[l]+p, kind, "", callOffTopics, main))
	case model.KindOrder:
		docs = append(docs, b.document([2]string{"Avropsavtal", "Call-off contract"}[l], kind, "", callOffTopics, main))
	default:
		d := b.document([2]string{"Allmänna villkor – ", "General terms – "}[l]+p, kind, "", mainTopics, main)
		d.Version = strconv.Itoa(between(b.r, 1, 5)) + "." + strconv.Itoa(b.r.IntN(10))
		docs = append(docs, d)
	}
	if slaBudget > 0 {
		docs = append(docs, b.document(slaName[l], model.KindSLA, "SLA ", slaTopics, slaBudget))
	}
	if dpaBudget > 0 {
		docs = append(docs, b.dpa(dpaBudget, subs, "DPA ")...)
	}
	return docs
}

// document generates one document whose chapters are topics (optional ones
// drawn), with about budget clauses. prefix is put before clause numbers
// when other parts of the agreement point into this document ("SLA 7.1").
func (b *builder) document(name string, kind model.Kind, prefix string, ts []topicID, budget int) model.Document {
	chosen := make([]topicID, 0, len(ts))
	for _, t := range ts {
		if pct, ok := optional[t]; !ok || chance(b.r, pct) {
			chosen = append(chosen, t)
		}
	}
	d := model.Document{Name: name, Kind: kind, Clauses: make([]model.Clause, 0, budget+4)}
	per := float64(budget) / float64(len(chosen))
	for i, t := range chosen {
		n := max(1, int(per*(0.5+b.r.Float64())+0.5))
		d.Clauses = b.chapter(d.Clauses, strconv.Itoa(i+1), t, n, prefix)
	}
	return d
}

// chapter appends a chapter of n clauses on topic id: the chapter heading
// (1), its sub-clauses (1.1) and now and then a third level (1.1.1).
func (b *builder) chapter(cs []model.Clause, num string, id topicID, n int, prefix string) []model.Clause {
	t := &topics[id]
	c := model.Clause{Number: num, Heading: t.heading[b.lang], Tags: t.tags}
	if chance(b.r, 35) {
		c.Body = b.x.body(t, b.lang)
	}
	cs = append(cs, c)
	ref := num
	for j := 1; n > 1; j++ {
		sub := num + "." + strconv.Itoa(j)
		if j == 1 {
			ref = sub
		}
		cs = append(cs, b.clause(sub, t, 85))
		n--
		if n > 2 && chance(b.r, 25) {
			k := min(n-1, between(b.r, 2, 4))
			for m := 1; m <= k; m++ {
				cs = append(cs, b.clause(sub+"."+strconv.Itoa(m), t, 35))
			}
			n -= k
		}
	}
	if b.refs[id] == "" {
		b.refs[id] = prefix + ref
	}
	return cs
}

// clause is one sub-clause with a heading headed % of the time.
func (b *builder) clause(num string, t *topic, headed int) model.Clause {
	c := model.Clause{Number: num}
	if chance(b.r, headed) {
		c.Heading = b.x.heading(t, b.lang)
	}
	if c.Heading == "" || chance(b.r, 92) {
		c.Body = b.x.body(t, b.lang)
	}
	if len(t.tags) > 0 && chance(b.r, 30) {
		c.Tags = slices.Clip(t.tags[:1])
	}
	return c
}

// dpa returns the data processing agreement and its appendices: processing
// instructions (1, 2, …), security measures (A, A.1, …) and the approved
// sub-processors (B, B.1, …), which the sub-processors' Clause points at.
func (b *builder) dpa(budget int, subs []model.SubProcessor, prefix string) []model.Document {
	l := b.lang
	docs := []model.Document{b.document(dpaName[l], model.KindDPA, prefix, dpaTopics, budget)}
	proc := &topics[tProcessing]
	instr := model.Document{Name: instrName[l], Kind: model.KindDPA}
	for i, h := range instrItems[l] {
		instr.Clauses = append(instr.Clauses, model.Clause{Number: strconv.Itoa(i + 1), Heading: h, Body: b.x.body(proc, l)})
	}
	sec := model.Document{Name: securityName[l], Kind: model.KindDPA}
	for i, h := range securityItems[l] {
		letter := string(rune('A' + i))
		sec.Clauses = append(sec.Clauses, model.Clause{Number: letter, Heading: h, Tags: []string{"security"}})
		for j := 1; j <= between(b.r, 1, 3); j++ {
			sec.Clauses = append(sec.Clauses, b.clause(letter+"."+strconv.Itoa(j), &topics[tSecurity], 30))
		}
	}
	docs = append(docs, instr, sec)
	if len(subs) > 0 {
		list := model.Document{Name: subsName[l], Kind: model.KindDPA,
			Clauses: []model.Clause{{Number: "B", Heading: topics[tSubprocessors].subs[l][3], Tags: []string{"subprocessors"}}}}
		for _, s := range subs {
			list.Clauses = append(list.Clauses, model.Clause{Number: s.Clause, Heading: s.Name,
				Body: s.Purpose + " (" + s.Country + ").", Tags: []string{"subprocessors"}})
		}
		docs = append(docs, list)
	}
	return docs
}

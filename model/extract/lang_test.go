package extract

import (
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

func TestDurationsInFiveLanguages(t *testing.T) {
	p := func(n int, u model.Unit) model.Period { return model.Period{N: n, Unit: u} }
	tests := []struct {
		in   string
		text string
		want model.Period
	}{
		{"betales senest 30 dage fra fakturadato", "30 dage", p(30, model.Days)},
		{"med seks måneders varsel", "seks måneders", p(6, model.Months)},
		{"inden for fem (5) hverdage", "fem (5) hverdage", p(5, model.WorkDays)},
		{"senest 48 timer efter", "48 timer", p(48, model.Hours)},
		{"oppsigelsestid på tre (3) måneder", "tre (3) måneder", p(3, model.Months)},
		{"innen ti virkedager", "ti virkedager", p(10, model.WorkDays)},
		{"tjuefire måneder", "tjuefire måneder", p(24, model.Months)},
		{"irtisanomisaika on kolme kuukautta", "kolme kuukautta", p(3, model.Months)},
		{"kuuden kuukauden irtisanomisajalla", "kuuden kuukauden", p(6, model.Months)},
		{"14 päivän kuluessa", "14 päivän", p(14, model.Days)},
		{"viiden arkipäivän kuluessa", "viiden arkipäivän", p(5, model.WorkDays)},
		{"14&nbsp;päivän kuluessa", "14&nbsp;päivän", p(14, model.Days)},
		{"inom tre (3) månader", "tre (3) månader", p(3, model.Months)},
		{"inom fem arbetsdagar", "fem arbetsdagar", p(5, model.WorkDays)},
		{"within thirty (30) days", "thirty (30) days", p(30, model.Days)},
		{"within ten business days", "ten business days", p(10, model.WorkDays)},
	}
	for _, tt := range tests {
		got := Durations(tt.in, "1")
		if len(got) != 1 || got[0].Text != tt.text || got[0].Period != tt.want {
			t.Errorf("Durations(%q) = %+v, want %q %v", tt.in, got, tt.text, tt.want)
		}
	}
	// a number word and a unit of different languages make no length: the
	// English "one" and the Danish "time" (an hour)
	for _, in := range []string{"at any one time", "one dag", "to years"} {
		if got := Durations(in, "1"); len(got) != 0 {
			t.Errorf("Durations(%q) = %+v, want none", in, got)
		}
	}
}

// TestRulesInFiveLanguages: sentences of our own, each stating one
// deadline (or none) the way agreements in that language do.
func TestRulesInFiveLanguages(t *testing.T) {
	tests := []struct {
		lang, heading, body string
		want                []string
	}{
		// payment
		{"sv", "Betalning", "Fakturan ska betalas inom trettio (30) dagar från fakturadatum.", []string{"payment event:invoice 30 days"}},
		{"da", "Betaling", "Fakturaen skal betales senest 30 dage fra fakturadato.", []string{"payment event:invoice 30 days"}},
		{"no", "Betaling", "Faktura forfaller til betaling innen 14 dager.", []string{"payment event:invoice 14 days"}},
		{"fi", "Maksuehdot", "Lasku on maksettava 14 päivän kuluessa laskun päivämäärästä.", []string{"payment event:invoice 14 days"}},
		{"en", "Fees", "All invoices are due within thirty (30) days of the invoice date.", []string{"payment event:invoice 30 days"}},
		// a breach reported by the supplier, in hours
		{"sv", "Incidenter", "Biträdet ska underrätta Kunden om en personuppgiftsincident senast 36 timmar efter att ha fått kännedom om den.",
			[]string{"breach_notification event:breach 36 hours"}},
		{"da", "Brud", "Databehandleren underretter den dataansvarlige senest 24 timer efter at være blevet opmærksom på et databrud.",
			[]string{"breach_notification event:breach 24 hours"}},
		{"no", "Avvik", "Leverandøren skal varsle kunden om et sikkerhetsbrudd innen 48 timer.", []string{"breach_notification event:breach 48 hours"}},
		{"fi", "Tietoturva", "Käsittelijä ilmoittaa tietoturvaloukkauksesta 24 tunnin kuluessa.", []string{"breach_notification event:breach 24 hours"}},
		{"en", "Security", "Provider shall notify Customer of a Security Incident no later than 48 hours after becoming aware of it.",
			[]string{"breach_notification event:breach 48 hours"}},
		// a cure period
		{"sv", "Hävning", "Part får häva avtalet om motparten bryter mot avtalet och inte vidtar rättelse inom 20 dagar efter skriftlig begäran.",
			[]string{"cure_period event:breach_notice 20 days"}},
		{"en", "Termination", "Either party may terminate if the other fails to cure a material breach within 15 days after notice.",
			[]string{"cure_period event:breach_notice 15 days"}},
		// sub-processors: advance notice, then the objection window
		{"sv", "Underbiträden", "Biträdet ska informera Kunden minst 30 dagar innan ett nytt underbiträde anlitas. Kunden får invända inom 10 dagar.",
			[]string{"subprocessor_advance_notice event:notice_received 30 days", "subprocessor_objection event:notice_received 10 days"}},
		{"da", "Underdatabehandlere", "Databehandleren giver 30 dages forudgående varsel før en ny underdatabehandler tages i brug.",
			[]string{"subprocessor_advance_notice event:notice_received 30 days"}},
		{"en", "Subprocessors", "Provider will notify Customer at least 20 business days in advance of adding a subprocessor; Customer may object within 14 days of the notice.",
			[]string{"subprocessor_advance_notice event:notice_received 20 business days", "subprocessor_objection event:notice_received 14 days"}},
		// changed terms and prices announced in advance
		{"sv", "Ändringar", "Leverantören får ändra villkoren genom att meddela Kunden minst 60 dagar i förväg.",
			[]string{"terms_change_notice event:terms_notice_received 60 days"}},
		{"en", "Changes", "We may update these terms by giving you notice at least 45 days before the change takes effect.",
			[]string{"terms_change_notice event:terms_notice_received 45 days"}},
		{"no", "Priser", "Leverandøren skal varsle kunden om prisendringer minst to måneder før endringen.",
			[]string{"price_increase_notice cancel_by 2 months before"}},
		// lengths that are no deadlines: a liability look-back, a retention, interest
		{"en", "Liability", "Liability is limited to the fees paid in the twelve (12) months preceding the claim.", nil},
		{"sv", "Lagring", "Loggar sparas i 12 månader och raderas därefter.", nil},
		{"da", "Betaling", "Ved for sen betaling påløber rente efter 30 dage.", nil},
		{"fi", "Maksut", "Viivästyneestä maksusta peritään viivästyskorko 14 päivän jälkeen.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range ProposeRules(model.Clause{Number: "1", Heading: tt.heading, Body: tt.body}) {
			got = append(got, strings.TrimPrefix(describeRule(p), "1 "))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: rules %q, want %q", tt.lang, tt.body, got, tt.want)
		}
	}
}

func TestProposeTerm(t *testing.T) {
	m := func(n int) model.Period { return model.Period{N: n, Unit: model.Months} }
	tests := []struct {
		lang, body string
		want       model.Term
	}{
		{"sv", "Avtalet gäller tills vidare med en uppsägningstid om tre (3) månader.", model.Term{Indefinite: true, Notice: m(3)}},
		{"sv", "Avtalet löper under en inledande avtalsperiod om 24 månader. Avtalet förlängs därefter automatiskt med 12 månader i taget. Uppsägning ska ske senast tre månader före avtalsperiodens utgång.",
			model.Term{Initial: m(24), Renewal: m(12), Notice: m(3)}},
		{"da", "Aftalen løber indtil videre og kan opsiges med seks måneders varsel.", model.Term{Indefinite: true, Notice: m(6)}},
		{"no", "Avtalen gjelder inntil videre. Den kan sies opp med to måneders varsel.", model.Term{Indefinite: true, Notice: m(2)}},
		{"fi", "Sopimus on voimassa toistaiseksi ja sen voi irtisanoa kolmen kuukauden irtisanomisajalla.", model.Term{Indefinite: true, Notice: m(3)}},
		{"en", "This Agreement remains in force for an initial term of thirty-six (36) months. Either party may terminate it by giving six (6) months' prior written notice before the end of the term.",
			model.Term{Initial: m(36), Notice: m(6)}},
		// a termination after changed terms is no notice period of the agreement
		{"sv", "Vid ändrade villkor får Kunden säga upp avtalet med en månads varsel.", model.Term{}},
	}
	for _, tt := range tests {
		var got model.Term
		for _, p := range Propose([]model.Clause{{Number: "5", Heading: "Avtalstid", Body: tt.body}}) {
			if p.Kind == ProposeTerm {
				got.Indefinite = got.Indefinite || p.Term.Indefinite
				got.Initial, got.Renewal, got.Notice = orPeriod(got.Initial, p.Term.Initial), orPeriod(got.Renewal, p.Term.Renewal), orPeriod(got.Notice, p.Term.Notice)
				if p.Term.Clause != "5" {
					t.Errorf("%s: term cites %q, want 5", tt.lang, p.Term.Clause)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%s %q: term %+v, want %+v", tt.lang, tt.body, got, tt.want)
		}
	}
}

func TestProposeSupplier(t *testing.T) {
	tests := []struct {
		lang, body, name, org string
	}{
		{"sv", "Detta avtal har ingåtts mellan Kunden och Exempelbolaget Norr AB, org.nr 556000-1234 (\"Leverantören\").", "Exempelbolaget Norr AB", "556000-1234"},
		{"da", "Tjenesten leveres af Prøve Software ApS (CVR-nr. 12345678).", "Prøve Software ApS", "12345678"},
		{"no", "Leverandør:\n- Fjellskyen AS\n- Organisasjonsnummer: 987 654 321", "Fjellskyen AS", "987 654 321"},
		{"fi", "Palveluntarjoaja on Testiyhtiö Oy (Y-tunnus 1234567-8).", "Testiyhtiö Oy", "1234567-8"},
		{"en", "The provider is Sample Cloud Ltd, company number 01234567, of London.", "Sample Cloud Ltd", "01234567"},
	}
	for _, tt := range tests {
		var got *model.Party
		for _, p := range Propose([]model.Clause{{Number: "1", Heading: "Parter", Body: tt.body}}) {
			if p.Kind == ProposeSupplier {
				got = p.Supplier
			}
		}
		if got == nil || got.Name != tt.name || got.OrgNumber != tt.org {
			t.Errorf("%s: supplier %+v, want %q %q", tt.lang, got, tt.name, tt.org)
		}
	}
}

func TestSubProcessorTable(t *testing.T) {
	c := model.Clause{Number: "B", Heading: "Underbiträden", Body: "| Underbiträde | Tjänst | Plats |\n| --- | --- | --- |\n" +
		"| Molnhallen (drift) | Hosting | Sverige |\n| Brevbäraren | E-post | EU |\n| Molnhallen (drift) | Backup | Sverige |\n" +
		"| [NAMN] | [TJÄNST] | [LAND] |"}
	var names []string
	for _, p := range ProposeSubProcessors(c) {
		names = append(names, p.Sub.Name)
	}
	if want := []string{"Molnhallen (drift)", "Brevbäraren"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	// a form to fill in: a key and a blank per row, no header of names
	form := model.Clause{Number: "C", Heading: "Nytt underbiträde", Body: "Företagsnamn | [NAMN]\nKontaktperson | [E-POST]"}
	if ps := ProposeSubProcessors(form); len(ps) != 0 {
		t.Errorf("a blank form gives %+v", ps)
	}
}

func TestProposeFields(t *testing.T) {
	tests := []struct {
		lang, body string
		want       []Field
	}{
		{"sv", "Avtalet gäller från 1 mars 2025. Svensk lag ska tillämpas på avtalet.",
			[]Field{{"effective", "2025-03-01"}, {"governing_law", "Sweden"}}},
		{"da", "Aftalen er underlagt og reguleres af dansk ret.", []Field{{"governing_law", "Denmark"}}},
		{"no", "Avtalen reguleres av norsk rett.", []Field{{"governing_law", "Norway"}}},
		{"fi", "Sopimukseen sovelletaan Suomen lakia.", []Field{{"governing_law", "Finland"}}},
		{"en", "This agreement is effective as of 2 May 2024 and governed by the laws of Ireland.",
			[]Field{{"effective", "2024-05-02"}, {"governing_law", "Ireland"}}},
		// a law named, not chosen; a version date
		{"en", "Harassment as defined by German law is not tolerated. Last updated 3 March 2024.", nil},
	}
	for _, tt := range tests {
		var got []Field
		for _, p := range Propose([]model.Clause{{Number: "9", Heading: "Övrigt", Body: tt.body}}) {
			if p.Kind == ProposeField {
				got = append(got, *p.Field)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: fields %+v, want %+v", tt.lang, tt.body, got, tt.want)
		}
	}
}

func TestSubProcessorListInEachLanguage(t *testing.T) {
	tests := []struct{ lang, heading, intro string }{
		{"sv", "Underbiträden", "Biträdet anlitar dessa:"},
		{"da", "Underdatabehandlere", "Databehandleren bruger disse:"},
		{"no", "Underdatabehandlere", "Databehandleren bruker disse:"},
		{"fi", "Alikäsittelijät", "Käsittelijä käyttää seuraavia:"},
		{"en", "Subprocessors", "We rely on these:"},
	}
	for _, tt := range tests {
		c := model.Clause{Number: "7", Heading: tt.heading, Body: tt.intro + "\n\nLanternfish: mail delivery"}
		var names []string
		for _, p := range ProposeSubProcessors(c) {
			names = append(names, p.Sub.Name)
		}
		if want := []string{"Lanternfish"}; !slices.Equal(names, want) {
			t.Errorf("%s: names %q, want %q", tt.lang, names, want)
		}
	}
}

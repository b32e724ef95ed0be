package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

// fixtureDocument reproduces, in words of our own, the layouts of the
// reference agreements: Centuri's numbered general terms and DPA, the SLA
// table and claim bullets of Pureservice, a SuperOffice-like sub-processor
// change clause, two sub-processor appendices and an amending appendix.
var fixtureDocument = []model.Clause{
	{Number: "13.1", Heading: "Avtalstid", Body: "Avtalet börjar gälla när det undertecknats och löper till slutet av den " +
		"första perioden. Den part som vill avsluta avtalet måste säga upp det senast sex (6) månader före periodens sista " +
		"dag; annars förlängs det med tolv (12) månader i taget."},
	{Number: "7.1", Heading: "Betalning", Body: "Leverantören fakturerar årsvis i förskott. Fakturan ska betalas inom " +
		"trettio (30) dagar från fakturadatum."},
	{Number: "7.5", Heading: "Indexering", Body: "Avgifterna räknas upp varje år den 1 januari efter förändringen i " +
		"arbetskostnadsindex. Första uppräkningen görs året efter avtalsdagen."},
	{Number: "7.6", Heading: "Prisändring", Body: "Vill Leverantören höja priset inför en ny period ska Kunden få besked " +
		"minst en (1) månad innan sista dagen för uppsägning."},
	{Number: "4.3", Heading: "Kreditering", Body: "– Kunden måste anmäla nedtid till supporten.\n– Kreditering lämnas " +
		"bara om Kunden begär den skriftligen senast 4 veckor efter nedtiden."},
	{Number: "4.5", Heading: "Garanterad upptid", Body: "Upptid per månad | Kreditering\n< 99,5 % | 25 %\n< 99 % | 50 %\n< 95 % | 100 %"},
	{Number: "8.2", Heading: "Byte av underbiträde", Body: "Biträdet meddelar den personuppgiftsansvarige skriftligen med " +
		"4 månaders varsel innan ett nytt underbiträde börjar behandla uppgifter. Den personuppgiftsansvarige kan invända " +
		"inom 14 dagar från att meddelandet kom fram. Invänder den personuppgiftsansvarige får denne säga upp abonnemanget " +
		"med 3 månaders varsel."},
	{Number: "6.9", Heading: "Acceptanstest", Body: "Kunden genomför acceptanstest under tio (10) kalenderdagar från " +
		"leveransen. Hörs Kunden inte av inom den tiden anses leveransen godkänd."},
	{Number: "11.3", Heading: "Sekretess", Body: "Tystnadsplikten gäller under avtalstiden och i tre (3) år efter att " +
		"avtalet har upphört."},
	{Number: "14.2", Heading: "Ändrade villkor", Body: "Innebär de uppdaterade villkoren en väsentlig försämring får " +
		"Kunden säga upp avtalet med tre (3) månaders uppsägningstid, under förutsättning att uppsägningen sker inom en (1) " +
		"månad från att villkoren började gälla."},
	{Number: "12.1", Heading: "Ansvarsbegränsning", Body: "Ansvaret är begränsat till vad Kunden betalat under de tolv " +
		"(12) månader som gått före skadan."},
	{Number: "12.4", Heading: "Krav", Body: "Den som vill ha skadestånd ska framställa ett skriftligt krav inom sex (6) " +
		"månader från att skadan inträffade."},
	{Number: "8.6.6", Heading: "Kopior av underbiträdesavtal", Body: "Biträdet lämnar på begäran ut en kopia."},
	{Number: "8.8.2", Heading: "Bistånd", Body: "a) Biträdet underrättar utan dröjsmål och om möjligt inom 72 timmar."},
	{Number: "8.9.2", Heading: "Incidenter", Body: "Biträdet underrättar den personuppgiftsansvarige inom 24 timmar."},
	{Number: "B.1", Heading: "Godkända underbiträden", Body: "Namn | Land | Behandling\n" +
		"Nordljus Hosting AB, org.nr 559012-3456 | Sverige | drift av servrar\n" +
		"Brevduvan Mail AS | EES | utskick av e-post"},
	{Number: "7", Heading: "Underbiträden", Body: "Följande underbiträden anlitas:\n" +
		"• Serverhallen Norr AB, organisationsnummer 556677-8899, som sköter: Drift av datacenter\n" +
		"Uppgifterna behandlas i Sverige."},
	{Number: "D", Heading: "Tillägg D: Särskilda villkor", Body: "Villkoren justeras så här:\n\nKlausul 8.6.6 utgår.\n\n" +
		"I klausul 8.8.2a stryks orden «och om möjligt inom 72 timmar».\n\n" +
		"I klausul 8.9.2 ersätts «inom 24 timmar» med «utan onödigt dröjsmål».\n\n" +
		"Ansvaret för personuppgifter följer huvudavtalet."},
}

func clauseByNumber(number string) model.Clause {
	i := slices.IndexFunc(fixtureDocument, func(c model.Clause) bool { return c.Number == number })
	return fixtureDocument[i]
}

func TestProposeRules(t *testing.T) {
	// Each rule the fixture states, written out by hand, and nothing else:
	// 13.1's notice and renewal are the agreement's term (TestProposeTerm),
	// 8.2's 3 months' termination after an objection, 14.2's three months'
	// notice and 12.1's twelve months of fees give no rule; the 24 hours
	// of 8.9.2 are a breach report, the 72 hours of 8.8.2 (the authority's)
	// are not.
	want := []string{
		"7.1 payment event:invoice 30 days",
		"7.5 indexation yearly on 01-01",
		"7.6 price_increase_notice cancel_by 1 month before",
		"4.3 sla_credit_claim event:downtime 4 weeks",
		"8.2 subprocessor_advance_notice event:notice_received 4 months",
		"8.2 subprocessor_objection event:notice_received 14 days",
		"6.9 acceptance_test_end event:delivery 10 days",
		"11.3 confidentiality_end agreement_end 3 years",
		"14.2 terms_change_termination event:terms_changed 1 month",
		"12.4 claims_deadline event:damage 6 months",
		"8.9.2 breach_notification event:breach 24 hours",
	}
	var got []string
	for _, c := range fixtureDocument {
		for _, p := range ProposeRules(c) {
			got = append(got, describeRule(p))
			if p.Kind != ProposeRule || p.Clause != c.Number || p.Rule.Clause != c.Number || p.Confidence <= 0 || p.Reason == "" {
				t.Errorf("proposal %+v lacks its clause, confidence or reason", p)
			}
			if err := p.Rule.Validate(); err != nil {
				t.Errorf("proposed rule %s is invalid: %v", describeRule(p), err)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("rules proposed:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func describeRule(p Proposal) string {
	r := p.Rule
	s := fmt.Sprintf("%s %s %s", p.Clause, r.Kind, r.Anchor)
	if r.On != "" {
		s += " on " + r.On
	}
	if !r.Offset.IsZero() {
		s += " " + r.Offset.String()
	}
	if r.Before {
		s += " before"
	}
	return s
}

func TestProposalEvidence(t *testing.T) {
	c := clauseByNumber("7.1")
	ps := ProposeRules(c)
	if len(ps) != 1 {
		t.Fatalf("ProposeRules(7.1) = %v", ps)
	}
	p := ps[0]
	// the span covers the duration in the body; the evidence is its sentence
	if p.Span.In(c.Body) != "trettio (30) dagar" || p.Confidence != 0.8 {
		t.Errorf("span %q confidence %g, want \"trettio (30) dagar\" 0.8", p.Span.In(c.Body), p.Confidence)
	}
	if p.Evidence != "Fakturan ska betalas inom trettio (30) dagar från fakturadatum." {
		t.Errorf("evidence = %q, want the sentence with the payment term", p.Evidence)
	}
	if p.Reason != `30 days near "betala"` {
		t.Errorf("reason = %q", p.Reason)
	}
	// two lengths in one sentence: each shows its own part of it
	ps = ProposeRules(clauseByNumber("8.2"))
	if len(ps) != 2 || !strings.HasSuffix(ps[0].Evidence, "börjar behandla uppgifter.") ||
		!strings.HasPrefix(ps[1].Evidence, "Den personuppgiftsansvarige kan invända") {
		t.Errorf("ProposeRules(8.2) evidence: %+v", ps)
	}
	// a cue found only in the heading lowers the confidence: "Incidenter" heads 8.9.2
	if ps := ProposeRules(clauseByNumber("8.9.2")); len(ps) != 1 || ps[0].Confidence != 0.6 {
		t.Errorf("ProposeRules(8.9.2) = %+v, want one proposal at confidence 0.6", ps)
	}
}

func TestProposeTiers(t *testing.T) {
	c := clauseByNumber("4.5")
	ps := ProposeTiers(c)
	want := []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}, {Below: 95, CreditPct: 100}}
	if len(ps) != 1 || !slices.Equal(ps[0].Tiers, want) || ps[0].Confidence != 0.9 {
		t.Fatalf("ProposeTiers(4.5) = %+v, want one proposal with %v at 0.9", ps, want)
	}
	if got := ps[0].Span.In(c.Body); got != "< 99,5 % | 25 %\n< 99 % | 50 %\n< 95 % | 100 %" {
		t.Errorf("span covers %q, want the three rows", got)
	}
	sla := model.SLATerms{Window: model.Window{Kind: model.Window24x7}, TargetPct: 99.5, Tiers: ps[0].Tiers}
	if err := sla.Validate(); err != nil {
		t.Errorf("proposed tiers do not validate: %v", err)
	}
	if ps := ProposeTiers(clauseByNumber("12.1")); len(ps) != 0 {
		t.Errorf("a clause without a table proposes tiers: %+v", ps)
	}
}

func TestProposeSubProcessors(t *testing.T) {
	type want struct {
		name, org, country, region, purpose string
		confidence                          float64
	}
	tests := []struct {
		clause string
		want   []want
	}{
		// 0.5 base + 0.2 org. no. + 0.1 company form + 0.1 place = 0.9; without an org. no. 0.7
		{"B.1", []want{
			{"Nordljus Hosting AB", "559012-3456", "SE", "", "drift av servrar", 0.9},
			{"Brevduvan Mail AS", "", "", "EEA", "utskick av e-post", 0.7},
		}},
		{"7", []want{{"Serverhallen Norr AB", "556677-8899", "SE", "", "Drift av datacenter", 0.9}}},
		// about sub-processors, but no list
		{"8.2", nil},
		// a list of companies in a clause not about sub-processors
		{"7.1", nil},
	}
	for _, tt := range tests {
		c := clauseByNumber(tt.clause)
		got := ProposeSubProcessors(c, "")
		if len(got) != len(tt.want) {
			t.Errorf("ProposeSubProcessors(%s) = %+v, want %d", tt.clause, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			p, s := got[i], got[i].Sub
			if s.Name != w.name || s.OrgNumber != w.org || s.Country != w.country || s.Region != w.region ||
				s.Purpose != w.purpose || p.Confidence < w.confidence-1e-9 || p.Confidence > w.confidence+1e-9 {
				t.Errorf("%s[%d] = %+v conf %g, want %+v", tt.clause, i, *s, p.Confidence, w)
			}
			if p.Span.In(c.Body) != w.name || s.Clause != tt.clause || s.Status != model.SubApproved {
				t.Errorf("%s[%d]: span %q clause %q status %q", tt.clause, i, p.Span.In(c.Body), s.Clause, s.Status)
			}
			if err := s.Validate(); err != nil {
				t.Errorf("%s[%d] does not validate: %v", tt.clause, i, err)
			}
		}
	}
}

func TestProposeCollectsEveryKind(t *testing.T) {
	count := map[ProposalKind]int{}
	for _, p := range Propose(fixtureDocument) {
		count[p.Kind]++
	}
	// 11 rules (TestProposeRules), 1 term, 1 table, 3 sub-processors, 3 amendments
	want := map[ProposalKind]int{ProposeRule: 11, ProposeTerm: 1, ProposeSLATiers: 1, ProposeSubProcessor: 3, ProposeAmendment: 3}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("Propose gave %d %s proposals, want %d", count[k], k, n)
		}
	}
}

// TestTopicFromTheOuterHeading: a sub-clause or list item whose own
// heading does not name the topic takes it from the section it sits in.
func TestTopicFromTheOuterHeading(t *testing.T) {
	tests := []struct {
		clauses []model.Clause
		want    []string
	}{
		{[]model.Clause{{Number: "10", Heading: "Ändringar i villkoren"},
			{Number: "10.1", Heading: "Vår rätt", Body: "- Väsentliga ändringar meddelas minst 45 dagar i förväg."}},
			[]string{"10.1 terms_change_notice event:terms_notice_received 45 days"}},
		{[]model.Clause{{Number: "19.6", Heading: "Sopimuksen muutokset"},
			{Number: "19.6(a)", Body: "Toimittaja pyrkii julkaisemaan muutokset vähintään 30 päivää ennen niiden voimaantuloa."}},
			[]string{"19.6(a) terms_change_notice event:terms_notice_received 30 days"}},
		// a heading two levels up counts when the one between has none
		{[]model.Clause{{Number: "Bilaga 2", Heading: "Betalning"}, {Number: "Bilaga 2 › 3"},
			{Number: "Bilaga 2 › 3.1", Body: "Fakturan förfaller 20 dagar netto."}},
			[]string{"Bilaga 2 › 3.1 payment event:invoice 20 days"}},
		// a deletion listed under a termination heading counts from the end
		{[]model.Clause{{Number: "8", Heading: "Uppsägning"},
			{Number: "8.2", Heading: "Kundens uppsägning", Body: "- Kontot kan stängas när som helst\n- Uppgifterna raderas inom 14 dagar"}},
			[]string{"8.2 data_return agreement_end 14 days"}},
		{[]model.Clause{{Number: "6", Heading: "Termination"},
			{Number: "6.1", Body: "- Customer data is deleted within 60 days."}},
			[]string{"6.1 data_return agreement_end 60 days"}},
		// under a heading about something else a deletion is no data return
		{[]model.Clause{{Number: "5", Heading: "Loggar"},
			{Number: "5.1", Body: "- Uppgifterna raderas inom 14 dagar"}}, nil},
		// a section about something else lends no topic
		{[]model.Clause{{Number: "4", Heading: "Support"},
			{Number: "4.1", Body: "Vi svarar på frågor senast 5 dagar efter att de kommit in."}}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Propose(tt.clauses) {
			if p.Kind == ProposeRule {
				got = append(got, describeRule(p))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: rules %q, want %q", tt.clauses, got, tt.want)
		}
	}
}

// TestSubProcessorTablesUnderTheirTitle: a list of sub-processors split
// into tables by region names them only in the page's title or in the
// section the tables sit in; a table of names elsewhere is no such list.
func TestSubProcessorTablesUnderTheirTitle(t *testing.T) {
	table := "| Company | Location | Purpose |\n| --- | --- | --- |\n| Molnhallen Oy | Finland | Hosting |\n| Postiljon GmbH | Germany | E-mail |"
	tests := []struct {
		clauses []model.Clause
		want    []string
	}{
		// the page's title names them, the region headings do not
		{[]model.Clause{{Number: "", Heading: "Sub-processors", Body: "Who may process data for us."},
			{Number: "1", Heading: "Europe", Body: table}},
			[]string{"1 Molnhallen Oy FI", "1 Postiljon GmbH DE"}},
		{[]model.Clause{{Number: "", Heading: "Underbiträden", Body: "Vi anlitar följande."},
			{Number: "1", Heading: "Norden", Body: "| Företag | Land |\n| --- | --- |\n| Molnhallen Oy | Finland |"}},
			[]string{"1 Molnhallen Oy FI"}},
		// a company in the tables of two regions is one sub-processor
		{[]model.Clause{{Number: "", Heading: "Sub-processors", Body: "Who may process data for us."},
			{Number: "1", Heading: "Europe", Body: table},
			{Number: "2", Heading: "Asia", Body: "| Company | Location |\n| --- | --- |\n| Postiljon GmbH | Singapore |"}},
			[]string{"1 Molnhallen Oy FI", "1 Postiljon GmbH DE"}},
		// the section a sub-clause sits in names them
		{[]model.Clause{{Number: "9", Heading: "Use of subprocessors"},
			{Number: "9.2", Heading: "Current list", Body: table}},
			[]string{"9.2 Molnhallen Oy FI", "9.2 Postiljon GmbH DE"}},
		// a table of names under a title about something else
		{[]model.Clause{{Number: "", Heading: "Support partners", Body: "Who answers your calls."},
			{Number: "1", Heading: "Europe", Body: table}}, nil},
		// under the right title, but a list of lines, not a table: loose
		// names are left to a clause that names sub-processors itself
		{[]model.Clause{{Number: "", Heading: "Subprocessors", Body: "Who may process data for us."},
			{Number: "1", Heading: "Europe", Body: "Molnhallen Oy, Finland\nPostiljon GmbH, Germany"}}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Propose(tt.clauses) {
			if p.Kind == ProposeSubProcessor {
				got = append(got, p.Clause+" "+p.Sub.Name+" "+p.Sub.Country)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: sub-processors %q, want %q", tt.clauses, got, tt.want)
		}
	}
}

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
		{"viimeistään kuukautta ennen muutosta", "kuukautta", p(1, model.Months)},
		// a unit alone before "within": one of it
		{"voi irtisanoa sopimuksen kuukauden kuluessa ilmoituksesta", "kuukauden", p(1, model.Months)},
		{"palautettava viikon sisällä toimituksesta", "viikon", p(1, model.Weeks)},
		{"poistaa tiedot viimeistään kuukauden kuluessa päättymisestä", "kuukauden", p(1, model.Months)},
		{"inom tre (3) månader", "tre (3) månader", p(3, model.Months)},
		{"inom fem arbetsdagar", "fem arbetsdagar", p(5, model.WorkDays)},
		{"within thirty (30) days", "thirty (30) days", p(30, model.Days)},
		{"within ten business days", "ten business days", p(10, model.WorkDays)},
		// Finnish tens and units written as one word, in the nominative and the genitive
		{"ilmoitus kolmekymmentäkaksi päivää ennen", "kolmekymmentäkaksi päivää", p(32, model.Days)},
		{"viidenkymmenenkahden päivän kuluessa", "viidenkymmenenkahden päivän", p(52, model.Days)},
	}
	for _, tt := range tests {
		got := Durations(tt.in, "1")
		if len(got) != 1 || got[0].Text != tt.text || got[0].Period != tt.want {
			t.Errorf("Durations(%q) = %+v, want %q %v", tt.in, got, tt.text, tt.want)
		}
	}
	// a number word and a unit of different languages make no length: the
	// English "one" and the Danish "time" (an hour)
	// …and "within the same month" is no length
	for _, in := range []string{"at any one time", "one dag", "to years", "laskutetaan saman kuukauden kuluessa"} {
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
		// the payment term named as such, with no "within"
		{"sv", "Fakturering", "Betalningsvillkoret är 20 dagar.", []string{"payment event:invoice 20 days"}},
		{"da", "Betaling", "Betalingsbetingelserne er 14 dage.", []string{"payment event:invoice 14 days"}},
		{"no", "Betaling", "Betalingsfristen er 20 dager.", []string{"payment event:invoice 20 days"}},
		{"fi", "Laskutus", "Maksuaika on 21 päivää.", []string{"payment event:invoice 21 days"}},
		{"en", "Fees", "Our payment terms are 45 days.", []string{"payment event:invoice 45 days"}},
		// a breach reported by the supplier, in hours
		{"sv", "Incidenter", "Biträdet ska underrätta Kunden om en personuppgiftsincident senast 36 timmar efter att ha fått kännedom om den.",
			[]string{"breach_notification event:breach 36 hours"}},
		{"da", "Brud", "Databehandleren underretter den dataansvarlige senest 24 timer efter at være blevet opmærksom på et databrud.",
			[]string{"breach_notification event:breach 24 hours"}},
		{"no", "Avvik", "Leverandøren skal varsle kunden om et sikkerhetsbrudd innen 48 timer.", []string{"breach_notification event:breach 48 hours"}},
		{"fi", "Tietoturva", "Käsittelijä ilmoittaa tietoturvaloukkauksesta 24 tunnin kuluessa.", []string{"breach_notification event:breach 24 hours"}},
		{"en", "Security", "Provider shall notify Customer of a Security Incident no later than 48 hours after becoming aware of it.",
			[]string{"breach_notification event:breach 48 hours"}},
		// "information" is no act of informing: an incident in a list of what a credit request holds
		{"en", "Support", "Open a ticket within 12 hours and include the information on each downtime incident.", nil},
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
		// the notice given as "the information", in a sentence of its own under a sub-processor heading
		{"en", "Sub-processors", "The processor may engage other processors. The information shall reach the customer at least two months before the change.",
			[]string{"subprocessor_advance_notice event:notice_received 2 months"}},
		{"sv", "Underbiträden", "Biträdet får anlita nya underbiträden. Informationen ska lämnas minst sex veckor innan ändringen.",
			[]string{"subprocessor_advance_notice event:notice_received 6 weeks"}},
		{"no", "Underdatabehandlere", "Databehandleren kan bruke nye underleverandører. Informasjonen skal gis senest en måned før endringen.",
			[]string{"subprocessor_advance_notice event:notice_received 1 month"}},
		// the published list brought up to date ahead of a change is the advance notice
		{"en", "Subprocessors", "The processor keeps a list of its subprocessors on its website and will update it at least fifteen (15) days before any change.",
			[]string{"subprocessor_advance_notice event:notice_received 15 days"}},
		{"sv", "Underbiträden", "Listan över underbiträden uppdateras senast 20 dagar innan ett nytt underbiträde anlitas.",
			[]string{"subprocessor_advance_notice event:notice_received 20 days"}},
		// the objection written as opposing the change
		{"en", "Change of subprocessor", "The processor tells the customer of a new subprocessor in writing, and the customer may oppose the change within ten (10) days.",
			[]string{"subprocessor_objection event:notice_received 10 days"}},
		// the objection window is the notice period itself, written as one hyphenated word
		{"en", "Subprocessors", "The customer may raise an objection within the 21-day notice period by email.",
			[]string{"subprocessor_objection event:notice_received 21 days"}},
		// changed terms end the agreement within a month, said with no number
		{"fi", "Muutokset", "Asiakas voi irtisanoa sopimuksen kuukauden kuluessa siitä, kun hän on saanut tiedon ehtojen muutoksesta.",
			[]string{"terms_change_termination event:terms_changed 1 month"}},
		// a warranty named right after its length
		{"fi", "Laite", "Laitteella on 36 kuukauden takuu.", []string{"warranty_end event:delivery 36 months"}},
		{"sv", "Produkten", "Produkten har 24 månaders garanti från leveransen.", []string{"warranty_end event:delivery 24 months"}},
		{"da", "Produktet", "Der ydes 12 måneders garanti på enheden.", []string{"warranty_end event:delivery 12 months"}},
		{"no", "Produktet", "Enheten har 24 måneders garanti.", []string{"warranty_end event:delivery 24 months"}},
		{"en", "Hardware", "Each device comes with a 12 months' warranty.", []string{"warranty_end event:delivery 12 months"}},
		// time counted from a payment reminder, or for an overdue invoice, is no payment term
		{"fi", "Maksut", "Jos erääntynyttä laskua ei ole maksettu 10 päivän kuluessa maksukehotuksesta, palvelu voidaan sulkea.", nil},
		{"sv", "Betalning", "Betalas fakturan inte inom 10 dagar från betalningspåminnelsen får Leverantören ta ut en avgift.", nil},
		{"en", "Payment", "If an invoice is still unpaid 14 days after our reminder, we may charge a fee.", nil},
		{"da", "Betaling", "Den skyldige betaling skal ske inden for 10 dage efter betalingspåmindelsen.", nil},
		// a time before which something may not be done is a wait, no deadline
		{"da", "Opsigelse", "Kunden kan tidligst opsige aftalen 4 måneder efter ikrafttrædelsen mod betaling af et gebyr.", nil},
		{"sv", "Uppsägning", "Kunden får tidigast säga upp avtalet 6 månader efter avtalsstart och ska då betala en avgift.", nil},
		{"en", "Fees", "The customer may end the plan no earlier than 3 months after signing, upon payment of a fee.", nil},
		// the report to the authority (named by its short name) is not the supplier's to the customer
		// …nor is a report written after the incident is over
		{"en", "Security incidents", "We notify you within 24 hours of a security incident. A post mortem report follows no later than 3 weeks after the incident.",
			[]string{"breach_notification event:breach 24 hours"}},
		{"sv", "Incidenter", "Biträdet meddelar Kunden inom 24 timmar efter en incident. En slutrapport om incidenten meddelas inom 10 arbetsdagar.",
			[]string{"breach_notification event:breach 24 hours"}},
		// …nor is a report of a theft to the police
		{"en", "Theft", "Report the theft to the police within 3 business days and send us a copy of the incident report.", nil},
		{"sv", "Stöld", "Gör en polisanmälan om händelsen inom fem arbetsdagar och meddela oss incidenten.", nil},
		{"da", "Tyveri", "Anmeld hændelsen til politiet inden for 4 hverdage.", nil},
		{"no", "Tyveri", "Hendelsen skal meldes til politiet innen 3 virkedager.", nil},
		{"sv", "Incidenter", "Anmälan av personuppgiftsincidenten till IMY görs inom 72h.", nil},
		// hours and days written right after the digits
		{"da", "Brud", "Databehandleren underretter den dataansvarlige om et databrud senest 36h efter opdagelsen.",
			[]string{"breach_notification event:breach 36 hours"}},
		{"fi", "Tietoturva", "Käsittelijä ilmoittaa tietoturvaloukkauksesta 48h kuluessa.", []string{"breach_notification event:breach 48 hours"}},
		{"no", "Avvik", "Leverandøren skal varsle kunden om et sikkerhetsbrudd innen 12h.", []string{"breach_notification event:breach 12 hours"}},
		{"en", "Deletion", "We delete customer data within 45d of termination.", []string{"data_return agreement_end 45 days"}},
		// changed terms announced in other words: a notice ahead, a month with no number, the SLA itself
		{"sv", "Ändringar", "Leverantören kan uppdatera villkoren med 45 dagars förvarning.",
			[]string{"terms_change_notice event:terms_notice_received 45 days"}},
		{"sv", "Övrigt", "Leverantören får uppdatera denna SLA med 20 dagars förvarning.",
			[]string{"terms_change_notice event:terms_notice_received 20 days"}},
		{"fi", "Muutokset", "Toimittaja ilmoittaa sopimusehtojen muutoksista viimeistään kuukautta ennen muutosta.",
			[]string{"terms_change_notice event:terms_notice_received 1 month"}},
		// a cure period said as a breach that stays uncured
		{"en", "Termination", "Either party may end this agreement on 20 days' written notice of a material breach that remains uncured at the end of that period.",
			[]string{"cure_period event:breach_notice 20 days"}},
		// changed terms and prices announced in advance
		{"sv", "Ändringar", "Leverantören får ändra villkoren genom att meddela Kunden minst 60 dagar i förväg.",
			[]string{"terms_change_notice event:terms_notice_received 60 days"}},
		{"en", "Changes", "We may update these terms by giving you notice at least 45 days before the change takes effect.",
			[]string{"terms_change_notice event:terms_notice_received 45 days"}},
		{"no", "Priser", "Leverandøren skal varsle kunden om prisendringer minst to måneder før endringen.",
			[]string{"price_increase_notice cancel_by 2 months before"}},
		// a fee change "communicated" ahead; a secrecy that survives the end of the agreement
		{"en", "Fees", "Any change to the fees will be communicated to the customer at least 45 days before the next billing period.",
			[]string{"price_increase_notice cancel_by 45 days before"}},
		{"en", "Secrecy", "The duty of confidentiality survives the end of this agreement for a period of two (2) years.",
			[]string{"confidentiality_end agreement_end 2 years"}},
		// a price change said with the verb "ändra" and what it changes
		{"sv", "Avgifter", "Leverantören kan ändra priserna med 60 dagars varsel.", []string{"price_increase_notice cancel_by 60 days before"}},
		// a change to the price list, announced before the contract period ends, under a heading "Maksut"
		{"fi", "Maksut", "Hinnastoa voidaan muuttaa. Muutoksista ilmoitetaan asiakkaalle kuusikymmentä (60) päivää ennen sopimuskauden päättymistä.",
			[]string{"price_increase_notice cancel_by 60 days before"}},
		// claims that must be made within a time, whatever they are about
		{"fi", "Palautteet", "Muut vaatimukset on esitettävä toimittajalle kolmen viikon kuluessa käynnistä.",
			[]string{"claims_deadline event:damage 3 weeks"}},
		// a claim said with the verb: "on vaadittava"
		{"fi", "Vastuu", "Korvausta vahingosta on vaadittava kolmen (3) kuukauden kuluessa virheen havaitsemisesta.",
			[]string{"claims_deadline event:damage 3 months"}},
		// lengths that are no deadlines: a liability look-back, a retention, interest
		{"en", "Liability", "Liability is limited to the fees paid in the twelve (12) months preceding the claim.", nil},
		{"sv", "Lagring", "Loggar sparas i 12 månader och raderas därefter.", nil},
		{"da", "Betaling", "Ved for sen betaling påløber rente efter 30 dage.", nil},
		{"fi", "Maksut", "Viivästyneestä maksusta peritään viivästyskorko 14 päivän jälkeen.", nil},
		// how long a billing period is, in each language: no payment term
		{"sv", "Betalning", "Väljer Kunden kvartalsvis betalning är faktureringsperioden tre månader räknat från avtalets början.", nil},
		{"da", "Betaling", "Faktureringsperioden er en måned fra aftalens start, og betaling sker forud.", nil},
		{"no", "Betaling", "Betalingsperioden er tolv måneder fra oppstart, og faktura sendes forskuddsvis.", nil},
		{"fi", "Maksut", "Laskutuskausi on kolme kuukautta sopimuksen alusta, ja lasku maksetaan etukäteen.", nil},
		{"en", "Fees", "Each billing period is one month from the start date and payment is due in advance.", nil},
		// …but a payment within a number of days of a billing period's invoice is one
		{"en", "Fees", "Invoices for each billing period are payable within 20 days from the invoice date.", []string{"payment event:invoice 20 days"}},
		{"sv", "Betalning", "Avgiften för varje faktureringsperiod betalas inom 15 dagar från fakturadatum.", []string{"payment event:invoice 15 days"}},
		// "ändra" and "andra" (other) fold alike: the other party is no change
		{"sv", "Ändringar", "Den andra parten ska meddelas senast 30 dagar i förväg om avtalets förnyelse.", nil},
		{"sv", "Ändringar", "Leverantören får ändra avtalet efter att ha meddelat Kunden minst 30 dagar i förväg.",
			[]string{"terms_change_notice event:terms_notice_received 30 days"}},
		// a topic in another main clause of the sentence is not this length's
		{"sv", "Support", "Leverantören svarar senast 10 dagar efter förfrågan, dock ska Kunden betala supportavgiften.", nil},
		{"en", "Support", "Provider answers within 5 days from the ticket, but the customer must pay for the hours spent.", nil},
		// a veto word in the sentence's next main clause says another thing
		{"sv", "Betalning", "Fakturan betalas tjugo (20) dagar netto, och vid försenad betalning utgår dröjsmålsränta.", []string{"payment event:invoice 20 days"}},
		{"da", "Betaling", "Fakturaen betales netto 10 dage fra fakturadato, og ved for sen betaling påløber rente.", []string{"payment event:invoice 10 days"}},
		{"en", "Fees", "Invoices are due net 25 days from the invoice date, and interest accrues on late amounts.", []string{"payment event:invoice 25 days"}},
		{"en", "Exit", "We erase the customer's data within 20 days of a request, except copies kept in encrypted backups.",
			[]string{"data_return agreement_end 20 days"}},
		{"sv", "Radering", "Kundens data raderas inom 40 dagar efter avtalets upphörande, utom det som sparas enligt lag.",
			[]string{"data_return agreement_end 40 days"}},
		// the supplier's report to the customer, whose purpose (the customer's
		// own report to the authority) is another clause of the sentence
		{"da", "Brud på persondatasikkerheden", "Databehandleren giver den dataansvarlige besked senest 12 timer efter at være blevet opmærksom på bruddet, sådan at den dataansvarlige kan anmelde det til tilsynsmyndigheden.",
			[]string{"breach_notification event:breach 12 hours"}},
		{"en", "Security incidents", "Provider notifies Customer of an incident within 36 hours, so that Customer can inform the supervisory authority in time.",
			[]string{"breach_notification event:breach 36 hours"}},
		// Finnish stems the tables missed: prices in the partitive and a notice
		// as one word, a warranty claim about a defect, terminating over
		// changes, the passive of deleting
		{"fi", "Hinnat", "Toimittaja voi muuttaa hintoja 60 päivän ennakkoilmoituksella.", []string{"price_increase_notice cancel_by 60 days before"}},
		{"fi", "Takuu", "Jos palvelu ei toimi, asiakkaan on tehtävä takuupyyntö 20 päivän kuluessa vian havaitsemisesta.",
			[]string{"claims_deadline event:damage 20 days"}},
		{"fi", "Muutokset", "Jos asiakas vastustaa muutoksia, asiakas voi irtisanoa palvelun ilmoittamalla siitä 30 päivän kuluessa muutosilmoituksesta.",
			[]string{"terms_change_termination event:terms_changed 30 days"}},
		{"fi", "Päättyminen", "Tiedot poistetaan 45 päivän kuluttua sopimuksen päättymisestä.", []string{"data_return agreement_end 45 days"}},
		// a credit claimed by a support ticket within hours
		{"en", "Claiming credits", "To receive a credit, the customer must open a support ticket within 48 hours of noticing the outage.",
			[]string{"sla_credit_claim event:downtime 48 hours"}},
		// the days to fix a failed card payment are no payment term
		{"sv", "Betalningsfel", "Vid misslyckad betalning har du 5 dagar på dig att uppdatera kortuppgifterna.", nil},
		{"en", "Billing", "If a card payment has failed, you have 5 days to update your card before the account pauses.", nil},
		// how long an amount has been past due is no payment term
		{"no", "Betaling", "Er forfalt vederlag ikke betalt innen 20 dager fra forfall, kan leverandøren sende et varsel.", nil},
		{"da", "Betaling", "Er det forfaldne beløb ikke betalt 20 dage efter forfald, sender leverandøren en rykker.", nil},
		// a price change named in one word
		{"no", "Priser", "Prisendring skal varsles med en frist på 45 dager.", []string{"price_increase_notice cancel_by 45 days before"}},
		// prepaid units that expire are no payment term
		{"da", "Fakturering", "Købte point udløber efter et år fra købet, hvis de ikke er brugt.", nil},
		{"en", "Billing", "Prepaid credits expire one year after the invoice date.", nil},
		// deleting confidential information after the end is returning data, not secrecy's end
		{"en", "Exit", "After the agreement ends, within 45 days of a request, each party will delete the other's confidential information.",
			[]string{"data_return agreement_end 45 days"}},
		{"sv", "Sekretess", "Sekretessen gäller i tre år efter avtalets slut.", []string{"confidentiality_end agreement_end 3 years"}},
		// a payment said as a payout to the supplier after its claim
		{"no", "Oppgjør", "Leverandøren får sin utbetaling innen 20 dager etter at kravet er mottatt.", []string{"payment event:invoice 20 days"}},
		{"sv", "Ersättning", "Leverantören får sin utbetalning inom 20 dagar efter att kravet har kommit in.", []string{"payment event:invoice 20 days"}},
		// a breach not remedied, said with the participle (avhjulpet, afhjulpet)
		{"no", "Mislighold", "Ved vesentlig mislighold kan parten heve avtalen dersom misligholdet ikke er avhjulpet innen 20 dager etter skriftlig varsel.",
			[]string{"cure_period event:breach_notice 20 days"}},
		{"da", "Misligholdelse", "Ved væsentlig misligholdelse kan parten ophæve aftalen, hvis misligholdelsen ikke er afhjulpet senest 20 dage efter skriftligt påkrav.",
			[]string{"cure_period event:breach_notice 20 days"}},
		// what happens some days after a failed payment (the account paused
		// or deleted) is no payment term
		{"sv", "Betalningsfel", "Tio dagar efter förfallodagen pausas tjänsten tills betalningen har gått igenom.", nil},
		{"sv", "Betalningsfel", "Efter 40 dagar utan betalning kan kontot raderas.", nil},
		// a breach corrected, or what is owed settled, after a notice
		{"sv", "Hävning", "Byrån får säga upp avtalet om kunden bryter mot det och inte har korrigerat felet inom 14 dagar efter påpekande.",
			[]string{"cure_period event:breach_notice 14 days"}},
		{"no", "Mislighold", "Leverandøren kan varsle at avtalen heves dersom oppgjør ikke skjer innen 45 dager etter at varselet er mottatt.",
			[]string{"cure_period event:breach_notice 45 days"}},
		{"en", "Termination", "We may terminate if you breach these terms and have not corrected the breach within 15 days of our notice.",
			[]string{"cure_period event:breach_notice 15 days"}},
		{"en", "Billing", "Ten days after the due date the service is paused until payment is received.", nil},
		// how soon the supplier must send its invoice is no payment term
		{"sv", "Fakturering", "Leverantören ska skicka fakturan senast två månader efter utförd leverans.", nil},
		{"da", "Fakturering", "Leverandøren skal sende fakturaen senest to måneder efter levering.", nil},
		{"no", "Fakturering", "Leverandøren skal sende faktura senest to måneder etter levering.", nil},
		{"en", "Invoicing", "The supplier shall send the invoice no later than two months after delivery.", nil},
		// a penalty for delay (vite, dagbod, dagbot, sopimussakko, liquidated
		// damages) is paid, or excused, for a time, but it is no payment term
		{"sv", "Vite", "Leverantören har varit befriad från skyldigheten att betala vite i 45 kalenderdagar.", nil},
		{"sv", "Vite", "Vitet ska betalas senast för sex veckor efter leveransdagen.", nil},
		{"da", "Dagbod", "Dagbod betales senest for 40 dage efter leveringsdagen.", nil},
		{"no", "Dagbot", "Leverandøren har vært fritatt fra å betale dagbot i 45 kalenderdager.", nil},
		{"no", "Dagbot", "Dagbot skal betales innen 50 dager etter leveringsdagen.", nil},
		{"fi", "Sopimussakko", "Sopimussakko on maksettava 30 päivän kuluessa toimituspäivästä.", nil},
		{"en", "Delay", "Liquidated damages are payable within 30 days after the delivery date.", nil},
		{"en", "Delay", "Penalties are payable within 30 days after the delivery date.", nil},
		// a length counted back from something is no deadline counted from it
		{"sv", "Underlag", "Underlag för betalning av leverantörsfakturor lämnas minst tio dagar innan förfallodagen.", nil},
		{"da", "Data", "Kunden skal eksportere sine data senest 20 dage før aftalens ophør.", nil},
		{"no", "Ansvar", "Erstatningskrav er begrenset til det som er betalt de siste 6 månedene før kravet ble reist.", nil},
		{"en", "Data", "An export of your data must be ordered at least 20 days before the end of the subscription.", nil},
		// what falls due on a payment left unpaid some days after a suspension is no payment term
		{"en", "Suspension", "We may close your account if payment is not received within 21 days after the suspension.", nil},
		// an English "for" after a length is no Danish "før" (before)
		{"en", "Fees", "Invoices are payable within 30 days for each order placed.", []string{"payment event:invoice 30 days"}},
		// the first months of a term over which something is charged are no deadline
		{"sv", "Avbeställning", "Vid avbeställning efter undertecknandet får Leverantören fakturera hälften av avgiften för de första sex månaderna.", nil},
		{"en", "Cancellation", "If the order is withdrawn after signing, the provider may invoice the fees for the first six months.", nil},
		// the Danish "før" is no "for" of another language: a change that applies for a year is announced no time ahead
		{"en", "Plans", "A change to the agreement from monthly to yearly billing applies for 12 months.", nil},
		{"sv", "Byte", "Byter kunden från ett års avtalstid till löpande sker förändringen när avtalet löpt ut.", nil},
		// data deleted some time after the services cease
		{"en", "Return of data", "The processor deletes all personal data within six weeks of the cessation of the services.", []string{"data_return agreement_end 6 weeks"}},
		// a limitation period is the deadline for a claim
		{"en", "Claims", "The limitation period for any claim under this agreement is two years after it ends.", []string{"claims_deadline event:damage 2 years"}},
		{"sv", "Anspråk", "Preskriptionstiden för krav enligt avtalet är ett år från att avtalet upphört.", []string{"claims_deadline event:damage 1 year"}},
		// a fault or a defect reported in Finnish; the supplier's time to repair one is no claim
		{"fi", "Virheet", "Tilaajan on ilmoitettava puutteista kirjallisesti kolmen kuukauden kuluessa toimituksesta.", []string{"claims_deadline event:damage 3 months"}},
		{"fi", "Virheet", "Toimittaja korjaa vian viiden päivän kuluessa ja ilmoittaa siitä tilaajalle.", nil},
		// complaints that "tulee tehdä" by some date, a claim said the other way
		{"fi", "Huomautukset", "Laskuun liittyvät huomautukset tulee tehdä kirjallisesti, kuitenkin viimeistään 10 päivän kuluessa laskun saapumisesta.",
			[]string{"claims_deadline event:damage 10 days"}},
		{"fi", "Reklamaatiot", "Vaatimukset tulee esittää viimeistään kahden viikon kuluessa toimituksesta.", []string{"claims_deadline event:damage 2 weeks"}},
		// a price change announced some months ahead, the change inside a compound word
		{"fi", "Hinnat", "Hinnanmuutoksista ilmoitetaan asiakkaille kaksi kuukautta ennen kuin ne tulevat voimaan.",
			[]string{"price_increase_notice cancel_by 2 months before"}},
		// a length that something goes past is a line crossed, not a payment term;
		// "no more than" makes it a limit again
		{"no", "Utlån", "Ved fravær i mer enn fire måneder må eleven betale det som gjenstår av leien.", nil},
		{"no", "Utlån", "Beholder eleven maskinen over to år etter levering, må hun betale en ny leie.", nil},
		{"sv", "Hyra", "Behåller kunden utrustningen längre än två år efter leveransen ska han betala en ny avgift.", nil},
		{"da", "Leje", "Har kunden haft udstyret i mere end tre måneder efter leveringen, skal han betale for en ny periode.", nil},
		{"en", "Loans", "If the device is kept for more than 90 days after delivery, the borrower must pay its full price.", nil},
		{"en", "Fees", "Invoices must be paid no more than 25 days after the invoice date.", []string{"payment event:invoice 25 days"}},
		{"no", "Betaling", "Faktura betales ikke mer enn 20 dager etter fakturadato.", []string{"payment event:invoice 20 days"}},
		// a customer left unpaid some days after a reminder is a ground to terminate, not the payment term
		{"en", "Ending the contract", "The vendor may end the contract at once if the client fails to pay an amount when due and stays in default for not less than 10 days after being told so.", nil},
		// the credit given on a sale is the payment term
		{"no", "Fakturering", "Ved salg på kreditt gir vi 15 dagers kreditt, om ikke annet er avtalt.", []string{"payment event:invoice 15 days"}},
		{"da", "Betaling", "Erhvervskunder får 20 dages kredit fra fakturaens dato.", []string{"payment event:invoice 20 days"}},
		{"sv", "Betalning", "Företag handlar mot faktura med 30 dagars kredit.", []string{"payment event:invoice 30 days"}},
		// exporting one's data after the end is getting it back
		{"sv", "Kontoavslutning", "Du kan exportera dina data i 45 dagar efter uppsägningen.", []string{"data_return agreement_end 45 days"}},
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
	y := func(n int) model.Period { return model.Period{N: n, Unit: model.Years} }
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
		// a notice said to be mutual ("gjensidig", "gensidigt", "mutual")
		{"no", "Avtalen gjelder inntil videre og kan sies opp med to måneders gjensidig skriftlig varsel.", model.Term{Indefinite: true, Notice: m(2)}},
		{"da", "Aftalen løber indtil videre og kan opsiges med fire måneders gensidigt skriftligt varsel.", model.Term{Indefinite: true, Notice: m(4)}},
		{"en", "This agreement runs until terminated by either party on two months' mutual written notice.", model.Term{Indefinite: true, Notice: m(2)}},
		{"en", "This Agreement remains in force for an initial term of thirty-six (36) months. Either party may terminate it by giving six (6) months' prior written notice before the end of the term.",
			model.Term{Initial: m(36), Notice: m(6)}},
		// one sentence with the initial period and the renewal
		{"sv", "Avtalet gäller i två (2) år från driftstart och förlängs därefter med sex månader åt gången.", model.Term{Initial: y(2), Renewal: m(6)}},
		{"da", "Aftalen løber i 3 år og forlænges herefter automatisk med 12 måneder ad gangen.", model.Term{Initial: y(3), Renewal: m(12)}},
		{"no", "Avtalen gjelder i to år fra signering og fornyes deretter med ett år om gangen.", model.Term{Initial: y(2), Renewal: y(1)}},
		{"fi", "Sopimus on voimassa kaksi vuotta, minkä jälkeen se uusiutuu automaattisesti 12 kuukaudeksi kerrallaan.", model.Term{Initial: y(2), Renewal: m(12)}},
		{"en", "This Agreement runs for eighteen (18) months and then renews for successive periods of six (6) months.", model.Term{Initial: m(18), Renewal: m(6)}},
		// an order form renewing by periods is the agreement's renewal
		{"en", "After the first period each order form renews for further periods of twenty-four months unless a party gives written notice of termination at least sixty (60) days before that period expires.",
			model.Term{Renewal: m(24), Notice: model.Period{N: 60, Unit: model.Days}}},
		// a data processing agreement that runs while the processing does
		{"en", "This agreement applies from its signature until the processing ends.", model.Term{Indefinite: true}},
		// running until someone ends it, in other words
		{"sv", "Avtalet gäller från undertecknandet tills det sägs upp av någon av parterna.", model.Term{Indefinite: true}},
		{"da", "Aftalen er gældende, indtil den opsiges skriftligt.", model.Term{Indefinite: true}},
		{"no", "Avtalen gjelder fra signering inntil den sies opp.", model.Term{Indefinite: true}},
		{"fi", "Sopimus on voimassa, kunnes jompikumpi osapuoli irtisanoo sen.", model.Term{Indefinite: true}},
		{"en", "The agreement remains in effect until either party terminates it in writing.", model.Term{Indefinite: true}},
		// a subscription that renews by a period has periods, though it
		// also runs "until terminated": not until further notice
		{"en", "Each subscription renews automatically for successive periods of twelve (12) months unless either party gives thirty (30) days' notice of non-renewal. The subscription remains in effect until terminated as set out here.",
			model.Term{Renewal: m(12), Notice: model.Period{N: 30, Unit: model.Days}}},
		// a notice period and no period of the agreement's own: until ended
		{"en", "Either party may terminate this Agreement on ninety (90) days' written notice.", model.Term{Indefinite: true, Notice: model.Period{N: 90, Unit: model.Days}}},
		{"da", "Aftalen kan opsiges af begge parter med to måneders varsel.", model.Term{Indefinite: true, Notice: m(2)}},
		// …but a notice before the end of a period says there is one
		{"sv", "Avtalet ska sägas upp senast tre månader före avtalsperiodens utgång.", model.Term{Notice: m(3)}},
		{"en", "Either party may terminate by notice at least 60 days before the end of the subscription term.", model.Term{Notice: model.Period{N: 60, Unit: model.Days}}},
		// a termination for a breach not cured, said in the next main clause, is no notice period
		{"sv", "Part får säga upp avtalet med 30 dagars varsel om motparten bryter mot det, och inte vidtar rättelse.", model.Term{}},
		// the supplier's own notice to end the agreement is not the term's
		{"en", "We may terminate your subscription by giving you 45 days' notice.", model.Term{}},
		// time that runs out after the end is no notice of ending
		{"en", "If the subscription expires or is cancelled, the access codes stop working after twenty (20) days from the expiry or cancellation date.", model.Term{}},
		// a duty that survives the end of the agreement for a while is no notice of ending it
		{"en", "The duties to protect secret information remain in force for a period four (4) years following its receipt and survive any termination or expiration of this Agreement.", model.Term{}},
		// money paid back some time after a cancellation is no notice of ending
		{"en", "A refund is worked out from the day the cancellation takes effect to the end of the billing period, and paid out within thirty (30) days after the cancellation.", model.Term{}},
		{"sv", "Återbetalningen räknas från den dag uppsägningen får verkan till faktureringsperiodens slut och betalas inom 30 dagar från uppsägningsdagen.", model.Term{}},
		{"da", "Tilbagebetalingen beregnes fra den dag opsigelsen får virkning til faktureringsperiodens slutning og sker inden 30 dage fra opsigelsesdagen.", model.Term{}},
		{"no", "Tilbakebetalingen beregnes fra den dagen oppsigelsen får virkning til faktureringsperiodens slutt og skjer innen 30 dager fra oppsigelsesdagen.", model.Term{}},
		{"sv", "Leverantören får säga upp avtalet med sex månaders varsel.", model.Term{}},
		{"da", "Leverandøren kan opsige aftalen med tre måneders varsel.", model.Term{}},
		{"no", "Leverandøren kan si opp avtalen med tre måneders varsel.", model.Term{}},
		{"fi", "Toimittaja voi irtisanoa sopimuksen kolmen kuukauden irtisanomisajalla.", model.Term{}},
		// …but the customer's, or either party's, is
		{"en", "You may cancel the agreement by giving us 45 days' notice.", model.Term{Indefinite: true, Notice: model.Period{N: 45, Unit: model.Days}}},
		{"sv", "Vardera parten får säga upp avtalet till Leverantören med två månaders varsel.", model.Term{Indefinite: true, Notice: m(2)}},
		// lasting as long as another agreement is not until further notice
		{"sv", "Detta biträdesavtal gäller så länge huvudavtalet är i kraft.", model.Term{}},
		{"da", "Databehandleraftalen gælder så længe hovedaftalen løber.", model.Term{}},
		{"no", "Databehandleravtalen gjelder så lenge hovedavtalen varer.", model.Term{}},
		{"fi", "Tämä sopimus on voimassa niin kauan kuin pääsopimus on voimassa.", model.Term{}},
		// the service or an account put on hold until further notice: no term
		{"fi", "Toimittaja voi keskeyttää palvelun toistaiseksi, jos asiakas rikkoo sopimusta.", model.Term{}},
		{"sv", "Leverantören får stänga av kontot tills vidare om Kunden bryter mot avtalet.", model.Term{}},
		{"en", "We may suspend access to the Service until further notice if you breach this Agreement.", model.Term{}},
		{"en", "This addendum remains in force as long as the main agreement is in effect.", model.Term{}},
		// what lasts as long as something is not the agreement, which is only named
		{"en", "The customer's audit rights last for the term of this agreement and after it for as long as the supplier keeps customer data.", model.Term{}},
		{"sv", "Kundens rätt till revision gäller under avtalstiden och därefter så länge Leverantören lagrar Kundens uppgifter.", model.Term{}},
		// ended at any time without notice: until further notice, with a notice of none
		{"en", "Either party may terminate this agreement at any time without notice.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		{"sv", "Vardera parten får säga upp avtalet när som helst utan uppsägningstid.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		{"da", "Hver af parterne kan opsige aftalen uden varsel.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		{"no", "Begge parter kan si opp avtalen uten varsel.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		{"fi", "Kumpikin osapuoli voi irtisanoa sopimuksen ilman irtisanomisaikaa.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		// a line wrapped before the digits that repeat a number word goes on with the sentence
		{"sv", "Avtalet gäller i tjugofyra\n(24) månader och förlängs därefter med sex\n(6) månader i taget.", model.Term{Initial: m(24), Renewal: m(6)}},
		{"en", "This agreement runs for an initial term of twenty-four\n(24) months and then renews for periods of six\n(6) months.", model.Term{Initial: m(24), Renewal: m(6)}},
		// a force majeure that holds things up for an indefinite time, or lets a party leave, says nothing of the term
		{"en", "If new rules stop the provider from delivering, for a limited or indefinite period, the agreement treats this as force majeure.", model.Term{}},
		{"sv", "Om en force majeure-händelse varar längre än tre månader får vardera parten säga upp avtalet med 30 dagars varsel.", model.Term{}},
		{"no", "Varer en force majeure-situasjon mer enn to måneder, kan hver av partene si opp avtalen med 20 dagers varsel.", model.Term{}},
		// the supplier that reserves a right to end, calling itself by its name, gives no notice of the term
		{"en", "Acme reserves the right to terminate the service in any market with 4 months' notice.", model.Term{}},
		{"sv", "Exempelbolaget förbehåller sig rätten att säga upp avtalet med fyra månaders varsel.", model.Term{}},
		{"da", "Eksempel ApS forbeholder sig retten til at opsige aftalen med fire måneders varsel.", model.Term{}},
		// ended without notice, and what happens to the data said in a clause of its own
		{"da", "Begge parter kan uden varsel opsige aftalen, hvorved kontoen og dens data bliver slettet.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		{"en", "Either party may terminate this agreement without notice, whereby the account data is deleted.", model.Term{Indefinite: true, Notice: model.Period{N: 0, Unit: model.Days}}},
		// a table of plans, each with its own term, proposes none of them
		{"sv", "| Plan | Bindningstid | Uppsägningstid |\n|---|---|---|\n| Bas | 1 månad | 30 dagar |\n| Stor | 24 månader | 60 dagar |", model.Term{}},
		// a termination after changed terms is no notice period of the agreement
		{"sv", "Vid ändrade villkor får Kunden säga upp avtalet med en månads varsel.", model.Term{}},
		// a length "at a time" is each period's, not a notice, whatever is said of ending it
		{"no", "Abonnementet løper ett (1) år om gangen, og det forlenges av seg selv hvis ingen av partene sier det opp i tide.",
			model.Term{Renewal: model.Period{N: 1, Unit: model.Years}}},
		// a subscription cancelled some hours before it renews
		{"sv", "Uppsägning måste ske senast 48 timmar före förnyelsedatum.", model.Term{Notice: model.Period{N: 48, Unit: model.Hours}}},
		{"en", "You may cancel at any time, but at least 24 hours before the subscription renews.",
			model.Term{Notice: model.Period{N: 24, Unit: model.Hours}}},
		// hours in a sentence that names no renewal or end are no notice
		{"en", "We may terminate the service if an outage lasts longer than 24 hours.", model.Term{}},
		// notice that may be given once the binding period is over: the agreement runs on until ended
		{"sv", "Efter bindningstidens slut kan abonnemanget sägas upp med en månads varsel.", model.Term{Indefinite: true, Notice: m(1)}},
		{"da", "Efter bindingsperioden kan aftalen opsiges med 30 dages skriftligt varsel.", model.Term{Indefinite: true, Notice: model.Period{N: 30, Unit: model.Days}}},
		{"en", "After the minimum term you may cancel the subscription on 60 days' written notice.", model.Term{Indefinite: true, Notice: model.Period{N: 60, Unit: model.Days}}},
		// a binding period and the notice after it in one sentence: the notice is the length called notice
		{"da", "Efter udløbet af bindingsperioden på 6 måneder kan abonnementet opsiges med 14 dages varsel.", model.Term{Indefinite: true, Notice: model.Period{N: 14, Unit: model.Days}}},
		{"en", "When the minimum term of 12 months expires you may cancel the subscription with 30 days' written notice.", model.Term{Notice: model.Period{N: 30, Unit: model.Days}}},
		{"sv", "När bindningstiden om 12 månader löper ut kan Kunden säga upp abonnemanget med 60 dagars varsel.", model.Term{Notice: model.Period{N: 60, Unit: model.Days}}},
		// a renewal whose length is a word, not a number
		{"en", "Unless an order form says otherwise, each subscription auto-renews on a yearly basis.", model.Term{Renewal: y(1)}},
		{"sv", "Abonnemanget förnyas automatiskt årsvis om ingen av parterna säger upp det.", model.Term{Renewal: y(1)}},
		{"da", "Abonnementet fornyes automatisk hver måned.", model.Term{Renewal: m(1)}},
		{"no", "Lisensavtalen fornyes årlig uten ny bestilling.", model.Term{Renewal: y(1)}},
		{"fi", "Käyttösopimus uusiutuu automaattisesti kuukausittain.", model.Term{Renewal: m(1)}},
		// …but not a billing period said apart from the renewal
		{"en", "The subscription renews automatically. Its fees are invoiced monthly in advance.", model.Term{}},
		{"en", "The agreement renews automatically for the same period, and the invoices for it are sent out monthly.", model.Term{}},
		// the Danish agency's standard clauses call the agreement "Bestemmelserne"
		{"da", "Bestemmelserne gælder, så længe behandlingen af personoplysninger for kunden står på.", model.Term{Indefinite: true}},
		// …but a law's provisions lasting as long as something are no term
		{"da", "Lovens regler gælder, så længe oplysningerne opbevares.", model.Term{}},
		// deleting data after the end is no notice period
		{"fi", "Sopimuksen päättymisen tai irtisanomisen jälkeen toimittaja poistaa asiakkaan tiedot 60 päivän kuluessa.", model.Term{}},
		{"en", "After termination of the agreement we delete the customer's data within 60 days.", model.Term{}},
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
		// a legal form after a comma, with its dot
		{"en", "These terms are an agreement between you and Brightleaf, Inc. for the service.", "Brightleaf, Inc.", ""},
		// a Finnish case ending after the legal form
		{"fi", "Palvelun tuottaa Kuusikko Ab. Asiakas hyväksyy Kuusikko Ab:n ehdot ja maksaa Kuusikko Ab:lle.", "Kuusikko Ab", ""},
		// an organisation number written as a link
		{"da", "Tjenesten leveres af Prøve ApS (CVR. [DK12345678](https://example.dk/cvr)).", "Prøve ApS", "DK12345678"},
		{"sv", "Leverantören är Tallbacken AB, org.nr [556000-1111](https://example.se/bolag).", "Tallbacken AB", "556000-1111"},
		{"no", "Leverandør: Fjordlys AS, organisasjonsnummer [987654321](https://example.no).", "Fjordlys AS", "987654321"},
		// a brand written in lower case before its form, the number in brackets after it
		{"da", "Aftalen indgås mellem lyngbo ApS (CVR 12345678, herefter \"lyngbo\") og kunden.", "lyngbo ApS", "12345678"},
		// a Finnish form in lower case, with a case ending
		{"fi", "Palvelun tuottaa Kuusikko oy. Asiakas hyväksyy Kuusikko oy:n ehdot ja maksaa Kuusikko oy:lle.", "Kuusikko oy", ""},
		// a name the text defines as "we", with or without a company form
		{"en", "This policy covers the use of lumo (\"lumo\", \"us\" or \"we\") by its customers.", "lumo", ""},
		{"sv", "Villkoren gäller mellan Ekorrtjänst (\"vi\", \"oss\") och dig som kund.", "Ekorrtjänst", ""},
		{"fi", "Nämä ehdot koskevat Esimerkki Oy:n (\"Esimerkki\", \"me\") palvelua.", "Esimerkki", ""},
		// a role in quotes is no name; the lower-case word before the brackets is
		{"en", "These terms cover the service run by lumo. (\"we\", \"us\", \"the Company\") for you.", "lumo", ""},
		// a common noun for a company in quotes is no name either: the name before the brackets is
		{"da", "Velkommen hos Granly (\"Virksomheden\", \"vi\" eller \"os\"), som driver tjenesten.", "Granly", ""},
		{"sv", "Tjänsten drivs av Lövkulla (\"Bolaget\", \"vi\") för dig som kund.", "Lövkulla", ""},
		// a company named once and then called by the supplier's role
		{"fi", "Näitä ehtoja sovelletaan Kirjanpito Lehto Oy:n, jatkossa nimellä palveluntarjoaja, palveluihin.", "Kirjanpito Lehto Oy", ""},
		{"sv", "Villkoren gäller mellan Ekonomitjänst Norr AB, nedan kallad Leverantören, och kunden.", "Ekonomitjänst Norr AB", ""},
		{"en", "These terms apply to the services of Greenfield Ltd (hereinafter the \"Provider\") to its clients.", "Greenfield Ltd", ""},
		// an organisation number with no label, in a shape only such numbers have, right after the name
		{"no", "Tjenesten leveres av Fjellbekk Data AS\n913 456 789 (\"Fjellbekk\") til kunden.", "Fjellbekk Data AS", "913 456 789"},
		{"sv", "Tjänsten tillhandahålls av Granskogen AB, 556123-4567, till kunden.", "Granskogen AB", "556123-4567"},
		// the dot of a legal form between the parties ends no sentence
		{"en", "This schedule forms part of the Master Agreement between Brightwater, Inc. (\"Brightwater\") and Customer.", "Brightwater, Inc.", ""},
		// a defined name with the comma put inside its quotes, as American
		// English does: the full name before the brackets is the name
		{"en", "The portal is run by Tidewater Labs, Inc. (“Tidewater,” “we,” or “us”) for its customers.", "Tidewater Labs, Inc.", ""},
		{"en", "The portal is run by tidewater. (“Tidewater,” “we,” or “us”) for its customers.", "tidewater", ""},
		// a name and its form written in capitals
		{"en", "THIS AGREEMENT IS MADE BETWEEN YOU AND NORTHWIND LABS, INC. FOR THE SERVICE.", "NORTHWIND LABS, INC.", ""},
		{"en", "The provider is HARBOURLINE SYSTEMS LTD, company number 07654321, of Leeds.", "HARBOURLINE SYSTEMS LTD", "07654321"},
		// the role given on the line after the company's name and address
		{"en", "This agreement is made between\n\nBlue Harbour Ltd, 1 Dock Road, Hull\n\n- hereinafter referred to as the Customer -\n\nand\n\nGrey Anchor GmbH, Kaistraße 2, 20457 Hamburg (trading as Anchor Cloud)\n\n- hereinafter referred to as the Processor -", "Grey Anchor GmbH", ""},
		{"sv", "Avtal mellan\n\nStadsbyggnad i Norrköping AB, Drottninggatan 3, 602 24 Norrköping\n(nedan kallad Kunden)\n\noch\n\nMolnhyllan Sverige AB, Box 12, 111 22 Stockholm\n(nedan kallad Leverantören)", "Molnhyllan Sverige AB", ""},
		// a Nordic company's number under an English label
		{"en", "These terms apply to services ordered from Nordpil Systems AS, legal entity number 987 654 321 MVA.", "Nordpil Systems AS", "987 654 321"},
		{"en", "The provider is Kestrel Analytics Oy, business ID 2345678-9.", "Kestrel Analytics Oy", "2345678-9"},
		{"en", "The supplier is Lindholm Data AB (organisation number 556111-2222).", "Lindholm Data AB", "556111-2222"},
		// words that describe the company stand between its name and its number
		{"en", "The processor is Tindra Systems AS, a limited company under Norwegian law with registration number 923 456 781.", "Tindra Systems AS", "923 456 781"},
		{"sv", "Leverantör är Björkdal Data AB, ett svenskt aktiebolag med organisationsnummer 556222-3333.", "Björkdal Data AB", "556222-3333"},
		// only the company named last before the number is described by the words between
		{"no", "Avtalen gjelder mellom Kunde Bygg AS, en av våre kunder, og leverandøren Fjordskyen AS (organisasjonsnummer 998 111 222).", "Fjordskyen AS", "998 111 222"},
		// a country code and a space before the number
		{"no", "Utleier er Vestfjord kommune (organisasjonsnummer NO 964 111 222), heretter kalt kommunen.", "Vestfjord kommune", "NO 964 111 222"},
		// the name ends at its form, not at the word that joins it to its number
		{"no", "Leverandøren er Skogbryn AS med organisasjonsnummer 912 345 678.", "Skogbryn AS", "912 345 678"},
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

// A supplier known only by its brand is named when a sentence opens with
// the brand and says it provides the service, in each language; a role,
// "we", the customer or a name later in the sentence is no supplier.
func TestBrandSupplier(t *testing.T) {
	tests := []struct{ lang, body, name string }{
		{"en", "Lindenfield provides the Service to the Customer from its own servers.", "Lindenfield"},
		{"en", "Northgate Cloud operates the Services described in the order.", "Northgate Cloud"},
		{"sv", "Molnbacken tillhandahåller tjänsten enligt dessa villkor.", "Molnbacken"},
		{"da", "Skybro leverer tjenesten fra datacentre i EU.", "Skybro"},
		{"no", "Fjellnett tilbyr tjenesten til kunden.", "Fjellnett"},
		{"fi", "Pilvimaa tarjoaa palvelun asiakkaalle.", "Pilvimaa"},
		{"en", "The Service is provided by Ferncliff, a company registered in Estonia.", "Ferncliff"},
		{"sv", "Tjänsten tillhandahålls av Snöbrand och dess partner.", "Snöbrand"},
		{"fi", "Palvelun tarjoaa Revontuli kaikille asiakkaille.", "Revontuli"},
		{"en", "The hosting service is provided by Amazon Web Services.", ""},
		{"en", "The Service is provided by the Supplier.", ""},
		{"en", "The Supplier provides the Service with reasonable care.", ""},
		{"en", "Customer provides the service account for the integration.", ""},
		{"en", "We provide the Service as it stands.", ""},
		{"en", "Under this agreement Harbourline provides the Service.", ""},
		{"en", "Everyone who uses Streamlet accepts these rules.", ""},
		// the sentence before the name is no part of it
		{"en", "Welcome. Quillhaven (\"we\", \"us\") runs the platform.", "Quillhaven"},
	}
	for _, tt := range tests {
		got := ""
		for _, p := range Propose([]model.Clause{{Number: "1", Heading: "Service", Body: tt.body}}) {
			if p.Kind == ProposeSupplier {
				got = p.Supplier.Name
			}
		}
		if got != tt.name {
			t.Errorf("%s %q: supplier %q, want %q", tt.lang, tt.body, got, tt.name)
		}
	}
}

// An organisation number in a table's cell belongs to the company named
// in the same column above it: a column a party, or a label and a value; a
// number in the customer's column names no supplier.
func TestOrgNumberInTableCell(t *testing.T) {
	tests := []struct{ name, body, supplier, org string }{
		{"a column a party",
			"| | Supplier | Customer |\n| --- | --- | --- |\n| Name | Larchmoor Systems Ltd | Riverside Council |\n| Company number | 07654321 | – |\n| Address | 2 Quay Street | Town Hall |",
			"Larchmoor Systems Ltd", "07654321"},
		{"a label and a value",
			"| Supplier name | Larchmoor Systems Ltd |\n| --- | --- |\n| Registered number | 07654321 |\n| Customer name | Riverside Council |",
			"Larchmoor Systems Ltd", "07654321"},
		{"a Swedish label",
			"| Leverantör | Tallkotten AB |\n| --- | --- |\n| Organisationsnummer | 556123-4567 |",
			"Tallkotten AB", "556123-4567"},
		{"the customer's number",
			"| | Customer | Supplier |\n| --- | --- | --- |\n| Name | Riverside Homes Ltd | Larchmoor |\n| Company number | 07654321 | – |",
			"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got model.Party
			for _, p := range Propose([]model.Clause{{Number: "1", Heading: "Parties", Body: tt.body}}) {
				if p.Kind == ProposeSupplier && p.Supplier.OrgNumber != "" {
					got = *p.Supplier
				}
			}
			if got.Name != tt.supplier || got.OrgNumber != tt.org {
				t.Errorf("supplier %q %q, want %q %q", got.Name, got.OrgNumber, tt.supplier, tt.org)
			}
		})
	}
}

func TestSubProcessorTable(t *testing.T) {
	c := model.Clause{Number: "B", Heading: "Underbiträden", Body: "| Underbiträde | Tjänst | Plats |\n| --- | --- | --- |\n" +
		"| Molnhallen (drift) | Hosting | Sverige |\n| Brevbäraren | E-post | EU |\n| Molnhallen (drift) | Backup | Sverige |\n" +
		"| [NAMN] | [TJÄNST] | [LAND] |"}
	var names []string
	for _, p := range ProposeSubProcessors(c, "") {
		names = append(names, p.Sub.Name)
	}
	if want := []string{"Molnhallen (drift)", "Brevbäraren"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	// a company still to be chosen names no sub-processor, in every language
	undecided := model.Clause{Number: "D", Heading: "Sub-processors", Body: "Name\tService\tLocation\n" +
		"Molnhallen AB\tHosting\tSweden\nBackup partner (TBD)\tOff-site copies\tEU\n" +
		"Leverantör meddelas senare\tSupport\tEU\nKumppani ilmoitetaan myöhemmin\tTuki\tEU\n" +
		"Partner ikke fastlagt\tDrift\tEU\nLeverandør opplyses senere\tDrift\tEU\nRelay vendor to be confirmed\tMail\tUS"}
	names = nil
	for _, p := range ProposeSubProcessors(undecided, "") {
		names = append(names, p.Sub.Name)
	}
	if want := []string{"Molnhallen AB"}; !slices.Equal(names, want) {
		t.Errorf("names with undecided rows %q, want %q", names, want)
	}
	// a form to fill in: a key and a blank per row, no header of names
	form := model.Clause{Number: "C", Heading: "Nytt underbiträde", Body: "Företagsnamn | [NAMN]\nKontaktperson | [E-POST]"}
	if ps := ProposeSubProcessors(form, ""); len(ps) != 0 {
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
		// where disputes go: a court named before or after its word, or arbitration
		{"sv", "Tvister med anledning av avtalet avgörs av Uppsala tingsrätt.", []Field{{"venue", "Uppsala tingsrätt"}}},
		{"da", "Enhver tvist afgøres ved retten i Odense.", []Field{{"venue", "retten i Odense"}}},
		{"no", "Tvister skal løses ved Bergen tingrett som verneting.", []Field{{"venue", "Bergen tingrett"}}},
		{"fi", "Riidat ratkaistaan Tampereen käräjäoikeudessa.", []Field{{"venue", "Tampereen käräjäoikeudessa"}}},
		{"en", "Any dispute shall be heard by the courts of Scotland and Northern Ireland.", []Field{{"venue", "courts of Scotland and Northern Ireland"}}},
		{"en", "Each dispute is finally settled by arbitration under the rules of the institute.", []Field{{"venue", "arbitration"}}},
		{"sv", "Tvist ska slutligt avgöras genom skiljeförfarande.", []Field{{"venue", "arbitration"}}},
		// a court whose name is one word, or two joined, or owned by its place
		{"da", "Tvister afgøres ved Sø- og Handelsretten i Aarhus.", []Field{{"venue", "Sø- og Handelsretten i Aarhus"}}},
		{"da", "Enhver tvist afgøres ved Odense Byret.", []Field{{"venue", "Odense Byret"}}},
		{"sv", "Tvister avgörs av Göteborgs Tingsrätt.", []Field{{"venue", "Göteborgs Tingsrätt"}}},
		{"no", "Tvister løses ved Trondheim tingrett.", []Field{{"venue", "Trondheim tingrett"}}},
		{"fi", "Riidat ratkaistaan Oulun käräjäoikeudessa.", []Field{{"venue", "Oulun käräjäoikeudessa"}}},
		// a court not named, and a defined term, are no venue
		{"sv", "Tvister prövas av allmän domstol.", nil},
		{"en", "All disputes belong to the Selected Courts.", nil},
		// the law chosen in other words
		{"sv", "Detta avtal lyder under svensk lag.", []Field{{"governing_law", "Sweden"}}},
		{"da", "Aftalen er underlagt dansk ret.", []Field{{"governing_law", "Denmark"}}},
		{"no", "Avtalen er underlagt norsk rett.", []Field{{"governing_law", "Norway"}}},
		// a statute named after a place is not the law chosen
		{"en", "We follow applicable privacy laws, such as the California Consumer Privacy Act.", nil},
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

// A sentence naming several countries' laws gives the first one chosen,
// every time (the phrases once came from a map, in random order).
func TestGoverningLawIsTheFirstChosen(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"governed by swedish law and the laws of norway", "Sweden"},
		{"governed by the laws of norway and swedish law", "Norway"},
		{"governed by the laws of new york", "New York"},
	} {
		for range 20 {
			if got, _ := governingLaw(normalize(tt.text).text); got != tt.want {
				t.Fatalf("%q: %q, want %q", tt.text, got, tt.want)
			}
		}
	}
}

func TestChosenLaw(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"governed by the laws of california without regard to conflicts", "california", true},
		{"including the california consumer privacy act", "california", false},
		{"the swedish data protection act and swedish law apply", "swedish", true},
		{"avtalet lyder under svensk lag", "svensk", true},
		{"enligt svensk personuppgiftslagen", "svensk", false},
		{"dansk databeskyttelsesloven finder anvendelse", "dansk", false},
		{"norsk personopplysningsforskrift gjelder", "norsk", false},
		{"suomen lakia sovelletaan", "suomen", true},
		{"suomen tietosuoja asetus", "suomen", false},
	}
	for _, tt := range tests {
		if got := chosenLaw(normalize(tt.text).text, tt.phrase) >= 0; got != tt.want {
			t.Errorf("chosenLaw(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
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
		c := model.Clause{Number: "7", Heading: tt.heading, Body: tt.intro + "\n\nLanternfish: mail delivery\n- Owl Relay Ltd: backups\n\nQuarry Hosting: servers"}
		var names []string
		for _, p := range ProposeSubProcessors(c, "") {
			names = append(names, p.Sub.Name)
		}
		if want := []string{"Lanternfish", "Owl Relay Ltd", "Quarry Hosting"}; !slices.Equal(names, want) {
			t.Errorf("%s: names %q, want %q", tt.lang, names, want)
		}
	}
}

// TestSubProcessorFormsAbroad: a name backed by a company form of another
// country (Luxembourg, Belgium, Italy) is a sub-processor as "AB" backs one.
func TestSubProcessorFormsAbroad(t *testing.T) {
	c := model.Clause{Number: "5", Heading: "Sub-processors", Body: "The controller approves these sub-processors:\n\n" +
		"* Northwind Compute EMEA SARL\n* Polder Mail NV\n* Vesuvio Dati SpA\n\nOthers may be added later."}
	var names []string
	for _, p := range ProposeSubProcessors(c, "") {
		names = append(names, p.Sub.Name)
	}
	if want := []string{"Northwind Compute EMEA SARL", "Polder Mail NV", "Vesuvio Dati SpA"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

func TestTitleKind(t *testing.T) {
	tests := []struct {
		title string
		want  model.Kind
	}{
		{"Personuppgiftsbiträdesavtal för Molntjänsten", model.KindDPA},
		{"Allmänna villkor för hosting", model.KindGeneralTerms},
		{"Serviceniveauaftale (SLA) for drift", model.KindSLA},
		{"Databehandleravtale mellom partene", model.KindDPA},
		{"Palvelutasosopimus: ylläpito", model.KindSLA},
		{"Tietojenkäsittelysopimus", model.KindDPA},
		{"Framework Agreement for Consulting", model.KindFramework},
		{"Order Form", model.KindOrder},
		{"Terms of Service", model.KindGeneralTerms},
		// the specific kind wins over the general words beside it
		{"Terms for the Data Processing of Customer Data", model.KindDPA},
		{"Driftavtal för Norrsken", ""},
	}
	for _, tt := range tests {
		if got := TitleKind(tt.title); got != tt.want {
			t.Errorf("%q: kind %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestSubProcessorColumns: the place comes from the column whose header
// says where, never from the ground of a transfer; a purpose from neither.
func TestSubProcessorColumns(t *testing.T) {
	tests := []struct {
		lang, heading, header, row string
		country, region, purpose   string
	}{
		{"en", "Subprocessors", "| Provider | Purpose | Hosting region | Transfer mechanism |", "| Brightdesk | Support | Germany | EU-US DPF / SCCs |", "DE", "", "Support"},
		{"sv", "Underbiträden", "| Leverantör | Ändamål | Land | Överföringsmekanism |", "| Molnbo | Drift | Finland | EU SCC |", "FI", "", "Drift"},
		{"da", "Underdatabehandlere", "| Navn | Formål | Overførselsgrundlag | Placering |", "| Skyhus | Backup | EU SCC | Irland |", "IE", "", "Backup"},
		{"no", "Underdatabehandlere", "| Navn | Formål | Overføringsgrunnlag | Lokasjon |", "| Fjellpost | E-post | EU-US DPF | Norge |", "NO", "", "E-post"},
		{"fi", "Alikäsittelijät", "| Toimittaja | Tarkoitus | Sijainti | Siirtoperuste |", "| Pilvitalo | Palvelin | EU | SCC |", "", "EU", "Palvelin"},
		// both a region and a country outside it: the country stands out
		{"en", "Subprocessors", "| Name | Purpose | Location |", "| Postduva | Mail | EU/US |", "US", "", "Mail"},
		{"en", "Subprocessors", "| Name | Purpose | Location |", "| Postduva | Mail | United States (east) |", "US", "", "Mail"},
	}
	for _, tt := range tests {
		c := model.Clause{Number: "A", Heading: tt.heading, Body: tt.header + "\n|---|---|---|---|\n" + tt.row}
		ps := ProposeSubProcessors(c, "")
		if len(ps) != 1 {
			t.Errorf("%s %q: %d proposals, want 1", tt.lang, tt.row, len(ps))
			continue
		}
		if s := ps[0].Sub; s.Country != tt.country || s.Region != tt.region || s.Purpose != tt.purpose {
			t.Errorf("%s %q: country %q region %q purpose %q, want %q %q %q", tt.lang, tt.row, s.Country, s.Region, s.Purpose,
				tt.country, tt.region, tt.purpose)
		}
	}
}

// TestNoSubProcessors: rows and lines under a sub-processor heading that
// name none: a change log, a form's field labels.
func TestNoSubProcessors(t *testing.T) {
	tests := []struct{ lang, heading, body string }{
		{"en", "Subprocessor changes", "| Date | Change | Subprocessor |\n|---|---|---|\n| 2025-03-01 | List created | All |"},
		{"sv", "Ändringar av underbiträden", "| Datum | Ändring | Underbiträde |\n|---|---|---|\n| 2025-03-01 | Ny lista | Alla |"},
		{"da", "Underdatabehandlere", "| Dato | Ændring | Underdatabehandler |\n|---|---|---|\n| 2025-03-01 | Ny liste | Alle |"},
		{"no", "Underdatabehandlere", "| Dato | Endring | Underdatabehandler |\n|---|---|---|\n| 2025-03-01 | Ny liste | Alle |"},
		{"fi", "Alikäsittelijät", "| Päivämäärä | Muutos | Alikäsittelijä |\n|---|---|---|\n| 2025-03-01 | Uusi lista | Kaikki |"},
		{"fi", "Alikäsittelijät", "Täytä uuden alikäsittelijän tiedot:\n\nKatuosoite:\nPuhelinnumero:"},
		{"en", "Subprocessors", "Details of a new subprocessor:\n\nStreet Address:\nPhone Number:"},
		// defined terms, one of them the sub-processor, are no list of them
		{"en", "Definitions", "In this addendum:\n\n**Customer Data:** what the customer stores.\n\n**Subprocessor:** a third party that processes Customer Data for us."},
		{"sv", "Definitioner", "I detta avtal betyder:\n\nKunddata: uppgifter som kunden lagrar.\nUnderbiträde: annan som behandlar kunddata åt oss."},
		{"fi", "Määritelmät", "Tässä sopimuksessa:\n\nAsiakastieto: asiakkaan tallentama tieto.\nAlikäsittelijä: kolmas osapuoli, joka käsittelee tietoja."},
	}
	for _, tt := range tests {
		if ps := ProposeSubProcessors(model.Clause{Number: "A", Heading: tt.heading, Body: tt.body}, ""); len(ps) != 0 {
			t.Errorf("%s %q: proposes %+v", tt.lang, tt.body, ps[0].Sub)
		}
	}
}

// TestSubProcessorEntryOverLines: a list entry of a name with a dotted
// company form, then its register number, address and purpose on lines of
// their own, as the Danish standard clauses lay them out.
func TestSubProcessorEntryOverLines(t *testing.T) {
	body := "Den dataansvarlige har godkendt følgende underdatabehandlere\n\n- Nordhav S.A.S.  \n  RCS Exempelby 123 456 789  \n" +
		"  1 rue de l'Exemple, 59000 Lille, France  \n  Databehandling: drift af servere\n\nListen kan ændres."
	ps := ProposeSubProcessors(model.Clause{Number: "Bilag B", Heading: "Underdatabehandlere", Body: body}, "")
	if len(ps) != 1 || ps[0].Sub.Name != "Nordhav S.A.S." {
		t.Fatalf("%+v, want the one entry Nordhav S.A.S.", ps)
	}
}

func TestSubProcessorBulletsWithPurpose(t *testing.T) {
	tests := []struct{ lang, heading, intro string }{
		{"sv", "Underbiträden", "Biträdet anlitar följande underbiträden:"},
		{"da", "Underdatabehandlere", "Databehandleren bruger følgende underdatabehandlere:"},
		{"no", "Bruk av underdatabehandlere", "Databehandler bruker følgende underdatabehandlere:"},
		{"fi", "Alikäsittelijät", "Käsittelijä käyttää seuraavia alikäsittelijöitä:"},
		{"en", "Subprocessors", "We use the following subprocessors:"},
	}
	for _, tt := range tests {
		c := model.Clause{Number: "8", Heading: tt.heading, Body: tt.intro + "\n- Lanternfish (mail delivery)\n- Owl Relay (backups, nightly)"}
		var got []string
		for _, p := range ProposeSubProcessors(c, "") {
			got = append(got, p.Sub.Name+"/"+p.Sub.Purpose)
		}
		if want := []string{"Lanternfish/mail delivery", "Owl Relay/backups, nightly"}; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", tt.lang, got, want)
		}
	}
}

func TestCopyrightNamesNoSupplier(t *testing.T) {
	body := "These terms may be used freely.\n\n© 2024 Formwright, Inc. Licensed under CC BY 4.0.\n\nFormwright templates are free."
	for _, p := range Propose([]model.Clause{{Number: "1", Heading: "Terms", Body: body}}) {
		if p.Kind == ProposeSupplier {
			t.Errorf("supplier %q from a copyright notice", p.Supplier.Name)
		}
	}
}

func TestSupplierIsNoSubProcessor(t *testing.T) {
	clauses := []model.Clause{
		{Number: "1", Heading: "Parties", Body: "These terms are an agreement between you and Brightleaf, Inc. for the service."},
		{Number: "2", Heading: "Subprocessors", Body: "| Name | Purpose | Location |\n|---|---|---|\n| Brightleaf | Support | Sweden |\n| Brightleaf Cloud Ltd | Hosting | Ireland |"},
	}
	var got []string
	for _, p := range Propose(clauses) {
		if p.Kind == ProposeSubProcessor {
			got = append(got, p.Sub.Name)
		}
	}
	if want := []string{"Brightleaf Cloud Ltd"}; !slices.Equal(got, want) {
		t.Errorf("sub-processors %q, want %q (the supplier itself left out, its affiliate kept)", got, want)
	}
}

// TestSuppliersTerminationHeading: a heading that gives the right to end
// the agreement to the supplier makes the notice under it no term's.
func TestSuppliersTerminationHeading(t *testing.T) {
	tests := []struct {
		lang, heading, body string
		notice              bool
	}{
		{"en", "Termination by Us", "Notice: we give 45 days' notice of a termination.", false},
		{"sv", "Leverantörens uppsägning", "Uppsägning sker med tre månaders varsel.", false},
		{"da", "Leverandørens opsigelse", "Opsigelse sker med tre måneders varsel.", false},
		{"en", "Termination by the Customer", "Notice: give 45 days' notice of a termination.", true},
		{"sv", "Kundens uppsägning", "Uppsägning sker med tre månaders varsel.", true},
	}
	for _, tt := range tests {
		found := false
		for _, p := range Propose([]model.Clause{{Number: "12", Heading: tt.heading, Body: tt.body}}) {
			found = found || (p.Kind == ProposeTerm && !p.Term.Notice.IsZero())
		}
		if found != tt.notice {
			t.Errorf("%s %q: a term's notice proposed %v, want %v", tt.lang, tt.heading, found, tt.notice)
		}
	}
}

// TestSupplierKnownByItsBrand: with no company form, number or definition
// anywhere, the supplier is the name that acts as a party twice or more
// and stands in the opening lines; a role, a defined term or a word also
// written in lower case is no name.
func TestSupplierKnownByItsBrand(t *testing.T) {
	tests := []struct {
		lang, heading, body, want string
	}{
		{"sv", "Villkor för Molnkattens tjänst", "Molnkatten förbehåller sig rätten att ändra tjänsten. Molnkatten ansvarar inte för det du lagrar.", "Molnkatten"},
		{"en", "Hosting terms", "These terms cover Brightpath hosting. Brightpath will keep the service running and Brightpath may change these terms.", "Brightpath"},
		{"da", "Vilkår", "Tjenesten drives af Fjordlyd. Fjordlyd forbeholder sig ret til at lukke konti, og Fjordlyd leverer tjenesten som den er.", "Fjordlyd"},
		// acting once is not enough
		{"en", "Hosting terms", "Brightpath will keep the service running.", ""},
		// a defined term, a word also in lower case, a role
		{"en", "Hosting terms", "The \"Platform\" is hosted for you. Platform will be updated often. Platform may change.", ""},
		{"en", "Hosting terms", "Platform will be updated often. Platform may change. The platform runs in Sweden.", ""},
		{"sv", "Personuppgifter", "Personuppgiftsansvarige ska ge instruktioner. Personuppgiftsansvarige ansvarar för uppgifterna.", ""},
		// two names acting as often as each other: no telling which supplies
		{"en", "Hosting terms", "Brightpath will host it and Brightpath will back it up. Stormway will sell it and Stormway will bill for it.", ""},
	}
	for _, tt := range tests {
		got := ""
		for _, p := range Propose([]model.Clause{{Number: "", Heading: tt.heading, Body: tt.body}}) {
			if p.Kind == ProposeSupplier {
				got = p.Supplier.Name
			}
		}
		if got != tt.want {
			t.Errorf("%s %q: supplier %q, want %q", tt.lang, tt.body, got, tt.want)
		}
	}
}

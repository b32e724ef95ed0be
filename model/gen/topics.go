package gen

// topic is what a chapter of an agreement is about: its heading, the
// headings its sub-clauses draw from, the tags its clauses carry and the
// nouns its text leans on, so the termination chapter talks about notice
// periods and the SLA about downtime.
type topic struct {
	tags    []string
	heading [2]string
	subs    [2][]string
	nouns   [2]ranked[string]
}

// topicID names a topic; rules and SLA terms point at the chapter of a
// topic by its id.
type topicID int

const (
	tDefinitions topicID = iota
	tScope
	tService
	tCustomer
	tFees
	tIndexation
	tAvailability
	tSupport
	tMaintenance
	tCredit
	tProcessing
	tSubprocessors
	tSecurity
	tBreach
	tThirdCountry
	tAudit
	tConfidentiality
	tIP
	tLiability
	tForceMajeure
	tTerm
	tExit
	tAssignment
	tTermsChange
	tLaw
	tCallOff
	topicCount
)

var topics = [topicCount]topic{
	tDefinitions: {nil, [2]string{"Definitioner", "Definitions"},
		[2][]string{{"Avtalet", "Avtalsdag", "Startdag", "Arbetsdag", "Bilaga", "Tjänsten", "Användare"},
			{"Agreement", "Effective date", "Start date", "Business day", "Appendix", "Service", "User"}},
		[2]ranked[string]{rank(1, "avtalsdag", "startdag", "arbetsdag", "kalenderdag", "bilaga"),
			rank(1, "the effective date", "the start date", "a business day", "a calendar day")}},
	tScope: {[]string{"scope"}, [2]string{"Avtalets omfattning", "Scope of the agreement"},
		[2][]string{{"Bakgrund", "Avtalshandlingar", "Rangordning", "Omfattning"},
			{"Background", "Contract documents", "Order of precedence", "Scope"}},
		[2]ranked[string]{rank(1, "avtalshandlingarna", "rangordningen", "orderformuläret", "tjänstebeskrivningen"),
			rank(1, "the contract documents", "the order of precedence", "the order form", "the service description")}},
	tService: {[]string{"service"}, [2]string{"Tjänstens tillhandahållande", "Provision of the service"},
		[2][]string{{"Leverans", "Driftmiljö", "Underleverantörer", "Avstängning", "Nya versioner"},
			{"Delivery", "Operating environment", "Subcontractors", "Suspension", "New releases"}},
		[2]ranked[string]{rank(1, "driftmiljön", "leveransen", "versionen", "plattformen", "avstängning"),
			rank(1, "the operating environment", "the delivery", "the release", "the platform", "suspension")}},
	tCustomer: {nil, [2]string{"Kundens åtaganden", "Customer obligations"},
		[2][]string{{"Medverkan", "Inloggningsuppgifter", "Otillåten användning"},
			{"Cooperation", "Credentials", "Unauthorised use"}},
		[2]ranked[string]{rank(1, "inloggningsuppgifter", "medverkan", "användningen"),
			rank(1, "credentials", "cooperation", "the use")}},
	tFees: {[]string{"fees"}, [2]string{"Avgifter och betalning", "Fees and payment"},
		[2][]string{{"Avgifter", "Fakturering", "Betalningsvillkor", "Dröjsmålsränta", "Ändrade volymer"},
			{"Fees", "Invoicing", "Payment terms", "Late payment interest", "Changed volumes"}},
		[2]ranked[string]{rank(1, "avgiften", "fakturan", "betalningsvillkor", "dröjsmålsränta", "förfallodagen", "mervärdesskatt"),
			rank(1, "the fees", "the invoice", "payment terms", "late payment interest", "the due date", "VAT")}},
	tIndexation: {[]string{"fees", "indexation"}, [2]string{"Prisjustering", "Price adjustment"},
		[2][]string{{"Indexering", "Basmånad", "Prishöjning inför ny period"},
			{"Indexation", "Base month", "Price increase for a new period"}},
		[2]ranked[string]{rank(1, "indexet", "arbetskostnadsindex", "basmånaden", "prisjustering", "konsumentprisindex"),
			rank(1, "the index", "the labour cost index", "the base month", "price adjustment", "the consumer price index")}},
	tAvailability: {[]string{"sla"}, [2]string{"Tillgänglighet", "Availability"},
		[2][]string{{"Tillgänglighetsnivå", "Mätning", "Servicetid", "Undantag", "Nedtid"},
			{"Availability level", "Measurement", "Service hours", "Exclusions", "Downtime"}},
		[2]ranked[string]{rank(1, "tillgänglighet", "nedtid", "servicetid", "mätperioden", "planerat underhåll", "driftstörning"),
			rank(1, "availability", "downtime", "service hours", "the measurement period", "planned maintenance", "an outage")}},
	tSupport: {[]string{"sla", "support"}, [2]string{"Support", "Support"},
		[2][]string{{"Prioritet", "Responstid", "Åtgärdstid", "Felanmälan", "Eskalering"},
			{"Priority", "Response time", "Resolution time", "Fault reporting", "Escalation"}},
		[2]ranked[string]{rank(1, "responstid", "åtgärdstid", "felanmälan", "prioritet", "ärendet", "eskalering"),
			rank(1, "response time", "resolution time", "the fault report", "priority", "the ticket", "escalation")}},
	tMaintenance: {[]string{"sla"}, [2]string{"Underhåll", "Maintenance"},
		[2][]string{{"Planerat underhåll", "Uppdateringar", "Säkerhetskopiering"},
			{"Planned maintenance", "Updates", "Backups"}},
		[2]ranked[string]{rank(1, "planerat underhåll", "servicefönster", "uppdateringar", "säkerhetskopiering"),
			rank(1, "planned maintenance", "the maintenance window", "updates", "backups")}},
	tCredit: {[]string{"credit", "sla"}, [2]string{"Kreditering", "Service credits"},
		[2][]string{{"Kreditering", "Begäran om kreditering", "Tak för kreditering", "Enda påföljd"},
			{"Service credits", "Claiming a credit", "Cap on credits", "Sole remedy"}},
		[2]ranked[string]{rank(1, "kreditering", "månadsavgiften", "prisavdrag", "vitet", "krediteringsbegäran"),
			rank(1, "service credits", "the monthly fee", "a price reduction", "the penalty", "the credit claim")}},
	tProcessing: {[]string{"dpa"}, [2]string{"Behandling av personuppgifter", "Processing of personal data"},
		[2][]string{{"Roller", "Instruktioner", "Ändamål", "Kategorier av personuppgifter", "Registrerades rättigheter"},
			{"Roles", "Instructions", "Purpose", "Categories of personal data", "Rights of data subjects"}},
		[2]ranked[string]{rank(1, "personuppgifter", "personuppgiftsbiträde", "personuppgiftsansvarig", "de registrerade", "instruktionerna", "dataskyddsförordningen"),
			rank(1, "personal data", "the processor", "the controller", "data subjects", "the instructions", "the GDPR")}},
	tSubprocessors: {[]string{"dpa", "subprocessors"}, [2]string{"Underbiträden", "Sub-processors"},
		[2][]string{{"Anlitande av underbiträden", "Byte av underbiträde", "Invändning", "Förteckning över underbiträden"},
			{"Engaging sub-processors", "Changing sub-processors", "Objection", "List of sub-processors"}},
		[2]ranked[string]{rank(1, "underbiträde", "underbiträden", "invändning", "förteckningen", "förhandsbesked"),
			rank(1, "a sub-processor", "sub-processors", "an objection", "the list", "advance notice")}},
	tSecurity: {[]string{"security"}, [2]string{"Informationssäkerhet", "Information security"},
		[2][]string{{"Säkerhetsåtgärder", "Behörighet", "Kryptering", "Loggning"},
			{"Security measures", "Access", "Encryption", "Logging"}},
		[2]ranked[string]{rank(1, "säkerhetsåtgärder", "behörighetskontroll", "kryptering", "loggning", "informationssäkerhet", "sårbarheter"),
			rank(1, "security measures", "access control", "encryption", "logging", "information security", "vulnerabilities")}},
	tBreach: {[]string{"breach", "dpa"}, [2]string{"Personuppgiftsincidenter", "Personal data breaches"},
		[2][]string{{"Underrättelse", "Innehåll i underrättelsen", "Åtgärder"},
			{"Notification", "Content of the notification", "Measures"}},
		[2]ranked[string]{rank(1, "personuppgiftsincident", "underrättelse", "tillsynsmyndigheten", "incidentrapport"),
			rank(1, "a personal data breach", "the notification", "the supervisory authority", "the incident report")}},
	tThirdCountry: {[]string{"dpa", "third-country"}, [2]string{"Överföring till tredjeland", "Third-country transfers"},
		[2][]string{{"Tredjeland", "Standardavtalsklausuler", "Lagringsplats"},
			{"Third countries", "Standard contractual clauses", "Storage location"}},
		[2]ranked[string]{rank(1, "tredjeland", "standardavtalsklausuler", "adekvansbeslut", "lagringsplatsen"),
			rank(1, "a third country", "standard contractual clauses", "an adequacy decision", "the storage location")}},
	tAudit: {[]string{"audit", "dpa"}, [2]string{"Revision", "Audit"},
		[2][]string{{"Granskning", "Varsel", "Kostnader"}, {"Inspection", "Advance notice", "Costs"}},
		[2]ranked[string]{rank(1, "revision", "granskning", "revisorn", "varsel"),
			rank(1, "the audit", "the inspection", "the auditor", "advance notice")}},
	tConfidentiality: {[]string{"confidentiality"}, [2]string{"Sekretess", "Confidentiality"},
		[2][]string{{"Sekretess", "Undantag", "Sekretessens varaktighet", "Offentlighetsprincipen"},
			{"Confidentiality", "Exceptions", "Duration", "Public access to documents"}},
		[2]ranked[string]{rank(1, "sekretess", "tystnadsplikt", "offentlighetsprincipen", "sekretessförbindelse"),
			rank(1, "confidentiality", "the duty of secrecy", "public access to documents", "a non-disclosure undertaking")}},
	tIP: {[]string{"ip"}, [2]string{"Immateriella rättigheter", "Intellectual property"},
		[2][]string{{"Äganderätt", "Nyttjanderätt", "Intrång"}, {"Ownership", "Right of use", "Infringement"}},
		[2]ranked[string]{rank(1, "nyttjanderätt", "immateriella rättigheter", "intrång", "licensen"),
			rank(1, "the right of use", "intellectual property", "infringement", "the licence")}},
	tLiability: {[]string{"liability"}, [2]string{"Ansvarsbegränsning", "Limitation of liability"},
		[2][]string{{"Skadestånd", "Ansvarsbegränsning", "Indirekta skador", "Reklamation"},
			{"Damages", "Liability cap", "Indirect loss", "Claims"}},
		[2]ranked[string]{rank(1, "ansvarsbegränsning", "skadestånd", "följdskador", "grov vårdslöshet", "reklamation"),
			rank(1, "the liability cap", "damages", "indirect loss", "gross negligence", "the claim")}},
	tForceMajeure: {[]string{"force-majeure"}, [2]string{"Force majeure", "Force majeure"},
		[2][]string{{"Befrielsegrunder", "Underrättelse", "Rätt att frånträda"},
			{"Grounds for relief", "Notification", "Right to withdraw"}},
		[2]ranked[string]{rank(1, "force majeure", "befrielsegrund", "arbetskonflikt", "myndighetsbeslut"),
			rank(1, "force majeure", "a ground for relief", "industrial action", "a decision of an authority")}},
	tTerm: {[]string{"term", "termination"}, [2]string{"Avtalstid och uppsägning", "Term and termination"},
		[2][]string{{"Avtalstid", "Förlängning", "Uppsägning", "Uppsägningstid", "Förtida upphörande", "Hävning"},
			{"Term", "Renewal", "Termination", "Notice period", "Early termination", "Termination for cause"}},
		[2]ranked[string]{rank(1, "uppsägning", "uppsägningstid", "avtalsperioden", "förlängningsperiod", "hävning", "väsentligt avtalsbrott"),
			rank(1, "termination", "the notice period", "the term", "the renewal period", "termination for cause", "material breach")}},
	tExit: {[]string{"exit"}, [2]string{"Avtalets upphörande", "Exit"},
		[2][]string{{"Återlämnande av data", "Radering", "Exitstöd"}, {"Return of data", "Deletion", "Exit assistance"}},
		[2]ranked[string]{rank(1, "återlämnande", "radering", "exitplanen", "dataexport"),
			rank(1, "the return of data", "deletion", "the exit plan", "the data export")}},
	tAssignment: {[]string{"assignment"}, [2]string{"Överlåtelse", "Assignment"},
		[2][]string{{"Överlåtelse", "Koncernbolag"}, {"Assignment", "Group companies"}},
		[2]ranked[string]{rank(1, "överlåtelse", "koncernbolag", "samtycke"), rank(1, "assignment", "a group company", "consent")}},
	tTermsChange: {[]string{"terms-change"}, [2]string{"Ändringar och tillägg", "Changes to the terms"},
		[2][]string{{"Ändringar", "Väsentlig försämring"}, {"Changes", "Material deterioration"}},
		[2]ranked[string]{rank(1, "ändringar", "tillägg", "försämring"), rank(1, "changes", "amendments", "a deterioration")}},
	tLaw: {[]string{"law"}, [2]string{"Tillämplig lag och tvist", "Governing law and disputes"},
		[2][]string{{"Tillämplig lag", "Tvistlösning", "Skiljeförfarande"}, {"Governing law", "Disputes", "Arbitration"}},
		[2]ranked[string]{rank(1, "svensk lag", "tvisten", "skiljeförfarande", "allmän domstol", "skiljenämnden"),
			rank(1, "Swedish law", "the dispute", "arbitration", "the ordinary courts", "the arbitral tribunal")}},
	tCallOff: {[]string{"structure"}, [2]string{"Avrop", "Call-offs"},
		[2][]string{{"Avropsordning", "Förnyad konkurrensutsättning", "Avropsavtal"},
			{"Call-off procedure", "Mini-competition", "Call-off contract"}},
		[2]ranked[string]{rank(1, "avrop", "avropsavtal", "förnyad konkurrensutsättning", "ramavtalsperioden"),
			rank(1, "call-offs", "the call-off contract", "a mini-competition", "the framework period")}},
}

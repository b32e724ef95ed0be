package gen

// lang is the language an agreement's documents are written in.
type lang int

const (
	sv lang = iota
	en
)

// vocab is the word list of one language, each part of speech ranked from
// common to rare. Sentences are assembled from these parts (see text.go), so
// a search finds common words in most clauses and rare ones in a few.
type vocab struct {
	subjects ranked[string] // who acts, capitalised
	modals   ranked[string] // "ska", "får", "har rätt att"
	verbs    ranked[string] // infinitive after a modal
	// cond are the verbs of "if the supplier does not …": Swedish present
	// tense after "inte", English infinitives after "fails to".
	cond  ranked[string]
	nouns ranked[string] // things acted on
	// Compounds are a modifier and a head. Swedish writes them as one word
	// (säkerhets + åtgärder = säkerhetsåtgärder), so a search for a part
	// finds the whole; English writes two.
	mods, heads ranked[string]
	joiner      string
	preps       ranked[string] // adverbials; %s is a noun phrase
	periods     ranked[string] // how long
	timed       ranked[string] // adverbials with a period; %s is a period
	passives    ranked[string] // predicates for a noun as subject
	and         string         // " och " / " and "
	ifWord      string
	not         string // "inte" / "fails to"
	also        string // "Detta gäller även %s."
}

var vocabs = [2]vocab{
	sv: {
		subjects: rank(1.0, "Leverantören", "Kunden", "Parterna", "Part", "Beställaren", "Personuppgiftsbiträdet",
			"Den personuppgiftsansvarige", "Underbiträdet", "Ramavtalsleverantören", "Den upphandlande organisationen",
			"Avtalsparterna", "Tjänsteleverantören"),
		modals: rank(0.9, "ska", "får", "har rätt att", "är skyldig att", "åtar sig att", "ansvarar för att",
			"ska utan onödigt dröjsmål", "ska på begäran", "ska skriftligen", "får inte utan skriftligt medgivande"),
		verbs: rank(0.9, "tillhandahålla", "meddela", "behandla", "säga upp", "ersätta", "informera om", "dokumentera",
			"åtgärda", "fakturera", "godkänna", "kreditera", "radera", "återlämna", "granska", "rapportera", "begränsa",
			"överlåta", "invända mot", "upprätthålla", "säkerställa", "anlita", "pröva", "häva", "justera", "reklamera",
			"arkivera", "avropa", "säkerhetskopiera", "pseudonymisera"),
		cond: rank(0.9, "fullgör", "meddelar", "åtgärdar", "betalar", "godkänner", "invänder mot", "rapporterar",
			"levererar", "följer", "reklamerar", "återställer", "avhjälper"),
		nouns: rank(1.0, "avtalet", "tjänsten", "personuppgifter", "uppsägning", "ersättning", "villkoren", "bilagan",
			"informationen", "uppdraget", "underbiträde", "personuppgiftsbiträde", "tillgänglighet", "sekretess",
			"avgiften", "fakturan", "leveransen", "incidenten", "uppsägningstid", "kreditering", "ansvarsbegränsning",
			"force majeure", "driftstörning", "dokumentationen", "underleverantörer", "behandlingen", "de registrerade",
			"instruktionerna", "nedtid", "responstid", "åtgärdstid", "skadestånd", "vite", "hävning", "överlåtelse",
			"tredjeland", "revision", "licensen", "användarna", "kontaktpersonen", "prisjustering", "indexet",
			"offentlighetsprincipen", "dataskyddsförordningen", "säkerhetskopior", "förlängningsperiod", "avrop",
			"skiljeförfarande", "lagval", "garantitiden", "godkännandeprov", "följdskador", "preskription",
			"helgdag", "arbetsdag", "kalenderdag", "skiljenämnden", "omförhandling", "exitplanen", "loggarna",
			"behörighetskontroll", "kryptering", "sårbarheter", "penetrationstest", "tystnadsplikt", "konkurs",
			"ackord", "hävningsrätten", "vitesbeloppet", "kulanskreditering"),
		mods: rank(1.0, "avtals", "person", "säkerhets", "tjänste", "leverans", "betalnings", "uppsägnings",
			"informations", "sekretess", "ansvars", "drift", "pris", "förlängnings", "incident", "support",
			"ändrings", "behandlings", "service", "underhålls", "tillgänglighets", "licens", "kvalitets",
			"revisions", "instruktions", "återställnings", "skydds", "loggnings", "krypterings", "arkiv",
			"gallrings", "beredskaps", "kontinuitets"),
		heads: rank(1.0, "perioden", "tiden", "villkor", "åtgärder", "avgift", "nivåer", "ansvar", "skyldighet",
			"rätt", "rapport", "plan", "beskrivning", "fönster", "hantering", "begränsning", "meddelande", "skydd",
			"kontroll", "krav", "ändring", "förteckning", "underlag", "rutiner", "ersättning", "säkerhet",
			"klassning", "granskning", "övning"),
		preps: rank(1.0, " enligt %s", " i enlighet med %s", " med undantag för %s", " vid %s", " avseende %s",
			" till följd av %s", " i samband med %s", " utan hinder av %s", " med hänsyn till %s"),
		periods: rank(0.8, "30 dagar", "tre månader", "sex månader", "14 dagar", "fyra veckor", "12 månader",
			"en månad", "90 dagar", "fem arbetsdagar", "24 timmar", "72 timmar", "två veckor", "tio kalenderdagar",
			"nio månader", "36 månader"),
		timed: rank(1.0, " inom %s", " senast %s före avtalsperiodens utgång", " inom %s från skriftlig underrättelse",
			" med %s uppsägningstid", " under %s efter avtalets upphörande", " minst %s i förväg",
			" senast %s efter att felet upptäcktes"),
		passives: rank(1.0, "ska ske skriftligen", "omfattas av sekretess", "regleras i bilaga 1",
			"ska anses godkänd", "ersätts inte", "gäller även efter avtalets upphörande", "ska dokumenteras",
			"räknas inte som nedtid", "ska meddelas kontaktpersonen", "är en del av avtalet",
			"faktureras kvartalsvis i förskott", "får inte överlåtas"),
		and: " och ", ifWord: "Om", not: "inte", also: "Detta gäller även %s.",
	},
	en: {
		subjects: rank(1.0, "The Supplier", "The Customer", "The Parties", "Either Party", "The Processor",
			"The Controller", "The Sub-processor", "The Contracting Authority", "The Service Provider"),
		modals: rank(0.9, "shall", "may", "is entitled to", "undertakes to", "must",
			"shall without undue delay", "shall on request", "shall in writing", "may not without prior consent"),
		verbs: rank(0.9, "provide", "notify", "process", "terminate", "compensate", "inform about", "document",
			"remedy", "invoice", "approve", "credit", "delete", "return", "review", "report", "limit", "assign",
			"object to", "maintain", "ensure", "engage", "assess", "rescind", "adjust", "archive", "encrypt"),
		cond: rank(0.9, "fulfil", "notify", "remedy", "pay", "approve", "object to", "report", "deliver",
			"comply with", "restore"),
		nouns: rank(1.0, "the agreement", "the service", "personal data", "termination", "the fees", "the terms",
			"the appendix", "the information", "the assignment", "a sub-processor", "the processor", "availability",
			"confidentiality", "the invoice", "the delivery", "the incident", "the notice period", "service credits",
			"limitation of liability", "force majeure", "downtime", "the documentation", "subcontractors",
			"the processing", "data subjects", "the instructions", "response time", "resolution time", "damages",
			"liquidated damages", "assignment", "third countries", "the audit", "the licence", "users",
			"the contact person", "price adjustment", "the index", "backups", "the renewal period", "call-offs",
			"arbitration", "governing law", "the warranty period", "acceptance testing", "indirect loss",
			"public holidays", "business days", "the arbitral tribunal", "renegotiation", "the exit plan",
			"access control", "encryption", "vulnerabilities", "insolvency", "goodwill credits"),
		mods: rank(1.0, "service", "security", "data protection", "payment", "notice", "renewal", "incident",
			"support", "change", "maintenance", "availability", "licence", "quality", "audit", "recovery",
			"logging", "continuity"),
		heads: rank(1.0, "period", "terms", "measures", "fee", "levels", "obligations", "report", "plan",
			"description", "window", "handling", "limits", "notice", "controls", "requirements", "register",
			"procedures", "review"),
		preps: rank(1.0, " under %s", " in accordance with %s", " except for %s", " in the event of %s",
			" regarding %s", " as a result of %s", " in connection with %s", " notwithstanding %s"),
		periods: rank(0.8, "30 days", "three months", "six months", "14 days", "four weeks", "12 months",
			"one month", "90 days", "five business days", "24 hours", "72 hours", "two weeks"),
		timed: rank(1.0, " within %s", " no later than %s before the end of the term", " within %s of written notice",
			" with %s notice", " for %s after termination", " at least %s in advance"),
		passives: rank(1.0, "shall be made in writing", "is subject to confidentiality", "is set out in Appendix 1",
			"shall be deemed accepted", "is not compensated", "survives termination", "shall be documented",
			"does not count as downtime", "forms part of the agreement", "may not be assigned"),
		joiner: " ", and: " and ", ifWord: "If", not: "fails to", also: "This also applies to %s.",
	},
}

package extract

import (
	"sync"

	"avtal/model"
)

// language holds what the extractors need to know of one language: how it
// writes numbers and units of time, and the words that tie a length of time
// to a kind of deadline or to the agreement's own term. Each language has a
// file of its own (lang_sv.go, lang_da.go…); nothing else in the package
// names a word of a language, so adding one is adding a file.
//
// Cue words are written as cue describes: "uppsäg" a word start, "*avgift"
// anywhere in a word, "=sla" a whole word, "säga upp" words in a row.
type language struct {
	code string
	// numbers are number words with their inflected forms: "sex", "kuuden".
	numbers map[string]int
	// compoundTens and compoundUnits are joined into one word ("tjugofyra",
	// "tjuefire"); a language that writes its compounds apart leaves them out.
	compoundTens, compoundUnits map[string]int
	// units are the words of units of time, with their inflections.
	units map[string]model.Unit
	// unitQualifiers make a unit of two words: "business" + "days".
	unitQualifiers map[string]model.Unit
	// oneUnitAfter are words after which a unit alone counts one, in a
	// language with no article: "viimeistään kuukautta ennen" (a month before).
	oneUnitAfter []string
	// oneUnitBefore are the words before which a unit alone counts one
	// ("kuukauden kuluessa", within a month), unless a word in
	// unitDeterminers stands before it ("saman kuukauden kuluessa", within
	// the same month, is no length).
	oneUnitBefore, unitDeterminers []string
	// unitAbbreviations are units written right after the digits, with no
	// space: "24h", "30d". Apart, a letter is too often something else
	// (a list item "4 d)").
	unitAbbreviations map[string]model.Unit

	// rules are the cue words of each kind of deadline rule.
	rules map[model.DeadlineKind]kindWords
	// notDeadline are words that make a length of time no deadline at all:
	// a liability look-back ("the 12 months preceding"), a retention
	// period, interest, an age, a measurement period.
	notDeadline []string
	// noticeNouns right after a length make it a notice period: "3
	// månaders uppsägningstid", "30 days' notice".
	noticeNouns []string
	// periodNouns right after a length make it the length of some period
	// ("a 30-day period"), which is a deadline only where a kind says so;
	// so do firsts right before it ("the first 12 months").
	periodNouns, firsts []string
	// after right after a length counts it from some event: "12 months
	// after termination" is no term of the agreement.
	after []string
	// ahead right after a length counts it back from some event: "30 days
	// before the end", "10 dagar innan förfallodagen". They are whole
	// words, matched as written, not folded: the Danish "før" folded is
	// the English "for".
	ahead []string
	// billingPeriod names the period invoices cover: a length in a sentence
	// about it is how often the customer is billed, neither the
	// agreement's term nor a payment term, unless within stands before it
	// ("faktureringsperioden är en månad" against "betalas inom 30 dagar").
	billingPeriod, within []string
	// moreThan right before a length makes it a line that something
	// passes, not a time limit kept: "absent for more than six months".
	// They are matched in the two words before the length; notMoreThan,
	// in the three, make it a limit again: "no more than 30 days".
	moreThan, notMoreThan []string
	// clauseBreaks after a comma begin another main clause of the sentence,
	// which says another thing: ", och", ", but", ", except".
	clauseBreaks []string

	tiers tierWords
	term  termWords
	// nameHeaders head the column of names in a table of sub-processors.
	nameHeaders []string
	// examples head a column of examples, which is no list: "Exempel på leverantörer".
	examples []string
	// undecided say that a row's company is not chosen yet: "(TBD)",
	// "meddelas senare". Such a row names no sub-processor.
	undecided []string
	// definitions head a clause of defined terms, whose "Term: meaning"
	// lines are no list of sub-processors though one defines the word.
	definitions []string
	// placeHeaders head the column of where a sub-processor processes data
	// ("Location", "Hosting region", "Land"); transferHeaders the column of
	// the legal ground of a transfer ("Transfer mechanism", "SCC"), whose
	// "EU-US DPF" names no place.
	placeHeaders, transferHeaders []string
	// logHeaders head the date column of a change log, whose rows
	// ("2025-01-01 | Added | All") list changes, not sub-processors.
	logHeaders []string
	// party holds the words that introduce the supplier and its number.
	party partyWords
	// fields holds the words of the agreement's other fields.
	fields fieldWords
}

// kindWords are the cue words that make a length of time one kind of
// deadline. Every group a kind has must be found for it to match: topic in
// the sentence or (where the kind allows) the heading or the clause; act
// and when in the sentence itself. None of not may be in the sentence.
type kindWords struct {
	topic, act, when, not []string
	// named are the nouns that, standing right after the length, make it
	// of the kind whatever else the sentence says: "24 kuukauden takuu",
	// "12 months' warranty".
	named []string
}

// termWords are the cue words of the agreement's own term.
type termWords struct {
	// agreement names the agreement itself: "avtalet", "this agreement".
	agreement []string
	// runs says that it is in force: "gäller", "remains in force".
	runs []string
	// initial marks the first period, renewal an automatic extension;
	// atATime, right after a length, makes it each period's ("12 months at
	// a time"), never a notice.
	initial, renewal, atATime []string
	// renews are the verbs of an automatic renewal, and yearly and monthly
	// the words that say, without a number, how often it comes: "renews
	// annually", "auto-renew on an annual basis", "förnyas årligen".
	renews, yearly, monthly []string
	// terminate is giving notice to end the agreement; end is the end of a
	// period it is counted back from, or the name of the notice period
	// ("uppsägningstid", "notice period") that the length is.
	terminate, end []string
	// indefinite says the agreement runs until someone ends it: "tills
	// vidare"; untilEnded a "so long as"/"until" that can say the same.
	indefinite, untilEnded []string
	// suspended says what is put on hold "until further notice" is the
	// service or an account, not the agreement: "keskeyttää toistaiseksi";
	// or that a force majeure holds up the parties' duties "for an
	// indefinite period".
	suspended []string
	// notTerm are words that make a termination another matter: a cure,
	// an objection, changed terms, termination at once, a force majeure.
	notTerm []string
	// supplierSide and customerSide name who gives a notice: only the
	// customer's (or either party's) notice is the term's, as the
	// supplier's own right to end the agreement binds no one to act.
	// "Reserves the right" is the supplier's phrase even where it calls
	// itself by its name: "Acme reserves the right to terminate".
	supplierSide, customerSide []string
	// mainAgreement names another agreement this one lasts as long as:
	// "så länge huvudavtalet gäller" is no agreement until further notice.
	mainAgreement []string
	// noNotice says a party may end the agreement at any time without
	// notice: "without notice", "utan uppsägningstid".
	noNotice []string
}

// tierWords are the words of an SLA credit table.
type tierWords struct {
	// uptime and credit together mark a text as a credit table.
	uptime, credit []string
	// below says that the figure after it is a threshold uptime falls
	// under: "under 99,5 %"; written as whole words, lower-case.
	below []string
	// atLeast joins a row's threshold to its lower bound: "below 99.9 %
	// but at least 99 %" is the row of 99.9 %.
	atLeast []string
}

// partyWords introduce the supplier.
type partyWords struct {
	// orgLabels precede an organisation number, written as in the text
	// (any case, any spacing): "org.nr", "CVR", "Y-tunnus".
	orgLabels []string
	// roles name the supplier's role: "Leverantören", "Provider".
	roles []string
	// companies are the common nouns a text defines a company as, which
	// name no one: "Klerk (\"Virksomheden\", \"vi\")", "Bolaget".
	companies []string
	// between introduces the two parties of an agreement ("an agreement
	// between X and Y"), parties and are a sentence that lists them ("the
	// parties are X and Y"); and joins the two.
	between, parties, are, and []string
	// customers name the customer's side: "Customer", "Kunden", "you".
	customers []string
	// hereinafter introduce the short name a party is called by after
	// its name: "Exempel AB, nedan kallad Leverantören".
	hereinafter []string
	// provides say, right after a name that opens the sentence, that it
	// is who supplies the service: "Exempel provides the Service",
	// "Exempel tillhandahåller tjänsten".
	provides []string
	// providedBy say the same before the name: "the Service is provided
	// by Exempel", "Palvelun tarjoaa Exempel".
	providedBy []string
	// selves are what a supplier calls itself, in lower case: "we", "vi";
	// a name defined as one of them ("Example (\"we\", \"us\")") is the supplier.
	selves []string
	// articles begin words that describe a company right after its name
	// and a comma: "Exempel AB, ett svenskt aktiebolag med org.nr …".
	articles []string
	// acts are the verbs a party does things with, right after its name:
	// "Acme will", "Exempel förbehåller sig". A name with no company form
	// that acts so is the supplier when nothing else names one.
	acts []string
	// controllers name the customer's role in a data processing agreement,
	// a role and no name however often it acts: "Personuppgiftsansvarige ska".
	controllers []string
}

// fieldWords are the words of the agreement's fields.
type fieldWords struct {
	// effective introduces the date the agreement takes effect, signed the
	// date it was signed.
	effective, signed []string
	// law introduces the governing law, governs says it governs the
	// agreement ("tillämpas", "governed by").
	law, governs []string
	// disputes says a sentence (or its heading) is about settling
	// disputes; courts are the words of a court, named by the word before
	// ("Stockholms tingsrätt") or by the place after courtOf ("courts of
	// Ireland"); arbitration settles them out of court.
	disputes, courts, courtOf, arbitration []string
	// kinds are the words of each kind of agreement in a title.
	kinds map[model.Kind][]string
	// laws maps the words of a country's law to its name: "svensk" → Sweden.
	laws map[string]string
	// statutes right after those words make them the name of one statute
	// ("California Consumer Privacy Act", "svenska dataskyddslagen"),
	// which the agreement may mention but does not choose as its law.
	statutes []string
}

// languages are the languages the extractors read, all at once: an
// agreement mixes them (a Swedish agreement with English annexes), and the
// words of one rarely mean something else in another. Built at the first
// reading: their tables are maps, and a program that reads no document
// (avtal search) should not make them at start.
var languages = sync.OnceValue(func() []*language {
	return []*language{swedish(), danish(), norwegian(), finnish(), english()}
})

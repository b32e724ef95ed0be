package i18n

import (
	"strings"
	"sync"

	"avtal/model/deadlines"
)

// Ending says how an agreement ends once notice is given, "ends 2027-03-31
// (notice given 2026-09-20)", and "" while no notice is recorded.
func (l Lang) Ending(o deadlines.Outlook) string {
	if o.Ends.IsZero() {
		return ""
	}
	return l.sample(l.T("term.ends", o.Ends, o.NoticeGiven), o.Sample)
}

// sample marks a date that rests on invented sample values: "2026-08-02
// (period ending 2026-11-02) [sample: start, term.notice]".
func (l Lang) sample(s string, fields []string) string {
	if len(fields) == 0 {
		return s
	}
	return l.T("term.sample", s, strings.Join(fields, ", "))
}

// CancelFor writes the cancel-by date with the end of the period it ends,
// "2027-09-30 (period ending 2028-03-31)", so it is never read as the
// current period's; "" when there is none.
func (l Lang) CancelFor(o deadlines.Outlook) string {
	if o.CancelBy.IsZero() {
		return ""
	}
	return l.sample(l.T("term.cancel_for", o.CancelBy, o.Cancels.End), o.Sample)
}

// agreementsMsgs are the strings of the Agreements pane and the words for
// the register's facts that every face shows.
var agreementsMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"kind.general_terms": {"general terms", "allmänna villkor"},
		"kind.sla":           {"SLA", "SLA"},
		"kind.dpa":           {"DPA", "PuB-avtal"},
		"kind.volume":        {"volume agreement", "volymavtal"},
		"kind.framework":     {"framework", "ramavtal"},
		"kind.subscription":  {"subscription", "abonnemang"},
		"kind.order":         {"order", "order"},

		"status.draft":      {"draft", "utkast"},
		"status.active":     {"active", "aktivt"},
		"status.terminated": {"terminated", "uppsagt"},
		"status.expired":    {"expired", "upphört"},

		"rel.call_off_of":   {"call-off of", "avrop från"},
		"rel.part_of":       {"part of", "del av"},
		"rel.supersedes":    {"supersedes", "ersätter"},
		"rel.has_call_off":  {"call-off", "avrop"},
		"rel.has_part":      {"part", "del"},
		"rel.superseded_by": {"superseded by", "ersatt av"},

		"col.supplier":    {"Supplier", "Leverantör"},
		"col.title":       {"Agreement", "Avtal"},
		"col.kind":        {"Kind", "Typ"},
		"col.status":      {"Status", "Status"},
		"col.period_end":  {"Period end", "Period slut"},
		"col.next":        {"Cancel by", "Säg upp senast"},
		"list.indefinite": {"indefinite", "tills vidare"},
		"list.any_time":   {"any time", "när som helst"},
		"term.ends":       {"ends %s (notice given %s)", "slutar %s (uppsagt %s)"},
		"term.cancel_for": {"%s (period ending %s)", "%s (perioden som slutar %s)"},
		"term.sample":     {"%s [sample: %s]", "%s [exempelvärde: %s]"},

		"detail.parties":       {"Parties", "Parter"},
		"detail.supplier":      {"Supplier", "Leverantör"},
		"detail.customer":      {"Customer", "Kund"},
		"detail.dates":         {"Dates", "Datum"},
		"detail.signed":        {"Signed", "Undertecknat"},
		"detail.effective":     {"Effective", "Gäller från"},
		"detail.start":         {"Start", "Startdag"},
		"detail.term":          {"Term", "Avtalstid"},
		"detail.initial":       {"Initial term", "Inledande period"},
		"detail.renewal":       {"Renewal", "Förlängning"},
		"detail.notice":        {"Notice", "Uppsägningstid"},
		"detail.period":        {"Current period", "Nuvarande period"},
		"detail.cancel_by":     {"Cancel by", "Säg upp senast"},
		"detail.ends":          {"Termination", "Uppsägning"},
		"detail.act_by":        {"act by %s", "agera senast %s"},
		"detail.general":       {"Law, fee and owner", "Lag, avgift och ansvarig"},
		"detail.law":           {"Governing law", "Lagval"},
		"detail.venue":         {"Venue", "Forum"},
		"detail.fee":           {"Fee", "Avgift"},
		"detail.fee_per":       {"%s %s per %s", "%s %s per %s"},
		"detail.owner":         {"Owner", "Ansvarig"},
		"detail.related":       {"Related agreements", "Relaterade avtal"},
		"detail.precedence":    {"Document precedence", "Dokumentens företräde"},
		"detail.overrides":     {"Always first: %s", "Går alltid först: %s"},
		"detail.documents":     {"Documents", "Dokument"},
		"detail.clauses":       {"%d clauses", "%d klausuler"},
		"detail.clauses.one":   {"1 clause", "1 klausul"},
		"detail.sample":        {"Sample values: %s", "Exempelvärden: %s"},
		"detail.no_renewal":    {"no renewal", "ingen förlängning"},
		"detail.ended":         {"the term has ended", "avtalstiden har löpt ut"},
		"detail.clause":        {"clause %s", "punkt %s"},
		"detail.history":       {"History", "Historik"},
		"detail.history_entry": {"%s by %s", "%s av %s"},
		"audit.create":         {"created", "skapade"},
		"audit.replace":        {"replaced", "ersatte"},
		"audit.update":         {"changed", "ändrade"},
		"audit.delete":         {"deleted", "tog bort"},
		// The rest of the store's audit actions, and what they act on, so
		// that an agreement's history reads in the session's language.
		"audit.accepted":             {"accepted", "godtog"},
		"audit.rejected":             {"rejected", "avvisade"},
		"audit.corrected":            {"corrected and accepted", "rättade och godtog"},
		"audit.undo":                 {"undid the decision on", "ångrade beslutet om"},
		"audit.undo_decision":        {"undid the decision on", "ångrade beslutet om"},
		"audit.import":               {"imported", "importerade"},
		"audit.record":               {"recorded", "registrerade"},
		"audit.decide":               {"decided", "beslutade om"},
		"audit.list_checked":         {"checked the list of", "kontrollerade listan för"},
		"audit.bulk_load":            {"loaded", "läste in"},
		"audit.note":                 {"wrote a note on", "skrev en anteckning på"},
		"audit.edit_note":            {"edited a note on", "ändrade en anteckning på"},
		"audit.delete_note":          {"deleted a note on", "tog bort en anteckning på"},
		"audit.tag":                  {"tagged", "taggade"},
		"audit.untag":                {"untagged", "tog bort en tagg på"},
		"audit.done":                 {"marked done", "markerade som klar"},
		"audit.undone":               {"marked not done", "markerade som ej klar"},
		"audit.snooze":               {"snoozed", "sköt upp"},
		"audit.add":                  {"added to", "lade till i"},
		"audit.edit":                 {"edited", "ändrade"},
		"audit.remove":               {"removed from", "tog bort ur"},
		"audit.entity.agreement":     {"agreement", "avtal"},
		"audit.entity.clause":        {"clause", "klausul"},
		"audit.entity.deadline":      {"deadline", "frist"},
		"audit.entity.incident":      {"incident", "incident"},
		"audit.entity.subprocessors": {"sub-processors", "underbiträden"},
		"audit.entity.sub_notice":    {"sub-processor notice", "underbiträdesbesked"},
		"audit.entity.register":      {"register", "register"},
		"audit.entity.proposal":      {"proposal", "förslag"},
		"audit.entity.documents":     {"documents", "dokument"},
		"audit.entity.event":         {"event", "händelse"},
		"per.months":                 {"month", "månad"},
		"per.years":                  {"year", "år"},

		"agreements.empty":          {"The register is empty. Press i to import an agreement document (.txt, .md, .html, .docx, .pdf), run `avtal import FILE`, or load the sample with `avtal demo`.", "Registret är tomt. Tryck i för att importera ett avtalsdokument (.txt, .md, .html, .docx, .pdf), kör `avtal import FIL`, eller läs in exemplen med `avtal demo`."},
		"agreements.count":          {"%d of %d", "%d av %d"},
		"agreements.filtered":       {"%d of %d matching “%s”", "%d av %d som matchar ”%s”"},
		"agreements.filtered_first": {"%d of the first %d matching “%s”", "%d av de första %d som matchar ”%s”"},
		"agreements.no_match":       {"No agreement matches “%s”. esc shows them all.", "Inget avtal matchar ”%s”. esc visar alla."},
		"agreements.filter_hint":    {"supplier, title, id, kind or status", "leverantör, titel, id, typ eller status"},
		"agreements.select":         {"Select an agreement to see its details.", "Välj ett avtal för att se detaljerna."},
		"key.scope":                 {"scope panes to it", "visa bara detta"},
		"key.detail_scroll":         {"scroll details", "bläddra i detaljer"},
	}
})

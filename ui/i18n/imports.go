package i18n

import "sync"

// importsMsgs are the strings of document import and proposal review, in
// the CLI and in the Agreements pane.
var importsMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"import.created":         {"Imported %s as %s: ", "Importerade %s som %s: "},
		"import.versioned":       {"Added a new version to %s (%s): ", "La till en ny version i %s (%s): "},
		"import.counts":          {"%d document(s), %d clauses", "%d dokument, %d klausuler"},
		"import.diff":            {" (%d changed, %d added, %d removed)", " (%d ändrade, %d nya, %d borttagna)"},
		"import.carried":         {"; carried %d tag(s) and %d note(s)", "; förde över %d taggar och %d anteckningar"},
		"import.carried_changed": {" (%d on changed clauses)", " (%d på ändrade klausuler)"},
		"import.not_carried":     {"; %d note(s) stay on the old version (clause removed)", "; %d anteckningar stannar på den gamla versionen (klausulen borttagen)"},
		"import.unstructured":    {"; no clause structure found, so the whole text is one clause", "; ingen klausulstruktur hittades, så hela texten är en klausul"},
		"import.skipped":         {"; skipped %d lines (%s)", "; hoppade över %d rader (%s)"},
		"import.proposals":       {"; %d proposal(s) to review", "; %d förslag att granska"},
		"import.review_cli":      {" — review with `avtal proposals %s`", " — granska med `avtal proposals %s`"},
		"import.one_file":        {"import takes one document at a time (.txt, .md, .html, .docx, .pdf); YAML files may be several", "import tar ett dokument åt gången (.txt, .md, .html, .docx, .pdf); YAML-filer får vara flera"},
		"import.mixed":           {"import YAML files and documents separately", "importera YAML-filer och dokument var för sig"},
		"import.agreement_yaml":  {"--agreement is for documents (.txt, .md, .html, .docx, .pdf), not YAML", "--agreement gäller dokument (.txt, .md, .html, .docx, .pdf), inte YAML"},

		"import.diff.changed": {"changed", "ändrade"},
		"import.diff.added":   {"added", "nya"},
		"import.diff.removed": {"removed", "borttagna"},
		"import.diff.none":    {"no clause changed", "ingen klausul ändrad"},
		"import.left_on":      {"notes kept on version %s only: %s;", "anteckningar kvar bara på version %s: %s;"},
		"import.line":         {"line", "rad"},
		"import.skip.more":    {"… and %d more skipped lines (--json lists them all)", "… och %d rader till (--json visar alla)"},

		"import.tui.title":        {"Import an agreement document", "Importera ett avtalsdokument"},
		"import.tui.file":         {"File", "Fil"},
		"import.tui.file_hint":    {"path to a .txt, .md, .html, .docx or .pdf file", "sökväg till en .txt-, .md-, .html-, .docx- eller .pdf-fil"},
		"import.tui.not_document": {"choose a .txt, .md, .html, .docx or .pdf file", "välj en .txt-, .md-, .html-, .docx- eller .pdf-fil"},
		"import.tui.version_of":   {"New version of", "Ny version av"},
		"import.tui.version_hint": {"an agreement id; empty for a new agreement", "ett avtals-id; tomt för ett nytt avtal"},
		"import.tui.note":         {"The file is split into clauses and stored as a draft agreement, or as a new version of the agreement you name. What it suggests (deadlines, SLA tiers, sub-processors, amendments) waits for you to accept it.", "Filen delas upp i klausuler och sparas som ett utkast, eller som en ny version av avtalet du anger. Det som föreslås (frister, SLA-nivåer, underbiträden, ändringar) väntar på att du godtar det."},
		"import.tui.busy":         {"Importing…", "Importerar…"},
		"import.tui.remote":       {"files can only be imported on the machine that holds the register (avtal import FILE)", "filer kan bara importeras på datorn som har registret (avtal import FIL)"},
		"proposals.review_title":  {"Proposals for %s", "Förslag för %s"},
		"proposals.review_empty":  {"No proposals left to review. Press esc to close.", "Inga förslag kvar att granska. Tryck esc för att stänga."},
		"key.import_document":     {"import a document", "importera dokument"},
		"key.review_proposals":    {"review proposals", "granska förslag"},
		"key.accept_proposal":     {"accept", "godta"},
		"key.reject_proposal":     {"reject", "avvisa"},
		"key.close_review":        {"close", "stäng"},

		"import.skip.furniture": {"page header or footer", "sidhuvud eller sidfot"},
		"import.skip.contents":  {"table of contents", "innehållsförteckning"},

		"import.err.missing":     {"%s: there is no such file", "%s: filen finns inte"},
		"import.err.permission":  {"%s: you may not read this file", "%s: du får inte läsa filen"},
		"import.err.folder":      {"%s is a folder, not a file", "%s är en mapp, inte en fil"},
		"import.err.empty":       {"%s: the file is empty", "%s: filen är tom"},
		"import.err.binary":      {"%s: the file is not text (it holds binary data)", "%s: filen är inte text (den innehåller binärdata)"},
		"import.err.no_text":     {"%s: the file holds no text, only images (a scan?): OCR it first", "%s: filen innehåller ingen text, bara bilder (en inskanning?): kör OCR på den först"},
		"import.err.encrypted":   {"%s: the file is password-protected; save a copy without a password and import that", "%s: filen är lösenordsskyddad; spara en kopia utan lösenord och importera den"},
		"import.err.unsupported": {"%s: this type of file is not supported (use .txt, .md, .html, .docx or .pdf)", "%s: den här filtypen stöds inte (använd .txt, .md, .html, .docx eller .pdf)"},
		"import.err.damaged":     {"%s: the file is damaged or not what its name says", "%s: filen är skadad eller inte vad namnet säger"},
		"import.err.too_large":   {"%s: the file is too large", "%s: filen är för stor"},

		// What a reader found out beyond the problem, in brackets after it
		// (docread.Detail); a library's own words come as %s, as they were said.
		"import.detail.text_size": {"%d MB of text, more than the %d MB a document may hold", "%d MB text, mer än de %d MB ett dokument får rymma"},
		"import.detail.not_zip":   {"not a zip archive (%s)", "inget zip-arkiv (%s)"},
		"import.detail.zip_parts": {"%d parts inside the archive", "%d delar i arkivet"},
		"import.detail.not_word":  {"no word/document.xml, so not a Word document", "ingen word/document.xml, alltså inget Word-dokument"},
		"import.detail.part":      {"%s: %s", "%s: %s"},
		"import.detail.unpacked":  {"more than %d MB when unpacked", "mer än %d MB uppackad"},
		"import.detail.library":   {"%s", "%s"},
		"import.detail.pages":     {"%d pages", "%d sidor"},
		"import.detail.pdf_text":  {"more than %d MB of text", "mer än %d MB text"},
		"import.detail.page":      {"page %d cannot be read (%s)", "sidan %d går inte att läsa (%s)"},

		"proposals.none":           {"%s has no proposals to review", "%s har inga förslag att granska"},
		"proposals.none_left":      {"%s has no proposals left to review; %d decided (--all lists them)", "%s har inga förslag kvar att granska; %d avgjorda (--all visar dem)"},
		"proposals.decided":        {"%s proposal %d (%s)", "%s förslag %d (%s)"},
		"proposals.which":          {"%s, clause %s", "%s, punkt %s"},
		"proposals.accepted":       {"accepted", "godtog"},
		"proposals.rejected":       {"rejected", "avvisade"},
		"proposals.needs_ids":      {"proposals %s %s needs the ids of the proposals", "proposals %s %s behöver förslagens id"},
		"proposals.bad_id":         {"%q is not a proposal id (a number)", "%q är inte ett förslags-id (ett tal)"},
		"proposals.bad_action":     {"%q is not accept, reject or undo", "%q är inte accept, reject eller undo"},
		"proposals.not_found":      {"there is no proposal %d for %s", "det finns inget förslag %d för %s"},
		"proposals.conflict":       {"proposal %d was already %s", "förslag %d är redan %s"},
		"proposals.col.clause":     {"Clause", "Punkt"},
		"proposals.col.proposal":   {"Proposal", "Förslag"},
		"proposals.col.evidence":   {"Evidence", "Underlag"},
		"proposal.rule":            {"deadline rule", "fristregel"},
		"proposal.sla_tiers":       {"SLA credit tiers", "SLA-krediteringsnivåer"},
		"proposal.subprocessor":    {"sub-processor", "underbiträde"},
		"proposal.amendment":       {"amendment", "ändring"},
		"proposal.status.pending":  {"pending", "väntar"},
		"proposal.status.accepted": {"accepted", "godtaget"},
		"proposal.status.rejected": {"rejected", "avvisat"},

		// A proposed rule: its kind and anchor as the register writes them, its
		// period in the language.
		"proposals.rule_before": {"%s %s before %s", "%s %s före %s"},
		"proposals.rule_after":  {"%s %s after %s", "%s %s efter %s"},
		"proposals.rule_yearly": {"%s yearly on %s", "%s årligen %s"},
	}
})

package i18n

import (
	"errors"
	"sync"

	"avtal/model/extract"
)

// TagErrors words a refused tag (extract.TagError) in the language; other
// errors stay as they are.
func (l Lang) TagErrors(err error) error {
	var te *extract.TagError
	if !errors.As(err, &te) {
		return err
	}
	return errors.New(l.T("tag.err."+te.Key, te.Args...))
}

// clausesMsgs are the strings of the Clauses pane and of the clause
// commands of the CLI.
var clausesMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"clauses.all":             {"All agreements", "Alla avtal"},
		"clauses.empty_register":  {"The register is empty. Import an agreement with:\n\n  avtal import FILE", "Registret är tomt. Importera ett avtal med:\n\n  avtal import FIL"},
		"clauses.empty_agreement": {"No clauses yet. Import the agreement's text with:\n\n  avtal import FILE --agreement %s", "Inga klausuler ännu. Importera avtalets text med:\n\n  avtal import FIL --agreement %s"},
		"clauses.open_hint":       {"Press enter to open its documents and clauses.", "Tryck enter för att öppna dokument och klausuler."},
		"clauses.count":           {"%d clauses", "%d klausuler"},
		"clauses.old_version":     {"(old version)", "(gammal version)"},
		"clauses.old_version_note": {"An old version, replaced by a newer import. Press v to hide old versions.",
			"En gammal version, ersatt av en nyare import. Tryck v för att dölja gamla versioner."},
		"clauses.versions_on":  {"Showing old document versions too.", "Visar även gamla versioner av dokument."},
		"clauses.versions_off": {"Showing current document versions only.", "Visar bara gällande versioner av dokument."},
		"clauses.doc_kind":     {"Kind", "Typ"},
		"clauses.doc_version":  {"Version", "Version"},
		"clauses.doc_imported": {"Imported", "Importerad"},
		"clauses.doc_clauses":  {"Clauses", "Klausuler"},
		"clauses.amended_by":   {"Amended by %s", "Ändrad genom %s"},
		"clauses.removed_by":   {"Removed by %s", "Struken genom %s"},
		"clauses.unconfirmed":  {"(unconfirmed)", "(ej bekräftat)"},
		"clauses.tags":         {"Tags (%d)", "Taggar (%d)"},
		"clauses.no_tags":      {"None — press t to add one.", "Inga — tryck t för att lägga till."},
		"clauses.notes":        {"Notes (%d)", "Anteckningar (%d)"},
		"clauses.no_notes":     {"None — press n to add one.", "Inga — tryck n för att lägga till."},
		"clauses.note_carried": {"written on version %s", "skriven på version %s"},
		"clauses.note_changed": {"written on version %s; the clause has changed since", "skriven på version %s; klausulen har ändrats sedan dess"},
		"risk.ok":              {"ok", "ok"},
		"risk.watch":           {"watch", "bevaka"},
		"risk.risk":            {"risk", "risk"},

		"clauses.search_title":          {"Search", "Sök"},
		"clauses.search_placeholder":    {"words in any clause", "ord i valfri klausul"},
		"clauses.search_title_in":       {"Search in %s", "Sök i %s"},
		"clauses.search_placeholder_in": {"words in this agreement's clauses", "ord i avtalets klausuler"},
		"clauses.search_help_in": {"Type to search the clauses of %s only. To search every agreement, close with esc, then press esc again to show all agreements.",
			"Skriv för att söka bara i klausulerna i %s. För att söka i alla avtal: stäng med esc och tryck sedan esc igen för att visa alla avtal."},
		"clauses.search_help": {"Type to search every clause.", "Skriv för att söka i alla klausuler."},
		"clauses.search_tips": {"Parts of words find compounds (biträde finds personuppgiftsbiträdesavtal), å, ä and ö may be typed as a and o, and inflected forms find each other. Words need 3 letters. ↑/↓ choose, enter opens the clause, esc closes.",
			"Delar av ord hittar sammansättningar (biträde hittar personuppgiftsbiträdesavtal), å, ä och ö kan skrivas som a och o, och böjda former hittar varandra. Ord behöver 3 bokstäver. ↑/↓ väljer, enter öppnar klausulen, esc stänger."},
		"clauses.searching": {"Searching…", "Söker…"},
		"clauses.too_short": {"Type words of at least %d letters.", "Skriv ord med minst %d bokstäver."},
		"clauses.no_hits":   {"No clause holds %q.", "Ingen klausul innehåller %q."},
		"clauses.hits":      {"%d clauses", "%d klausuler"},
		"clauses.hits_more": {"%d+ clauses", "%d+ klausuler"},
		"clauses.ignored":   {"ignored: %s", "utelämnat: %s"},

		"clauses.pick_clause":  {"Select a clause first.", "Välj en klausul först."},
		"clauses.tag_title":    {"Tag %s", "Tagga %s"},
		"clauses.untag_title":  {"Remove a tag from %s", "Ta bort en tagg från %s"},
		"clauses.tag_label":    {"Tag", "Tagg"},
		"clauses.tag_hint":     {"A built-in tag by id or name, or your own: letters and digits joined by - or _.", "En inbyggd tagg med id eller namn, eller en egen: bokstäver och siffror förenade med - eller _."},
		"clauses.suggested":    {"Suggested: %s", "Förslag: %s"},
		"clauses.current_tags": {"Tags now: %s", "Taggar nu: %s"},
		// Refused tags (extract.TagError), in the CLI and the pane alike.
		"tag.err.bad_tag":             {"%q is not a tag: use a built-in tag, or letters and digits joined by - or _ (at most %d, e.g. exit-plan)", "%q är inte en tagg: använd en inbyggd tagg, eller bokstäver och siffror förenade med - eller _ (högst %d, t.ex. exit-plan)"},
		"tag.err.has_tag":             {"the clause already has %s", "klausulen har redan %s"},
		"tag.err.no_tag":              {"the clause has no tag %s", "klausulen har ingen tagg %s"},
		"clauses.no_tags_to_remove":   {"The clause has no tags to remove.", "Klausulen har inga taggar att ta bort."},
		"clauses.tagged":              {"Tagged %s with %s.", "Taggade %s med %s."},
		"clauses.untagged":            {"Removed tag %[2]s from %[1]s.", "Tog bort taggen %[2]s från %[1]s."},
		"clauses.note_title":          {"Note on %s", "Anteckning om %s"},
		"clauses.edit_note_title":     {"Note %d on %s", "Anteckning %d om %s"},
		"clauses.which_note":          {"Which note on %s?", "Vilken anteckning om %s?"},
		"clauses.note_number":         {"Note number", "Anteckningens nummer"},
		"clauses.no_notes_to_change":  {"This clause has no notes; press n to add one.", "Klausulen har inga anteckningar; tryck n för att lägga till en."},
		"clauses.confirm_delete_note": {"Delete note %d on %s (%s)? y/n", "Ta bort anteckning %d om %s (%s)? y/n"},
		"clauses.note_edited":         {"Note on %s saved (%s).", "Anteckningen om %s sparad (%s)."},
		"clauses.note_deleted":        {"Note on %s deleted.", "Anteckningen om %s borttagen."},
		"clauses.note_text":           {"Note", "Anteckning"},
		"clauses.note_risk":           {"Risk", "Risk"},
		"clauses.risk_hint":           {"Risk: %s, %s or %s.", "Risk: %s, %s eller %s."},
		"clauses.bad_risk":            {"use %s, %s or %s", "använd %s, %s eller %s"},
		"clauses.noted":               {"Noted on %s (%s).", "Antecknade om %s (%s)."},

		"clauses.compare_title":   {"Compare a kind of clause across agreements", "Jämför en sorts klausul mellan avtal"},
		"clauses.tags_in_use":     {"Tags in use: %s", "Taggar som används: %s"},
		"clauses.no_tags_in_use":  {"No clause has a tag yet: tag clauses with t first.", "Ingen klausul har en tagg än: tagga klausuler med t först."},
		"clauses.tag_unused":      {"no clause has tag %s", "ingen klausul har taggen %s"},
		"clauses.compare_of":      {"Compare %s", "Jämför %s"},
		"clauses.compare_empty":   {"No current clause has tag %s.", "Ingen gällande klausul har taggen %s."},
		"clauses.compare_stacked": {"Compare %s · %d agreements · ↑/↓ scroll · esc close", "Jämför %s · %d avtal · ↑/↓ rulla · esc stäng"},
		"clauses.compare_columns": {"Compare %s · %d–%d of %d · ←/→ more · esc close", "Jämför %s · %d–%d av %d · ←/→ fler · esc stäng"},

		"cli.no_clauses":        {"%s has no clauses yet", "%s har inga klausuler ännu"},
		"cli.note_count":        {"(%d notes, %s)", "(%d anteckningar, %s)"},
		"cli.clause_not_found":  {"no clause %s in %s", "ingen klausul %s i %s"},
		"cli.clause_ambiguous":  {"clause %s is in %d documents of %s (%s); name one with --document", "klausul %s finns i %d dokument i %s (%s); ange ett med --document"},
		"cli.needs_tag_args":    {"tag needs ID CLAUSE TAG", "tag behöver ID KLAUSUL TAGG"},
		"cli.needs_note_args":   {"note needs ID CLAUSE TEXT", "note behöver ID KLAUSUL TEXT"},
		"cli.needs_query":       {"search needs the words to look for", "search behöver orden att söka efter"},
		"cli.needs_compare_tag": {"compare needs a TAG", "compare behöver en TAGG"},
		"cli.bad_risk":          {"risk %q: use ok, watch or risk", "risk %q: använd ok, watch eller risk"},
		"cli.tagged":            {"tagged %s %s with %s", "taggade %s %s med %s"},
		"cli.untagged":          {"removed tag %[3]s from %[1]s %[2]s", "tog bort taggen %[3]s från %[1]s %[2]s"},
		"cli.noted":             {"noted on %s %s (%s), note %d", "antecknade om %s %s (%s), anteckning %d"},
		"cli.note_edit_usage":   {"note edit needs the note's number and a new TEXT or --risk (numbers: avtal clauses ID --full)", "note edit behöver anteckningens nummer och ny TEXT eller --risk (nummer: avtal clauses ID --full)"},
		"cli.note_delete_usage": {"note delete needs the note's number (see avtal clauses ID --full)", "note delete behöver anteckningens nummer (se avtal clauses ID --full)"},
		"cli.bad_note_id":       {"%q is not a note number (see avtal clauses ID --full)", "%q är inte ett anteckningsnummer (se avtal clauses ID --full)"},
		"cli.no_note":           {"no note %d (see avtal clauses ID --full)", "ingen anteckning %d (se avtal clauses ID --full)"},
		"cli.note_edited":       {"note %d saved (%s)", "anteckning %d sparad (%s)"},
		"cli.note_deleted":      {"note %d deleted", "anteckning %d borttagen"},
		"cli.search_short":      {"search words need at least %d letters", "sökord behöver minst %d bokstäver"},
		"cli.no_hits_in":        {"No clause of %s holds %q.", "Ingen klausul i %s innehåller %q."},
		"cli.more_hits":         {"(more than %d; use --limit)", "(fler än %d; använd --limit)"},

		"clauses.key.toggle":      {"open/close", "öppna/stäng"},
		"clauses.key.expand":      {"open/close, to parent", "öppna/stäng, till förälder"},
		"clauses.key.search":      {"search", "sök"},
		"clauses.key.tag":         {"tag", "tagga"},
		"clauses.key.untag":       {"remove tag", "ta bort tagg"},
		"clauses.key.note":        {"note", "anteckna"},
		"clauses.key.edit_note":   {"edit note", "ändra anteckning"},
		"clauses.key.delete_note": {"delete note", "ta bort anteckning"},
		"clauses.key.compare":     {"compare", "jämför"},
		"clauses.key.versions":    {"old versions", "gamla versioner"},
		"clauses.key.scroll":      {"scroll text", "rulla texten"},
		"clauses.key.results":     {"choose", "välj"},
		"clauses.key.jump":        {"open clause", "öppna klausul"},
		"clauses.key.close":       {"close", "stäng"},
		"clauses.key.columns":     {"agreements", "avtal"},
	}
})

package i18n

import "sync"

// cliHelpMsgs are the help of the command line: for each command (by its
// path, "sla.credit") its line in the list of commands, its arguments
// (.args), more about it (.long) and examples (.example); for each flag
// (cli.flag.NAME, or cli.flag.PATH.NAME where the command gives it its own
// meaning) what it does, with the name of its value in `backquotes`.
var cliHelpMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"cli.help.usage":        {"Usage:", "Användning:"},
		"cli.help.command":      {"COMMAND", "KOMMANDO"},
		"cli.help.flags_word":   {"flags", "flaggor"},
		"cli.help.commands":     {"Commands:", "Kommandon:"},
		"cli.help.examples":     {"Examples:", "Exempel:"},
		"cli.help.flags":        {"Flags:", "Flaggor:"},
		"cli.help.global_flags": {"Global flags:", "Globala flaggor:"},
		"cli.help.more":         {"%s COMMAND --help shows a command's flags and examples.", "%s KOMMANDO --help visar ett kommandos flaggor och exempel."},
		"cli.help.default":      {"(default %s)", "(standard %s)"},

		"cli.man.name":         {"NAME", "NAMN"},
		"cli.man.whatis":       {"a terminal workbench for agreements", "en terminalarbetsbänk för avtal"},
		"cli.man.synopsis":     {"SYNOPSIS", "SYNOPSIS"},
		"cli.man.description":  {"DESCRIPTION", "BESKRIVNING"},
		"cli.man.global_flags": {"GLOBAL FLAGS", "GLOBALA FLAGGOR"},
		"cli.man.commands":     {"COMMANDS", "KOMMANDON"},
		"cli.man.examples":     {"EXAMPLES", "EXEMPEL"},

		"cli.cmd.avtal": {"Avtal — a terminal workbench for agreements.", "Avtal — en terminalarbetsbänk för avtal."},
		"cli.cmd.avtal.long": {`Without a command avtal opens the workbench (TUI) on the register: --db,
else AVTAL_DB, else $XDG_DATA_HOME/avtal/avtal.db. A new register starts with
the sample agreements. AVTAL_LEAD_TIMES sets the reminder lead times.
Exit codes: 0 done, 1 bad input or a failed operation (one line on stderr),
2 a mistake in how a command was called.`, `Utan kommando öppnar avtal arbetsbänken (TUI) på registret: --db, annars
AVTAL_DB, annars $XDG_DATA_HOME/avtal/avtal.db. Ett nytt register börjar med
exempelavtalen. AVTAL_LEAD_TIMES anger påminnelsernas framförhållning.
Slutkoder: 0 klart, 1 felaktig indata eller en misslyckad åtgärd (en rad på
stderr), 2 ett fel i hur ett kommando anropades.`},
		"cli.cmd.avtal.example": {`avtal
avtal --lang sv --db ~/avtal/avtal.db
avtal list --json
avtal deadlines --ics > deadlines.ics`, `avtal
avtal --lang sv --db ~/avtal/avtal.db
avtal list --json
avtal deadlines --ics > frister.ics`},

		"cli.cmd.list":         {"list the register: frameworks followed by their call-offs", "lista registret: ramavtal följda av sina avrop"},
		"cli.cmd.list.example": {"avtal list\navtal list --sort cancel-by\navtal list --json", "avtal list\navtal list --sort cancel-by\navtal list --json"},
		"cli.cmd.show":         {"show one agreement with its computed term dates", "visa ett avtal med dess beräknade datum"},
		"cli.cmd.show.args":    {"ID", "ID"},
		"cli.cmd.show.example": {"avtal show centuri-saas\navtal show centuri-saas --json", "avtal show centuri-saas\navtal show centuri-saas --json"},
		"cli.cmd.import":       {"import agreements (YAML) or agreements' documents", "importera avtal (YAML) eller avtals dokument"},
		"cli.cmd.import.args":  {"FILE...", "FIL..."},
		"cli.cmd.import.long": {`Files ending .yaml or .yml are agreements in the register's format, imported
all or none. A .txt, .md, .html, .docx or .pdf file is a document: without
--agreement it becomes a draft agreement, with it (one file) a new version of
that agreement's documents, and tags and notes carry over to the clauses it
keeps. Several documents are imported each on its own: one that fails is
named with its problem and the others still go in.`, `Filer som slutar på .yaml eller .yml är avtal i registrets format och
importeras alla eller inga. En .txt-, .md-, .html-, .docx- eller .pdf-fil är ett
dokument: utan --agreement blir det ett avtalsutkast, med den (en fil) en ny
version av avtalets dokument, och taggar och anteckningar följer med till
klausulerna den behåller. Flera dokument importeras var för sig: ett som
misslyckas nämns med sitt problem och de andra importeras ändå.`},
		"cli.cmd.import.example": {"avtal import centuri.yaml pureservice.yaml --replace\navtal import *.pdf\navtal import agreement-2027.pdf --agreement centuri-saas",
			"avtal import centuri.yaml pureservice.yaml --replace\navtal import *.pdf\navtal import avtal-2027.pdf --agreement centuri-saas"},
		"cli.cmd.proposals":      {"what imports propose for an agreement; accept, correct, reject or undo them", "vad importer föreslår för ett avtal; godta, rätta, avvisa eller ångra dem"},
		"cli.cmd.proposals.args": {"ID [accept|reject|undo N... | correct N NAME=VALUE...]", "ID [accept|reject|undo N... | correct N NAMN=VÄRDE...]"},
		"cli.cmd.proposals.long": {`A proposal is a deadline rule, an SLA credit tier, a sub-processor, an
amendment, the term, the supplier or a date the importer found, with its clause
and evidence; nothing is applied until it is accepted. One that is almost right
is corrected and accepted at once: a rule's offset, a sub-processor's name,
org_number, country, region or purpose, tiers, or the agreement's fields as
avtal set names them (term.notice, supplier.name, start …).`, `Ett förslag är en fristregel, en SLA-nivå, ett underbiträde, en ändring,
avtalstiden, leverantören eller ett datum som importen hittade, med sin klausul
och sitt belägg; inget tillämpas förrän det godtas. Ett som nästan stämmer rättas
och godtas på en gång: en regels offset, ett underbiträdes name, org_number,
country, region eller purpose, tiers, eller avtalets fält som avtal set
namnger dem (term.notice, supplier.name, start …).`},
		"cli.cmd.proposals.example": {"avtal proposals centuri-saas\navtal proposals centuri-saas accept 1 2\navtal proposals centuri-saas correct 3 offset=\"30 days\"\navtal proposals centuri-saas undo 2",
			"avtal proposals centuri-saas\navtal proposals centuri-saas accept 1 2\navtal proposals centuri-saas correct 3 offset=\"30 dagar\"\navtal proposals centuri-saas undo 2"},
		"cli.cmd.set":      {"set fields of an agreement, all or none", "ändra fält i ett avtal, alla eller inget"},
		"cli.cmd.set.args": {"ID FIELD=VALUE...", "ID FÄLT=VÄRDE..."},
		"cli.cmd.set.long": {`FIELD is one of title, supplier.name, supplier.org_number, kind, status,
signed, effective, start, term.initial, term.renewal, term.notice,
term.indefinite, term.clause, fee.amount, fee.currency, fee.per, owner,
governing_law, venue, subprocessor_policy.advance_notice,
subprocessor_policy.objection_window, subprocessor_policy.clause.
An empty VALUE clears the field.`, `FÄLT är ett av title, supplier.name, supplier.org_number, kind, status,
signed, effective, start, term.initial, term.renewal, term.notice,
term.indefinite, term.clause, fee.amount, fee.currency, fee.per, owner,
governing_law, venue, subprocessor_policy.advance_notice,
subprocessor_policy.objection_window, subprocessor_policy.clause.
Ett tomt VÄRDE tömmer fältet.`},
		"cli.cmd.set.example": {"avtal set centuri-saas owner=\"Anna Berg\" status=active\navtal set centuri-saas venue=",
			"avtal set centuri-saas owner=\"Anna Berg\" status=active\navtal set centuri-saas venue="},
		"cli.cmd.edit":           {"edit an agreement as YAML in $EDITOR (vi); checked on save", "redigera ett avtal som YAML i $EDITOR (vi); kontrolleras när du sparar"},
		"cli.cmd.edit.args":      {"ID", "ID"},
		"cli.cmd.edit.example":   {"avtal edit centuri-saas\nEDITOR=nano avtal edit pureservice", "avtal edit centuri-saas\nEDITOR=nano avtal edit pureservice"},
		"cli.cmd.export":         {"write every agreement as YAML, a file each", "skriv alla avtal som YAML, en fil vardera"},
		"cli.cmd.export.example": {"avtal export --yaml register-yaml/", "avtal export --yaml register-yaml/"},
		"cli.cmd.demo":           {"(re)create a register that holds only the sample", "skapa (om) ett register med bara exempelavtalen"},
		"cli.cmd.demo.long": {`A register with changes of your own (anything in its audit log beyond the
sample) is left as it is unless --replace is given; it is then kept beside the
new one.`, `Ett register med egna ändringar (något i ändringsloggen utöver exemplen)
lämnas orört utom med --replace; då sparas det bredvid det nya.`},
		"cli.cmd.demo.example":    {"avtal demo --db /tmp/demo.db\navtal --db /tmp/demo.db", "avtal demo --db /tmp/demo.db\navtal --db /tmp/demo.db"},
		"cli.cmd.backup":          {"write a consistent copy of the register, safe while it is in use", "skriv en konsistent kopia av registret, säkert medan det används"},
		"cli.cmd.backup.args":     {"FILE", "FIL"},
		"cli.cmd.backup.example":  {"avtal backup ~/avtal-copy.db", "avtal backup ~/avtal-kopia.db"},
		"cli.cmd.restore":         {"check a backup and put it in place of the register (the old file is kept)", "kontrollera en säkerhetskopia och lägg den i registrets ställe (den gamla filen sparas)"},
		"cli.cmd.restore.args":    {"FILE", "FIL"},
		"cli.cmd.restore.example": {"avtal restore ~/avtal-copy.db", "avtal restore ~/avtal-kopia.db"},
		"cli.cmd.log":             {"the audit log: who changed what, when", "ändringsloggen: vem ändrade vad, när"},
		"cli.cmd.log.args":        {"[ID]", "[ID]"},
		"cli.cmd.log.example":     {"avtal log\navtal log centuri-saas --limit 10 --json", "avtal log\navtal log centuri-saas --limit 10 --json"},
		"cli.cmd.deadlines":       {"deadlines by act-by day (today and a year on)", "frister efter agera-senast-dag (i dag och ett år framåt)"},
		"cli.cmd.deadlines.example": {"avtal deadlines\navtal deadlines --agreement centuri-saas --from 2026-09-01 --to 2026-12-31\navtal deadlines --missed\navtal deadlines --ics > deadlines.ics",
			"avtal deadlines\navtal deadlines --agreement centuri-saas --from 2026-09-01 --to 2026-12-31\navtal deadlines --missed\navtal deadlines --ics > frister.ics"},
		"cli.cmd.event":      {"record an event deadlines count from (termination, notice_received, downtime, …)", "registrera en händelse som frister räknas från (termination, notice_received, downtime, …)"},
		"cli.cmd.event.args": {"ID NAME DATE", "ID NAMN DATUM"},
		"cli.cmd.event.example": {"avtal event centuri-saas termination 2026-09-15 --note \"sent by registered letter\"\navtal event list centuri-saas",
			"avtal event centuri-saas termination 2026-09-15 --note \"skickad som rekommenderat brev\"\navtal event list centuri-saas"},
		"cli.cmd.event.list":           {"the events recorded for an agreement, with their numbers", "händelserna registrerade för ett avtal, med sina nummer"},
		"cli.cmd.event.list.args":      {"ID", "ID"},
		"cli.cmd.event.list.example":   {"avtal event list centuri-saas --json", "avtal event list centuri-saas --json"},
		"cli.cmd.event.delete":         {"delete recorded event N; its deadlines go with it", "ta bort registrerad händelse N; dess frister försvinner med den"},
		"cli.cmd.event.delete.args":    {"N", "N"},
		"cli.cmd.event.delete.example": {"avtal event delete 3", "avtal event delete 3"},
		"cli.cmd.done":                 {"mark a deadline done (KEY from deadlines --json, or --kind and --date)", "markera en frist som klar (NYCKEL från deadlines --json, eller --kind och --date)"},
		"cli.cmd.done.args":            {"ID [KEY]", "ID [NYCKEL]"},
		"cli.cmd.done.example": {"avtal done centuri-saas --kind termination_notice --date 2026-09-30 --comment \"decided to renew\"\navtal done centuri-saas --kind termination_notice --date 2026-09-30 --undo",
			"avtal done centuri-saas --kind termination_notice --date 2026-09-30 --comment \"beslutat att förnya\"\navtal done centuri-saas --kind termination_notice --date 2026-09-30 --undo"},
		"cli.cmd.snooze":      {"keep a deadline out of reminders until a day", "håll en frist borta från påminnelser till en dag"},
		"cli.cmd.snooze.args": {"ID [KEY]", "ID [NYCKEL]"},
		"cli.cmd.snooze.example": {"avtal snooze centuri-saas --kind indexation --date 2027-01-01 --until 2026-12-15\navtal snooze centuri-saas --kind indexation --date 2027-01-01 --wake",
			"avtal snooze centuri-saas --kind indexation --date 2027-01-01 --until 2026-12-15\navtal snooze centuri-saas --kind indexation --date 2027-01-01 --wake"},
		"cli.cmd.sla":         {"SLA credits and the incident log", "SLA-kreditering och incidentloggen"},
		"cli.cmd.sla.example": {"avtal sla credit --agreement pureservice --month 2026-11\navtal sla incidents pureservice", "avtal sla credit --agreement pureservice --month 2026-11\navtal sla incidents pureservice"},
		"cli.cmd.sla.credit":  {"uptime and service credit for a month", "tillgänglighet och servicekreditering för en månad"},
		"cli.cmd.sla.credit.long": {`With --agreement the terms, the fee and the recorded incidents come from the
register and the flags override them; without it give the terms (--preset, or
--tiers and --window) and --fee. Times are local (2026-11-10T16:00) in the
SLA's time zone.`, `Med --agreement kommer villkoren, avgiften och de registrerade incidenterna
från registret och flaggorna går före dem; utan den anger du villkoren
(--preset, eller --tiers och --window) och --fee. Tider är lokala
(2026-11-10T16:00) i SLA:ns tidszon.`},
		"cli.cmd.sla.credit.example": {"avtal sla credit --agreement pureservice --month 2026-11\navtal sla credit --preset centuri --fee 12000 --month 2026-11 --downtime 2026-11-10T16:00/2026-11-10T18:30",
			"avtal sla credit --agreement pureservice --month 2026-11\navtal sla credit --preset centuri --fee 12000 --month 2026-11 --downtime 2026-11-10T16:00/2026-11-10T18:30"},
		"cli.cmd.sla.incidents":         {"an agreement's incident log", "ett avtals incidentlogg"},
		"cli.cmd.sla.incidents.args":    {"ID", "ID"},
		"cli.cmd.sla.incidents.example": {"avtal sla incidents pureservice --month 2026-11", "avtal sla incidents pureservice --month 2026-11"},
		"cli.cmd.sla.add":               {"record an incident", "registrera en incident"},
		"cli.cmd.sla.add.args":          {"ID", "ID"},
		"cli.cmd.sla.add.example": {"avtal sla add pureservice --start 2026-11-10T16:00 --end 2026-11-10T18:30 --description \"nobody could log in\"",
			"avtal sla add pureservice --start 2026-11-10T16:00 --end 2026-11-10T18:30 --description \"ingen kunde logga in\""},
		"cli.cmd.gen":                 {"generate a large made-up register (for trying and benchmarks)", "skapa ett stort påhittat register (för att prova och mäta)"},
		"cli.cmd.gen.long":            {"A register that already holds agreements is refused unless --append is given.", "Ett register som redan har avtal vägras utom med --append."},
		"cli.cmd.gen.example":         {"avtal gen --db /tmp/large.db --agreements 10000", "avtal gen --db /tmp/stort.db --agreements 10000"},
		"cli.cmd.clauses":             {"the clause tree of an agreement, with tags, notes and amendments", "ett avtals klausulträd, med taggar, anteckningar och ändringar"},
		"cli.cmd.clauses.args":        {"ID", "ID"},
		"cli.cmd.clauses.example":     {"avtal clauses pureservice\navtal clauses pureservice --full --old", "avtal clauses pureservice\navtal clauses pureservice --full --old"},
		"cli.cmd.search":              {"search every clause, or one agreement's", "sök i alla klausuler, eller i ett avtals"},
		"cli.cmd.search.args":         {"WORDS...", "ORD..."},
		"cli.cmd.search.example":      {"avtal search termination\navtal search liability --agreement centuri-saas --limit 5", "avtal search uppsägning\navtal search skadestånd --agreement centuri-saas --limit 5"},
		"cli.cmd.tag":                 {"tag a clause (a built-in tag or your own)", "tagga en klausul (en inbyggd tagg eller en egen)"},
		"cli.cmd.tag.args":            {"ID CLAUSE TAG", "ID KLAUSUL TAGG"},
		"cli.cmd.tag.example":         {"avtal tag pureservice 8.9.2 liability_cap\navtal tag pureservice 8.9.2 liability_cap --remove", "avtal tag pureservice 8.9.2 liability_cap\navtal tag pureservice 8.9.2 liability_cap --remove"},
		"cli.cmd.note":                {"add a note to a clause", "skriv en anteckning om en klausul"},
		"cli.cmd.note.args":           {"ID CLAUSE TEXT...", "ID KLAUSUL TEXT..."},
		"cli.cmd.note.example":        {"avtal note pureservice 8.9.2 \"Ask for 24 hours\" --risk watch", "avtal note pureservice 8.9.2 \"Be om 24 timmar\" --risk watch"},
		"cli.cmd.note.edit":           {"change note N's text or risk (N is #N in clauses ID --full)", "ändra text eller risk i anteckning N (N är #N i clauses ID --full)"},
		"cli.cmd.note.edit.args":      {"N [TEXT...]", "N [TEXT...]"},
		"cli.cmd.note.edit.example":   {"avtal note edit 4 --risk risk\navtal note edit 4 \"Ask for 12 hours\"", "avtal note edit 4 --risk risk\navtal note edit 4 \"Be om 12 timmar\""},
		"cli.cmd.note.delete":         {"delete note N", "ta bort anteckning N"},
		"cli.cmd.note.delete.args":    {"N", "N"},
		"cli.cmd.note.delete.example": {"avtal note delete 4", "avtal note delete 4"},
		"cli.cmd.compare":             {"the clauses with a tag, agreement by agreement", "klausulerna med en tagg, avtal för avtal"},
		"cli.cmd.compare.args":        {"TAG", "TAGG"},
		"cli.cmd.compare.example":     {"avtal compare liability_cap\navtal compare liability_cap --json", "avtal compare liability_cap\navtal compare liability_cap --json"},
		"cli.cmd.serve":               {"serve the workbench over SSH", "servera arbetsbänken över SSH"},
		"cli.cmd.serve.long": {`The host key is made beside the register. Without --authorized-keys only this
machine may connect, unless --demo (every visitor gets a private copy of the
sample register). A key line is an editor's unless it says role=viewer (or
viewer) in its comment, or carries the option environment="AVTAL_ROLE=viewer".`, `Värdnyckeln skapas bredvid registret. Utan --authorized-keys får bara den här
datorn ansluta, utom med --demo (varje besökare får en egen kopia av
exempelregistret). En nyckelrad är en redaktörs om den inte har role=viewer
(eller viewer) i kommentaren, eller flaggan environment="AVTAL_ROLE=viewer".`},
		"cli.cmd.serve.example": {"avtal serve\navtal serve --addr 0.0.0.0:23234 --authorized-keys ~/avtal/authorized_keys\navtal serve --addr :2222 --demo",
			"avtal serve\navtal serve --addr 0.0.0.0:23234 --authorized-keys ~/avtal/authorized_keys\navtal serve --addr :2222 --demo"},
		"cli.cmd.subprocessors":      {"an agreement's sub-processors, notices and flags; without ID the portfolio", "ett avtals underbiträden, aviseringar och flaggor; utan ID hela portföljen"},
		"cli.cmd.subprocessors.args": {"[ID]", "[ID]"},
		"cli.cmd.subprocessors.example": {"avtal subprocessors centuri-saas\navtal subprocessors --region third_country --status approved,proposed",
			"avtal subprocessors centuri-saas\navtal subprocessors --region third_country --status approved,proposed"},
		"cli.cmd.subprocessors.import":      {"compare a supplier's list (CSV or a table) with the register", "jämför leverantörens lista (CSV eller en tabell) med registret"},
		"cli.cmd.subprocessors.import.args": {"ID FILE", "ID FIL"},
		"cli.cmd.subprocessors.import.example": {"avtal subprocessors import centuri-saas list.csv\navtal subprocessors import centuri-saas list.csv --apply --received 2026-11-20",
			"avtal subprocessors import centuri-saas lista.csv\navtal subprocessors import centuri-saas lista.csv --apply --received 2026-11-20"},
		"cli.cmd.subprocessors.export":         {"the register as CSV (the format import reads)", "registret som CSV (formatet som import läser)"},
		"cli.cmd.subprocessors.export.args":    {"[ID]", "[ID]"},
		"cli.cmd.subprocessors.export.example": {"avtal subprocessors export centuri-saas > centuri.csv", "avtal subprocessors export centuri-saas > centuri.csv"},
		"cli.cmd.notice":                       {"record a sub-processor change notice; prints the objection deadline", "registrera en ändringsavisering om underbiträden; visar sista dag att invända"},
		"cli.cmd.notice.args":                  {"ID", "ID"},
		"cli.cmd.notice.example": {"avtal notice centuri-saas --received 2026-11-20 --add \"Example Hosting AB\" --country SE --purpose hosting\navtal notice centuri-saas --received 2026-11-20 --remove \"Example Hosting AB\"",
			"avtal notice centuri-saas --received 2026-11-20 --add \"Exempel Drift AB\" --country SE --purpose drift\navtal notice centuri-saas --received 2026-11-20 --remove \"Exempel Drift AB\""},
		"cli.cmd.notice.undo":         {"withdraw the decision on notice N (made by mistake)", "ångra beslutet om avisering N (fattat av misstag)"},
		"cli.cmd.notice.undo.args":    {"N", "N"},
		"cli.cmd.notice.undo.example": {"avtal notice undo 2", "avtal notice undo 2"},
		"cli.cmd.version":             {"print the version", "skriv ut versionen"},
		"cli.cmd.version.example":     {"avtal version", "avtal version"},
		"cli.cmd.completion":          {"print the shell's completion script", "skriv ut skalets kompletteringsskript"},
		"cli.cmd.completion.args":     {"bash|zsh|fish", "bash|zsh|fish"},
		"cli.cmd.completion.long": {"Load it from the shell's start-up file, or write it where the shell looks for completions.",
			"Läs in det från skalets startfil, eller skriv det där skalet letar efter kompletteringar."},
		"cli.cmd.completion.example": {"source <(avtal completion bash)\navtal completion zsh > \"${fpath[1]}/_avtal\"\navtal completion fish > ~/.config/fish/completions/avtal.fish",
			"source <(avtal completion bash)\navtal completion zsh > \"${fpath[1]}/_avtal\"\navtal completion fish > ~/.config/fish/completions/avtal.fish"},
		"cli.cmd.man":          {"print the manual page (roff) of every command", "skriv ut manualsidan (roff) för alla kommandon"},
		"cli.cmd.man.example":  {"avtal man > avtal.1\navtal man | man -l -", "avtal man > avtal.1\navtal man | man -l -"},
		"cli.cmd.help":         {"show a command's help, or avtal's", "visa ett kommandos hjälp, eller avtals"},
		"cli.cmd.help.args":    {"[COMMAND...]", "[KOMMANDO...]"},
		"cli.cmd.help.example": {"avtal help\navtal help sla credit", "avtal help\navtal help sla credit"},

		"cli.flag.db":       {"the register `PATH` (or AVTAL_DB)", "registrets `SÖKVÄG` (eller AVTAL_DB)"},
		"cli.flag.lang":     {"the language, `sv|en` (or LC_ALL, LANG)", "språket, `sv|en` (eller LC_ALL, LANG)"},
		"cli.flag.no-mouse": {"leave the mouse to the terminal, to select text", "lämna musen åt terminalen, för att markera text"},
		"cli.flag.help":     {"show this help", "visa den här hjälpen"},
		"cli.flag.json":     {"write JSON", "skriv JSON"},

		"cli.flag.list.sort": {"sort by `COLUMN`: supplier, title, status, end or cancel-by (call-offs then stand on their own)",
			"sortera på `KOLUMN`: supplier, title, status, end eller cancel-by (avropen står då för sig)"},

		"cli.flag.import.replace":   {"replace agreements already in the register", "ersätt avtal som redan finns i registret"},
		"cli.flag.import.agreement": {"import the document as a new version of agreement `ID`", "importera dokumentet som en ny version av avtalet `ID`"},
		"cli.flag.proposals.all":    {"also the proposals already decided", "även förslag som redan är avgjorda"},
		"cli.flag.export.yaml":      {"the `DIR` to write the files into", "`KATALOG` att skriva filerna i"},
		"cli.flag.demo.replace":     {"replace a register with changes of your own (it is kept beside)", "ersätt ett register med egna ändringar (det sparas bredvid)"},
		"cli.flag.log.limit":        {"at most `N` entries", "högst `N` poster"},

		"cli.flag.deadlines.from":      {"from `DATE` (default today)", "från `DATUM` (standard i dag)"},
		"cli.flag.deadlines.to":        {"to `DATE` (default a year after --from)", "till `DATUM` (standard ett år efter --from)"},
		"cli.flag.deadlines.agreement": {"only the deadlines of agreement `ID`", "bara fristerna för avtalet `ID`"},
		"cli.flag.deadlines.missed":    {"cancel-by dates that passed without a decision", "passerade uppsägningsdagar utan beslut"},
		"cli.flag.deadlines.ics":       {"write an iCalendar file (RFC 5545)", "skriv en iCalendar-fil (RFC 5545)"},
		"cli.flag.event.note":          {"a note on the event, `TEXT`", "en anteckning om händelsen, `TEXT`"},
		"cli.flag.event.ref":           {"a reference, `TEXT` (a letter, a ticket)", "en referens, `TEXT` (ett brev, ett ärende)"},
		"cli.flag.kind":                {"the deadline's `KIND`, with --date, instead of KEY", "fristens `TYP`, med --date, i stället för NYCKEL"},
		"cli.flag.date":                {"the deadline's `DATE`, with --kind", "fristens `DATUM`, med --kind"},
		"cli.flag.done.on":             {"the `DATE` it was done (default today)", "`DATUM` då den blev klar (standard i dag)"},
		"cli.flag.done.comment":        {"a comment, `TEXT`", "en kommentar, `TEXT`"},
		"cli.flag.done.undo":           {"take the done mark away", "ta bort klarmarkeringen"},
		"cli.flag.snooze.until":        {"keep it out of reminders until `DATE`", "håll den borta från påminnelser till `DATUM`"},
		"cli.flag.snooze.wake":         {"bring it back into reminders now", "ta tillbaka den till påminnelserna nu"},

		"cli.flag.sla.credit.agreement":     {"take the terms, the fee and the incidents from agreement `ID`", "ta villkoren, avgiften och incidenterna från avtalet `ID`"},
		"cli.flag.sla.credit.preset":        {"start from the terms `NAME` (pureservice, centuri, azure-style, aws-style, google-style)", "utgå från villkoren `NAMN` (pureservice, centuri, azure-style, aws-style, google-style)"},
		"cli.flag.sla.credit.tiers":         {"the credit `TIERS`, uptime:credit pairs, e.g. \"99.5:25,99:50,95:100\"", "krediteringens `NIVÅER`, par av tillgänglighet:kredit, t.ex. \"99.5:25,99:50,95:100\""},
		"cli.flag.sla.credit.window":        {"the service `WINDOW`: 24x7, or e.g. \"mon-fri 08:00-17:00 holidays=SE\"", "tjänstens `FÖNSTER`: 24x7, eller t.ex. \"mon-fri 08:00-17:00 holidays=SE\""},
		"cli.flag.sla.credit.tz":            {"the SLA's time `ZONE`, e.g. Europe/Stockholm", "SLA:ns tidszon, `ZON`, t.ex. Europe/Stockholm"},
		"cli.flag.sla.credit.month":         {"the month, `YYYY-MM`", "månaden, `ÅÅÅÅ-MM`"},
		"cli.flag.sla.credit.fee":           {"the monthly fee, `AMOUNT`, the credit is a share of", "månadsavgiften, `BELOPP`, som krediteringen är en andel av"},
		"cli.flag.sla.credit.cap-pct":       {"the credit's cap, `PERCENT` of the fee", "krediteringens tak, `PROCENT` av avgiften"},
		"cli.flag.sla.credit.target":        {"the uptime target, `PERCENT`", "målet för tillgänglighet, `PROCENT`"},
		"cli.flag.sla.credit.claim-window":  {"the time to claim the credit, `PERIOD`, e.g. \"4 weeks\"", "tiden att begära krediteringen, `PERIOD`, t.ex. \"4 weeks\""},
		"cli.flag.sla.credit.discretionary": {"the credit is at the supplier's discretion", "krediteringen är efter leverantörens gottfinnande"},
		"cli.flag.sla.credit.downtime":      {"a downtime, `START/END`; again for more", "ett avbrott, `START/SLUT`; upprepa för fler"},
		"cli.flag.sla.credit.planned":       {"planned maintenance, `START/END`; again for more", "planerat underhåll, `START/SLUT`; upprepa för fler"},
		"cli.flag.sla.incidents.month":      {"only the incidents of the month `YYYY-MM`", "bara incidenterna i månaden `ÅÅÅÅ-MM`"},
		"cli.flag.sla.add.start":            {"when it began, `TIME` (2026-11-10T16:00)", "när den började, `TID` (2026-11-10T16:00)"},
		"cli.flag.sla.add.end":              {"when it ended, `TIME`", "när den slutade, `TID`"},
		"cli.flag.sla.add.planned":          {"it was planned maintenance", "det var planerat underhåll"},
		"cli.flag.sla.add.excluded":         {"not counted against the uptime, for `REASON`", "räknas inte mot tillgängligheten, på grund av `SKÄL`"},
		"cli.flag.sla.add.description":      {"what happened, `TEXT`", "vad som hände, `TEXT`"},
		"cli.flag.sla.add.reported":         {"the `DATE` it was reported to the supplier", "`DATUM` då den anmäldes till leverantören"},
		"cli.flag.sla.add.claim-sent":       {"the `DATE` the credit was claimed", "`DATUM` då krediteringen begärdes"},

		"cli.flag.gen.agreements":   {"how many agreements, `N`", "hur många avtal, `N`"},
		"cli.flag.gen.seed":         {"the random `SEED`: the same seed makes the same register", "slumpens `FRÖ`: samma frö ger samma register"},
		"cli.flag.gen.append":       {"add to a register that already holds agreements", "lägg till i ett register som redan har avtal"},
		"cli.flag.clauses.old":      {"the earlier versions of the documents too", "även dokumentens tidigare versioner"},
		"cli.flag.clauses.full":     {"the clause texts and the notes in full", "klausultexterna och anteckningarna i sin helhet"},
		"cli.flag.search.agreement": {"search only agreement `ID`", "sök bara i avtalet `ID`"},
		"cli.flag.search.limit":     {"at most `N` hits", "högst `N` träffar"},
		"cli.flag.tag.remove":       {"remove the tag instead", "ta bort taggen i stället"},
		"cli.flag.document":         {"the `NAME` of the document the clause is in, when numbers repeat", "`NAMN` på dokumentet som klausulen står i, när nummer upprepas"},
		"cli.flag.risk":             {"the risk level, `LEVEL`: ok, watch or risk", "risknivån, `NIVÅ`: ok, watch eller risk"},
		"cli.flag.note.edit.risk":   {"change the risk level to `LEVEL`: ok, watch or risk", "ändra risknivån till `NIVÅ`: ok, watch eller risk"},

		"cli.flag.serve.addr":            {"the `ADDRESS` to listen on", "`ADRESS` att lyssna på"},
		"cli.flag.serve.host-key":        {"the host key's `PATH` (default beside the register)", "värdnyckelns `SÖKVÄG` (standard bredvid registret)"},
		"cli.flag.serve.authorized-keys": {"the `FILE` of the keys that may connect, with their roles", "`FIL` med nycklarna som får ansluta, med sina roller"},
		"cli.flag.serve.demo":            {"give every visitor a private copy of the sample register", "ge varje besökare en egen kopia av exempelregistret"},
		"cli.flag.serve.max-sessions":    {"at most `N` sessions at once", "högst `N` sessioner samtidigt"},
		"cli.flag.serve.idle-timeout":    {"end a session after `DURATION` without input (0: never)", "avsluta en session efter `TID` utan inmatning (0: aldrig)"},

		"cli.flag.subprocessors.region":          {"only sub-processors in `REGIONS`: eu, eea, adequacy, third_country, unknown, comma-separated", "bara underbiträden i `REGIONER`: eu, eea, adequacy, third_country, unknown, kommaseparerade"},
		"cli.flag.subprocessors.status":          {"only sub-processors with `STATUSES`: approved, proposed, objected, removed, comma-separated", "bara underbiträden med `STATUSAR`: approved, proposed, objected, removed, kommaseparerade"},
		"cli.flag.subprocessors.import.apply":    {"record the differences as change notices", "registrera skillnaderna som ändringsaviseringar"},
		"cli.flag.subprocessors.import.received": {"the `DATE` the list came (default today)", "`DATUM` då listan kom (standard i dag)"},
		"cli.flag.subprocessors.export.csv":      {"write CSV (the only format)", "skriv CSV (det enda formatet)"},
		"cli.flag.notice.received":               {"the `DATE` the notice came", "`DATUM` då aviseringen kom"},
		"cli.flag.notice.effective":              {"the `DATE` the change takes effect", "`DATUM` då ändringen gäller från"},
		"cli.flag.notice.add":                    {"the sub-processor added, `NAME`", "underbiträdet som tillkommer, `NAMN`"},
		"cli.flag.notice.remove":                 {"the sub-processor removed, `NAME`", "underbiträdet som tas bort, `NAMN`"},
		"cli.flag.notice.replace":                {"the sub-processor replaced, `NAME` (the new one with --add)", "underbiträdet som byts ut, `NAMN` (det nya med --add)"},
		"cli.flag.notice.country":                {"the added one's country code, `COUNTRY`", "det tillkommandes landskod, `LAND`"},
		"cli.flag.notice.region":                 {"the added one's `REGION` when no single country is named (EEA)", "det tillkommandes `REGION` när inget enskilt land anges (EES)"},
		"cli.flag.notice.purpose":                {"what the added one does, `TEXT`", "vad det tillkommande gör, `TEXT`"},
		"cli.flag.notice.org":                    {"the added one's organisation number, `NUMBER`", "det tillkommandes organisationsnummer, `NUMMER`"},
	}
})

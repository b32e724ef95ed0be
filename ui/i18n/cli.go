package i18n

// cliMsgs are the strings of the command line.
var cliMsgs = map[string]msg{
	"cli.usage": {`Avtal — a terminal workbench for agreements.

Usage:
  avtal [--db PATH] [--lang sv|en] [--no-mouse] open the workbench (TUI)
  avtal list [--json]                         list the register
  avtal show ID [--json]                      show one agreement
  avtal import FILE.yaml... [--replace] [--json]  import agreements
  avtal import FILE [--agreement ID] [--json] import a document (.txt, .md, .docx, .pdf) as a
                                              draft agreement, or as a new version of ID's documents
                                              (tags and notes carry over to unchanged/changed clauses)
  avtal proposals ID [--all] [--json]         what imports propose for ID (rules, SLA tiers,
                                              sub-processors, amendments, term, supplier, dates)
  avtal proposals ID accept|reject|undo N...  accept or reject proposals, or undo the decision
  avtal set ID FIELD=VALUE... [--json]        set fields of ID, all or none: title, supplier.name,
                                              supplier.org_number, kind, status, signed, effective,
                                              start, term.initial, term.renewal, term.notice,
                                              term.indefinite, fee.amount, fee.currency, fee.per,
                                              owner, governing_law, venue (empty VALUE clears)
  avtal edit ID                               edit ID as YAML in $EDITOR (vi); checked on save
  avtal export --yaml DIR                     write every agreement as YAML
  avtal demo [--db PATH] [--replace]          (re)create a database with the sample register;
                                              --replace: also over changes of your own
  avtal backup FILE                           write a consistent copy of the database
  avtal restore FILE                          check a backup and put it in place (keeps the old file)
  avtal log [ID] [--json]                     the audit log: who changed what, when
  avtal deadlines [--from DATE] [--to DATE] [--agreement ID] [--missed] [--json | --ics]
                                              deadlines by act-by day (today + 1 year);
                                              --missed: cancel-by dates passed undecided
  avtal event ID NAME DATE [--note TEXT] [--ref TEXT]
                                              record an event deadlines count from
                                              (termination, notice_received, downtime…)
  avtal event list ID [--json]                the events recorded for ID, with their numbers
  avtal event delete N [--json]               delete recorded event N; its deadlines go with it
  avtal done ID KEY [--on DATE] [--comment TEXT] [--undo]
                                              mark a deadline done (KEY from --json, or
                                              --kind KIND --date DATE instead of KEY)
  avtal snooze ID KEY --until DATE | --wake   keep a deadline out of reminders until DATE
  avtal sla credit --month YYYY-MM [--agreement ID | --preset NAME] [--fee AMOUNT]
              [--tiers "99.5:25,99:50,95:100"] [--window 24x7 | --window "mon-fri 08:00-17:00 holidays=SE"]
              [--tz Europe/Stockholm] [--cap-pct 100] [--target 99.5] [--claim-window "4 weeks"]
              [--discretionary] [--downtime START/END]... [--planned START/END]... [--json]
                                              SLA credit for a month (times: 2026-11-10T16:00, local)
  avtal sla incidents ID [--month YYYY-MM] [--json]   the incident log of an agreement
  avtal sla add ID --start TIME --end TIME [--planned] [--excluded REASON]
              [--description TEXT] [--reported DATE] [--claim-sent DATE] [--json]
                                              record an incident
  avtal gen --db PATH --agreements N [--seed S] [--append] [--json]
                                              generate a large made-up register (for trying and benchmarks)
  avtal clauses ID [--old] [--full] [--json]  the clause tree of an agreement (--old: old versions too)
  avtal search WORDS... [--agreement ID] [--limit 20] [--json]
                                              search every clause, or one agreement's
  avtal tag ID CLAUSE TAG [--remove] [--document NAME]
                                              tag a clause (built-in tag or your own)
  avtal note ID CLAUSE TEXT [--risk ok|watch|risk] [--document NAME]
                                              add a note to a clause
  avtal note edit N [TEXT] [--risk ok|watch|risk] [--json]
                                              change note N (#N in avtal clauses ID --full)
  avtal note delete N [--json]                delete note N
  avtal compare TAG [--json]                  the clauses with a tag, agreement by agreement
  avtal serve [--addr 127.0.0.1:23234] [--host-key PATH] [--authorized-keys PATH]
              [--demo] [--max-sessions 50] [--idle-timeout 30m] [--no-mouse]
                                              serve the workbench over SSH
  avtal subprocessors [ID] [--json]           an agreement's sub-processors, notices and flags;
                                              without ID the portfolio [--region R,..] [--status S,..]
  avtal subprocessors import ID FILE [--apply] [--received DATE] [--json]
                                              compare a supplier's list (CSV or table) with the register;
                                              --apply records the differences as change notices
  avtal subprocessors export [ID] [--csv]     the register as CSV (the format import reads)
  avtal notice ID --received DATE [--effective DATE] (--add NAME | --remove NAME | --replace OLD [--add NEW])
               [--country CC] [--region EEA] [--purpose TEXT] [--org NUMBER] [--json]
                                              record a change notice; prints the objection deadline
  avtal notice undo N [--json]                withdraw the decision on notice N (made by mistake)
  avtal version                               print the version

Global flags: --db PATH (or AVTAL_DB), --lang sv|en (or LANG).

serve: the host key is created next to the database. Without --authorized-keys
only this machine may connect, unless --demo (every visitor gets a private copy
of the sample register). A key line is an editor unless it says role=viewer (or
viewer) in its comment, or carries the option environment="AVTAL_ROLE=viewer".
`, `Avtal — en terminalarbetsbänk för avtal.

Användning:
  avtal [--db SÖKVÄG] [--lang sv|en] [--no-mouse] öppna arbetsbänken (TUI)
  avtal list [--json]                         lista registret
  avtal show ID [--json]                      visa ett avtal
  avtal import FIL.yaml... [--replace] [--json]  importera avtal
  avtal import FIL [--agreement ID] [--json]  importera ett dokument (.txt, .md, .docx, .pdf) som
                                              utkast, eller som en ny version av ID:s dokument
                                              (taggar och anteckningar följer med oförändrade/ändrade klausuler)
  avtal proposals ID [--all] [--json]         vad importer föreslår för ID (frister, SLA-nivåer,
                                              underbiträden, ändringar, avtalstid, leverantör, datum)
  avtal proposals ID accept|reject|undo N...  godta eller avvisa förslag, eller ångra beslutet
  avtal set ID FÄLT=VÄRDE... [--json]         ändra fält i ID, alla eller inget: title, supplier.name,
                                              supplier.org_number, kind, status, signed, effective,
                                              start, term.initial, term.renewal, term.notice,
                                              term.indefinite, fee.amount, fee.currency, fee.per,
                                              owner, governing_law, venue (tomt VÄRDE tömmer)
  avtal edit ID                               redigera ID som YAML i $EDITOR (vi); kontrolleras när du sparar
  avtal export --yaml KATALOG                 skriv alla avtal som YAML
  avtal demo [--db SÖKVÄG] [--replace]        skapa (om) en databas med exempelregistret;
                                              --replace: även över egna ändringar
  avtal backup FIL                            skriv en konsistent kopia av databasen
  avtal restore FIL                           kontrollera en säkerhetskopia och lägg den på plats (behåller den gamla)
  avtal log [ID] [--json]                     ändringsloggen: vem ändrade vad, när
  avtal deadlines [--from DATUM] [--to DATUM] [--agreement ID] [--missed] [--json | --ics]
                                              frister efter agera-senast-dag (i dag + 1 år);
                                              --missed: passerade uppsägningsdagar utan beslut
  avtal event ID NAMN DATUM [--note TEXT] [--ref TEXT]
                                              registrera en händelse som frister räknas från
                                              (termination, notice_received, downtime…)
  avtal event list ID [--json]                händelserna registrerade för ID, med sina nummer
  avtal event delete N [--json]               ta bort registrerad händelse N; dess frister försvinner med den
  avtal done ID NYCKEL [--on DATUM] [--comment TEXT] [--undo]
                                              markera en frist som klar (NYCKEL från --json,
                                              eller --kind TYP --date DATUM i stället)
  avtal snooze ID NYCKEL --until DATUM | --wake  håll en frist borta från påminnelser till DATUM
  avtal sla credit --month ÅÅÅÅ-MM [--agreement ID | --preset NAMN] [--fee BELOPP]
              [--tiers "99.5:25,99:50,95:100"] [--window 24x7 | --window "mon-fri 08:00-17:00 holidays=SE"]
              [--tz Europe/Stockholm] [--cap-pct 100] [--target 99.5] [--claim-window "4 weeks"]
              [--discretionary] [--downtime START/SLUT]... [--planned START/SLUT]... [--json]
                                              SLA-kreditering för en månad (tider: 2026-11-10T16:00, lokal tid)
  avtal sla incidents ID [--month ÅÅÅÅ-MM] [--json]   ett avtals incidentlogg
  avtal sla add ID --start TID --end TID [--planned] [--excluded SKÄL]
              [--description TEXT] [--reported DATUM] [--claim-sent DATUM] [--json]
                                              registrera en incident
  avtal gen --db SÖKVÄG --agreements N [--seed S] [--append] [--json]
                                              skapa ett stort påhittat register (för att prova och mäta)
  avtal clauses ID [--old] [--full] [--json]  ett avtals klausulträd (--old: även gamla versioner)
  avtal search ORD... [--agreement ID] [--limit 20] [--json]
                                              sök i alla klausuler, eller i ett avtals
  avtal tag ID KLAUSUL TAGG [--remove] [--document NAMN]
                                              tagga en klausul (inbyggd tagg eller egen)
  avtal note ID KLAUSUL TEXT [--risk ok|watch|risk] [--document NAMN]
                                              anteckna om en klausul
  avtal note edit N [TEXT] [--risk ok|watch|risk] [--json]
                                              ändra anteckning N (#N i avtal clauses ID --full)
  avtal note delete N [--json]                ta bort anteckning N
  avtal compare TAGG [--json]                 klausulerna med en tagg, avtal för avtal
  avtal serve [--addr 127.0.0.1:23234] [--host-key SÖKVÄG] [--authorized-keys SÖKVÄG]
              [--demo] [--max-sessions 50] [--idle-timeout 30m] [--no-mouse]
                                              servera arbetsbänken över SSH
  avtal subprocessors [ID] [--json]           ett avtals underbiträden, aviseringar och flaggor;
                                              utan ID hela portföljen [--region R,..] [--status S,..]
  avtal subprocessors import ID FIL [--apply] [--received DATUM] [--json]
                                              jämför leverantörens lista (CSV eller tabell) med registret;
                                              --apply registrerar skillnaderna som ändringsaviseringar
  avtal subprocessors export [ID] [--csv]     registret som CSV (formatet som import läser)
  avtal notice ID --received DATUM [--effective DATUM] (--add NAMN | --remove NAMN | --replace GAMMAL [--add NY])
               [--country CC] [--region EES] [--purpose TEXT] [--org NUMMER] [--json]
                                              registrera en ändringsavisering; visar sista dag att invända
  avtal notice undo N [--json]                ångra beslutet om avisering N (fattat av misstag)
  avtal version                               skriv ut versionen

Globala flaggor: --db SÖKVÄG (eller AVTAL_DB), --lang sv|en (eller LANG).

serve: värdnyckeln skapas bredvid databasen. Utan --authorized-keys får bara
den här datorn ansluta, utom med --demo (varje besökare får en egen kopia av
exempelregistret). En nyckelrad är redaktör om den inte har role=viewer (eller
viewer) i kommentaren, eller flaggan environment="AVTAL_ROLE=viewer".
`},
	"cli.see_help":         {"(avtal help lists every command)", "(avtal help visar alla kommandon)"},
	"cli.see_cmd_help":     {"(avtal %s --help shows its flags)", "(avtal %s --help visar dess flaggor)"},
	"cli.usage_of":         {"Usage of avtal %s:", "Användning av avtal %s:"},
	"cli.flag_unknown":     {"there is no flag %s", "flaggan %s finns inte"},
	"cli.flag_needs_value": {"flag %s needs a value", "flaggan %s behöver ett värde"},
	"cli.flag_bad_value":   {"%[2]s %[1]q: %[3]s", "%[2]s %[1]q: %[3]s"},
	"cli.unknown_command":  {"unknown command %q", "okänt kommando %q"},
	"cli.needs_id":         {"%s needs an agreement id", "%s behöver ett avtals-id"},
	"cli.needs_file":       {"%s needs at least one file", "%s behöver minst en fil"},
	"cli.needs_dir":        {"export needs --yaml DIR", "export behöver --yaml KATALOG"},
	"cli.imported":         {"imported %d agreement(s): %s", "importerade %d avtal: %s"},
	"cli.exported":         {"wrote %d agreement(s) to %s", "skrev %d avtal till %s"},
	"cli.demo_done":        {"created %s with the sample register (%d agreements)", "skapade %s med exempelregistret (%d avtal)"},
	"cli.demo_would_replace": {"%s holds changes of your own (see avtal log) and is left as it is; give --db NEW.db for a separate demo, or --replace to replace it with the sample (the replaced file is kept beside it)",
		"%s innehåller egna ändringar (se avtal log) och lämnas orörd; ange --db NY.db för en separat demo, eller --replace för att ersätta den med exempelregistret (den ersatta filen sparas bredvid)"},
	"cli.warning":          {"warning: %s", "varning: %s"},
	"cli.created_register": {"created a new register with the sample at %s", "skapade ett nytt register med exemplen i %s"},
	"cli.in_use": {"%s is open in another Avtal (a workbench, avtal serve or a command); close it first",
		"%s är öppen i ett annat Avtal (en arbetsyta, avtal serve eller ett kommando); stäng det först"},
	"cli.open_elsewhere": {"%s is open in another program (Litestream replicating it, or an SQLite shell); stop it first, and after the replacement start replication afresh (see the README)",
		"%s är öppen i ett annat program (Litestream som replikerar den, eller ett SQLite-skal); stoppa det först, och starta replikeringen på nytt efter bytet (se README)"},
	"cli.demo_kept":          {"the register it replaced is kept as %s", "registret som ersattes finns kvar som %s"},
	"cli.yaml_too_large":     {"%s: the file is too large (a register file holds at most %d MB)", "%s: filen är för stor (en registerfil får vara högst %d MB)"},
	"cli.conflict":           {"%s already exists in the register; use --replace to overwrite it", "%s finns redan i registret; använd --replace för att skriva över"},
	"cli.not_found":          {"no agreement with id %q", "inget avtal med id %q"},
	"cli.needs_backup_file":  {"backup needs the FILE to write", "backup behöver FILEN att skriva"},
	"cli.needs_restore_file": {"restore needs the backup FILE", "restore behöver säkerhetskopians FIL"},
	"cli.backup_done":        {"wrote a backup to %s", "skrev en säkerhetskopia till %s"},
	"cli.restore_done":       {"restored %s from %s", "återställde %s från %s"},
	"cli.restore_kept":       {"the previous database is kept as %s", "den tidigare databasen finns kvar som %s"},
	"cli.log_empty":          {"the audit log is empty", "ändringsloggen är tom"},
	"cli.empty_register":     {"the register is empty", "registret är tomt"},
}

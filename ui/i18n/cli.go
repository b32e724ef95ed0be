package i18n

// cliMsgs are the strings of the command line.
var cliMsgs = map[string]msg{
	"cli.usage": {`Avtal — a terminal workbench for agreements.

Usage:
  avtal [--db PATH] [--lang sv|en]            open the workbench (TUI)
  avtal list [--json]                         list the register
  avtal show ID [--json]                      show one agreement
  avtal import FILE.yaml... [--replace] [--json]  import agreements
  avtal export --yaml DIR                     write every agreement as YAML
  avtal demo [--db PATH]                      (re)create a database with the sample register
  avtal backup FILE                           write a consistent copy of the database
  avtal restore FILE                          check a backup and put it in place (keeps the old file)
  avtal log [ID] [--json]                     the audit log: who changed what, when
  avtal subprocessors [ID] [--json]           an agreement's sub-processors, notices and flags;
                                              without ID the portfolio [--region R,..] [--status S,..]
  avtal subprocessors import ID FILE [--apply] [--received DATE] [--json]
                                              compare a supplier's list (CSV or table) with the register;
                                              --apply records the differences as change notices
  avtal subprocessors export [ID] [--csv]     the register as CSV (the format import reads)
  avtal notice ID --received DATE [--effective DATE] (--add NAME | --remove NAME | --replace OLD [--add NEW])
               [--country CC] [--purpose TEXT] [--org NUMBER] [--json]
                                              record a change notice; prints the objection deadline
  avtal version                               print the version

Global flags: --db PATH (or AVTAL_DB), --lang sv|en (or LANG).
`, `Avtal — en terminalarbetsbänk för avtal.

Användning:
  avtal [--db SÖKVÄG] [--lang sv|en]          öppna arbetsbänken (TUI)
  avtal list [--json]                         lista registret
  avtal show ID [--json]                      visa ett avtal
  avtal import FIL.yaml... [--replace] [--json]  importera avtal
  avtal export --yaml KATALOG                 skriv alla avtal som YAML
  avtal demo [--db SÖKVÄG]                    skapa (om) en databas med exempelregistret
  avtal backup FIL                            skriv en konsistent kopia av databasen
  avtal restore FIL                           kontrollera en säkerhetskopia och lägg den på plats (behåller den gamla)
  avtal log [ID] [--json]                     ändringsloggen: vem ändrade vad, när
  avtal subprocessors [ID] [--json]           ett avtals underbiträden, aviseringar och flaggor;
                                              utan ID hela portföljen [--region R,..] [--status S,..]
  avtal subprocessors import ID FIL [--apply] [--received DATUM] [--json]
                                              jämför leverantörens lista (CSV eller tabell) med registret;
                                              --apply registrerar skillnaderna som ändringsaviseringar
  avtal subprocessors export [ID] [--csv]     registret som CSV (formatet som import läser)
  avtal notice ID --received DATUM [--effective DATUM] (--add NAMN | --remove NAMN | --replace GAMMAL [--add NY])
               [--country CC] [--purpose TEXT] [--org NUMMER] [--json]
                                              registrera en ändringsavisering; visar sista dag att invända
  avtal version                               skriv ut versionen

Globala flaggor: --db SÖKVÄG (eller AVTAL_DB), --lang sv|en (eller LANG).
`},
	"cli.unknown_command":    {"unknown command %q", "okänt kommando %q"},
	"cli.needs_id":           {"%s needs an agreement id", "%s behöver ett avtals-id"},
	"cli.needs_file":         {"%s needs at least one file", "%s behöver minst en fil"},
	"cli.needs_dir":          {"export needs --yaml DIR", "export behöver --yaml KATALOG"},
	"cli.imported":           {"imported %d agreement(s): %s", "importerade %d avtal: %s"},
	"cli.exported":           {"wrote %d agreement(s) to %s", "skrev %d avtal till %s"},
	"cli.demo_done":          {"created %s with the sample register (%d agreements)", "skapade %s med exempelregistret (%d avtal)"},
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

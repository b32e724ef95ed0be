package i18n

// common holds the app's shell: tabs, status bar, help and shared words.
var common = map[string]msg{
	"app.name":          {"Avtal", "Avtal"},
	"tab.agreements":    {"Agreements", "Avtal"},
	"tab.clauses":       {"Clauses", "Klausuler"},
	"tab.subprocessors": {"Sub-processors", "Underbiträden"},
	"tab.calendar":      {"Calendar", "Kalender"},
	"tab.sla":           {"SLA", "SLA"},
	"scope.all":         {"all agreements", "alla avtal"},
	"scope.one":         {"scope: %s", "urval: %s"},
	"status.db":         {"db: %s", "db: %s"},
	"status.ready":      {"Ready. Press ? for help.", "Redo. Tryck ? för hjälp."},
	"status.scoped":     {"Showing %s in every pane. Press esc to see all agreements.", "Visar %s i alla flikar. Tryck esc för alla avtal."},
	"status.unscoped":   {"Showing all agreements.", "Visar alla avtal."},
	"status.error":      {"Error: %s", "Fel: %s"},
	"too.small":         {"The terminal is too small (%d×%d). Avtal needs at least %d×%d.", "Terminalen är för liten (%d×%d). Avtal behöver minst %d×%d."},
	"key.quit":          {"quit", "avsluta"},
	"key.help":          {"help", "hjälp"},
	"key.next_tab":      {"next pane", "nästa flik"},
	"key.prev_tab":      {"previous pane", "föregående flik"},
	"key.goto_tab":      {"go to pane", "gå till flik"},
	"key.unscope":       {"all agreements", "alla avtal"},
	"key.up":            {"up", "upp"},
	"key.down":          {"down", "ner"},
	"key.pgup":          {"page up", "sida upp"},
	"key.pgdown":        {"page down", "sida ner"},
	"key.top":           {"first", "första"},
	"key.bottom":        {"last", "sista"},
	"backup.offer":      {"The register changed. Back up to %s before quitting? (y/n)", "Registret har ändrats. Säkerhetskopiera till %s innan du avslutar? (j/n)"},
	"backup.running":    {"Backing up…", "Säkerhetskopierar…"},
	"backup.failed":     {"The backup failed: %v. Nothing is lost; press q again to quit.", "Säkerhetskopieringen misslyckades: %v. Inget har gått förlorat; tryck q igen för att avsluta."},
	"loading":           {"Loading…", "Laddar…"},
	"yes":               {"yes", "ja"},
	"no":                {"no", "nej"},
	"none":              {"—", "—"},
	"indefinite":        {"until further notice", "tills vidare"},
}

// placeholderMsgs are the texts of panes whose issues have not landed yet.
var placeholderMsgs = map[string]msg{
	"placeholder.clauses":       {"Clause browsing, search, tags and notes will live here.", "Här kommer du att bläddra, söka, tagga och anteckna i klausuler."},
	"placeholder.subprocessors": {"The sub-processor register and change notices will live here.", "Här kommer registret över underbiträden och ändringsaviseringar att finnas."},
	"placeholder.sla":           {"The SLA credit calculator will live here.", "Här kommer SLA-kalkylatorn för kreditering att finnas."},
	"placeholder.hint":          {"Meanwhile: the CLI (avtal --help) and the Agreements pane (press 1).", "Under tiden: kommandoraden (avtal --help) och fliken Avtal (tryck 1)."},
}

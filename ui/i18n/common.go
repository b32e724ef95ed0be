package i18n

import "sync"

// common holds the app's shell: tabs, status bar, help and shared words.
var common = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"app.name":          {"Avtal", "Avtal"},
		"tab.agreements":    {"Agreements", "Avtal"},
		"tab.clauses":       {"Clauses", "Klausuler"},
		"tab.subprocessors": {"Sub-processors", "Underbiträden"},
		"tab.calendar":      {"Calendar", "Kalender"},
		"tab.sla":           {"SLA", "SLA"},
		"scope.all":         {"all agreements", "alla avtal"},
		"scope.one":         {"scope: %s", "urval: %s"},
		"scope.tab_all":     {"scope: all", "urval: alla"},
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
		"help.more":         {"lines %d–%d of %d · j/k, pgdn/pgup scroll · ? or esc closes", "rad %d–%d av %d · j/k, pgdn/pgup bläddrar · ? eller esc stänger"},
		"backup.offer":      {"The register changed. Back up to %s before quitting? (y/n)", "Registret har ändrats. Säkerhetskopiera till %s innan du avslutar? (y/n)"},
		"backup.running":    {"Backing up…", "Säkerhetskopierar…"},
		"backup.failed":     {"The backup failed: %v. Nothing is lost; press q again to quit.", "Säkerhetskopieringen misslyckades: %v. Inget har gått förlorat; tryck q igen för att avsluta."},
		"loading":           {"Loading…", "Laddar…"},
		"question.kept":     {"Nothing changed.", "Inget ändrat."},
		"yes":               {"yes", "ja"},
		"no":                {"no", "nej"},
		"none":              {"—", "—"},
		"indefinite":        {"until further notice", "tills vidare"},
	}
})

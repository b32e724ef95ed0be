package i18n

import (
	"errors"
	"io/fs"
	"strings"
	"sync"
	"syscall"

	"avtal/model"
	"avtal/model/subproc"
)

// DatesLack says which fields an agreement lacks for its term's dates
// ("no dates until set: Start, Initial term"), "" when it lacks none
// (model.Agreement.DatesLack).
func (l Lang) DatesLack(a *model.Agreement) string {
	lack := a.DatesLack()
	if len(lack) == 0 {
		return ""
	}
	labels := make([]string, len(lack))
	for i, f := range lack {
		labels[i] = l.T("field." + f)
	}
	return l.T("dates.lack", strings.Join(labels, ", "))
}

// Field words a refused field in the language: the catalogue's message
// for its key, or the model's own words for a refusal without one.
func (l Lang) Field(e *model.FieldError) string {
	if e.Key == "" {
		return e.Msg
	}
	return l.T("field.err."+e.Key, l.refusalArgs(e.Args)...)
}

// FieldErrors words the model's refusal err carries, wherever it is
// wrapped, in the language ("agreement x: title: måste fyllas i"): of a
// field, of a value, of a row of a sub-processor list, or of a file or
// folder a person named; other errors stay as they are.
func (l Lang) FieldErrors(err error) error {
	var fe *model.FieldError
	var r *model.Refusal
	var le *subproc.ListError
	var pe *fs.PathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		if text, ok := l.Word(pe.Err, pathProblems, pe.Path); ok {
			return errors.New(strings.Replace(err.Error(), pe.Error(), text, 1))
		}
	case errors.As(err, &le):
		return errors.New(strings.Replace(err.Error(), le.Error(), l.listError(le), 1))
	case errors.As(err, &fe) && fe.Key != "":
		return errors.New(strings.Replace(err.Error(), fe.Error(), fe.Field+": "+l.Field(fe), 1))
	case errors.As(err, &r) && r.Key != "":
		return errors.New(strings.Replace(err.Error(), r.Msg, l.Refused(r), 1))
	}
	return err
}

// Refused words a refusal of a value in the language; one without a key
// in the model's words.
func (l Lang) Refused(r *model.Refusal) string {
	if r.Key == "" {
		return r.Msg
	}
	return l.T("field.err."+r.Key, l.refusalArgs(r.Args)...)
}

// Problem is a cause of failure (found with errors.Is) and the catalogue
// key that words it.
type Problem struct {
	Err error
	Key string
}

// Word words err by the first of problems that is its cause, with args;
// ok is false when none is.
func (l Lang) Word(err error, problems []Problem, args ...any) (text string, ok bool) {
	for _, p := range problems {
		if errors.Is(err, p.Err) {
			return l.T(p.Key, args...), true
		}
	}
	return "", false
}

// pathProblems are what can be wrong with a file or folder a person names.
var pathProblems = []Problem{
	{fs.ErrNotExist, "file.err.missing"},
	{fs.ErrPermission, "file.err.permission"},
	{syscall.ENOTDIR, "file.err.not_folder"},
	{syscall.EISDIR, "file.err.folder"},
	{syscall.ENOSPC, "file.err.full"},
	{syscall.EROFS, "file.err.read_only"},
}

// listError words a problem in a sub-processor list with its row and column.
func (l Lang) listError(e *subproc.ListError) string {
	switch {
	case e.Row > 0 && e.Column != "":
		return l.T("list.err.row_column", e.Row, e.Column, l.Refused(e.Err))
	case e.Row > 0:
		return l.T("list.err.row", e.Row, l.Refused(e.Err))
	}
	return l.Refused(e.Err)
}

// refusalArgs words the keyed refusals among a refusal's arguments (the
// hours a window spec refuses), so nothing inside stays English.
func (l Lang) refusalArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if r, ok := a.(*model.Refusal); ok && r.Key != "" {
			out[i] = l.Refused(r)
		}
		if d, ok := a.(subproc.Delimiter); ok && d == '\t' {
			out[i] = l.T("list.delim.tab")
		}
	}
	return out
}

// fieldMsgs word model.FieldError's keys: the refusals of an agreement's
// fields, of a sub-processor register's entries and notices, and of a
// note, in every face.
var fieldMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"field.err.required": {"must be filled in", "måste fyllas i"},
		"field.err.negative": {"must not be negative", "får inte vara negativt"},
		"field.err.one_of":   {"%q is not one of %s", "%q är inte något av %s"},
		"field.err.id":       {"%q must be lower-case letters, digits and dashes (at most 64)", "%q ska vara gemena bokstäver, siffror och bindestreck (högst 64)"},
		"field.err.id_fixed": {"cannot change (%s); export and import under the new id instead", "kan inte ändras (%s); exportera och importera under det nya id:t i stället"},
		"field.err.date":     {"%q is not a date that exists, written YYYY-MM-DD", "%q är inget datum som finns, skrivet ÅÅÅÅ-MM-DD"},
		// The values the importer stores in English words of its own: the
		// countries whose law it recognises, arbitration as the venue, and the
		// supplier it could not name.
		"law.Sweden":                   {"Sweden", "Sverige"},
		"law.Denmark":                  {"Denmark", "Danmark"},
		"law.Norway":                   {"Norway", "Norge"},
		"law.Finland":                  {"Finland", "Finland"},
		"law.England and Wales":        {"England and Wales", "England och Wales"},
		"law.Ireland":                  {"Ireland", "Irland"},
		"law.Germany":                  {"Germany", "Tyskland"},
		"law.New York":                 {"New York", "New York"},
		"law.California":               {"California", "Kalifornien"},
		"law.Delaware":                 {"Delaware", "Delaware"},
		"venue.arbitration":            {"arbitration", "skiljeförfarande"},
		"supplier.unknown":             {"(unknown)", "(okänd)"},
		"field.err.period":             {"%q is not a period (e.g. 6 months, 4 weeks, 14 days)", "%q är ingen period (t.ex. 6 månader, 4 veckor, 14 dagar)"},
		"field.err.amount":             {"%q is not an amount (e.g. 10000 or 10 000,50)", "%q är inget belopp (t.ex. 10000 eller 10 000,50)"},
		"field.err.yes_no":             {"%q is not true or false", "%q är inte sant eller falskt"},
		"field.err.mark_open":          {"%s: cannot mark the register as open; its file system refuses locks (%v)", "%s: registret kan inte märkas som öppet; dess filsystem tillåter inga lås (%v)"},
		"field.err.write_wait":         {"another program has been writing to the register for over %v; try again", "ett annat program har skrivit i registret i över %v; försök igen"},
		"field.err.months_or_years":    {"%q is not months or years", "%q är inte månader eller år"},
		"field.err.term_unit":          {"a term is counted in days, weeks, months or years", "en avtalstid räknas i dagar, veckor, månader eller år"},
		"field.err.zero_period":        {"%q must be longer than zero (leave it out when there is none)", "%q måste vara längre än noll (utelämna den när det inte finns någon)"},
		"field.err.zero_policy":        {"must be longer than zero; leave it empty when the agreement states none", "måste vara längre än noll; lämna tomt när avtalet inte anger någon"},
		"field.err.too_long":           {"%q is longer than a hundred years", "%q är längre än hundra år"},
		"field.err.indefinite_initial": {"an indefinite agreement has no initial period", "ett avtal som gäller tills vidare har ingen initial avtalstid"},
		"field.err.assignment":         {"is not FIELD=VALUE (e.g. term.notice=3 months)", "är inte FÄLT=VÄRDE (t.ex. term.notice=3 months)"},
		"field.err.unknown_field":      {"is not a field that can be set (one of %s)", "är inget fält som kan ändras (ett av %s)"},
		"field.err.country_code":       {"%q is not an ISO 3166 two-letter code such as SE", "%q är ingen landskod enligt ISO 3166 med två bokstäver, som SE"},
		"field.err.sub_exists":         {"already in the register; edit that entry instead", "finns redan i registret; ändra den posten i stället"},
		"field.err.risk":               {"%q is not a risk level: use ok, watch or risk", "%q är ingen risknivå: använd ok, watch eller risk"},
		"field.err.replaces_only":      {"only a replace names what it replaces", "bara ett byte anger vad som ersätts"},
		"field.err.decided_before":     {"%s is before the notice was received (%s)", "%s är före mottagandet av aviseringen (%s)"},
		"field.err.received_missing":   {"must be set (the date the notice reached you)", "måste anges (dagen aviseringen nådde er)"},
		"field.err.change_kind":        {"%q is not add, replace or remove", "%q är varken add, replace eller remove"},
		"field.err.name_empty":         {"must not be empty", "får inte vara tomt"},
		"field.err.replaces_missing":   {"a replace notice must name the sub-processor it replaces", "en avisering om byte måste ange vilket underbiträde som ersätts"},
		"field.err.verdict":            {"%q is not accept or object", "%q är varken accept eller object"},
		"field.err.decision_date":      {"must be set", "måste anges"},
		"field.err.note_long":          {"a note may hold at most %d characters", "en anteckning får vara högst %d tecken"},
		// An agreement's documents and relations (model.Agreement.Validate).
		"field.err.clause_unnamed": {"needs a number or a heading", "behöver ett nummer eller en rubrik"},
		"field.err.clause_twice":   {"%q appears twice", "%q förekommer två gånger"},
		"field.err.relation_self":  {"an agreement cannot relate to itself", "ett avtal kan inte höra till sig självt"},
		"field.err.tag":            {"%q is not a tag: use letters and digits joined by - or _ (at most %d), e.g. exit-plan", "%q är ingen tagg: använd bokstäver och siffror förenade med - eller _ (högst %d), t.ex. exit-plan"},
		// Files and folders a person names (an os or io/fs error's path).
		"file.err.missing":    {"%s: there is no such file or folder", "%s: filen eller mappen finns inte"},
		"file.err.permission": {"%s: you may not use this file or folder", "%s: du har inte behörighet till filen eller mappen"},
		"file.err.not_folder": {"%s: it or a part of its path is a file, not a folder", "%s: den eller en del av sökvägen är en fil, inte en mapp"},
		"file.err.folder":     {"%s is a folder, not a file", "%s är en mapp, inte en fil"},
		"file.err.full":       {"%s: the disk is full", "%s: disken är full"},
		"file.err.read_only":  {"%s: the disk is read-only", "%s: disken är skrivskyddad"},
		// A sub-processor list as a supplier publishes it (subproc.ParseList).
		"list.err.row_column":          {"row %d, column %s: %s", "rad %d, kolumn %s: %s"},
		"list.err.row":                 {"row %d: %s", "rad %d: %s"},
		"list.delim.tab":               {"tab", "tabb"},
		"field.err.list_empty":         {"the list is empty — the first row must name the columns: name, country, purpose, org number", "listan är tom — första raden ska namnge kolumnerna: namn, land, ändamål, organisationsnummer"},
		"field.err.list_columns":       {"%d columns but the header has %d — check the delimiter (%s) and quote values that contain it", "%d kolumner men rubrikraden har %d — kontrollera avgränsaren (%s) och citera värden som innehåller den"},
		"field.err.list_one_column":    {"the header has only one column — separate the columns with , ; tab or |", "rubrikraden har bara en kolumn — skilj kolumnerna åt med , ; tabb eller |"},
		"field.err.list_no_header":     {"the first row must name the columns — found none of name, country, purpose, org number (or namn, land, ändamål, organisationsnummer)", "första raden ska namnge kolumnerna — hittade inget av namn, land, ändamål, organisationsnummer (eller name, country, purpose, org number)"},
		"field.err.list_tied":          {"the header splits equally on %s and %s — use one delimiter", "rubrikraden delas lika på %s och %s — använd en enda avgränsare"},
		"field.err.list_same_column":   {"means %s, like column %q — keep one of them", "betyder %s, liksom kolumnen %q — behåll en av dem"},
		"field.err.list_missing":       {"missing required column %q", "kolumnen %q saknas"},
		"field.err.list_missing_place": {"missing required column %q (or %q)", "kolumnen %q (eller %q) saknas"},
		"field.err.list_no_name":       {"empty — every sub-processor needs a name", "tomt — varje underbiträde behöver ett namn"},
		"field.err.list_no_place":      {"no country or region given — write the two-letter code, e.g. SE, or a region such as EEA", "inget land eller region angivet — skriv landskoden med två bokstäver, t.ex. SE, eller en region som EES"},
		"field.err.list_bare_quote":    {`a value contains a quote (") but does not start with one — quote the whole value and double the inner quote ("")`, `ett värde innehåller ett citattecken (") men börjar inte med ett — citera hela värdet och dubbla det inre citattecknet ("")`},
		"field.err.list_open_quote":    {"a quoted value is not closed, or has text after its closing quote", "ett citerat värde är inte avslutat, eller har text efter sitt avslutande citattecken"},
		// The CSV reader's other complaints are English: the Swedish leaves them out.
		"field.err.list_unreadable": {"%s", "går inte att läsa som en lista%.0s"},
		// Accepting and undoing an importer's proposal (extract.Proposal).
		"field.err.rule_no_period":     {"the rule states no period", "regeln anger ingen period"},
		"field.err.undo_field_changed": {"changed to %q since the proposal was accepted; set it by hand instead", "ändrat till %q sedan förslaget godtogs; ändra det för hand i stället"},
		"field.err.undo_rule_changed":  {"the accepted rule was changed or removed since", "den godtagna regeln har ändrats eller tagits bort sedan dess"},
		"field.err.undo_tiers_changed": {"the credit tiers were changed since the proposal was accepted", "krediteringsnivåerna har ändrats sedan förslaget godtogs"},
		"field.err.undo_sub_changed":   {"%s was changed or removed since the proposal was accepted", "%s har ändrats eller tagits bort sedan förslaget godtogs"},
		// The YAML format (yamlreg): what the file itself gets wrong.
		"field.err.yaml_empty":         {"the file is empty", "filen är tom"},
		"field.err.yaml_unknown_field": {"unknown field", "okänt fält"},
		"field.err.yaml_empty_item":    {"an empty item; fill it in or remove the dash", "en tom post; fyll i den eller ta bort strecket"},
		// The YAML library's own complaint is English: the Swedish says where
		// the file cannot be read (the line) and leaves the library's words out.
		"field.err.yaml_syntax": {"%s", "filen går inte att läsa som YAML här%.0s"},
		// Regions and countries as a person writes them (model.ParseRegion,
		// subproc.ParseCountry).
		// SLA terms (model.SLATerms, slacredit's parsers of the CLI's flags
		// and the pane's fields).
		// Deadline rules and what they count from (model.Rule, deadlines'
		// lead times and events).
		"field.err.deadline_kind":    {"%q is not a deadline kind (%s)", "%q är ingen typ av frist (%s)"},
		"field.err.month_day":        {"%q is not a month and day (want MM-DD)", "%q är ingen månad och dag (skriv MM-DD)"},
		"field.err.anchor":           {"%q is not agreement_date, start_date, period_end, cancel_by, agreement_end, yearly, date or event:NAME", "%q är inget av agreement_date, start_date, period_end, cancel_by, agreement_end, yearly, date eller event:NAMN"},
		"field.err.late_from_yearly": {"only a yearly rule can start a year later", "bara en årlig regel kan börja ett år senare"},
		"field.err.offset_negative":  {"must not be negative; set before: true to count backwards", "får inte vara negativ; ange before: true för att räkna bakåt"},
		"field.err.lead_shape":       {"%q: want KIND=DAYS,DAYS,… with a deadline kind such as termination_notice", "%q: skriv TYP=DAGAR,DAGAR,… med en typ av frist som termination_notice"},
		"field.err.lead_days":        {"%s: %q is not a number of days between 0 and 3650", "%s: %q är inget antal dagar mellan 0 och 3650"},
		"field.err.event_name":       {"event %q: a name is lower-case letters, digits and _ (termination, notice_received, downtime)", "händelsen %q: ett namn är gemena bokstäver, siffror och _ (termination, notice_received, downtime)"},
		"field.err.event_date":       {"event %s: the date is missing", "händelsen %s: datumet saknas"},
		"field.err.event_unknown":    {"no deadline of %s counts from the event %q; it knows %s", "ingen frist i %s räknas från händelsen %q; den känner till %s"},
		"field.err.pct_range":        {"%g is not a percentage between 0 and 100", "%g är ingen procentsats mellan 0 och 100"},
		"field.err.weekday":          {"%d is not a weekday (1 = Monday … 7 = Sunday)", "%d är ingen veckodag (1 = måndag … 7 = söndag)"},
		"field.err.window_kind":      {"%q is not 24x7 or service_hours", "%q är varken 24x7 eller service_hours"},
		"field.err.tz_unknown":       {"%q is not a known time zone", "%q är ingen känd tidszon"},
		"field.err.tier_twice":       {"below %g%% is given twice, with %g%% and %g%%", "under %g %% anges två gånger, med %g %% och %g %%"},
		"field.err.tier_order":       {"below %g%% gives %g%%, less than the %g%% below %g%%: a lower uptime must not earn a smaller credit", "under %g %% ger %g %%, mindre än %g %% under %g %%: lägre drifttid får inte ge mindre kreditering"},
		"field.err.clock":            {"%q is not a time of day (want HH:MM)", "%q är ingen tid på dygnet (skriv TT:MM)"},
		"field.err.tiers_none":       {"no credit tiers given (want e.g. 99.5:25,99:50,95:100)", "inga krediteringsnivåer angivna (t.ex. 99.5:25,99:50,95:100)"},
		"field.err.tier_shape":       {"tier %d %q: want UPTIME:CREDIT, e.g. 99.5:25", "nivå %d %q: skriv DRIFTTID:KREDIT, t.ex. 99.5:25"},
		"field.err.tier_uptime":      {"tier %d %q: uptime %q is not a percentage above 0 and at most 100", "nivå %d %q: drifttiden %q är ingen procentsats över 0 och högst 100"},
		"field.err.tier_credit":      {"tier %d %q: credit %q is not a percentage from 0 to 100", "nivå %d %q: krediteringen %q är ingen procentsats från 0 till 100"},
		"field.err.tier_repeated":    {"tier %d %q: uptime %g appears twice", "nivå %d %q: drifttiden %g förekommer två gånger"},
		"field.err.window_part":      {"window %q: %s", "mätfönstret %q: %s"},
		"field.err.window_24x7":      {"window %q: 24x7 takes no days or hours", "mätfönstret %q: 24x7 har inga dagar eller timmar"},
		"field.err.window_shape":     {"window %q: want 24x7, or days and hours such as \"mon-fri 08:00-17:00 holidays=SE\"", "mätfönstret %q: skriv 24x7, eller dagar och timmar som \"mon-fri 08:00-17:00 holidays=SE\""},
		"field.err.window_holidays":  {"holidays %q is not a known calendar (want %s or none)", "holidays %q är ingen känd kalender (välj %s eller none)"},
		"field.err.window_eves":      {"eves %q is not yes or no", "eves %q är varken yes eller no"},
		"field.err.window_tz":        {"tz %q is not a known time zone (want e.g. %s)", "tz %q är ingen känd tidszon (t.ex. %s)"},
		"field.err.window_option":    {"%q is not an option (want holidays=, eves= or tz=)", "%q är inget alternativ (välj holidays=, eves= eller tz=)"},
		"field.err.window_days":      {"days %q: %q is not a day or range of days (want e.g. mon-fri or mon,wed,fri)", "dagarna %q: %q är ingen dag eller följd av dagar (t.ex. mon-fri eller mon,wed,fri)"},
		"field.err.hours_shape":      {"hours %q: want FROM-TO, e.g. 08:00-17:00", "tiderna %q: skriv FRÅN-TILL, t.ex. 08:00-17:00"},
		"field.err.hours_clock":      {"hours %q: %s", "tiderna %q: %s"},
		"field.err.hours_order":      {"hours %q: %s is not after %s", "tiderna %q: %s är inte efter %s"},
		"field.err.hours_after":      {"%s is not after the start of service hours %s", "%s är inte efter servicetidens början %s"},
		"field.err.weekdays_none":    {"list the weekdays service hours apply", "ange de veckodagar servicetiden gäller"},
		"field.err.holidays_unknown": {"%q is not a known holiday calendar (want %s)", "%q är ingen känd helgdagskalender (välj %s)"},
		"field.err.month_text":       {"%q is not a month (want YYYY-MM, e.g. 2026-11)", "%q är ingen månad (skriv ÅÅÅÅ-MM, t.ex. 2026-11)"},
		"field.err.fee_none":         {"no fee is recorded", "ingen avgift är registrerad"},
		"field.err.fee_per":          {"a fee per %q cannot be turned into a monthly fee (want months or years)", "en avgift per %q kan inte räknas om till en månadsavgift (välj månader eller år)"},
		// Times and downtimes as a person writes them (slacredit.ParseTime,
		// ParseDowntime), in the CLI's flags and the SLA pane's fields.
		"field.err.time_text":      {"%q is not a date and time (want YYYY-MM-DDTHH:MM, e.g. 2026-11-10T10:00)", "%q är inget datum med tid (skriv ÅÅÅÅ-MM-DDTTT:MM, t.ex. 2026-11-10T10:00)"},
		"field.err.time_date":      {"%s is not a date that exists", "%s är inget datum som finns"},
		"field.err.time_clock":     {"%s is not a time of day that exists", "%s är ingen tid på dygnet som finns"},
		"field.err.time_offset":    {"%s: offset %q is not Z or ±HH:MM", "%s: tidsförskjutningen %q är varken Z eller ±TT:MM"},
		"field.err.time_skipped":   {"%s does not exist in %s: the clocks skip that hour", "%s finns inte i %s: klockan hoppar över den timmen"},
		"field.err.time_twice":     {"%s happens twice in %s (the clocks go back): add the offset, %s%s for the first or %s%s for the second", "%s inträffar två gånger i %s (klockan ställs tillbaka): lägg till förskjutningen, %s%s för den första eller %s%s för den andra"},
		"field.err.downtime_shape": {"%q is not a downtime (want START/END, e.g. 2026-11-10T10:00/2026-11-10T13:00)", "%q är ingen nedtid (skriv START/SLUT, t.ex. 2026-11-10T10:00/2026-11-10T13:00)"},
		"field.err.downtime_start": {"start: %s", "början: %s"},
		"field.err.downtime_end":   {"end: %s", "slutet: %s"},
		"field.err.downtime_order": {"end %s is before start %s", "slutet %s är före början %s"},
		"field.err.downtime_empty": {"end %s is the same as start: a downtime must end after it starts", "slutet %s är detsamma som början: en nedtid måste sluta efter att den börjat"},
		// Dates, periods and amounts as a person writes them (model.ParseDate,
		// ParsePeriod, ParseAmount), in any flag or field.
		"field.err.date_exists":     {"%q is not a date that exists", "%q är inget datum som finns"},
		"field.err.date_text":       {"%q is not a date (want YYYY-MM-DD)", "%q är inget datum (skriv ÅÅÅÅ-MM-DD)"},
		"field.err.date_years":      {"%q is outside the years %d–%d", "%q ligger utanför åren %d–%d"},
		"field.err.period_text":     {"%q is not a period (want e.g. \"6 months\", \"4 weeks\", \"14 days\")", "%q är ingen period (t.ex. \"6 månader\", \"4 veckor\", \"14 dagar\")"},
		"field.err.period_range":    {"%q: number out of range", "%q: talet är för stort"},
		"field.err.period_unit":     {"%q: unknown unit %q (want days, weeks, months, years or business days)", "%q: okänd enhet %q (välj dagar, veckor, månader, år eller arbetsdagar)"},
		"field.err.amount_text":     {"%q is not an amount (want e.g. 10000 or 10 000,50)", "%q är inget belopp (t.ex. 10000 eller 10 000,50)"},
		"field.err.region_long":     {"%q is longer than %d characters", "%q är längre än %d tecken"},
		"field.err.region_none":     {"%q names no region — write EEA, EU or the region's name", "%q anger ingen region — skriv EES, EU eller regionens namn"},
		"field.err.region_code":     {"%q is a country code — write it as the country, or name the region (EEA, EU)", "%q är en landskod — skriv den som land, eller ange regionen (EES, EU)"},
		"field.err.region_char":     {"%q: %q does not belong in a region's name", "%q: %q hör inte hemma i en regions namn"},
		"field.err.region_written":  {"%q is written %s", "%q skrivs %s"},
		"field.err.country_unknown": {"%q is not an ISO 3166 country code", "%q är ingen landskod enligt ISO 3166"},
		"field.err.country_none":    {"no country given — write the two-letter code, e.g. SE", "inget land angivet — skriv landskoden med två bokstäver, t.ex. SE"},
		"field.err.country_near":    {"%[1]q is not an ISO code — write %[2]s (%[3]s)", "%[1]q är ingen ISO-kod — skriv %[2]s (%[4]s)"},
		"field.err.country_name":    {"%q is not an ISO code or a country name — write the two-letter code, e.g. SE", "%q är varken en ISO-kod eller ett landsnamn — skriv landskoden med två bokstäver, t.ex. SE"},
	}
})

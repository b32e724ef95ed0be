package i18n

import (
	"errors"
	"strings"

	"avtal/model"
)

// Field words a refused field in the language: the catalogue's message
// for its key, or the model's own words for a refusal without one.
func (l Lang) Field(e *model.FieldError) string {
	if e.Key == "" {
		return e.Msg
	}
	return l.T("field.err."+e.Key, e.Args...)
}

// FieldErrors words the model's field refusal err carries, wherever it is
// wrapped, in the language ("agreement x: title: måste fyllas i"); other
// errors stay as they are.
func (l Lang) FieldErrors(err error) error {
	var fe *model.FieldError
	var r *model.Refusal
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fe) && fe.Key != "":
		return errors.New(strings.Replace(err.Error(), fe.Error(), fe.Field+": "+l.Field(fe), 1))
	case errors.As(err, &r) && r.Key != "":
		return errors.New(strings.Replace(err.Error(), r.Msg, l.Refused(r), 1))
	}
	return err
}

// Refused words a refusal of a value in the language.
func (l Lang) Refused(r *model.Refusal) string { return l.T("field.err."+r.Key, r.Args...) }

// fieldMsgs word model.FieldError's keys: the refusals of an agreement's
// fields, of a sub-processor register's entries and notices, and of a
// note, in every face.
var fieldMsgs = map[string]msg{
	"field.err.required":           {"must be filled in", "måste fyllas i"},
	"field.err.negative":           {"must not be negative", "får inte vara negativt"},
	"field.err.one_of":             {"%q is not one of %s", "%q är inte något av %s"},
	"field.err.id":                 {"%q must be lower-case letters, digits and dashes (at most 64)", "%q ska vara gemena bokstäver, siffror och bindestreck (högst 64)"},
	"field.err.id_fixed":           {"cannot change (%s); export and import under the new id instead", "kan inte ändras (%s); exportera och importera under det nya id:t i stället"},
	"field.err.date":               {"%q is not a date that exists, written YYYY-MM-DD", "%q är inget datum som finns, skrivet ÅÅÅÅ-MM-DD"},
	"field.err.period":             {"%q is not a period (e.g. 6 months, 4 weeks, 14 days)", "%q är ingen period (t.ex. 6 månader, 4 veckor, 14 dagar)"},
	"field.err.amount":             {"%q is not an amount (e.g. 10000 or 10 000,50)", "%q är inget belopp (t.ex. 10000 eller 10 000,50)"},
	"field.err.yes_no":             {"%q is not true or false", "%q är inte sant eller falskt"},
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
	"field.err.note_long":          {"a note may hold at most %d characters", "en anteckning får vara högst %d tecken"},
	// Regions and countries as a person writes them (model.ParseRegion,
	// subproc.ParseCountry).
	"field.err.region_long":     {"%q is longer than %d characters", "%q är längre än %d tecken"},
	"field.err.region_none":     {"%q names no region — write EEA, EU or the region's name", "%q anger ingen region — skriv EES, EU eller regionens namn"},
	"field.err.region_code":     {"%q is a country code — write it as the country, or name the region (EEA, EU)", "%q är en landskod — skriv den som land, eller ange regionen (EES, EU)"},
	"field.err.region_char":     {"%q: %q does not belong in a region's name", "%q: %q hör inte hemma i en regions namn"},
	"field.err.region_written":  {"%q is written %s", "%q skrivs %s"},
	"field.err.country_unknown": {"%q is not an ISO 3166 country code", "%q är ingen landskod enligt ISO 3166"},
	"field.err.country_none":    {"no country given — write the two-letter code, e.g. SE", "inget land angivet — skriv landskoden med två bokstäver, t.ex. SE"},
	"field.err.country_near":    {"%q is not an ISO code — write %s (%s)", "%q är ingen ISO-kod — skriv %s (%s)"},
	"field.err.country_name":    {"%q is not an ISO code or a country name — write the two-letter code, e.g. SE", "%q är varken en ISO-kod eller ett landsnamn — skriv landskoden med två bokstäver, t.ex. SE"},
}

package subproc

import (
	"fmt"
	"strings"

	"avtal/model"
	"avtal/model/workdays"
)

// sentences are the words of an assessment's explanation in one language:
// format strings whose verbs take the dates and periods in the same order
// in every language, so only the words change.
type sentences struct {
	// The title of a notice's objection deadline: the sub-processor.
	title string
	// The objection deadline: window, received, window, deadline, act-by note.
	window string
	// No window: takes effect, deadline, act-by note.
	untilEffective, noWindow, silence string
	// Advance notice: required, received, required, earliest, effective,
	// notice given, verdict.
	advance, advanceUnknown, enough, tooLittle string
	// The notice given, after or before the day it was received.
	givenAfter, givenBefore string
	// What an objection leads to: the customer's notice of termination
	// (a possessive period), and the day notice on the deadline ends it.
	customerTerminates, endsAt, supplierTerminates, remedyText string
	// The clause the policy is in.
	clause string
	// Why the day to act is earlier: a holiday or weekday, the day to act.
	actBy string
	// weekdays name a day that is not a working day, Sunday first.
	weekdays [7]string
	// possessive is what a period takes before "notice", when its last
	// word does not and does end in s: "1 month's", "3 months'", "3 månaders".
	possessive [2]string
}

// sentencesIn holds the sentences of each model.Lang.
var sentencesIn = [...]sentences{
	model.English: {
		title:              "Object to sub-processor change: %s",
		window:             "Objection within %s of receipt: %s + %s = %s%s.",
		untilEffective:     "No objection window is stated, so object before the change takes effect on %s: by %s%s.",
		noWindow:           "The agreement states no objection window.",
		silence:            "Silence counts as acceptance.",
		advance:            "Advance notice %s: %s + %s = %s at the earliest; the change is to take effect %s, %s: %s.",
		advanceUnknown:     "Advance notice %s: %s + %s = %s at the earliest; the notice gives no effective date.",
		enough:             "enough notice",
		tooLittle:          "too little notice",
		givenAfter:         "%s after the notice",
		givenBefore:        "%s before the notice",
		customerTerminates: "If the customer objects, it may terminate with %s notice",
		endsAt:             " (given on %s, the agreement ends %s)",
		supplierTerminates: "If the customer objects, the supplier may terminate the agreement.",
		remedyText:         "If the customer objects: %s.",
		clause:             "Clause %s.",
		actBy:              " (%s), so act by %s",
		weekdays:           [7]string{"a Sunday", "a Monday", "a Tuesday", "a Wednesday", "a Thursday", "a Friday", "a Saturday"},
		possessive:         [2]string{"'s", "'"},
	},
	model.Swedish: {
		title:              "Invänd mot ändrat underbiträde: %s",
		window:             "Invändning ska göras inom %s från mottagandet: %s + %s = %s%s.",
		untilEffective:     "Avtalet anger ingen invändningsfrist, så invänd innan ändringen börjar gälla %s: senast %s%s.",
		noWindow:           "Avtalet anger ingen invändningsfrist.",
		silence:            "Tystnad räknas som godkännande.",
		advance:            "Varsel %s: %s + %s = tidigast %s; ändringen ska börja gälla %s, %s: %s.",
		advanceUnknown:     "Varsel %s: %s + %s = tidigast %s; aviseringen anger inte när ändringen börjar gälla.",
		enough:             "tillräckligt varsel",
		tooLittle:          "för kort varsel",
		givenAfter:         "%s efter aviseringen",
		givenBefore:        "%s före aviseringen",
		customerTerminates: "Om kunden invänder får den säga upp avtalet med %s uppsägningstid",
		endsAt:             " (sägs det upp %s slutar avtalet %s)",
		supplierTerminates: "Om kunden invänder får leverantören säga upp avtalet.",
		remedyText:         "Om kunden invänder: %s.",
		clause:             "Punkt %s.",
		actBy:              " (%s), så sista dag att agera är %s",
		weekdays:           [7]string{"en söndag", "en måndag", "en tisdag", "en onsdag", "en torsdag", "en fredag", "en lördag"},
		possessive:         [2]string{"s", ""},
	},
}

// Explain writes the assessment as sentences with the arithmetic, in lang.
func (a *Assessment) Explain(lang model.Lang) string {
	w := &sentencesIn[lang]
	var s []string
	switch a.Basis {
	case BasisWindow:
		window := a.Window.In(lang)
		s = append(s, fmt.Sprintf(w.window, window, a.Received, window, a.ObjectionBy, w.actByNote(a.ObjectionBy, a.ActBy)))
	case BasisUntilEffective:
		s = append(s, fmt.Sprintf(w.untilEffective, a.takesEffect(), a.ObjectionBy, w.actByNote(a.ObjectionBy, a.ActBy)))
	default:
		s = append(s, w.noWindow)
	}
	if a.SilenceAccepts && a.Basis != BasisNone {
		s = append(s, w.silence)
	}
	required := a.Required.In(lang)
	switch a.SufficientNotice {
	case NoticeInsufficient, NoticeSufficient:
		verdict := w.enough
		if a.SufficientNotice == NoticeInsufficient {
			verdict = w.tooLittle
		}
		s = append(s, fmt.Sprintf(w.advance, required, a.Received, required, a.EarliestEffective, a.Effective, w.given(a.Given, lang), verdict))
	case NoticeUnknown:
		s = append(s, fmt.Sprintf(w.advanceUnknown, required, a.Received, required, a.EarliestEffective))
	}
	switch r := a.Remedy; {
	case r.CustomerMayTerminate:
		sentence := fmt.Sprintf(w.customerTerminates, w.possessiveOf(r.TerminationNotice.In(lang)))
		if !r.EndsAt.IsZero() {
			sentence += fmt.Sprintf(w.endsAt, a.ObjectionBy, r.EndsAt)
		}
		s = append(s, sentence+".")
	case r.SupplierMayTerminate:
		s = append(s, w.supplierTerminates)
	case r.Text != "":
		s = append(s, fmt.Sprintf(w.remedyText, strings.TrimSuffix(r.Text, ".")))
	}
	if a.Clause != "" {
		s = append(s, fmt.Sprintf(w.clause, a.Clause))
	}
	return strings.Join(s, " ")
}

// actByNote says why the act-by date is earlier than the deadline: the
// holiday (by its Swedish name in every language) or the weekday.
func (w *sentences) actByNote(nominal, actBy model.Date) string {
	if nominal.Equal(actBy) {
		return ""
	}
	why := workdays.HolidayName(nominal)
	if why == "" {
		why = w.weekdays[nominal.Weekday()]
	}
	return fmt.Sprintf(w.actBy, why, actBy)
}

// given describes the notice given: "2 weeks after the notice", or before
// it when the change was to take effect before the notice arrived.
func (w *sentences) given(p model.Period, lang model.Lang) string {
	if p.N < 0 {
		return fmt.Sprintf(w.givenBefore, model.Period{N: -p.N, Unit: p.Unit}.In(lang))
	}
	return fmt.Sprintf(w.givenAfter, p.In(lang))
}

// possessiveOf writes a period as in "3 months' notice", "3 månaders uppsägningstid".
func (w *sentences) possessiveOf(period string) string {
	if strings.HasSuffix(period, "s") {
		return period + w.possessive[1]
	}
	return period + w.possessive[0]
}

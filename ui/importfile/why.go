package importfile

import (
	"regexp"
	"strings"
	"sync"

	"avtal/model"
	"avtal/ui/i18n"
)

// whyForm is one of the reasons model/extract gives for a proposal, as a
// pattern over its English words, and the catalogue key that words it in
// the session's language.
type whyForm struct {
	re  *regexp.Regexp
	key string
}

// whyForms are the reasons, part by part: a reason lists its parts with
// ", " ("listed in a clause about sub-processors, company form \"Inc\"").
var whyForms = sync.OnceValue(func() []whyForm {
	forms := []struct{ pattern, key string }{
		{`clause (\S+) changed by (.+)`, "why.amend_changed"},
		{`clause (\S+) removed by (.+)`, "why.amend_removed"},
		{`the kind of agreement its title names`, "why.kind_title"},
		{`a date the text gives as (\S+)`, "why.date"},
		{`the law the agreement follows`, "why.law"},
		{`where disputes are settled`, "why.venue"},
		{`yearly on (\S+) near "(.*)"`, "why.yearly_near"},
		{`(\d+ \S+(?: \S+)?) near "(.*)"`, "why.near"},
		{`listed in a clause about sub-processors`, "why.sub_listed"},
		{`org\. no\. (.+)`, "why.org_number"},
		{`company form "(.+)"`, "why.company_form"},
		{`place (.+)`, "why.place"},
		{`a row of a table of sub-processors`, "why.sub_row"},
		{`under "(.*)"`, "why.under"},
		{`the party named beside the customer`, "why.party"},
		{`a company named with its organisation number`, "why.numbered"},
		{`the company the text calls by the supplier's role`, "why.called"},
		{`the name the text defines as "we"`, "why.self"},
		{`the company the text names most`, "why.most"},
		{`the agreement's term: (.+)`, "why.term"},
		{`initial (.+)`, "why.initial"},
		{`renewal (.+)`, "why.renewal"},
		{`notice (.+)`, "why.notice"},
		{`and no period of its own: until ended`, "why.until_ended"},
		{`until further notice`, "why.until_further_notice"},
		{`the agreement runs until further notice`, "why.runs_until_further_notice"},
		{`the agreement may be ended at any time without notice`, "why.ended_any_time"},
		{`credit table with (\d+) rows`, "why.credit_table"},
		{`credit tables of (.+) with (\d+) rows`, "why.credit_tables"},
	}
	out := make([]whyForm, len(forms))
	for i, f := range forms {
		out[i] = whyForm{regexp.MustCompile(`^` + f.pattern + `$`), f.key}
	}
	return out
})

// Why words the reason a proposal gives (in English, as model/extract
// writes it and the JSON keeps it) in lang: "30 days near \"invoice\"" is
// "30 dagar nära ”invoice”" in Swedish. A part it does not know stays as
// it is.
func Why(lang i18n.Lang, reason string) string {
	if lang == i18n.EN {
		return reason
	}
	parts := strings.Split(reason, ", ")
	for i, p := range parts {
		parts[i] = whyPart(lang, p)
	}
	return strings.Join(parts, ", ")
}

// whyPart words one part of a reason; what it quotes is worded too when it
// is a reason's part, a period or a field's name.
func whyPart(lang i18n.Lang, part string) string {
	for _, f := range whyForms() {
		m := f.re.FindStringSubmatch(part)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			args[i] = whyArg(lang, a)
		}
		return lang.T(f.key, args...)
	}
	return part
}

func whyArg(lang i18n.Lang, arg string) string {
	if p, err := model.ParsePeriod(arg); err == nil && strings.Contains(arg, " ") {
		return p.In(lang.Model())
	}
	if i18n.Has("field." + arg) {
		return strings.ToLower(lang.T("field." + arg))
	}
	return whyPart(lang, arg)
}

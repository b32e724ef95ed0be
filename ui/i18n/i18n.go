// Package i18n is the one catalogue of every string a person sees in the
// TUI and the CLI, in Swedish and English.
package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
)

// Lang is a language of the catalogue.
type Lang string

// The languages Avtal speaks.
const (
	EN Lang = "en"
	SV Lang = "sv"
)

// msg is one entry of the catalogue in both languages.
type msg struct{ en, sv string }

// catalog is the per-area tables; each area keeps its strings next to the
// others of its kind in its own file. A key is looked for in each in turn:
// merging them into one map cost every command a fifth of a millisecond at
// its start. No key is in two of them (a test checks), so their order only
// says which are made first: each is made when a lookup first reaches it,
// and the commands' own come first, so a command that says one line
// (avtal search) makes two tables, not fourteen, of the 0.3 ms they all cost.
var catalog = [...]func() map[string]msg{cliMsgs, clausesMsgs, common, agreementsMsgs, cliHelpMsgs, formMsgs, sshdMsgs,
	slaMsgs, genMsgs, importsMsgs, subprocsMsgs, calendarMsgs, completeMsgs, fieldMsgs}

// lookup finds key in the catalogue.
func lookup(key string) (msg, bool) {
	for _, table := range catalog {
		if m, ok := table()[key]; ok {
			return m, true
		}
	}
	return msg{}, false
}

// Detect picks the language: the --lang flag wins, else LC_ALL, then LANG
// starting with "sv" means Swedish, else English.
func Detect(flag string, getenv func(string) string) (Lang, error) {
	switch strings.ToLower(flag) {
	case "sv", "sv_se", "svenska":
		return SV, nil
	case "en", "en_gb", "en_us", "english":
		return EN, nil
	case "":
	default:
		return EN, fmt.Errorf("unknown language %q (use sv or en)", flag)
	}
	for _, v := range []string{"LC_ALL", "LANG"} {
		if val := getenv(v); val != "" {
			if strings.HasPrefix(strings.ToLower(val), "sv") {
				return SV, nil
			}
			return EN, nil
		}
	}
	return EN, nil
}

// T returns the message key in the language, formatted with args. A
// model.Period among args is written in the language ("6 månader"). A key
// missing from the catalogue comes back as itself, so it is easy to spot.
func (l Lang) T(key string, args ...any) string {
	m, ok := lookup(key)
	if !ok {
		return key
	}
	s := m.en
	if l == SV {
		s = m.sv
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, l.periods(args)...)
	}
	return s
}

// periods returns args with every model.Period in words of the language,
// copying args before the first change so the caller's slice stays as it was.
func (l Lang) periods(args []any) []any {
	var out []any
	for i, a := range args {
		if p, ok := a.(model.Period); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = p.In(l.Model())
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Model returns the language for what the model writes itself: periods and
// the sentences that explain computed dates.
func (l Lang) Model() model.Lang {
	if l == SV {
		return model.Swedish
	}
	return model.English
}

// Has reports whether the catalogue holds key.
func Has(key string) bool { _, ok := lookup(key); return ok }

// AuditWhat says in words what an audit entry records ("accepted
// proposal"), from its stored action and entity codes; a code the
// catalogue lacks (written by a newer Avtal) is shown as stored.
func (l Lang) AuditWhat(action, entity string) string {
	word := func(key, stored string) string {
		if Has(key) {
			return l.T(key)
		}
		return stored
	}
	return word("audit."+action, action) + " " + word("audit.entity."+entity, entity)
}

// DeadlineKind names what a deadline is in the language (your own one by
// its title), with its subject
// when it has one ("Sub-processor objection: Acme"), so two deadlines of
// one kind on one day can be told apart in a list, and says when it is
// the supplier's to meet ("Supplier must, by the date: Price increase
// notice"). d may be in the coded form (model.Deadline.Coded).
func (l Lang) DeadlineKind(d model.Deadline) string {
	s := l.T("dl." + string(d.Kind))
	if d.Kind == model.DLCustom && d.Title != "" {
		return deadlines.WordedTitle(&d, l.Model()) // your own deadline is what you called it
	}
	if d.Subject != "" {
		s += ": " + d.Subject
	}
	if d.SupplierDuty {
		s = l.T("dl.supplier_must", s)
	}
	return s
}

// FieldNames names agreement fields ("term.notice") in the language, as
// the forms label them ("Uppsägningstid"); a field without a label keeps
// its name.
func (l Lang) FieldNames(fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f
		if Has("field." + f) {
			names[i] = l.T("field." + f)
		}
	}
	return strings.Join(names, ", ")
}

// Region names where a sub-processor stands under the transfer rules
// (subproc.SubRegion): its country's region, with the one adequacy
// decision that needs checking per organisation (the United States are
// adequate only for organisations certified under the EU-US Data Privacy
// Framework), or the EU or the EEA it names in place of a country. Any
// other place reads "unknown — check", with the region it names.
func (l Lang) Region(s model.SubProcessor) string {
	switch r := subproc.SubRegion(s); {
	case strings.EqualFold(strings.TrimSpace(s.Country), "US"):
		return l.T("region.us")
	case r != subproc.RegionUnknown:
		return l.T("region." + string(r))
	case s.Country == "" && s.Region != "":
		return l.T("region.named", s.Region)
	}
	return l.T("region.check")
}

// Decimal writes a number already formatted with a decimal point the way
// the language does: "99,5" in Swedish, "99.5" in English.
func (l Lang) Decimal(number string) string {
	if l == SV {
		return strings.Replace(number, ".", ",", 1)
	}
	return number
}

// Pct writes a percentage figure with as many decimals as it has.
func (l Lang) Pct(v float64) string { return l.Decimal(strconv.FormatFloat(v, 'f', -1, 64)) }

// Count writes n with the message key, or with key.one when n is 1 and the
// catalogue has it ("1 clause", "49 clauses").
func (l Lang) Count(key string, n int) string {
	if n == 1 && Has(key+".one") {
		return l.T(key + ".one")
	}
	return l.T(key, n)
}
